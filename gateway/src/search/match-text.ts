import type { HighlightRange } from '../../../types/contract';
import { unitRanges, unitsByPosition, type IndexedText, type Unit } from './indexed-text';

/** How well a query matched a text: the whole text, its beginning, or somewhere inside. */
export const MatchKind = { None: -1, Exact: 0, Prefix: 1, Substring: 2 } as const;
export type MatchKind = (typeof MatchKind)[keyof typeof MatchKind];

/** A query prepared once and matched against many texts. */
export interface PreparedQuery {
  /** Compact folded query: letters, digits and ideographs only. */
  text: string;
  /** Contains ASCII letters: match by pinyin (full, initials or mixed) as well as literally. */
  pinyin: boolean;
  letterMask: number;
}

/** A match's kind from where it starts and whether it covers the whole text. */
export function kindAt(startsAtFirstUnit: boolean, coversAll: boolean): MatchKind {
  if (!startsAtFirstUnit) return MatchKind.Substring;
  return coversAll ? MatchKind.Exact : MatchKind.Prefix;
}

// Backtracking is bounded: a pathological text/query pair gives up rather than stalling a request.
const STEP_BUDGET = 4000;
let stepsLeft = 0;

/**
 * Matches the query against consecutive units starting at `k`: an ideograph in the query must be
 * that character; letters must be each unit's whole syllable or its initial, or for the last unit any
 * prefix, so "hukouqianyi", "hkqy", "hukouq" and "hkqianyi" all match 户口迁移. Longest first.
 * Returns the unit index after the match, or -1.
 */
function matchUnits(units: Unit[], k: number, q: string, p: number): number {
  if (p === q.length) return k;
  if (k === units.length || (stepsLeft -= 1) < 0) return -1;
  const unit = units[k];
  if (q.charCodeAt(p) >= 0x80) {
    const len = (q.codePointAt(p) ?? 0) > 0xffff ? 2 : 1;
    return unit.ch === q.slice(p, p + len) ? matchUnits(units, k + 1, q, p + len) : -1;
  }
  const syl = unit.syl;
  let common = 0;
  while (common < syl.length && p + common < q.length && syl.charCodeAt(common) === q.charCodeAt(p + common)) {
    common += 1;
  }
  for (let take = common; take >= 1; take -= 1) {
    // Inside the query a syllable is typed whole or as its initial ("hkqianyi", "shenfz"); only the
    // last one may be cut anywhere ("hukouq"). Otherwise "shebao" (社保) would read as 申报 (shen bao).
    const last = p + take === q.length;
    if (!last && take !== syl.length && take !== initialLength(syl) && take !== 1) continue;
    const end = matchUnits(units, k + 1, q, p + take);
    if (end >= 0) return end;
  }
  return -1;
}

/** Letters of a syllable's initial: zh, ch, sh are two; otherwise one. */
function initialLength(syl: string): number {
  return /^[zcs]h/.test(syl) ? 2 : 1;
}

/** First pinyin match: [first unit, unit after the last], or undefined. */
function pinyinSpan(text: IndexedText, q: PreparedQuery): [number, number] | undefined {
  if ((text.letterMask & q.letterMask) !== q.letterMask) return undefined;
  const units = text.units;
  stepsLeft = STEP_BUDGET;
  if (q.text.charCodeAt(0) >= 0x80) {
    // Starts with an ideograph ("户口qy"): try each unit that is that character.
    const first = String.fromCodePoint(q.text.codePointAt(0) ?? 0);
    for (let k = 0; k < units.length; k += 1) {
      if (units[k].ch !== first) continue;
      const end = matchUnits(units, k, q.text, 0);
      if (end >= 0) return [k, end];
    }
    return undefined;
  }
  // A match can only start at a unit whose syllable starts with the query's first letter.
  const first = q.text[0];
  for (let k = text.initials.indexOf(first); k >= 0; k = text.initials.indexOf(first, k + 1)) {
    const end = q.text.length === 1 ? k + 1 : matchUnits(units, k, q.text, 0);
    if (end >= 0) return [k, end];
  }
  return undefined;
}

/** The kind of a pinyin match (the caller has found no literal one), without allocating. */
export function pinyinKind(text: IndexedText, q: PreparedQuery): MatchKind {
  const span = pinyinSpan(text, q);
  return span ? kindAt(span[0] === 0, span[1] === text.units.length) : MatchKind.None;
}

/**
 * How well the query matches one text. Literal first (ideographs,
 * digits, Latin abbreviations like ICP), then pinyin when the query has letters.
 */
export function matchKind(text: IndexedText, q: PreparedQuery): MatchKind {
  const at = text.compact.indexOf(q.text);
  if (at >= 0) return literalKind(at, q.text.length, text.compact.length);
  return q.pinyin ? pinyinKind(text, q) : MatchKind.None;
}

/** Kind of a literal match at `at` in a compact text of `textLength`. */
export function literalKind(at: number, queryLength: number, textLength: number): MatchKind {
  return kindAt(at === 0, queryLength === textLength);
}

function rangeOf(ranges: [number, number][], first: number, last: number): HighlightRange {
  return [ranges[first][0], ranges[last][1]];
}

/** Highlight ranges in the original text, [start, end) in UTF-16 units; only for hits shown. */
export function matchRanges(text: IndexedText, q: PreparedQuery): HighlightRange[] {
  let at = text.compact.indexOf(q.text);
  if (at >= 0) {
    // Every non-overlapping occurrence of a literal match.
    const ranges: HighlightRange[] = [];
    const unitAt = unitsByPosition(text);
    const places = unitRanges(text);
    while (at >= 0) {
      ranges.push(rangeOf(places, unitAt[at], unitAt[at + q.text.length - 1]));
      at = text.compact.indexOf(q.text, at + q.text.length);
    }
    return ranges;
  }
  const span = q.pinyin ? pinyinSpan(text, q) : undefined;
  return span ? [rangeOf(unitRanges(text), span[0], span[1] - 1)] : [];
}
