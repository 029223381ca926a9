import { ackedBytes, checkSession, chunkCount, chunkRange, planChunks } from '@/lib/chunk-plan';

const MiB = 1024 * 1024;
const SHA = 'a'.repeat(64);

describe('planChunks', () => {
  test('a fresh session needs every chunk, in file order, covering the file exactly once', () => {
    const size = 4 * MiB + 123;
    const plan = planChunks({ size, chunkSize: MiB, received: [] });
    expect(plan.map((c) => c.index)).toEqual([0, 1, 2, 3, 4]);
    expect(plan[0]).toEqual({ index: 0, start: 0, end: MiB });
    expect(plan[3]).toEqual({ index: 3, start: 3 * MiB, end: 4 * MiB });
    // Contiguous, no gaps or overlaps, ends at the last byte.
    for (let i = 1; i < plan.length; i++) expect(plan[i].start).toBe(plan[i - 1].end);
    expect(plan.at(-1)?.end).toBe(size);
  });

  test('the last chunk is short when the size is not a multiple of the chunk size', () => {
    const plan = planChunks({ size: 2 * MiB + 10, chunkSize: MiB, received: [] });
    expect(plan.at(-1)).toEqual({ index: 2, start: 2 * MiB, end: 2 * MiB + 10 });
    expect(chunkRange(2, 2 * MiB + 10, MiB)).toEqual({ index: 2, start: 2 * MiB, end: 2 * MiB + 10 });
  });

  test('an exact multiple has no empty trailing chunk', () => {
    expect(chunkCount(4 * MiB, MiB)).toBe(4);
    expect(planChunks({ size: 4 * MiB, chunkSize: MiB, received: [] }).at(-1)).toEqual({
      index: 3,
      start: 3 * MiB,
      end: 4 * MiB,
    });
  });

  test('a partial session sends only what the gateway has not acknowledged', () => {
    const plan = planChunks({ size: 5 * MiB, chunkSize: MiB, received: [0, 1, 3] });
    expect(plan).toEqual([
      { index: 2, start: 2 * MiB, end: 3 * MiB },
      { index: 4, start: 4 * MiB, end: 5 * MiB },
    ]);
  });

  test('out-of-order and repeated acknowledgements give the same plan', () => {
    const sorted = planChunks({ size: 6 * MiB, chunkSize: MiB, received: [1, 4, 5] });
    const shuffled = planChunks({ size: 6 * MiB, chunkSize: MiB, received: [5, 1, 4, 1, 5] });
    expect(shuffled).toEqual(sorted);
    expect(sorted.map((c) => c.index)).toEqual([0, 2, 3]);
  });

  test('a complete session needs nothing', () => {
    expect(planChunks({ size: 3 * MiB + 1, chunkSize: MiB, received: [3, 2, 1, 0] })).toEqual([]);
  });

  test('an empty file is one empty chunk', () => {
    expect(chunkCount(0, MiB)).toBe(1);
    expect(planChunks({ size: 0, chunkSize: MiB, received: [] })).toEqual([{ index: 0, start: 0, end: 0 }]);
  });
});

describe('ackedBytes', () => {
  test('counts each held chunk once, the short last one by its real length', () => {
    const size = 3 * MiB + 500;
    expect(ackedBytes({ size, chunkSize: MiB, received: [] })).toBe(0);
    expect(ackedBytes({ size, chunkSize: MiB, received: [0, 0, 2] })).toBe(2 * MiB);
    expect(ackedBytes({ size, chunkSize: MiB, received: [3] })).toBe(500);
    expect(ackedBytes({ size, chunkSize: MiB, received: [0, 1, 2, 3] })).toBe(size);
  });

  test('ignores indexes outside the file', () => {
    expect(ackedBytes({ size: 2 * MiB, chunkSize: MiB, received: [0, 7, -1, 1.5] })).toBe(MiB);
  });
});

describe('checkSession', () => {
  const file = { size: 5 * MiB + 1, sha256: SHA, mime: 'application/pdf' };
  const session = {
    size: file.size,
    sha256: SHA,
    mime: 'application/pdf' as const,
    chunkSize: MiB,
    chunkCount: 6,
    received: [0, 2],
  };

  test('accepts a session for this very file', () => {
    expect(checkSession(session, file)).toEqual({ ok: true });
    expect(checkSession({ ...session, sha256: SHA.toUpperCase() }, file)).toEqual({ ok: true });
  });

  test.each([
    ['size', { size: file.size - 1 }],
    ['sha256', { sha256: 'b'.repeat(64) }],
    ['mime', { mime: 'image/jpeg' as const }],
    ['chunk-size', { chunkSize: 0 }],
    ['chunk-size', { chunkSize: 1.5 }],
    ['chunk-count', { chunkCount: 5 }],
    ['received', { received: [0, 6] }],
    ['received', { received: [-1] }],
  ])('refuses a session whose %s does not fit the file', (reason, change) => {
    expect(checkSession({ ...session, ...change }, file)).toEqual({ ok: false, reason });
  });

  test('a file without a known type is checked on the rest', () => {
    expect(checkSession(session, { size: file.size, sha256: SHA })).toEqual({ ok: true });
  });
});
