import fs from 'node:fs';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Database } from 'better-sqlite3';
import { DEFAULT_PERIODS, DEFAULT_SLOT_MINUTES } from './slot-calendar';

const HHMM = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });

/** A hall's booking schedule as written in gateway/seed/hall-schedules.ts. */
export const SeedHallSchedule = Type.Object(
  {
    hallId: Type.String({ minLength: 1 }),
    /** Bookings per slot. */
    capacity: Type.Integer({ minimum: 0, maximum: 1000 }),
    /** Default 30. */
    slotMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 240 })),
    /** Default 09:00–12:00 and 13:30–17:00; slots outside the hall's opening hours are dropped anyway. */
    periods: Type.Optional(Type.Array(Type.Object({ start: HHMM, end: HHMM }), { minItems: 1 })),
    /** Working days on which the hall takes no bookings (maintenance, system upgrade…). */
    closures: Type.Optional(
      Type.Array(Type.Object({ date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), reason: Type.String() })),
    ),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type SeedHallSchedule = Static<typeof SeedHallSchedule>;

const MODULE = 'hall-schedules';
const EXPORT_NAME = 'seedHallSchedules';
/** Halls the seed does not list get this many bookings per slot: a cautious figure for one window. */
const DEFAULT_CAPACITY = 4;

function moduleExists(seedDir: string): boolean {
  return fs.existsSync(path.join(seedDir, `${MODULE}.ts`));
}

/** The seed's schedules, or undefined when the seed folder has none (every hall gets the default). */
export function loadSeedHallSchedules(seedDir: string): SeedHallSchedule[] | undefined {
  if (!moduleExists(seedDir)) return undefined;
  // A runtime require: the seed folder is chosen at run time (tests use their own fixture).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(seedDir, MODULE)) as Record<string, unknown>;
  const raw = mod[EXPORT_NAME];
  const schema = Type.Array(SeedHallSchedule);
  if (!Value.Check(schema, raw)) {
    const first = [...Value.Errors(schema, raw)][0];
    throw new Error(`seed ${MODULE} in ${seedDir} does not match: ${first?.path ?? ''} ${first?.message ?? ''}`);
  }
  return raw;
}

/**
 * Writes schedules while none exists (first start, or a database from before bookings), so a
 * schedule an officer changed is never overwritten. Halls the seed does not list, other than 24 h
 * terminals (nobody books a terminal), get the default schedule. Returns how many were written.
 */
export function seedHallSchedules(db: Database, seedDir: string): number {
  if (db.prepare('SELECT 1 FROM hall_schedules LIMIT 1').get() !== undefined) return 0;
  const halls = db.prepare("SELECT id FROM halls WHERE kind <> 'terminal' ORDER BY sort_order").all() as {
    id: string;
  }[];
  if (halls.length === 0) return 0;
  const listed = new Map((loadSeedHallSchedules(seedDir) ?? []).map((s) => [s.hallId, s]));
  const insert = db.prepare(
    'INSERT INTO hall_schedules (hall_id, slot_minutes, capacity, periods, note) VALUES (?, ?, ?, ?, ?)',
  );
  const close = db.prepare('INSERT OR REPLACE INTO hall_closures (hall_id, date, reason) VALUES (?, ?, ?)');
  return db.transaction(() => {
    for (const { id } of halls) {
      const s = listed.get(id);
      insert.run(
        id,
        s?.slotMinutes ?? DEFAULT_SLOT_MINUTES,
        s?.capacity ?? DEFAULT_CAPACITY,
        JSON.stringify(s?.periods ?? DEFAULT_PERIODS),
        s?.note ?? '',
      );
      for (const c of s?.closures ?? []) close.run(id, c.date, c.reason);
    }
    return halls.length;
  })();
}
