import { chinaTime } from '../../../src/lib/dayjs-china';

/** An instant as ISO 8601 with the +08:00 offset: slot times read the same as on the hall's clock. */
export function chinaIso(ms: number): string {
  return `${chinaTime(ms).format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
}

/** An instant as ISO 8601 in UTC, like every other timestamp of the API. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** China date and "HH:mm" of an instant; seconds must be zero for it to name a slot. */
export function chinaSlotOf(ms: number): { date: string; start: string; wholeMinute: boolean } {
  const t = chinaTime(ms);
  return { date: t.format('YYYY-MM-DD'), start: t.format('HH:mm'), wholeMinute: ms % 60_000 === 0 };
}
