import type { Haystack } from './haystack';
import { IntList } from './int-list';

/**
 * Where syllables start in the pinyin haystack, grouped by the three letters from there, with the
 * six letters after those packed beside each place. A full-pinyin query can only match where a
 * syllable starts, so "hukouq" checks the few places of "huk" instead of scanning 4.6 million
 * letters, and "dengji" tells its 19,000 places of "den" apart by the packed letters, in order in
 * memory, rather than by reading the haystack at each of them.
 */
export interface PinyinGrams {
  /** Places of gram g are entries `start[g]`…`start[g + 1] - 1`, ascending. */
  start: Int32Array;
  /** Each entry's place in the haystack… */
  at: Int32Array;
  /** …the text it is in… */
  text: Int32Array;
  /** …and letters 4 to 9 from there, five bits each (see `letterCode`). */
  tail: Int32Array;
}

/** a–z, then one code for anything else (a separator, a digit, an ideograph without pinyin). */
const GRAM_BASE = 27;
const gramLetter = (code: number): number => (code >= 0x61 && code <= 0x7a ? code - 0x61 : GRAM_BASE - 1);
/** 1–26 for a–z, 0 for anything else (the end of the text included). */
const letterCode = (code: number): number => (code >= 0x61 && code <= 0x7a ? code - 0x60 : 0);
const TAIL_LETTERS = 6;
/** Letters told apart without reading the haystack: the gram's three, then the tail's. */
const KNOWN_LETTERS = 3 + TAIL_LETTERS;

/** The gram of the three characters of `text` from `at` (past the end counts as "anything else"). */
export function gramOf(text: string, at: number): number {
  const first = gramLetter(text.charCodeAt(at));
  return (first * GRAM_BASE + gramLetter(text.charCodeAt(at + 1))) * GRAM_BASE + gramLetter(text.charCodeAt(at + 2));
}

/** Letters 4 to 3 + `count` of `text` from `at`, packed. */
function tailOf(text: string, at: number, count = TAIL_LETTERS): number {
  let tail = 0;
  for (let k = 0; k < count; k += 1) tail |= letterCode(text.charCodeAt(at + 3 + k)) << (5 * k);
  return tail;
}

/** Collects syllable starts, text by text, in the order of the haystack. */
export class PinyinGramsBuilder {
  private readonly at = new IntList(1 << 16);
  private readonly text = new IntList(1 << 16);
  private readonly gram = new IntList(1 << 16);
  private readonly tail = new IntList(1 << 16);

  /**
   * A syllable of text `t` starts `offset` letters into its part of the haystack, which starts at
   * `partStart`. Read from the part itself: the joined haystack is slow to read letter by letter.
   */
  add(t: number, part: string, partStart: number, offset: number): void {
    this.at.push(partStart + offset);
    this.text.push(t);
    this.gram.push(gramOf(part, offset));
    this.tail.push(tailOf(part, offset));
  }

  /** A counting sort by gram, which keeps each gram's places ascending. */
  finish(): PinyinGrams {
    const grams = this.gram.view();
    const start = new Int32Array(GRAM_BASE ** 3 + 1);
    for (const g of grams) start[g + 1] += 1;
    for (let g = 0; g + 1 < start.length; g += 1) start[g + 1] += start[g];
    const next = start.slice(0, -1);
    const count = grams.length;
    const at = new Int32Array(count);
    const text = new Int32Array(count);
    const tail = new Int32Array(count);
    const [places, texts, tails] = [this.at.view(), this.text.view(), this.tail.view()];
    for (let i = 0; i < count; i += 1) {
      const to = next[grams[i]];
      next[grams[i]] += 1;
      at[to] = places[i];
      text[to] = texts[i];
      tail[to] = tails[i];
    }
    return { start, at, text, tail };
  }
}

/**
 * Calls `visit(place, text)` for the leftmost syllable start of each text in `pinyin` where the
 * ASCII query `q` (two characters or more) is spelled and `accept(place)` holds, text by text in
 * the order of the haystack. `firstPlace` is scratch memory, one entry per text, all -1 (and left so).
 */
export function eachSpelling(
  grams: PinyinGrams,
  pinyin: Haystack,
  q: string,
  firstPlace: Int32Array,
  accept: (at: number) => boolean,
  visit: (at: number, text: number) => void,
): void {
  const { start, at, text, tail } = grams;
  // The grams and tails stand for a–z exactly; anything else shares one code, so it is checked.
  const known = /^[a-z]*$/.test(q.slice(0, KNOWN_LETTERS));
  const read = !known || q.length > KNOWN_LETTERS;
  if (q.length === 2) {
    // Two letters are 27 grams (whatever the third letter is), each in order but not together:
    // keep each text's leftmost place, then go through the texts in order.
    const from = (gramLetter(q.charCodeAt(0)) * GRAM_BASE + gramLetter(q.charCodeAt(1))) * GRAM_BASE;
    let low = firstPlace.length;
    let high = -1;
    for (let i = start[from]; i < start[from + GRAM_BASE]; i += 1) {
      const t = text[i];
      if ((firstPlace[t] >= 0 && firstPlace[t] < at[i]) || (read && !pinyin.text.startsWith(q, at[i]))) continue;
      if (!accept(at[i])) continue;
      firstPlace[t] = at[i];
      low = Math.min(low, t);
      high = Math.max(high, t);
    }
    for (let t = low; t <= high; t += 1) {
      if (firstPlace[t] < 0) continue;
      visit(firstPlace[t], t);
      firstPlace[t] = -1;
    }
    return;
  }
  const gram = gramOf(q, 0);
  const tailLetters = Math.min(TAIL_LETTERS, q.length - 3);
  const want = tailOf(q, 0, tailLetters);
  const mask = (1 << (5 * tailLetters)) - 1;
  // Places come in order: the first accepted in a text is its leftmost.
  for (let i = start[gram], last = -1; i < start[gram + 1]; i += 1) {
    const t = text[i];
    if (t === last || (tail[i] & mask) !== want || (read && !pinyin.text.startsWith(q, at[i]))) continue;
    if (!accept(at[i])) continue;
    last = t;
    visit(at[i], t);
  }
}
