import type { HighlightRange } from '../../../types/contract';
import type { IndexedText, Unit } from './indexed-text';

/** How well a query matched a text: the whole text, its beginning, or somewhere inside. */
export const MatchKind = { Exact: 0, Prefix: 1, Substring: 2 } as const;
export type MatchKind = (typeof MatchKind)[keyof typeof MatchKind];

export interface TextMatch {
  kind: MatchKind;
  /** Ranges in the original text, [start, end) in UTF-16 units. */
  ranges: HighlightRange[];
}

/** A query prepared once and matched against many texts. */
export interface PreparedQuery {
  /** Compact folded query: letters, digits and ideographs only. */
  text: string;
  /** Contains ASCII letters: match by pinyin (full, initials or mixed) as well as literally. */
  pinyin: boolean;
  letterMask: number;
}

function rangeOf(units: Unit[], first: number, last: number): HighlightRange {
  return [units[first].start, units[last].end];
}

/** Literal match on the compact text; every non-overlapping occurrence is highlighted. */
function matchLiteral(text: IndexedText, q: string): TextMatch | undefined {
  let at = text.compact.indexOf(q);
  if (at < 0) return undefined;
  const kind: MatchKind = at === 0 ? (q.length === text.compact.length ? MatchKind.Exact : MatchKind.Prefix) : MatchKind.Substring;
  const ranges: HighlightRange[] = [];
  while (at >= 0) {
    ranges.push(rangeOf(text.units, text.unitAt[at], text.unitAt[at + q.length - 1]));
    at = text.compact.indexOf(q, at + q.length);
  }
  return { kind, ranges };
}

// Backtracking is bounded: a pathological text/query pair gives up rather than stalling a request.
const STEP_BUDGET = 4000;

/**
 * Matches the query against consecutive units starting at `k`: an ideograph in the query must be
 * that character; letters must be a non-empty prefix of each unit's syllable, so "hukouqianyi",
 * "hkqy", "hukouq" and "hkqianyi" all match 户口迁移. Longest prefix first, so full syllables win.
 * Returns the unit index after the match, or -1.
 */
function matchUnits(units: Unit[], k: number, q: string, p: number, budget: { steps: number }): number {
  if (p === q.length) return k;
  if (k === units.length || (budget.steps -= 1) < 0) return -1;
  const unit = units[k];
  if (q.charCodeAt(p) >= 0x80) {
    const ch = q.codePointAt(p) ?? 0;
    const len = ch > 0xffff ? 2 : 1;
    return unit.ch === q.slice(p, p + len) ? matchUnits(units, k + 1, q, p + len, budget) : -1;
  }
  const syl = unit.syl;
  let common = 0;
  while (common < syl.length && p + common < q.length && syl.charCodeAt(common) === q.charCodeAt(p + common)) {
    common += 1;
  }
  for (let take = common; take >= 1; take -= 1) {
    const end = matchUnits(units, k + 1, q, p + take, budget);
    if (end >= 0) return end;
  }
  return -1;
}

function matchPinyin(text: IndexedText, q: PreparedQuery): TextMatch | undefined {
  if ((text.letterMask & q.letterMask) !== q.letterMask) return undefined;
  const units = text.units;
  const first = q.text.charCodeAt(0);
  const budget = { steps: STEP_BUDGET };
  for (let k = 0; k < units.length; k += 1) {
    const u = units[k];
    if (first < 0x80 ? u.syl.charCodeAt(0) !== first : u.ch.charCodeAt(0) !== first) continue;
    const end = matchUnits(units, k, q.text, 0, budget);
    if (end < 0) continue;
    const kind: MatchKind = k === 0 ? (end === units.length ? MatchKind.Exact : MatchKind.Prefix) : MatchKind.Substring;
    return { kind, ranges: [rangeOf(units, k, end - 1)] };
  }
  return undefined;
}

/** Literal first (ideographs, digits, Latin abbreviations like ICP), then pinyin when letters are typed. */
export function matchText(text: IndexedText, q: PreparedQuery): TextMatch | undefined {
  const literal = matchLiteral(text, q.text);
  if (literal || !q.pinyin) return literal;
  return matchPinyin(text, q);
}
