import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';

/** An officer-issued 电子证照 (the 居民身份证 one is derived, never stored). */
export interface LicenceRow {
  id: string;
  user_id: string;
  name: string;
  holder: string;
  number: string;
  issuer: string;
  valid_until: string | null;
  issued_at: number;
  issued_by: string;
}

export interface NewLicence {
  userId: string;
  name: string;
  holder: string;
  number: string;
  issuer: string;
  validUntil?: string;
  issuedBy: string;
}

export class LicenceStore {
  private readonly listStmt: Statement<[string], LicenceRow>;
  private readonly getStmt: Statement<[string], LicenceRow>;
  private readonly insertStmt: Statement<LicenceRow>;

  constructor(db: Database) {
    this.listStmt = db.prepare('SELECT * FROM licences WHERE user_id = ? ORDER BY issued_at, rowid');
    this.getStmt = db.prepare('SELECT * FROM licences WHERE id = ?');
    this.insertStmt = db.prepare(`
      INSERT INTO licences (id, user_id, name, holder, number, issuer, valid_until, issued_at, issued_by)
      VALUES (@id, @user_id, @name, @holder, @number, @issuer, @valid_until, @issued_at, @issued_by)`);
  }

  listForUser(userId: string): LicenceRow[] {
    return this.listStmt.all(userId);
  }

  insert(input: NewLicence, now: number): LicenceRow {
    const row: LicenceRow = {
      id: randomUUID(),
      user_id: input.userId,
      name: input.name,
      holder: input.holder,
      number: input.number,
      issuer: input.issuer,
      valid_until: input.validUntil ?? null,
      issued_at: now,
      issued_by: input.issuedBy,
    };
    this.insertStmt.run(row);
    return this.getStmt.get(row.id) as LicenceRow;
  }
}
