import type { Database, Statement } from 'better-sqlite3';

export interface NoticeVersionRow {
  notice_id: string;
  version: number;
  /** Canonical JSON of the content fields. */
  content: string;
  content_hash: string;
  published_at: number;
  published_by: string;
}

/** An item's material that may be replaced by a commitment, with what a notice needs to say about it. */
export interface NoticeSubjectRow {
  item_code: string;
  item_name: string;
  department_name: string;
  legal_basis_html: string;
  material_id: string;
  material_name: string;
}

const VERSION_COLUMNS = 'v.notice_id, v.version, v.content, v.content_hash, v.published_at, v.published_by';
const LATEST = `
  SELECT ${VERSION_COLUMNS} FROM notice_versions v
  WHERE v.version = (SELECT MAX(version) FROM notice_versions WHERE notice_id = v.notice_id)`;

/** 告知书 and their versions. Versions are only ever added (the table refuses UPDATE and DELETE). */
export class NoticeStore {
  private readonly currentStmt: Statement<[string], NoticeVersionRow>;
  private readonly versionStmt: Statement<[string, number], NoticeVersionRow>;
  private readonly forItemStmt: Statement<[string], NoticeVersionRow>;
  private readonly allCurrentStmt: Statement<[], NoticeVersionRow>;
  private readonly allowsStmt: Statement<[string], { allowed: number }>;
  private readonly missingStmt: Statement<[], NoticeSubjectRow>;
  private readonly insertNoticeStmt: Statement<[string, string, string, number]>;
  private readonly insertVersionStmt: Statement<[string, number, string, string, number, string]>;

  constructor(private readonly db: Database) {
    this.currentStmt = db.prepare(`${LATEST} AND v.notice_id = ?`);
    this.versionStmt = db.prepare(
      `SELECT ${VERSION_COLUMNS} FROM notice_versions v WHERE notice_id = ? AND version = ?`,
    );
    // The item's notices for the materials it has now (and that still allow a commitment), in guide order.
    this.forItemStmt = db.prepare(`
      SELECT ${VERSION_COLUMNS} FROM notices n
      JOIN materials m ON m.item_code = n.item_code AND m.id = n.material_id AND m.commitment_allowed = 1
      JOIN notice_versions v ON v.notice_id = n.id
        AND v.version = (SELECT MAX(version) FROM notice_versions WHERE notice_id = n.id)
      WHERE n.item_code = ?
      ORDER BY m.position`);
    this.allCurrentStmt = db.prepare(`
      ${LATEST} ORDER BY (SELECT item_code FROM notices WHERE id = v.notice_id), v.notice_id`);
    this.allowsStmt = db.prepare(`
      SELECT COUNT(*) AS allowed FROM notices n
      JOIN materials m ON m.item_code = n.item_code AND m.id = n.material_id AND m.commitment_allowed = 1
      WHERE n.id = ?`);
    this.missingStmt = db.prepare(`
      SELECT i.code AS item_code, i.name AS item_name, d.name AS department_name,
        i.legal_basis_html, m.id AS material_id, m.name AS material_name
      FROM materials m
      JOIN items i ON i.code = m.item_code
      JOIN departments d ON d.id = i.department_id
      WHERE m.commitment_allowed = 1
        AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.item_code = m.item_code AND n.material_id = m.id)
      ORDER BY i.code, m.position`);
    this.insertNoticeStmt = db.prepare(
      'INSERT INTO notices (id, item_code, material_id, created_at) VALUES (?, ?, ?, ?)',
    );
    this.insertVersionStmt = db.prepare(`
      INSERT INTO notice_versions (notice_id, version, content, content_hash, published_at, published_by)
      VALUES (?, ?, ?, ?, ?, ?)`);
  }

  current(noticeId: string): NoticeVersionRow | undefined {
    return this.currentStmt.get(noticeId);
  }

  version(noticeId: string, version: number): NoticeVersionRow | undefined {
    return this.versionStmt.get(noticeId, version);
  }

  currentForItem(itemCode: string): NoticeVersionRow[] {
    return this.forItemStmt.all(itemCode);
  }

  allCurrent(): NoticeVersionRow[] {
    return this.allCurrentStmt.all();
  }

  /** Whether the notice's material is still in its item and still allows a commitment. */
  stillApplies(noticeId: string): boolean {
    return (this.allowsStmt.get(noticeId)?.allowed ?? 0) > 0;
  }

  /** Commitment-allowed materials that have no notice yet. */
  missingSubjects(): NoticeSubjectRow[] {
    return this.missingStmt.all();
  }

  /** A new notice with its first version (the caller holds the transaction). */
  create(
    noticeId: string,
    itemCode: string,
    materialId: string,
    content: string,
    hash: string,
    at: number,
    by: string,
  ): void {
    this.insertNoticeStmt.run(noticeId, itemCode, materialId, at);
    this.insertVersionStmt.run(noticeId, 1, content, hash, at, by);
  }

  addVersion(noticeId: string, version: number, content: string, hash: string, at: number, by: string): void {
    this.insertVersionStmt.run(noticeId, version, content, hash, at, by);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
