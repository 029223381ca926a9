import type { Database, Statement } from 'better-sqlite3';
import { defaultCutoff, ratingDeadline } from '../ratings/rating-rules';
import { enqueueNotification } from './notification-outbox';
import { defaultRatingSoonNotice } from './notification-texts';

/** How long before the 7-day default rating applies the rater is reminded. */
export const DEFAULT_RATING_NOTICE_MS = 24 * 3600 * 1000;

interface DueCase {
  id: string;
  user_id: string;
  item_name: string;
  completed_at: number;
}

const statements = new WeakMap<Database, Statement<[number, number], DueCase>>();

/**
 * Finds finished, unrated cases whose rating deadline falls within the next 24 hours and writes
 * one reminder each (the event key makes a second sweep write nothing). Cases already past their
 * deadline (the gateway was down that day) get none: it would only say the default has applied.
 * Returns how many reminders were written.
 */
export function sweepDefaultRatings(db: Database, now: number): number {
  let due = statements.get(db);
  if (!due) {
    due = db.prepare(`
      SELECT c.id, c.user_id, c.item_name, c.completed_at FROM cases c
      LEFT JOIN ratings r ON r.case_id = c.id
      WHERE c.status IN ('completed', 'posted') AND c.deleted_at IS NULL AND r.id IS NULL
        AND c.completed_at > ? AND c.completed_at <= ?
      ORDER BY c.completed_at`);
    statements.set(db, due);
  }
  const query = due;
  // Read and written in one transaction: a rating given meanwhile is seen.
  return db.transaction(() => {
    const rows = query.all(defaultCutoff(now), defaultCutoff(now + DEFAULT_RATING_NOTICE_MS));
    let written = 0;
    for (const row of rows) {
      const notice = defaultRatingSoonNotice(
        { id: row.id, userId: row.user_id, itemName: row.item_name },
        ratingDeadline(row.completed_at),
      );
      if (enqueueNotification(db, notice, now).created) written += 1;
    }
    return written;
  })();
}
