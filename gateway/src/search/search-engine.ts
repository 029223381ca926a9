import type {
  Audience,
  HighlightRange,
  SearchHit,
  SearchResult,
  Suggestion,
  TongbanScope,
} from '../../../types/contract';
import { SEARCH_QUERY_MAX_LENGTH } from '../../../types/contract';
import { matchRanges } from './match-text';
import { cleanQuery, compact } from './normalise';
import { fieldOfScore, NO_MATCH, runTerm, TERM_SCORES, type Allowed, type TermResult } from './run-term';
import { filterItems, itemSummary } from './item-table';
import { Field, FIELD_NAMES, textAt, type SearchIndex } from './search-index';
import { SearchScratch } from './search-scratch';

export interface SearchParams {
  q?: string;
  audience?: Audience;
  department?: string;
  fullyOnline?: boolean;
  scope?: TongbanScope;
  page: number;
  pageSize: number;
}

export const NOTICE_TRUNCATED = `搜索词过长，已按前 ${SEARCH_QUERY_MAX_LENGTH} 个字搜索`;
export const NOTICE_NOTHING_SEARCHABLE = '搜索词中没有可搜索的文字，请输入事项名称、拼音或首字母';
/**
 * Words searched one by one when the whole query matches nothing. Nobody types more to find one
 * item; 25 one-character words (the 50-character limit) cost a province's catalogue 200 ms.
 */
export const MAX_WORDS = 8;
export const NOTICE_TOO_MANY_WORDS = `搜索词较多，已按前 ${MAX_WORDS} 个词搜索`;

function mergeRanges(ranges: HighlightRange[]): HighlightRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: HighlightRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function hitFor(index: SearchIndex, item: number, terms: TermResult[]): SearchHit {
  const nameRanges: HighlightRange[] = [];
  let best: Field = Field.Material;
  let matchedText: string | undefined;
  let matchedTextHighlights: HighlightRange[] | undefined;
  for (const term of terms) {
    const field = fieldOfScore(term.score[item]);
    const text = textAt(index, term.text[item]);
    const ranges = matchRanges(text, term.variants[term.variant[item]]);
    best = Math.min(best, field) as Field;
    if (field === Field.Name) {
      nameRanges.push(...ranges);
    } else if (matchedText === undefined) {
      matchedText = text.original;
      matchedTextHighlights = ranges;
    }
  }
  const hit: SearchHit = {
    item: itemSummary(index.items, index.texts.originals, item),
    matchedField: FIELD_NAMES[best],
    nameHighlights: mergeRanges(nameRanges),
  };
  if (best !== Field.Name && matchedText !== undefined) {
    hit.matchedText = matchedText;
    hit.matchedTextHighlights = matchedTextHighlights;
  }
  return hit;
}

// Filters come in few combinations (audience × department × 全程网办 × 通办): each one's items are
// kept per index, so a filtered query does not read all 100,000 items of a province first.
const KEPT_FILTERS = 16;
const keptFilters = new WeakMap<SearchIndex, Map<string, Uint8Array>>();

function allowedItems(index: SearchIndex, params: SearchParams): Allowed {
  const { audience, department, fullyOnline, scope } = params;
  if (audience === undefined && department === undefined && fullyOnline === undefined && scope === undefined) {
    return null;
  }
  const kept = keptFilters.get(index) ?? new Map<string, Uint8Array>();
  keptFilters.set(index, kept);
  const key = JSON.stringify([audience, department, fullyOnline, scope]);
  const known = kept.get(key);
  if (known) return known;
  const allowed = filterItems(index.items, { audience, department, fullyOnline, scope });
  if (kept.size >= KEPT_FILTERS) kept.delete(kept.keys().next().value as string);
  kept.set(key, allowed);
  return allowed;
}

const scratches = new WeakMap<SearchIndex, SearchScratch>();

function scratchFor(index: SearchIndex): SearchScratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    scratch = new SearchScratch(index.texts.originals.length, index.items.count);
    scratches.set(index, scratch);
  }
  return scratch;
}

interface Ranked {
  total: number;
  /** The wanted slice of the ranking, best first. */
  items: number[];
  /** Lent from the index's scratch: read them before the next search. */
  terms: TermResult[];
  /** Words past `MAX_WORDS` were left out. */
  wordsLeftOut: boolean;
}

/**
 * Runs the whole query as one phrase; when that finds nothing, every space-separated term must
 * match. Returns the items ranked from `from` (`count` of them) and how many matched in all.
 */
