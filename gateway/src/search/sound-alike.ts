import { indexText } from './indexed-text';
import { kindAt, MatchKind } from './match-text';
import { SEPARATOR } from './haystack';
import { eachSpelling } from './pinyin-grams';
import type { SearchIndex } from './search-index';

// One ideograph's sound matches hundreds of characters (婚 → 昏, 混, 魂…): only longer queries.
const MIN_SYLLABLES = 2;

/**
 * Toneless syllables of a query made only of ideographs ("户口签移" → hu kou qian yi), read the way
 * the index reads texts; undefined when the query is shorter or has letters or digits, which the
 * pinyin matchers already handle.
 */
export function querySyllables(term: string): string[] | undefined {
  const { units, compact } = indexText(term);
  if (units.length < MIN_SYLLABLES || compact !== term) return undefined;
  const syllables = units.map((u) => u.syl);
  return syllables.every((s, i) => s !== '' && s !== units[i].ch) ? syllables : undefined;
}

/**
 * Texts whose syllables include the query's syllables in order, each on a syllable of its own
 * (so 身分证 finds 身份证, but "shen" never matches the start of "sheng"): a resident typing by
 * pinyin picked a character of the right sound and the wrong meaning.
 */
export function matchSound(
  index: SearchIndex,
  syllables: readonly string[],
  firstPlace: Int32Array,
  found: (text: number, kind: MatchKind) => void,
): void {
  const { pinyin, syllableAt } = index;
  const q = syllables.join('');
  // Where each query syllable after the first starts, relative to the match.
  const offsets: number[] = [];
  for (let i = 0, at = 0; i < syllables.length; i += 1) {
    offsets.push(at);
    at += syllables[i].length;
  }
  /** Whether the query's syllables each start a syllable of the text from `at`, and the match's kind. */
  const kindFrom = (at: number): MatchKind => {
    const first = syllableAt[at];
    const end = at + q.length;
    const aligned =
      first >= 0 &&
      offsets.every((o, i) => syllableAt[at + o] === first + i) &&
      (pinyin.text[end] === SEPARATOR || syllableAt[end] === first + syllables.length);
    if (!aligned) return MatchKind.None;
    return kindAt(first === 0, pinyin.text[end] === SEPARATOR);
  };
  // Two syllables at least, so two letters at least.
  eachSpelling(
    index.pinyinGrams,
    pinyin,
    q,
    firstPlace,
    (at) => kindFrom(at) !== MatchKind.None,
    (at, t) => found(t, kindFrom(at)),
  );
}
