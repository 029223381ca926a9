import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Platform } from '../../../types/contract';

export interface UserRecord {
  id: string;
  mobile: string | null;
  real_name: string | null;
  id_number: string | null;
  verified_at: number | null;
}

const COLUMNS = 'id, mobile, real_name, id_number, verified_at';

/** Accounts. Personal data (mobile, name, id number) stays in here and leaves only masked. */
export class UserStore {
  private readonly byId: Statement<[string], UserRecord>;
  private readonly byMobile: Statement<[string], UserRecord>;
  private readonly byWeapp: Statement<[string], UserRecord>;
  private readonly byAlipay: Statement<[string], UserRecord>;
  private readonly insertMobile: Statement<[string, string, number]>;
  private readonly insertWeapp: Statement<[string, string, number]>;
  private readonly insertAlipay: Statement<[string, string, number]>;
  private readonly realName: Statement<[string, string, number, string]>;
  private readonly holderOf: Statement<[string, string], UserRecord>;

  constructor(db: Database) {
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
    this.byMobile = db.prepare(`SELECT ${COLUMNS} FROM users WHERE mobile = ?`);
    this.byWeapp = db.prepare(`SELECT ${COLUMNS} FROM users WHERE weapp_openid = ?`);
    this.byAlipay = db.prepare(`SELECT ${COLUMNS} FROM users WHERE alipay_user_id = ?`);
    this.insertMobile = db.prepare('INSERT INTO users (id, mobile, created_at) VALUES (?, ?, ?)');
    this.insertWeapp = db.prepare('INSERT INTO users (id, weapp_openid, created_at) VALUES (?, ?, ?)');
    this.insertAlipay = db.prepare('INSERT INTO users (id, alipay_user_id, created_at) VALUES (?, ?, ?)');
    this.realName = db.prepare('UPDATE users SET real_name = ?, id_number = ?, verified_at = ? WHERE id = ?');
    this.holderOf = db.prepare(
      `SELECT ${COLUMNS} FROM users WHERE id_number = ? AND verified_at IS NOT NULL AND id <> ? ORDER BY verified_at, id LIMIT 1`,
    );
  }

  get(id: string): UserRecord | undefined {
    return this.byId.get(id);
  }

  /** The account that logged in with this mobile number, if any (never creates one). */
  findByMobile(mobile: string): UserRecord | undefined {
    return this.byMobile.get(mobile);
  }

  /** The account of this mobile number, created on first login. */
  forMobile(mobile: string, now: Date): UserRecord {
    const existing = this.byMobile.get(mobile);
    if (existing) return existing;
    const id = randomUUID();
    this.insertMobile.run(id, mobile, now.getTime());
    return this.byId.get(id) as UserRecord;
  }

  /** The account of this mini-program identity, created on first login. */
  forPlatform(platform: Platform, openId: string, now: Date): UserRecord {
    const find = platform === 'weapp' ? this.byWeapp : this.byAlipay;
    const existing = find.get(openId);
    if (existing) return existing;
    const id = randomUUID();
    (platform === 'weapp' ? this.insertWeapp : this.insertAlipay).run(id, openId, now.getTime());
    return this.byId.get(id) as UserRecord;
  }

  /** The account this 身份证号 was first verified on, other than `exceptId`. */
  firstHolderOf(idNumber: string, exceptId: string): UserRecord | undefined {
    return this.holderOf.get(idNumber, exceptId);
  }

  setRealName(id: string, name: string, idNumber: string, now: Date): UserRecord {
    this.realName.run(name, idNumber, now.getTime(), id);
    return this.byId.get(id) as UserRecord;
  }
}
