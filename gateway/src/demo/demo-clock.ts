import { toChinaDate } from '../../../src/lib/china-time';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The clock the demo services read. Demo history is written through the gateway's own services,
 * which stamp everything with `now()`; moving this clock back and forth places each step on a past
 * day, so ratings fall within their 7-day windows and tickets get real working-day deadlines.
 */
export class DemoClock {
  private current: number;

  constructor(private readonly realNow: number) {
    this.current = realNow;
  }

  now = (): Date => new Date(this.current);

  /** Moves to `daysAgo` days before the real now, at `hour`:`minute` China time (never later than now). */
  at(daysAgo: number, hour: number, minute = 0): Date {
    const day = toChinaDate(new Date(this.realNow - daysAgo * DAY_MS));
    const hh = String(hour).padStart(2, '0');
    const mm = String(minute).padStart(2, '0');
    this.current = Math.min(Date.parse(`${day}T${hh}:${mm}:00+08:00`), this.realNow);
    return this.now();
  }

  /** Moves on by `minutes` (steps of one visit or one case on the same day). */
  later(minutes: number): Date {
    this.current = Math.min(this.current + minutes * 60_000, this.realNow);
    return this.now();
  }
}
