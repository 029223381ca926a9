import type { Database, Statement } from 'better-sqlite3';
import type {
  Department,
  Guide,
  Hall,
  ItemSummary,
  Material,
  ThemeItem,
  ThemeItemSummary,
  WorkdayCalendar,
} from '../../../types/contract';
import { CALENDAR_FROM_YEAR, CALENDAR_TO_YEAR } from '../seed/apply-seed';
import {
  parseJson,
  toHall,
  toItemSummary,
  toMaterial,
  type HallRow,
  type ItemRow,
  type IndexRow,
  type MaterialRow,
  type SummaryRow,
} from './catalogue-rows';
import { SettingsStore } from './settings-store';

const ITEM_SELECT = `SELECT i.*, d.name AS department_name FROM items i JOIN departments d ON d.id = i.department_id`;

interface ThemeRow {
  code: string;
  name: string;
  description: string;
  audiences: string;
  promised_days: number;
  visits: number;
  item_count: number;
}

/** Read side of the catalogue, with every statement prepared once. */
export class CatalogueStore {
  private readonly settings: SettingsStore;
  private readonly departmentsStmt: Statement<[], Department>;
  private readonly itemStmt: Statement<[string], ItemRow>;
  private readonly indexRowsStmt: Statement<[], SummaryRow & { material_names: string }>;
  private readonly hotItemsStmt: Statement<[number], ItemRow>;
  private readonly materialsStmt: Statement<[string], MaterialRow>;
  private readonly itemHallsStmt: Statement<[string], HallRow>;
  private readonly hallsStmt: Statement<[], HallRow>;
  private readonly themesStmt: Statement<[], ThemeRow>;
  private readonly themeStmt: Statement<[string], ThemeRow>;
  private readonly themeItemsStmt: Statement<[string], ItemRow>;
  private readonly calendarStmt: Statement<[], { date: string; kind: 'holiday' | 'makeup' }>;
  private readonly synonymsStmt: Statement<[], { group_id: number; term: string }>;

  constructor(db: Database) {
    this.settings = new SettingsStore(db);
    this.departmentsStmt = db.prepare(`
      SELECT d.id, d.name, d.short_name AS shortName, COUNT(i.code) AS itemCount
      FROM departments d LEFT JOIN items i ON i.department_id = d.id
      GROUP BY d.id ORDER BY d.sort_order, d.id`);
    this.itemStmt = db.prepare(`${ITEM_SELECT} WHERE i.code = ?`);
    // Only what the search index keeps: a province's catalogue is ~100,000 items, and their guides'
    // texts (conditions, steps, legal basis, FAQs) would be read only to be dropped.
    // Each item with its materials' names, in one pass: the search index reads a province's
    // catalogue row by row rather than holding every item and material row at once.
    this.indexRowsStmt = db.prepare(`
      SELECT i.code, i.name, i.department_id, d.name AS department_name, i.aliases, i.audiences, i.item_type,
        i.legal_days, i.promised_days, i.fully_online, i.max_one_visit, i.scope, i.popularity,
        (SELECT json_group_array(name) FROM
          (SELECT m.name FROM materials m WHERE m.item_code = i.code ORDER BY m.position)) AS material_names
      FROM items i JOIN departments d ON d.id = i.department_id ORDER BY i.code`);
    this.hotItemsStmt = db.prepare(`${ITEM_SELECT} ORDER BY i.popularity DESC, length(i.name), i.code LIMIT ?`);
    this.materialsStmt = db.prepare('SELECT * FROM materials WHERE item_code = ? ORDER BY position');
    this.itemHallsStmt = db.prepare(`
      SELECT h.* FROM item_halls ih JOIN halls h ON h.id = ih.hall_id
      WHERE ih.item_code = ? ORDER BY ih.position`);
    this.hallsStmt = db.prepare('SELECT * FROM halls ORDER BY sort_order, id');
    const themeSelect = `SELECT t.*, (SELECT COUNT(*) FROM theme_items ti WHERE ti.theme_code = t.code) AS item_count FROM themes t`;
    this.themesStmt = db.prepare(`${themeSelect} ORDER BY t.sort_order, t.code`);
    this.themeStmt = db.prepare(`${themeSelect} WHERE t.code = ?`);
    this.themeItemsStmt = db.prepare(`
      SELECT i.*, d.name AS department_name FROM theme_items ti
      JOIN items i ON i.code = ti.item_code JOIN departments d ON d.id = i.department_id
      WHERE ti.theme_code = ? ORDER BY ti.position`);
    this.calendarStmt = db.prepare('SELECT date, kind FROM calendar_days ORDER BY date');
    this.synonymsStmt = db.prepare('SELECT group_id, term FROM synonyms ORDER BY group_id, term');
  }

