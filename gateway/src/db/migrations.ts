/**
 * Schema migrations, applied in order and recorded in `schema_migrations`. Append new entries at the
 * end; never edit or reorder one that has shipped (a database that already ran it would not see
 * the change). Each runs in its own transaction.
 */
export interface Migration {
  /** Sequence number; must equal the position in the array plus one. */
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'catalogue',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE departments (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        short_name TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );

      -- Nested guide lists (aliases, audiences, channels, steps, faqs) are JSON: they are always read
      -- and written whole with their item and never queried on their own.
      CREATE TABLE items (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        department_id TEXT NOT NULL REFERENCES departments(id),
        aliases TEXT NOT NULL,
        audiences TEXT NOT NULL,
        item_type TEXT NOT NULL,
        legal_days INTEGER NOT NULL,
        promised_days INTEGER NOT NULL,
        visits INTEGER NOT NULL,
        fee TEXT NOT NULL,
        channels TEXT NOT NULL,
        fully_online INTEGER NOT NULL,
        max_one_visit INTEGER NOT NULL,
        scope TEXT NOT NULL,
        conditions_html TEXT NOT NULL,
        steps TEXT NOT NULL,
        legal_basis_html TEXT NOT NULL,
        faqs TEXT NOT NULL,
        phone TEXT NOT NULL,
        popularity INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX items_department ON items(department_id);

      CREATE TABLE materials (
        item_code TEXT NOT NULL REFERENCES items(code) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        form TEXT NOT NULL,
        copies INTEGER NOT NULL,
        necessity TEXT NOT NULL,
        review_points TEXT NOT NULL,
        source TEXT NOT NULL,
        e_licence_accepted INTEGER NOT NULL,
        commitment_allowed INTEGER NOT NULL,
        PRIMARY KEY (item_code, position)
      );

      CREATE TABLE halls (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        address TEXT NOT NULL,
        phone TEXT NOT NULL,
        latitude REAL NOT NULL,
        longitude REAL NOT NULL,
        open_24h INTEGER NOT NULL,
        follows_workday_calendar INTEGER NOT NULL,
        hours TEXT NOT NULL,
        note TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );

      CREATE TABLE item_halls (
        item_code TEXT NOT NULL REFERENCES items(code) ON DELETE CASCADE,
        hall_id TEXT NOT NULL REFERENCES halls(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (item_code, hall_id)
      );

      CREATE TABLE themes (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        audiences TEXT NOT NULL,
        promised_days INTEGER NOT NULL,
        visits INTEGER NOT NULL,
        sort_order INTEGER NOT NULL
      );

      CREATE TABLE theme_items (
        theme_code TEXT NOT NULL REFERENCES themes(code) ON DELETE CASCADE,
        item_code TEXT NOT NULL REFERENCES items(code) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (theme_code, item_code)
      );

      CREATE TABLE calendar_days (
        date TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'makeup'))
      );

      CREATE TABLE synonyms (
        group_id INTEGER NOT NULL,
        term TEXT NOT NULL,
        PRIMARY KEY (group_id, term)
      );
    `,
  },
  {
    version: 2,
    name: 'accounts',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        mobile TEXT UNIQUE,
        weapp_openid TEXT UNIQUE,
        alipay_user_id TEXT UNIQUE,
        real_name TEXT,
        id_number TEXT,
        verified_at INTEGER,
        created_at INTEGER NOT NULL
      );

      -- Codes are stored as an HMAC, never in clear. Times are epoch milliseconds.
      CREATE TABLE sms_codes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        mobile TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        consumed_at INTEGER
      );
      CREATE INDEX sms_codes_mobile ON sms_codes(mobile, created_at);

      -- A family is one login: every refresh rotates the pair inside it, and reuse of a rotated
      -- refresh token revokes the whole family.
      CREATE TABLE refresh_tokens (
        token_hash TEXT PRIMARY KEY,
        family_id TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        rotated_at INTEGER
      );
      CREATE INDEX refresh_tokens_family ON refresh_tokens(family_id);

      CREATE TABLE access_tokens (
        token_hash TEXT PRIMARY KEY,
        family_id TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX access_tokens_family ON access_tokens(family_id);

      CREATE TABLE token_families (
        family_id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );

      CREATE TABLE favourites (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        item_code TEXT NOT NULL REFERENCES items(code) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, item_code)
      );
    `,
  },
  {
    version: 3,
    name: 'items-popularity-index',
    // 热门事项 (top items by popularity) without scanning the whole catalogue.
    sql: 'CREATE INDEX items_popularity ON items(popularity DESC, code)',
  },
];
