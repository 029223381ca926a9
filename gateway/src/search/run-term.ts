import { letterMaskOf } from './indexed-text';
import { ownerFrom, partLength } from './haystack';
import { kindAt, literalKind, MatchKind, pinyinKind, type PreparedQuery } from './match-text';
import { hasLetter } from './normalise';
import { eachSpelling } from './pinyin-grams';
import { Field, textAt, type SearchIndex } from './search-index';
import { matchSound, querySyllables } from './sound-alike';
import type { SearchScratch } from './search-scratch';

export const NO_MATCH = 0x7fffffff;
// Read once: the loops below run for every text a letter matches in a province's catalogue, and an
// imported binding is a property read on each use.
const { None: NONE } = MatchKind;
/**
 * Score = field (name > alias > department > material), then as typed over synonym, then match
 * kind (exact > prefix > substring); lower is better. Kinds are 0–2, so a field spans 6 scores.
 * A match by sound alone (户口签移 → 户口迁移) comes after every match as typed, in any field.
 */
export const scoreOf = (field: Field, kind: number, synonym: boolean): number => field * 6 + (synonym ? 3 : 0) + kind;
const FIELDS = 4;
export const SOUND_TIER = FIELDS * 6;
/** How many scores one term can have: those as typed, then the same again by sound. */
export const TERM_SCORES = SOUND_TIER * 2;
export const fieldOfScore = (score: number): Field => (Math.floor(score / 6) % FIELDS) as Field;

/** Items allowed by the filters (1) or not (0); null when no filter is set. */
export type Allowed = Uint8Array | null;

/** The best match of one term for every item (in the search's scratch buffers: valid during that search only). */
export interface TermResult {
  score: Int32Array;
  /** The text and query variant (0 = as typed, then synonyms) of the best match, for highlighting. */
  text: Int32Array;
  variant: Uint8Array;
  variants: PreparedQuery[];
  /** The items matched, in no particular order. */
  items: Int32Array;
}

export function prepare(text: string): PreparedQuery {
  return { text, pinyin: hasLetter(text), letterMask: letterMaskOf(text) };
}

// Longest pinyin syllable ("zhuang"): how far into the query the second syllable can start.
const MAX_SYLLABLE = 6;

/** The longest stretch of ideographs in a compact query (the caller knows there is one). */
function longestIdeographRun(q: string): string {
  let best = '';
  for (const run of q.split(/[a-z0-9]+/)) if (run.length > best.length) best = run;
  return best;
}

/**
 * Reports each text holding `q` literally, once, with where its leftmost occurrence starts. Only
 * the places of the query's rarest character are looked at (a few hundred for 户口, 13,000 for
 * 证, the commonest), not the 1.6 million characters of a province's catalogue.
 */
function eachLiteral(index: SearchIndex, q: string, found: (text: number, at: number) => void): void {
  const { literal } = index;
  const { start, at: positions } = index.literalChars;
  const placesOf = (k: number): number => start[q.charCodeAt(k) + 1] - start[q.charCodeAt(k)];
  let rarest = 0;
  for (let k = 1; k < q.length; k += 1) if (placesOf(k) < placesOf(rarest)) rarest = k;
  const c = q.charCodeAt(rarest);
  // Places ascend, so the first occurrence met in a text is its leftmost.
  for (let i = start[c], t = 0, last = -1; i < start[c + 1]; i += 1) {
    const at = positions[i] - rarest;
    if (at < 0 || (last >= 0 && at < literal.start[last + 1]) || !literal.text.startsWith(q, at)) continue;
    t = ownerFrom(literal, at, t);
    last = t;
    found(t, at);
  }
}

/** True when some two adjacent letters of the query begin a syllable ("zh", "hu"…). */
function spellsSyllables(index: SearchIndex, q: string): boolean {
  for (let i = 0; i + 1 < q.length; i += 1) if (index.syllableHeads.has(q.slice(i, i + 2))) return true;
  return false;
}

/**
 * Finds the texts one query variant matches, each with its best kind, and reports them through
 * `found`, each text once. The cheap ways first, each looking only where a match can be: literal
 * (the places of the rarest character), full pinyin (the syllable starts of its first letters),
 * initials (the lists of one letter and of neighbour pairs, else one `indexOf` scan over every
 * text at once); the general matcher (mixed forms like "hkqianyi") only runs on texts that can
 * still match.
 */
