/**
 * A key for one submission attempt, kept with the draft until the gateway answers: a retry after a
 * timeout sends the same key, so the gateway answers again instead of submitting twice. Unique per
 * user is enough; where the platform has no crypto RNG, time plus Math.random serves.
 */
export function newIdempotencyKey(random: () => number = Math.random, now: number = Date.now()): string {
  let tail = '';
  while (tail.length < 16) tail += Math.floor(random() * 36).toString(36);
  return `${now.toString(36)}-${tail}`;
}
