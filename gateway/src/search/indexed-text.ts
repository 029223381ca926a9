import { pinyin } from 'pinyin-pro';
import { compact, foldText, isUnitCodePoint } from './normalise';

/** One searchable character of a text: an ideograph with its pinyin, or an ASCII letter/digit. */
export interface Unit {
  /** The folded character. */
  ch: string;
  /** Toneless pinyin (ü written v) for an ideograph; the character itself for a letter or digit. */
  syl: string;
  /** UTF-16 range of the character in the original text. */
  start: number;
  end: number;
}

/** A text prepared for matching: computed once at index time, so queries only compare strings. */
export interface IndexedText {
  original: string;
  units: Unit[];
  /** The units' characters concatenated (punctuation and spaces dropped). */
  compact: string;
  /** For each UTF-16 position in `compact`, the unit it belongs to. */
  unitAt: Uint16Array;
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

/** Toneless pinyin per code point; context-aware, so 银行 reads yin hang and 行政 xing zheng. */
function syllables(folded: string): string[] {
  const points = Array.from(folded);
  const parts = pinyin(folded, { toneType: 'none', type: 'all', v: true });
  // pinyin-pro returns one entry per character; should that ever not hold, read characters one by one.
  if (parts.length === points.length && parts.every((p, i) => p.origin === points[i])) {
    return parts.map((p) => (p.isZh ? p.pinyin.toLowerCase() : ''));
  }
  return points.map((ch) => {
    const [p] = pinyin(ch, { toneType: 'none', type: 'all', v: true });
    return p && p.isZh ? p.pinyin.toLowerCase() : '';
  });
}

export function indexText(original: string): IndexedText {
  const folded = foldText(original);
  const sylls = syllables(folded);
  const units: Unit[] = [];
  let offset = 0;
  Array.from(folded).forEach((ch, i) => {
    const start = offset;
    offset += ch.length;
    const cp = ch.codePointAt(0) ?? 0;
    if (!isUnitCodePoint(cp)) return;
    const ascii = cp < 0x80;
    units.push({ ch, syl: ascii ? ch : sylls[i], start, end: offset });
  });
  const compactText = compact(folded);
  const unitAt = new Uint16Array(compactText.length);
  let pos = 0;
  units.forEach((u, i) => {
    for (let k = 0; k < u.ch.length; k += 1) unitAt[pos + k] = i;
    pos += u.ch.length;
  });
  return {
    original,
    units,
    compact: compactText,
    unitAt,
    // One UTF-16 unit per unit (a rare non-BMP ideograph without pinyin becomes U+FFFD), so a
    // position in `initials` is a unit index.
    initials: units.map((u) => (u.syl ? u.syl[0] : u.ch.length === 1 ? u.ch : '\ufffd')).join(''),
    letterMask: letterMaskOf(units.map((u) => u.syl).join('')),
  };
}