function matchVariant(
  index: SearchIndex,
  query: PreparedQuery,
  scratch: SearchScratch,
  found: (text: number, kind: MatchKind) => void,
): void {
  const q = query.text;
  const { texts, literal, pinyin, initials } = index;
  const { kindOf, touched, seen } = scratch;
  kindOf.fill(NONE);
  /** The general matcher, on a text that has every letter the query has. */
  const pinyinKindOf = (t: number): MatchKind =>
    (texts.letterMask[t] & query.letterMask) === query.letterMask ? pinyinKind(textAt(index, t), query) : NONE;
  let touchedCount = 0;
  const record = (t: number, kind: MatchKind): void => {
    if (kindOf[t] === NONE) {
      touched[touchedCount] = t;
      touchedCount += 1;
    }
    if (kindOf[t] === NONE || kind < kindOf[t]) kindOf[t] = kind;
  };

  // Literal: the leftmost occurrence in a text is its best. A query with a Latin letter or a digit
  // can only be in the few texts that have one.
  // eslint-disable-next-line no-control-regex -- an ASCII range check
  if (/[\x00-\x7f]/.test(q)) {
    const { latin, latinTexts } = index;
    for (let at = latin.text.indexOf(q), part = 0; at >= 0;) {
      part = ownerFrom(latin, at, part);
      record(latinTexts[part], literalKind(at - latin.start[part], q.length, partLength(latin, part)));
      at = latin.text.indexOf(q, latin.start[part + 1]);
    }
  } else {
    eachLiteral(index, q, (t, at) => record(t, literalKind(at - literal.start[t], q.length, partLength(literal, t))));
  }

  if (query.pinyin) {
    // eslint-disable-next-line no-control-regex -- an ASCII range check
    if (!/[^\x00-\x7f]/.test(q)) {
      // Full pinyin, possibly ending inside the last syllable ("hukouq"): must start on a syllable.
      // One letter starting a syllable is that syllable's initial: the initials scan finds it.
      let wholeSyllables = false;
      if (q.length >= 2) {
        const anywhere = (): boolean => true;
        eachSpelling(index.pinyinGrams, pinyin, q, scratch.firstPlace, anywhere, (at, t) => {
          // The text's first syllable starts where its part does.
          const first = at === pinyin.start[t];
          record(t, kindAt(first, q.length === partLength(pinyin, t)));
          wholeSyllables = true;
        });
      }
      const letter = q.charCodeAt(0) - 0x61;
      if (q.length === 1 && letter >= 0 && letter < 26) {
        // One letter (the first keystroke of a search as you type): the texts whose initials hold it
        // are listed at index time; scanning for them costs a province's catalogue 80,000 hits.
        for (const t of index.textsByInitial[letter]) {
          const first = initials.text.charCodeAt(initials.start[t]) === q.charCodeAt(0);
          record(t, kindAt(first, partLength(initials, t) === 1));
        }
      } else if (q.length === 2) {
        // Two letters: the texts where they are the initials of neighbours are listed at index time.
        for (const t of index.initialPairs.get(q) ?? []) {
          const first = initials.text.startsWith(q, initials.start[t]);
          record(t, kindAt(first, partLength(initials, t) === 2));
        }
      } else {
        // Initials ("hkqy").
        for (let at = initials.text.indexOf(q), t = 0; at >= 0;) {
          t = ownerFrom(initials, at, t);
          record(t, kindAt(at === initials.start[t], q.length === partLength(initials, t)));
          at = initials.text.indexOf(q, initials.start[t + 1]);
        }
      }
      // Mixed forms span at least two syllables, so the text has the query's first letter
      // followed by the initial of the next syllable, which starts 1–6 letters into the query.
      // A query some text spells out syllable by syllable ("shenfenzheng") was typed as full
      // pinyin: reading parts of it as initials would only add noise (and cost a province's
      // catalogue most of the query's time). A query where no two letters begin a syllable
      // ("gssl") can only be initials, which the scan above has found.
      if (q.length >= 2 && !wholeSyllables && spellsSyllables(index, q)) {
        seen.fill(0);
        for (let j = 1; j <= Math.min(MAX_SYLLABLE, q.length - 1); j += 1) {
          // The first syllable is typed as its first letter, its initial (zh, ch, sh) or whole.
          const head = q.slice(0, j);
          if (j > 1 && !index.syllables.has(head) && !(j === 2 && /^[zcs]h$/.test(head))) continue;
          const candidates = index.initialPairs.get(q[0] + q[j]);
          if (!candidates) continue;
          for (let c = 0; c < candidates.length; c += 1) {
            const t = candidates[c];
            if (seen[t] === 1 || kindOf[t] !== NONE) continue;
            seen[t] = 1;
            const kind = pinyinKindOf(t);
            if (kind !== NONE) record(t, kind);
          }
        }
      }
    } else {
      // Ideographs mixed with pinyin ("户口qy", or a synonym put into pinyin: "公司sheli"): the
      // ideographs must be in the text as they are, so only texts holding the longest run of them
      // go to the general matcher, and when a letter follows the run in the query, only those
      // where it is the initial of the character after the run (户口 then q…: 户口迁移, not 户口登记).
      const run = longestIdeographRun(q);
      const runAt = q.indexOf(run);
      const next = runAt + run.length < q.length && q.indexOf(run, runAt + 1) < 0 ? q[runAt + run.length] : '';
      const nextFits = (t: number, first: number): boolean => {
        const length = partLength(literal, t);
        // A character outside the BMP takes two positions in `literal` and one in `initials`.
        if (next === '' || length !== partLength(initials, t)) return true;
        const end = literal.start[t] + length;
        for (let at = first; at + run.length < end; at += 1) {
          const after = at - literal.start[t] + run.length;
          if (initials.text[initials.start[t] + after] === next && literal.text.startsWith(run, at)) return true;
        }
        return false;
      };
      eachLiteral(index, run, (t, at) => {
        if (kindOf[t] !== NONE || !nextFits(t, at)) return;
        const kind = pinyinKindOf(t);
        if (kind !== NONE) record(t, kind);
      });
    }
  }
  for (let i = 0; i < touchedCount; i += 1) found(touched[i], kindOf[touched[i]] as MatchKind);
}

