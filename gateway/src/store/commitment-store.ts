import type { Database, Statement } from 'better-sqlite3';
import type { CommitmentStatus } from '../../../types/contract';
import { NOT_DEMO_USER } from './demo-store';

/** A commitment as stored: the signed record's fields, its canonical JSON and the signature. */
export interface CommitmentRow {
  id: string;
  user_id: string;
  notice_id: string;
  notice_version: number;
  notice_hash: string;
  item_code: string;
  item_name: string;
  material_name: string;
  signer_name_masked: string;
  signer_id_number_masked: string;
  signature_file_id: string;
  signature_sha256: string;
  case_id: string | null;
  signed_at: number;
  record_json: string;
  gateway_signature: string;
  key_id: string;
}

export interface CommitmentEventRow {
  status: CommitmentStatus;
  at: number;
  actor: string;
  note: string;
}

const COLUMNS = `id, user_id, notice_id, notice_version, notice_hash, item_code, item_name, material_name,
  signer_name_masked, signer_id_number_masked, signature_file_id, signature_sha256, case_id, signed_at,
  record_json, gateway_signature, key_id`;

/**
 * 告知承诺 records. Append-only: a commitment row is written once (the table refuses UPDATE and
 * DELETE); its status is the latest of its events. Reads that serve a user are scoped by user id.
 */
export class CommitmentStore {
  private readonly insertStmt: Statement<CommitmentRow>;
  private readonly eventStmt: Statement<[string, CommitmentStatus, number, string, string]>;
  private readonly getStmt: Statement<[string], CommitmentRow>;
  private readonly getForUserStmt: Statement<[string, string], CommitmentRow>;
  private readonly bySignatureStmt: Statement<[string], CommitmentRow>;
  private readonly listForUserStmt: Statement<[string], CommitmentRow>;
  private readonly listAllStmt: Statement<[], CommitmentRow>;
  private readonly eventsStmt: Statement<[string], CommitmentEventRow>;
  private readonly creditStmt: Statement<[string], { serious_dishonesty: number }>;
  private readonly creditEventStmt: Statement<[string, number, string, number, string]>;

  constructor(private readonly db: Database) {
    this.insertStmt = db.prepare(`
      INSERT INTO commitments (${COLUMNS})
      VALUES (@id, @user_id, @notice_id, @notice_version, @notice_hash, @item_code, @item_name, @material_name,
        @signer_name_masked, @signer_id_number_masked, @signature_file_id, @signature_sha256, @case_id, @signed_at,
        @record_json, @gateway_signature, @key_id)`);
    this.eventStmt = db.prepare(
      'INSERT INTO commitment_events (commitment_id, status, at, actor, note) VALUES (?, ?, ?, ?, ?)',
    );
    this.getStmt = db.prepare(`SELECT ${COLUMNS} FROM commitments WHERE id = ?`);
    this.getForUserStmt = db.prepare(`SELECT ${COLUMNS} FROM commitments WHERE id = ? AND user_id = ?`);
    this.bySignatureStmt = db.prepare(`SELECT ${COLUMNS} FROM commitments WHERE signature_file_id = ?`);
    this.listForUserStmt = db.prepare(
      `SELECT ${COLUMNS} FROM commitments WHERE user_id = ? ORDER BY signed_at DESC, rowid DESC`,
    );
    // Demo residents' commitments stay out of the officers' list to verify (gateway/src/demo).
    this.listAllStmt = db.prepare(
      `SELECT ${COLUMNS} FROM commitments WHERE ${NOT_DEMO_USER('user_id')} ORDER BY signed_at DESC, rowid DESC`,
    );
    this.eventsStmt = db.prepare(
      'SELECT status, at, actor, note FROM commitment_events WHERE commitment_id = ? ORDER BY id',
    );
    this.creditStmt = db.prepare(
      'SELECT serious_dishonesty FROM credit_events WHERE user_id = ? ORDER BY id DESC LIMIT 1',
    );
    this.creditEventStmt = db.prepare(
      'INSERT INTO credit_events (user_id, serious_dishonesty, reason, at, actor) VALUES (?, ?, ?, ?, ?)',
    );
  }

  /** Writes a commitment and its first event (`signed`); the caller holds the transaction. */
  insert(row: CommitmentRow, actor: string): void {
    this.insertStmt.run(row);
    this.eventStmt.run(row.id, 'signed', row.signed_at, actor, '');
  }

  addEvent(id: string, status: CommitmentStatus, at: number, actor: string, note: string): void {
    this.eventStmt.run(id, status, at, actor, note);
  }

  get(id: string): CommitmentRow | undefined {
    return this.getStmt.get(id);
  }

  getForUser(userId: string, id: string): CommitmentRow | undefined {
    return this.getForUserStmt.get(id, userId);
  }

  bySignatureFile(fileId: string): CommitmentRow | undefined {
    return this.bySignatureStmt.get(fileId);
  }

  listForUser(userId: string): CommitmentRow[] {
    return this.listForUserStmt.all(userId);
  }

  listAll(): CommitmentRow[] {
    return this.listAllStmt.all();
  }

  events(id: string): CommitmentEventRow[] {
    return this.eventsStmt.all(id);
  }

  /** 严重失信主体: the latest flag an officer set for the user (none → false). */
  seriousDishonesty(userId: string): boolean {
    return this.creditStmt.get(userId)?.serious_dishonesty === 1;
  }

  setSeriousDishonesty(userId: string, flag: boolean, reason: string, at: number, actor: string): void {
    this.creditEventStmt.run(userId, flag ? 1 : 0, reason, at, actor);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
