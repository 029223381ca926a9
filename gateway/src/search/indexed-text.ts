import { pinyin } from 'pinyin-pro';
import { compact, foldText, isUnitCodePoint } from './normalise';

/**
 * One searchable character of a text: an ideograph with its pinyin, or an ASCII letter/digit.
 * Shared by every text with the same character read the same way (one object for all the 户 read
 * hu), so it carries no position: `unitRanges` finds those for the texts shown.
 */
export interface Unit {
  /** The folded character. */
  readonly ch: string;
  /** Toneless pinyin (ü written v) for an ideograph; the character itself for a letter or digit. */
  readonly syl: string;
}

/** A text prepared for matching: computed once at index time, so queries only compare strings. */
export interface IndexedText {
  original: string;
  units: Unit[];
  /** The units' characters concatenated (punctuation and spaces dropped). */
  compact: string;
  /** First letter of each unit's syllable (the ideograph itself when it has no pinyin), one per unit. */
  initials: string;
  /** Bit i set when letter 'a'+i occurs in some unit's syllable: a cheap reject for pinyin queries. */
  letterMask: number;
}

export function letterMaskOf(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i) - 0x61;
    if (c >= 0 && c < 26) mask |= 1 << c;
  }
  return mask;
}

/**
 * What one index build has already read. Item names repeat their words (户口, 登记, 许可…), so
 * reading each run of ideographs once, and keeping one copy of each character and syllable,
 * makes building a 100,000-item index several times faster and smaller.
 */
export interface ReadCache {
  runs: Map<string, string[]>;
  strings: Map<string, string>;
  units: Map<string, Unit>;
}

export const newReadCache = (): ReadCache => ({ runs: new Map(), strings: new Map(), units: new Map() });

function unitOf(cache: ReadCache, ch: string, syl: string): Unit {
  const key = `${ch} ${syl}`;
  let unit = cache.units.get(key);
  if (unit === undefined) {
    unit = { ch: intern(cache, ch), syl: intern(cache, syl) };
    cache.units.set(key, unit);
  }
  return unit;
}

function intern(cache: ReadCache, value: string): string {
  const kept = cache.strings.get(value);
  if (kept !== undefined) return kept;
  cache.strings.set(value, value);
  return value;
}

/** Toneless pinyin per code point; context-aware, so 银行 reads yin hang and 行政 xing zheng. */
function readRun(run: string): string[] {
  const points = Array.from(run);
  const parts = pinyin(run, { toneType: 'none', type: 'all', v: true });
  // pinyin-pro returns one entry per character; should that ever not hold, read characters one by one.
  if (parts.length === points.length && parts.every((p, i) => p.origin === points[i])) {
    return parts.map((p) => (p.isZh ? p.pinyin.toLowerCase() : ''));
  }
  return points.map((ch) => {
    const [p] = pinyin(ch, { toneType: 'none', type: 'all', v: true });
    return p && p.isZh ? p.pinyin.toLowerCase() : '';
  });
}

const isIdeograph = (cp: number): boolean => cp >= 0x80 && isUnitCodePoint(cp);

/**
 * Pinyin per code point of a folded text, read run by run of ideographs: no word spans a
 * punctuation mark, a space or a Latin letter, so a run reads as it does inside the whole text.
 */
function syllables(points: string[], cache: ReadCache): string[] {
  const out = new Array<string>(points.length).fill('');
  for (let i = 0; i < points.length;) {
    if (!isIdeograph(points[i].codePointAt(0) ?? 0)) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < points.length && isIdeograph(points[end].codePointAt(0) ?? 0)) end += 1;
    const run = points.slice(i, end).join('');
    let read = cache.runs.get(run);
    if (read === undefined) {
      read = readRun(run).map((syl) => intern(cache, syl));
      cache.runs.set(run, read);
    }
    for (let k = 0; k < read.length; k += 1) out[i + k] = read[k];
    i = end;
  }
  return out;
}

/** `cache`: shared by the texts of one index build (a query reads its own text with a fresh one). */
export function indexText(original: string, cache: ReadCache = newReadCache()): IndexedText {
  const folded = foldText(original);
  const points = Array.from(folded);
  const sylls = syllables(points, cache);
  const units: Unit[] = [];
  points.forEach((ch, i) => {
    const cp = ch.codePointAt(0) ?? 0;
    if (isUnitCodePoint(cp)) units.push(unitOf(cache, ch, cp < 0x80 ? ch : sylls[i]));
  });
  return {
    original,
    units,
    compact: compact(folded),
    // One UTF-16 unit per unit (a rare non-BMP ideograph without pinyin becomes U+FFFD), so a
    // position in `initials` is a unit index.
    initials: units.map((u) => (u.syl ? u.syl[0] : u.ch.length === 1 ? u.ch : '\ufffd')).join(''),
    letterMask: letterMaskOf(units.map((u) => u.syl).join('')),
  };
}

/** UTF-16 range [start, end) of each unit in the original text (for highlights only). */
export function unitRanges(text: IndexedText): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const ch of text.original) {
    const start = offset;
    offset += ch.length;
    if (isUnitCodePoint(foldText(ch).codePointAt(0) ?? 0)) ranges.push([start, offset]);
  }
  return ranges;
}

/** For each UTF-16 position in `text.compact`, the unit it belongs to (for highlights only). */
export function unitsByPosition(text: IndexedText): number[] {
  const at: number[] = [];
  text.units.forEach((u, i) => {
    for (let k = 0; k < u.ch.length; k += 1) at.push(i);
  });
  return at;
}