  departments(): Department[] {
    return this.departmentsStmt.all();
  }

  hotItems(limit: number): ItemSummary[] {
    return this.hotItemsStmt.all(limit).map(toItemSummary);
  }

  itemSummary(code: string): ItemSummary | undefined {
    const row = this.itemStmt.get(code);
    return row && toItemSummary(row);
  }

  /** Every item's summary columns (for the search index). */
  /** Every item with its materials' names, one row at a time (for the search index). */
  *indexRows(): Generator<IndexRow> {
    for (const { material_names: names, ...row } of this.indexRowsStmt.iterate()) {
      yield { ...row, materialNames: parseJson<string[]>(names) };
    }
  }

  guide(code: string): Guide | undefined {
    const row = this.itemStmt.get(code);
    if (!row) return undefined;
    return {
      ...toItemSummary(row),
      aliases: parseJson<string[]>(row.aliases),
      visits: row.visits,
      fee: row.fee,
      channels: parseJson<Guide['channels']>(row.channels),
      conditionsHtml: row.conditions_html,
      materials: this.materialsStmt.all(code).map(toMaterial),
      steps: parseJson<Guide['steps']>(row.steps),
      legalBasisHtml: row.legal_basis_html,
      faqs: parseJson<Guide['faqs']>(row.faqs),
      halls: this.itemHallsStmt.all(code).map(toHall),
      phone: row.phone,
      updatedAt: row.updated_at,
    };
  }

  halls(): Hall[] {
    return this.hallsStmt.all().map(toHall);
  }

  themes(): ThemeItemSummary[] {
    return this.themesStmt.all().map((row) => ({
      code: row.code,
      name: row.name,
      description: row.description,
      audiences: parseJson<ThemeItemSummary['audiences']>(row.audiences),
      itemCount: row.item_count,
    }));
  }

  theme(code: string): ThemeItem | undefined {
    const row = this.themeStmt.get(code);
    if (!row) return undefined;
    const items = this.themeItemsStmt.all(code);
    // One application, one set of materials: the same material named in several items is asked once.
    const materials = new Map<string, Material>();
    for (const item of items) {
      for (const m of this.materialsStmt.all(item.code).map(toMaterial)) {
        if (!materials.has(m.name)) materials.set(m.name, m);
      }
    }
    return {
      code: row.code,
      name: row.name,
      description: row.description,
      audiences: parseJson<ThemeItem['audiences']>(row.audiences),
      itemCount: row.item_count,
      items: items.map(toItemSummary),
      promisedDays: row.promised_days,
      visits: row.visits,
      materials: [...materials.values()],
    };
  }

  calendar(): WorkdayCalendar {
    const rows = this.calendarStmt.all();
    // Without a seeded calendar the range is empty (to < from): the app falls back to Mon–Fri.
    return {
      fromYear: Number(this.settings.get(CALENDAR_FROM_YEAR) ?? 0),
      toYear: Number(this.settings.get(CALENDAR_TO_YEAR) ?? -1),
      holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.date),
      makeupWorkdays: rows.filter((r) => r.kind === 'makeup').map((r) => r.date),
    };
  }

  synonymGroups(): string[][] {
    const groups = new Map<number, string[]>();
    for (const row of this.synonymsStmt.all()) {
      const group = groups.get(row.group_id) ?? [];
      group.push(row.term);
      groups.set(row.group_id, group);
    }
    return [...groups.values()];
  }

  catalogueVersion(): number {
    return this.settings.catalogueVersion();
  }
}
