export interface HighlightSegment {
  text: string;
  highlighted: boolean;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** True when `index` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  );
}

/**
 * Cuts `text` into plain and highlighted runs for search-result rendering.
 *
 * Ranges are [start, end) in UTF-16 code units, as the search API reports them. Ranges come from a
 * server that may index the text differently (code points, a stale copy of the text), so they are
 * treated as hints: clamped to the text, widened outwards rather than cutting an emoji in half, and
 * dropped when empty, inverted or NaN. The segments always concatenate back to `text` exactly.
 */
export function splitHighlights(text: string, ranges: ReadonlyArray<readonly [number, number]>): HighlightSegment[] {
  const clean: [number, number][] = [];
  for (const [rawStart, rawEnd] of ranges) {
    if (Number.isNaN(rawStart) || Number.isNaN(rawEnd)) continue;
    let start = Math.max(0, Math.min(text.length, Math.floor(rawStart)));
    let end = Math.max(0, Math.min(text.length, Math.ceil(rawEnd)));
    if (start >= end) continue;
    if (splitsPair(text, start)) start -= 1;
    if (splitsPair(text, end)) end += 1;
    clean.push([start, end]);
  }
  clean.sort((a, b) => a[0] - b[0]);

  // Merge overlapping and touching ranges so the UI never renders two adjacent highlight spans.
  const merged: [number, number][] = [];
  for (const range of clean) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }

  const segments: HighlightSegment[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), highlighted: false });
    segments.push({ text: text.slice(start, end), highlighted: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), highlighted: false });
  return segments;
}
