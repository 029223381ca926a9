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
  {
    version: 4,
    name: 'cases',
    // 办件. Status is plain text checked in code (no CHECK constraint): the pre-review feature adds
    // statuses, columns and transitions without rebuilding the table. Item name and department are
    // copied at creation: a case is about the item as it was when applied for.
    sql: `
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        item_code TEXT NOT NULL REFERENCES items(code),
        item_name TEXT NOT NULL,
        department_id TEXT NOT NULL REFERENCES departments(id),
        status TEXT NOT NULL,
        submitted_at INTEGER NOT NULL,
        completed_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX cases_user ON cases(user_id, submitted_at DESC);
      -- Finished cases by completion time: the 7-day default (默认好评) reads them.
      CREATE INDEX cases_completed ON cases(completed_at) WHERE completed_at IS NOT NULL;

      -- Every status change, with who made it (applicant, officer:<name>, system).
      CREATE TABLE case_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        from_status TEXT,
        to_status TEXT NOT NULL,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX case_events_case ON case_events(case_id, id);
    `,
  },
  {
    version: 5,
    name: 'ratings',
    // 好差评: service windows (一次一评 by QR), visits, ratings, 差评 rectification tickets. Ratings and
    // tickets are never updated except by their own workflow (ticket status, appeal flag).
    sql: `
      CREATE TABLE service_windows (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        hall_id TEXT NOT NULL REFERENCES halls(id),
        department_id TEXT NOT NULL REFERENCES departments(id),
        sort_order INTEGER NOT NULL
      );
      CREATE INDEX service_windows_hall ON service_windows(hall_id);

      CREATE TABLE window_visits (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        window_code TEXT NOT NULL REFERENCES service_windows(code),
        started_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX window_visits_user ON window_visits(user_id, window_code, started_at);

      -- subject / department / hall are copied when rating, so later catalogue changes do not move
      -- a rating to another department's figures.
      CREATE TABLE ratings (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        channel TEXT NOT NULL CHECK (channel IN ('online', 'onsite')),
        case_id TEXT UNIQUE REFERENCES cases(id),
        visit_id TEXT UNIQUE REFERENCES window_visits(id),
        window_code TEXT,
        subject TEXT NOT NULL,
        department_id TEXT NOT NULL,
        hall_id TEXT,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        indicators TEXT NOT NULL,
        reason_codes TEXT NOT NULL,
        comment TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        appealed_at INTEGER,
        appeal_reason TEXT,
        appealed_by TEXT,
        CHECK ((case_id IS NULL) <> (visit_id IS NULL))
      );
      CREATE INDEX ratings_user ON ratings(user_id, created_at);
      CREATE INDEX ratings_user_window ON ratings(user_id, window_code, created_at);
      CREATE INDEX ratings_department ON ratings(department_id, level);
      CREATE INDEX ratings_hall ON ratings(hall_id, level) WHERE hall_id IS NOT NULL;

      CREATE TABLE rectification_tickets (
        id TEXT PRIMARY KEY,
        rating_id TEXT NOT NULL UNIQUE REFERENCES ratings(id),
        status TEXT NOT NULL CHECK (status IN ('verifying', 'rectifying', 'revisiting', 'closed')),
        deadline TEXT NOT NULL,
        result TEXT,
        feedback_level TEXT,
        feedback_comment TEXT,
        feedback_at INTEGER,
        closed_at INTEGER,
        -- China calendar date of closing, compared with the deadline (on time = closed_on <= deadline).
        closed_on TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX rectification_tickets_created ON rectification_tickets(created_at);
      CREATE INDEX rectification_tickets_status ON rectification_tickets(status);

      CREATE TABLE ticket_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id TEXT NOT NULL REFERENCES rectification_tickets(id),
        status TEXT NOT NULL,
        at INTEGER NOT NULL,
        note TEXT NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);
    `,
  },
  {
    version: 6,
    name: 'uploads-and-commitments',
    // 告知承诺. Uploaded files live on disk under <dataDir>/files/<id> (the id is random, never the
    // client's file name); this table is the only way to them. Notice versions, commitments and
    // their status events are append-only: triggers refuse UPDATE and DELETE, so the workflow can
    // only add rows (a status change is a new commitment_events row). Credit flags are events too:
    // the latest row per user is the current state.
    sql: `
      CREATE TABLE uploads (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        purpose TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        width INTEGER,
        height INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX uploads_user ON uploads(user_id, purpose, created_at);

      -- One notice (告知书) per item and material; its text is in notice_versions.
      CREATE TABLE notices (
        id TEXT PRIMARY KEY,
        item_code TEXT NOT NULL,
        material_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (item_code, material_id)
      );

      -- content: canonical JSON of the content fields; content_hash: its SHA-256 (hex).
      CREATE TABLE notice_versions (
        notice_id TEXT NOT NULL REFERENCES notices(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        content TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        published_at INTEGER NOT NULL,
        published_by TEXT NOT NULL,
        PRIMARY KEY (notice_id, version)
      );

      -- The signed record's fields, its canonical JSON as signed, and the gateway's signature.
      CREATE TABLE commitments (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        notice_id TEXT NOT NULL,
        notice_version INTEGER NOT NULL,
        notice_hash TEXT NOT NULL,
        item_code TEXT NOT NULL,
        item_name TEXT NOT NULL,
        material_name TEXT NOT NULL,
        signer_name_masked TEXT NOT NULL,
        signer_id_number_masked TEXT NOT NULL,
        signature_file_id TEXT NOT NULL UNIQUE REFERENCES uploads(id),
        signature_sha256 TEXT NOT NULL,
        case_id TEXT REFERENCES cases(id),
        signed_at INTEGER NOT NULL,
        record_json TEXT NOT NULL,
        gateway_signature TEXT NOT NULL,
        key_id TEXT NOT NULL,
        FOREIGN KEY (notice_id, notice_version) REFERENCES notice_versions(notice_id, version)
      );
      CREATE INDEX commitments_user ON commitments(user_id, signed_at);
      CREATE INDEX commitments_signed ON commitments(signed_at);

      CREATE TABLE commitment_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        commitment_id TEXT NOT NULL REFERENCES commitments(id),
        status TEXT NOT NULL CHECK (status IN ('signed', 'verified', 'false', 'withdrawn')),
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX commitment_events_commitment ON commitment_events(commitment_id, id);

      -- 严重失信主体 flags set by officers.
      CREATE TABLE credit_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id TEXT NOT NULL REFERENCES users(id),
        serious_dishonesty INTEGER NOT NULL CHECK (serious_dishonesty IN (0, 1)),
        reason TEXT NOT NULL,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE INDEX credit_events_user ON credit_events(user_id, id);

      CREATE TRIGGER notice_versions_no_update BEFORE UPDATE ON notice_versions
        BEGIN SELECT RAISE(ABORT, 'notice versions are append-only'); END;
      CREATE TRIGGER notice_versions_no_delete BEFORE DELETE ON notice_versions
        BEGIN SELECT RAISE(ABORT, 'notice versions are append-only'); END;
      CREATE TRIGGER commitments_no_update BEFORE UPDATE ON commitments
        BEGIN SELECT RAISE(ABORT, 'commitments are append-only'); END;
      CREATE TRIGGER commitments_no_delete BEFORE DELETE ON commitments
        BEGIN SELECT RAISE(ABORT, 'commitments are append-only'); END;
      CREATE TRIGGER commitment_events_no_update BEFORE UPDATE ON commitment_events
        BEGIN SELECT RAISE(ABORT, 'commitment events are append-only'); END;
      CREATE TRIGGER commitment_events_no_delete BEFORE DELETE ON commitment_events
        BEGIN SELECT RAISE(ABORT, 'commitment events are append-only'); END;
      CREATE TRIGGER credit_events_no_update BEFORE UPDATE ON credit_events
        BEGIN SELECT RAISE(ABORT, 'credit events are append-only'); END;
      CREATE TRIGGER credit_events_no_delete BEFORE DELETE ON credit_events
        BEGIN SELECT RAISE(ABORT, 'credit events are append-only'); END;
    `,
  },
  {
    version: 7,
    name: 'upload-sessions',
    // 申报材料 files: the display name the user gave (shown only; the file stays under its random id),
    // and chunked, resumable upload sessions for large files. A session's bytes are written at
    // their offsets into <dataDir>/files/sessions/<id>.part; upload_chunks records each chunk the
    // gateway acknowledged (with its hash, so a repeat is recognised). Times are epoch milliseconds.
    sql: `
      ALTER TABLE uploads ADD COLUMN name TEXT;

      CREATE TABLE upload_sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL,
        chunk_size INTEGER NOT NULL CHECK (chunk_size > 0),
        chunk_count INTEGER NOT NULL CHECK (chunk_count > 0),
        bytes_transferred INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('open', 'complete')),
        file_id TEXT REFERENCES uploads(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX upload_sessions_user ON upload_sessions(user_id, status, expires_at);
      CREATE INDEX upload_sessions_expires ON upload_sessions(expires_at);

      CREATE TABLE upload_chunks (
        session_id TEXT NOT NULL REFERENCES upload_sessions(id) ON DELETE CASCADE,
        chunk_index INTEGER NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (session_id, chunk_index)
      );
    `,
  },
  {
    version: 8,
    name: 'prereview',
    // 网上申报预审. A case now starts as a 草稿: the form is JSON (always read and written whole),
    // each material's answer and its review state is a case_materials row. cases is extended, not
    // rebuilt: ratings, commitments and case_events refer to it (and commitments cannot be
    // rewritten). submitted_at stays NOT NULL: a draft holds its creation time there, and the status
    // says whether it was ever submitted. A draft that a 告知承诺 refers to cannot be deleted (the
    // commitment is append-only), so deleting it hides it instead (deleted_at).
    sql: `
      ALTER TABLE cases ADD COLUMN target_kind TEXT CHECK (target_kind IN ('item', 'theme'));
      ALTER TABLE cases ADD COLUMN target_code TEXT;
      ALTER TABLE cases ADD COLUMN form_json TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE cases ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE cases ADD COLUMN promised_days INTEGER;
      -- The person applicant's identity as verified when submitting (the business applicant is in the form).
      ALTER TABLE cases ADD COLUMN applicant_name TEXT;
      ALTER TABLE cases ADD COLUMN applicant_id_number TEXT;
      -- The rejection reason or the posting tracking number.
      ALTER TABLE cases ADD COLUMN status_note TEXT;
      ALTER TABLE cases ADD COLUMN deleted_at INTEGER;
      CREATE INDEX cases_user_created ON cases(user_id, created_at DESC);
      -- The officers' queue: oldest submission first.
      CREATE INDEX cases_status_submitted ON cases(status, submitted_at);
      -- Reopening the app finds the same draft: never two drafts of one user for one target.
      CREATE UNIQUE INDEX cases_one_draft ON cases(user_id, target_kind, target_code)
        WHERE status = 'draft' AND deleted_at IS NULL AND target_kind IS NOT NULL;

      CREATE TABLE case_materials (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        material_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        way TEXT NOT NULL CHECK (way IN ('files', 'e_licence', 'commitment')),
        file_ids TEXT NOT NULL DEFAULT '[]',
        licence_id TEXT,
        commitment_id TEXT,
        review TEXT NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'returned', 'accepted')),
        review_comment TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (case_id, material_id)
      );

      -- Submit / resubmit exactly once: a key is the user's, bound to the request it first came with
      -- (hash of operation, case and body), and answers a repeat with the stored response.
      CREATE TABLE idempotency_keys (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        operation TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        response TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, key)
      );

      -- 电子证照 issued by officers (营业执照 …); the 居民身份证 one is derived from the real-name record.
      CREATE TABLE licences (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        holder TEXT NOT NULL,
        number TEXT NOT NULL,
        issuer TEXT NOT NULL,
        valid_until TEXT,
        issued_at INTEGER NOT NULL,
        issued_by TEXT NOT NULL
      );
      CREATE INDEX licences_user ON licences(user_id, issued_at);
    `,
  },
  {
    version: 9,
    name: 'demo-residents',
    // Demo history (gateway/src/demo): the residents it creates are flagged, and everything they did
    // is theirs, so one flag marks it all. Officers' work lists leave demo residents' rows out, and a
    // seeding run recognises residents it already wrote.
    sql: `
      ALTER TABLE users ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
      CREATE INDEX users_demo ON users(demo) WHERE demo = 1;
    `,
  },
  {
    version: 10,
    name: 'refresh-grace',
    // Two refreshes at once with one refresh token (two tabs, a retried request) are not a leak: for
    // 30 s after rotation the same token answers with the same new pair. The pair is kept encrypted
    // with a key derived from the old refresh token (gateway/src/auth/successor-seal.ts), so the
    // database alone yields no usable token.
    sql: `
      ALTER TABLE refresh_tokens ADD COLUMN successor_sealed TEXT;
    `,
  },
  {
    version: 11,
    name: 'secrets-out-of-database',
    // The SMS code and window QR HMAC secrets live in <dataDir>/keys (gateway/src/auth/secret-files.ts),
    // so a copy of the database no longer reveals codes or signs QR codes. openDatabase writes the row's value there first, and
    // compacts the file afterwards so the deleted bytes do not linger in free pages.
    sql: `
      DELETE FROM settings WHERE key IN ('sms_code_secret', 'window_qr_secret');
    `,
  },
  {
    version: 12,
    name: 'identity-claims',
    // One identity, one person: an account claiming a 身份证号 already verified on another account
    // must prove control of that account (an SMS code to its mobile) before it is verified as the
    // same person. Every such attempt is kept: who, when, against which account, and how it ended.
    // No name or number is stored here; they stay in users.
    sql: `
      CREATE INDEX users_id_number ON users(id_number) WHERE verified_at IS NOT NULL;

      CREATE TABLE identity_claims (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        bound_user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('code_sent', 'rate_limited', 'linked', 'code_rejected', 'name_mismatch', 'no_mobile'))
      );
      CREATE INDEX identity_claims_user ON identity_claims(user_id, at);
      CREATE INDEX identity_claims_bound ON identity_claims(bound_user_id, at);
    `,
  },
  {
    version: 13,
    name: 'notification-outbox',
    // 消息 and their delivery (gateway/src/notifications). A row is written in the same transaction
    // as the change it tells of, so a change never goes untold and a rolled-back one is never told.
    // UNIQUE (event_key, channel): one event is sent at most once per channel, however often the
    // code that writes it runs. The worker claims a row by moving it to 'sending' with a lease
    // (lease_until); a row left 'sending' by a gateway that died mid-send may have reached the
    // platform, so it is not sent again (see notification-worker). body_fields: JSON of the
    // template's fields (cut to the platforms' limits only when sent) and the page to open. last_error holds the reason of
    // a failure or a skip. recipient_masked: to whom it went, as officers may see it. Times are
    // epoch milliseconds.
    sql: `
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        event_kind TEXT NOT NULL,
        event_key TEXT NOT NULL,
        subject_kind TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        body_fields TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('weapp', 'alipay', 'sms')),
        template TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        lease_until INTEGER,
        last_error TEXT,
        recipient_masked TEXT,
        created_at INTEGER NOT NULL,
        sent_at INTEGER,
        read_at INTEGER,
        UNIQUE (event_key, channel)
      );
      CREATE INDEX notifications_user ON notifications(user_id, created_at DESC);
      CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;
      -- The worker's poll: due pending rows and expired leases only.
      CREATE INDEX notifications_due ON notifications(next_attempt_at) WHERE status = 'pending';
      CREATE INDEX notifications_sending ON notifications(lease_until) WHERE status = 'sending';
      CREATE INDEX notifications_status ON notifications(status, created_at);

      -- The person's answer to the platform's consent prompt, per template (the latest answer counts).
      CREATE TABLE notification_consents (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        template TEXT NOT NULL,
        accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
        platform TEXT NOT NULL CHECK (platform IN ('weapp', 'alipay', 'h5')),
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, template)
      );
    `,
  },
  {
    version: 14,
    name: 'booking-and-hall-queue',
    // 预约取号. A hall's schedule (periods, slot length, capacity) and the days it is closed besides
    // the calendar's holidays. booking_slots is one counter row per slot that exists once somebody
    // books it: taking a seat is "UPDATE … SET booked = booked + 1 WHERE booked < capacity", which
    // SQLite serialises, so the last seat goes to exactly one booker even across processes.
    // Ticket numbers come from hall_queue_days (per hall and day), whose version also tells a
    // polling page that something in that queue changed.
    sql: `
      CREATE TABLE hall_schedules (
        hall_id TEXT PRIMARY KEY REFERENCES halls(id) ON DELETE CASCADE,
        slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
        capacity INTEGER NOT NULL CHECK (capacity >= 0),
        periods TEXT NOT NULL,
        note TEXT NOT NULL
      );

      CREATE TABLE hall_closures (
        hall_id TEXT NOT NULL REFERENCES halls(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (hall_id, date)
      );

      CREATE TABLE booking_slots (
        hall_id TEXT NOT NULL REFERENCES halls(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        slot_start TEXT NOT NULL,
        capacity INTEGER NOT NULL,
        booked INTEGER NOT NULL DEFAULT 0,
        CHECK (booked >= 0 AND booked <= capacity),
        PRIMARY KEY (hall_id, date, slot_start)
      );

      CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        item_code TEXT NOT NULL REFERENCES items(code),
        hall_id TEXT NOT NULL REFERENCES halls(id),
        date TEXT NOT NULL,
        slot_start TEXT NOT NULL,
        slot_end TEXT NOT NULL,
        starts_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'cancelled', 'served', 'no_show')),
        case_id TEXT REFERENCES cases(id),
        created_at INTEGER NOT NULL,
        cancelled_at INTEGER,
        no_show_at INTEGER,
        reminded_at INTEGER
      );
      -- One active booking per person, item and day (the rule, enforced by the database too).
      CREATE UNIQUE INDEX bookings_active ON bookings(user_id, item_code, date)
        WHERE status IN ('booked', 'checked_in');
      CREATE INDEX bookings_user ON bookings(user_id, starts_at DESC);
      CREATE INDEX bookings_due ON bookings(status, starts_at);
      CREATE INDEX bookings_no_show ON bookings(user_id, no_show_at) WHERE no_show_at IS NOT NULL;

      CREATE TABLE hall_queue_days (
        hall_id TEXT NOT NULL REFERENCES halls(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0,
        last_booked INTEGER NOT NULL DEFAULT 0,
        last_walk_in INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (hall_id, date)
      );

      -- due_at orders the queue: a booked number is due at its slot's start (arriving early does
      -- not jump the queue), a walk-in number when it was taken.
      CREATE TABLE hall_tickets (
        id TEXT PRIMARY KEY,
        hall_id TEXT NOT NULL REFERENCES halls(id),
        date TEXT NOT NULL,
        number TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('booked', 'walk_in')),
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        booking_id TEXT UNIQUE REFERENCES bookings(id),
        item_code TEXT REFERENCES items(code),
        status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'served', 'no_show')),
        due_at INTEGER NOT NULL,
        issued_at INTEGER NOT NULL,
        window_code TEXT REFERENCES service_windows(code),
        called_at INTEGER,
        finished_at INTEGER,
        visit_id TEXT REFERENCES window_visits(id),
        near_notified_at INTEGER,
        UNIQUE (hall_id, date, number)
      );
      CREATE INDEX hall_tickets_queue ON hall_tickets(hall_id, date, status, due_at);
      CREATE INDEX hall_tickets_user ON hall_tickets(user_id, date);
    `,
  },
];
