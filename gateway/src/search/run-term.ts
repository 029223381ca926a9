import { letterMaskOf } from './indexed-text';
import { ownerFrom, partLength } from './haystack';
import { literalKind, MatchKind, pinyinKind, type PreparedQuery } from './match-text';
import { hasLetter } from './normalise';
import { Field, textAt, type SearchIndex } from './search-index';
import { matchSound, querySyllables } from './sound-alike';

export const NO_MATCH = 0x7fffffff;
// Read once: the loops below run for every text a letter matches in a province's catalogue, and an
// imported binding is a property read on each use.
const { None: NONE, Exact: EXACT, Prefix: PREFIX, Substring: SUBSTRING } = MatchKind;
/**
 * Score = field (name > alias > department > material), then as typed over synonym, then match
 * kind (exact > prefix > substring); lower is better. Kinds are 0–2, so a field spans 6 scores.
 * A match by sound alone (户口签移 → 户口迁移) comes after every match as typed, in any field.
 */
export const scoreOf = (field: Field, kind: number, synonym: boolean): number => field * 6 + (synonym ? 3 : 0) + kind;
const FIELDS = 4;
export const SOUND_TIER = FIELDS * 6;
export const fieldOfScore = (score: number): Field => (Math.floor(score / 6) % FIELDS) as Field;

/** Items allowed by the filters (1) or not (0); null when no filter is set. */
export type Allowed = Uint8Array | null;

/** The best match of one term for every item. */
export interface TermResult {
  score: Int32Array;
  /** The text and query variant (0 = as typed, then synonyms) of the best match, for highlighting. */
  text: Int32Array;
  variant: Uint8Array;
  variants: PreparedQuery[];
  items: number[];
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
 * Finds the texts one query variant matches, each with its best kind, and reports them through
 * `found`. Cheap native scans first (literal, full pinyin, initials: one `indexOf` loop each over
 * every text at once); the general matcher (mixed forms like "hkqianyi") only runs on texts
 * that share an adjacent pair of initials with the query.
 */
function matchVariant(index: SearchIndex, query: PreparedQuery, found: (text: number, kind: MatchKind) => void): void {
  const q = query.text;
  const { texts, literal, pinyin, syllableAt, initials } = index;
  const textCount = texts.originals.length;
  const kindOf = new Int8Array(textCount).fill(NONE);
  /** The general matcher, on a text that has every letter the query has. */
  const pinyinKindOf = (t: number): MatchKind =>
    (texts.letterMask[t] & query.letterMask) === query.letterMask ? pinyinKind(textAt(index, t), query) : NONE;
  const touched: number[] = [];
  const record = (t: number, kind: MatchKind): void => {
    if (kindOf[t] === NONE) touched.push(t);
    if (kindOf[t] === NONE || kind < kindOf[t]) kindOf[t] = kind;
  };

  // Literal: the first hit in a text is its leftmost, hence its best.
  for (let at = literal.text.indexOf(q), t = 0; at >= 0;) {
    t = ownerFrom(literal, at, t);
    record(t, literalKind(at - literal.start[t], q.length, partLength(literal, t)));
    at = literal.text.indexOf(q, literal.start[t + 1]);
  }

  if (query.pinyin) {
    // eslint-disable-next-line no-control-regex -- an ASCII range check
    if (!/[^\x00-\x7f]/.test(q)) {
      // Full pinyin, possibly ending inside the last syllable ("hukouq"): must start on a syllable.
      // One letter starting a syllable is that syllable's initial: the initials scan finds it.
      let wholeSyllables = false;
      for (let at = q.length > 1 ? pinyin.text.indexOf(q) : -1, t = 0; at >= 0;) {
        t = ownerFrom(pinyin, at, t);
        const unit = syllableAt[at];
        if (unit < 0) {
          at = pinyin.text.indexOf(q, at + 1);
          continue;
        }
        const exact = unit === 0 && q.length === partLength(pinyin, t);
        record(t, unit !== 0 ? SUBSTRING : exact ? EXACT : PREFIX);
        wholeSyllables = true;
        at = pinyin.text.indexOf(q, pinyin.start[t + 1]);
      }
      // Initials ("hkqy").
      for (let at = initials.text.indexOf(q), t = 0; at >= 0;) {
        t = ownerFrom(initials, at, t);
        const unit = at - initials.start[t];
        const exact = unit === 0 && q.length === partLength(initials, t);
        record(t, unit !== 0 ? SUBSTRING : exact ? EXACT : PREFIX);
        at = initials.text.indexOf(q, initials.start[t + 1]);
      }
      // Mixed forms span at least two syllables, so the text has the query's first letter
      // followed by the initial of the next syllable, which starts 1–6 letters into the query.
      // A query some text spells out syllable by syllable ("shenfenzheng") was typed as full
      // pinyin: reading parts of it as initials would only add noise (and cost a province's
      // catalogue most of the query's time).
      if (q.length >= 2 && !wholeSyllables) {
        const seen = new Uint8Array(textCount);
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
      // go to the general matcher.
      const run = longestIdeographRun(q);
      for (let at = literal.text.indexOf(run), t = 0; at >= 0;) {
        t = ownerFrom(literal, at, t);
        if (kindOf[t] === NONE) {
          const kind = pinyinKindOf(t);
          if (kind !== NONE) record(t, kind);
        }
        at = literal.text.indexOf(run, literal.start[t + 1]);
      }
    }
  }
  for (const t of touched) found(t, kindOf[t] as MatchKind);
}

/** True when no item matched in its name or an alias: the query is then worth reading by sound. */
function weak(result: TermResult): boolean {
  return result.items.every((item) => result.score[item] >= scoreOf(Field.Department, 0, false));
}

/**
 * Matches every distinct text once per variant, then spreads the result to the items carrying it.
 * When that finds no name or alias, the term's sound is matched too (see `matchSound`).
 */
export function runTerm(index: SearchIndex, term: string, allowed: Allowed): TermResult {
  const n = index.items.count;
  const variants = [prepare(term), ...index.synonyms.expand(term).map(prepare)];
  const result: TermResult = {
    score: new Int32Array(n).fill(NO_MATCH),
    text: new Int32Array(n),
    variant: new Uint8Array(n),
    variants,
    items: [],
  };
  const { score, text, variant, items } = result;
  const { start, item: postingItem, field: postingField } = index.postings;
  /** Records text `t`'s match for the items carrying it; `base` is variant v's score for an exact name match. */
  const spread =
    (v: number, base: number) =>
    (t: number, kind: MatchKind): void => {
      for (let p = start[t], end = start[t + 1]; p < end; p += 1) {
        const item = postingItem[p];
        // Each field further down the ranking adds 6.
        const s = postingField[p] * 6 + base + kind;
        if (s >= score[item] || (allowed !== null && allowed[item] === 0)) continue;
        if (score[item] === NO_MATCH) items.push(item);
        score[item] = s;
        text[item] = t;
        variant[item] = v;
      }
    };
  variants.forEach((query, v) => matchVariant(index, query, spread(v, scoreOf(Field.Name, 0, v > 0))));
  const syllables = weak(result) ? querySyllables(term) : undefined;
  if (syllables && variants.length < 255) {
    // Highlighting reads the sound variant as full pinyin, which marks the same characters.
    variants.push(prepare(syllables.join('')));
    matchSound(index, syllables, spread(variants.length - 1, SOUND_TIER));
  }
  return result;
}