/** True when no item matched in its name or an alias: the query is then worth reading by sound. */
function weak(score: Int32Array, items: Int32Array, count: number): boolean {
  const strong = scoreOf(Field.Department, 0, false);
  for (let i = 0; i < count; i += 1) if (score[items[i]] < strong) return false;
  return true;
}

/**
 * Matches every distinct text once per variant, then spreads the result to the items carrying it.
 * When that finds no name or alias, the term's sound is matched too (see `matchSound`).
 */
export function runTerm(index: SearchIndex, term: string, allowed: Allowed, scratch: SearchScratch): TermResult {
  const variants = [prepare(term), ...index.synonyms.expand(term).map(prepare)];
  // Typed, not arrays of numbers: growing an array one item at a time cost a letter's 100,000
  // matches more than spreading them.
  const { score, text, variant, items } = scratch.term(NO_MATCH);
  let count = 0;
  const { start, item: postingItem, field: postingField } = index.postings;
  /** Records text `t`'s match for the items carrying it; `base` is variant v's score for an exact name match. */
  const spread =
    (v: number, base: number) =>
    (t: number, kind: MatchKind): void => {
      // Each field further down the ranking adds 6.
      const shift = base + kind;
      for (let p = start[t], end = start[t + 1]; p < end; p += 1) {
        const item = postingItem[p];
        const s = postingField[p] * 6 + shift;
        const before = score[item];
        if (s >= before || (allowed !== null && allowed[item] === 0)) continue;
        if (before === NO_MATCH) {
          items[count] = item;
          count += 1;
        }
        score[item] = s;
        text[item] = t;
        variant[item] = v;
      }
    };
  variants.forEach((query, v) => matchVariant(index, query, scratch, spread(v, scoreOf(Field.Name, 0, v > 0))));
  const syllables = weak(score, items, count) ? querySyllables(term) : undefined;
  if (syllables && variants.length < 255) {
    // Highlighting reads the sound variant as full pinyin, which marks the same characters.
    variants.push(prepare(syllables.join('')));
    matchSound(index, syllables, scratch.firstPlace, spread(variants.length - 1, SOUND_TIER));
  }
  return { score, text, variant, variants, items: items.subarray(0, count) };
}
