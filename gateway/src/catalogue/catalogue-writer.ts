import type { Database, Statement } from 'better-sqlite3';
import type { StoredItem } from './normalise-item';

export type WriteOutcome = 'added' | 'updated' | 'unchanged';

/** Upserts departments and items; the caller wraps a whole import in one transaction. */
export class CatalogueWriter {
  private readonly deptSelect: Statement<[string], { name: string; short_name: string }>;
  private readonly deptInsert: Statement<[string, string, string]>;
  private readonly deptUpdate: Statement<[string, string, string]>;
  private readonly hashSelect: Statement<[string], { content_hash: string }>;
  private readonly itemUpsert: Statement<Record<string, string | number>>;
  private readonly materialsDelete: Statement<[string]>;
  private readonly materialInsert: Statement<Record<string, string | number>>;
  private readonly hallsDelete: Statement<[string]>;
  private readonly hallInsert: Statement<[string, string, number]>;

  constructor(db: Database) {
    this.deptSelect = db.prepare('SELECT name, short_name FROM departments WHERE id = ?');
    // New departments go after the existing ones, so separate import files keep a stable order.
    this.deptInsert = db.prepare(
      'INSERT INTO departments (id, name, short_name, sort_order) VALUES (?, ?, ?, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM departments))',
    );
    this.deptUpdate = db.prepare('UPDATE departments SET name = ?, short_name = ? WHERE id = ?');
    this.hashSelect = db.prepare('SELECT content_hash FROM items WHERE code = ?');
    this.itemUpsert = db.prepare(`
      INSERT INTO items (code, name, department_id, aliases, audiences, item_type, legal_days, promised_days,
        visits, fee, channels, fully_online, max_one_visit, scope, conditions_html, steps, legal_basis_html,
        faqs, phone, popularity, content_hash, updated_at)
      VALUES (@code, @name, @departmentId, @aliases, @audiences, @itemType, @legalDays, @promisedDays,
        @visits, @fee, @channels, @fullyOnline, @maxOneVisit, @scope, @conditionsHtml, @steps, @legalBasisHtml,
        @faqs, @phone, @popularity, @contentHash, @updatedAt)
      ON CONFLICT(code) DO UPDATE SET
        name = excluded.name, department_id = excluded.department_id, aliases = excluded.aliases,
        audiences = excluded.audiences, item_type = excluded.item_type, legal_days = excluded.legal_days,
        promised_days = excluded.promised_days, visits = excluded.visits, fee = excluded.fee,
        channels = excluded.channels, fully_online = excluded.fully_online, max_one_visit = excluded.max_one_visit,
        scope = excluded.scope, conditions_html = excluded.conditions_html, steps = excluded.steps,
        legal_basis_html = excluded.legal_basis_html, faqs = excluded.faqs, phone = excluded.phone,
        popularity = excluded.popularity, content_hash = excluded.content_hash, updated_at = excluded.updated_at
    `);
    this.materialsDelete = db.prepare('DELETE FROM materials WHERE item_code = ?');
    this.materialInsert = db.prepare(`
      INSERT INTO materials (item_code, position, id, name, form, copies, necessity, review_points, source,
        e_licence_accepted, commitment_allowed)
      VALUES (@itemCode, @position, @id, @name, @form, @copies, @necessity, @reviewPoints, @source,
        @eLicenceAccepted, @commitmentAllowed)
    `);
    this.hallsDelete = db.prepare('DELETE FROM item_halls WHERE item_code = ?');
    this.hallInsert = db.prepare('INSERT INTO item_halls (item_code, hall_id, position) VALUES (?, ?, ?)');
  }

  upsertDepartment(id: string, name: string, shortName: string): WriteOutcome {
    const existing = this.deptSelect.get(id);
    if (!existing) {
      this.deptInsert.run(id, name, shortName);
      return 'added';
    }
    if (existing.name === name && existing.short_name === shortName) return 'unchanged';
    this.deptUpdate.run(name, shortName, id);
    return 'updated';
  }

  upsertItem(item: StoredItem, hash: string, updatedAt: string): WriteOutcome {
    const existing = this.hashSelect.get(item.code);
    if (existing?.content_hash === hash) return 'unchanged';
    this.itemUpsert.run({
      code: item.code,
      name: item.name,
      departmentId: item.departmentId,
      aliases: JSON.stringify(item.aliases),
      audiences: JSON.stringify(item.audiences),
      itemType: item.itemType,
      legalDays: item.legalDays,
      promisedDays: item.promisedDays,
      visits: item.visits,
      fee: item.fee,
      channels: JSON.stringify(item.channels),
      fullyOnline: item.fullyOnline ? 1 : 0,
      maxOneVisit: item.maxOneVisit ? 1 : 0,
      scope: item.scope,
      conditionsHtml: item.conditionsHtml,
      steps: JSON.stringify(item.steps),
      legalBasisHtml: item.legalBasisHtml,
      faqs: JSON.stringify(item.faqs),
      phone: item.phone,
      popularity: item.popularity,
      contentHash: hash,
      updatedAt,
    });
    this.materialsDelete.run(item.code);
    item.materials.forEach((m, position) => {
      this.materialInsert.run({
        itemCode: item.code,
        position,
        id: m.id,
        name: m.name,
        form: m.form,
        copies: m.copies,
        necessity: m.necessity,
        reviewPoints: m.reviewPoints,
        source: m.source,
        eLicenceAccepted: m.eLicenceAccepted ? 1 : 0,
        commitmentAllowed: m.commitmentAllowed ? 1 : 0,
      });
    });
    this.hallsDelete.run(item.code);
    item.hallIds.forEach((hallId, position) => this.hallInsert.run(item.code, hallId, position));
    return existing ? 'updated' : 'added';
  }
}