function rank(index: SearchIndex, folded: string, allowed: Allowed, from: number, count: number): Ranked {
  const scratch = scratchFor(index);
  scratch.begin();
  const phrase = compact(folded);
  const phraseResult = runTerm(index, phrase, allowed, scratch);
  let terms = [phraseResult];
  let items = phraseResult.items;
  let scores = phraseResult.score;
  const words = [
    ...new Set(
      folded
        .split(' ')
        .map(compact)
        .filter((w) => w !== ''),
    ),
  ];
  if (items.length === 0 && words.length > 1) {
    terms = [];
    for (const word of words.slice(0, MAX_WORDS)) {
      const term = runTerm(index, word, allowed, scratch);
      items = terms.length === 0 ? term.items : items.filter((i) => term.score[i] !== NO_MATCH);
      terms.push(term);
      // Every word must match: once no item is left, the words after cannot bring one back.
      if (items.length === 0) break;
    }
    // Several terms: an item where every term matched well (e.g. two name matches) ranks first.
    scores = scratch.term(NO_MATCH).score;
    for (const item of items) {
      let sum = 0;
      for (const t of terms) sum += t.score[item];
      scores[item] = sum;
    }
  }
  return {
    total: items.length,
    items: rankSlice(index, items, scores, TERM_SCORES * terms.length, from, count),
    terms,
    wordsLeftOut: phraseResult.items.length === 0 && words.length > MAX_WORDS,
  };
}

/**
 * Items `from`…`from + count` of the matches ordered by score, then browse order. Scores are a few
 * small numbers (below `scoreLimit`), so instead of sorting every match (100,000 for "z" in a
 * province's catalogue), it counts the matches per score and walks the browse order for the scores
 * the slice falls in.
 */
function rankSlice(
  index: SearchIndex,
  items: Int32Array,
  scores: Int32Array,
  scoreLimit: number,
  from: number,
  count: number,
): number[] {
  const perScore = new Int32Array(scoreLimit);
  for (let i = 0; i < items.length; i += 1) perScore[scores[items[i]]] += 1;
  const out: number[] = [];
  let before = 0;
  for (let score = 0; score < scoreLimit; score += 1) {
    const n = perScore[score];
    if (n === 0) continue;
    if (before + n <= from) {
      before += n;
      continue;
    }
    let skip = Math.max(0, from - before);
    let left = n;
    for (const item of index.byPopularity) {
      if (scores[item] !== score) continue;
      left -= 1;
      if (skip > 0) skip -= 1;
      else if (out.push(item) === count) return out;
      // The rest of the browse order has no item of this score.
      if (left === 0) break;
    }
    before += n;
  }
  return out;
}

export function search(index: SearchIndex, params: SearchParams): SearchResult {
  const { display, folded, truncated } = cleanQuery(params.q ?? '');
  const { page, pageSize } = params;
  const allowed = allowedItems(index, params);
  const from = (page - 1) * pageSize;
  const result: SearchResult = { q: display, total: 0, page, pageSize, hits: [] };
  if (truncated) result.notice = NOTICE_TRUNCATED;

  if (display === '') {
    const items = allowed === null ? index.byPopularity : index.byPopularity.filter((i) => allowed[i] === 1);
    result.total = items.length;
    result.hits = items.slice(from, from + pageSize).map((i) => ({
      item: itemSummary(index.items, index.texts.originals, i),
      matchedField: 'none',
      nameHighlights: [],
    }));
    return result;
  }
  if (compact(folded) === '') {
    result.notice = NOTICE_NOTHING_SEARCHABLE;
    return result;
  }
  const ranked = rank(index, folded, allowed, from, pageSize);
  if (ranked.wordsLeftOut) result.notice ??= NOTICE_TOO_MANY_WORDS;
  result.total = ranked.total;
  result.hits = ranked.items.map((i) => hitFor(index, i, ranked.terms));
  return result;
}

export function suggest(index: SearchIndex, q: string, limit = 8): Suggestion[] {
  const { folded } = cleanQuery(q);
  if (compact(folded) === '') return [];
  const ranked = rank(index, folded, null, 0, limit);
  return ranked.items.map((i) => {
    const hit = hitFor(index, i, ranked.terms);
    return { code: hit.item.code, name: hit.item.name, nameHighlights: hit.nameHighlights };
  });
}
