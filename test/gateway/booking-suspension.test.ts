import { recentNoShows, suspensionEnd, suspensionUntil } from '../../gateway/src/booking/booking-rules';

const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2025-03-04T02:30:00Z'); // 10:30 in Wuhan

describe('no-show suspension (3 within 90 days → 30 days)', () => {
  it('three within 90 days suspend for 30 days from the third', () => {
    expect(suspensionEnd([T0, T0 + 50 * DAY, T0 + 90 * DAY])).toBe(T0 + 120 * DAY);
  });

  it('three spread over more than 90 days do not', () => {
    expect(suspensionEnd([T0, T0 + 50 * DAY, T0 + 91 * DAY])).toBeUndefined();
    expect(suspensionEnd([T0, T0 + 1])).toBeUndefined();
  });

  it('a fourth soon after extends the suspension from itself', () => {
    expect(suspensionEnd([T0 + 10 * DAY, T0, T0 + 2 * DAY, T0 + 1 * DAY])).toBe(T0 + 40 * DAY);
  });

  it('the last day shown is inclusive, in China time; over once the end has passed', () => {
    const times = [T0, T0 + 1000, T0 + 2000];
    // Ends 2025-04-03 10:30:02 Wuhan time: the 3rd is the last (partial) day.
    expect(suspensionUntil(times, T0 + DAY)).toBe('2025-04-03');
    expect(suspensionUntil(times, T0 + 30 * DAY + 2000)).toBeUndefined();
    expect(recentNoShows(times, T0 + 89 * DAY)).toBe(3);
    expect(recentNoShows(times, T0 + 91 * DAY)).toBe(0);
  });
});
