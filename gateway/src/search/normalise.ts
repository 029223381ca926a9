import { SEARCH_QUERY_MAX_LENGTH } from '../../../types/contract';

/**
 * Text folding shared by the index and the query. `foldText` keeps the UTF-16 length, so a
 * position in folded text is the same position in the original (highlights depend on that).
 */
function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e)
    code -= 0xfee0; // full-width ASCII → half-width
  else if (code === 0x3000) return 0x20; // ideographic space
  if (code >= 0x41 && code <= 0x5a) return code + 0x20; // A–Z → a–z
  return code;
}

export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

// C0/C1 controls, zero-width and bidi-override characters: invisible, and never part of an item name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

export interface CleanQuery {
  /** Trimmed, spaces collapsed, invisible characters removed, truncated: shown back to the user. */
  display: string;
  /** `display` folded (half-width, lower case): what is matched. */
  folded: string;
  truncated: boolean;
}

export function cleanQuery(raw: string, maxLength = SEARCH_QUERY_MAX_LENGTH): CleanQuery {
  const collapsed = raw
    .replace(INVISIBLE, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  // Code points, not UTF-16 units, so truncation never splits a surrogate pair.
  const chars = Array.from(collapsed);
  const truncated = chars.length > maxLength;
  const display = truncated ? chars.slice(0, maxLength).join('').trim() : collapsed;
  return { display, folded: foldText(display), truncated };
}

/** Characters that carry meaning for search: ASCII letters and digits, and CJK ideographs. */
export function isUnitCodePoint(cp: number): boolean {
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    cp === 0x3007 || // 〇
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

/** Folded text without spaces, punctuation and symbols: "食品经营许可（新办）" → "食品经营许可新办". */
export function compact(folded: string): string {
  let out = '';
  for (const ch of folded) if (isUnitCodePoint(ch.codePointAt(0) ?? 0)) out += ch;
  return out;
}

/** True when the compact query contains an ASCII letter (then pinyin matching applies). */
export function hasLetter(compactQuery: string): boolean {
  return /[a-z]/.test(compactQuery);
}
