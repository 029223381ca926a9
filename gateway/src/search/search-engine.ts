import type {
  Audience,
  HighlightRange,
  SearchHit,
  SearchResult,
  Suggestion,
  TongbanScope,
} from '../../../types/contract';
import { SEARCH_QUERY_MAX_LENGTH } from '../../../types/contract';
import { letterMaskOf } from './indexed-text';
import { matchText, type PreparedQuery, type TextMatch } from './match-text';
import { cleanQuery, compact, hasLetter } from './normalise';
import { compareForBrowse, Field, FIELD_NAMES, type IndexedItem, type SearchIndex } from './search-index';

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

const NO_MATCH = 0x7fffffff;
/** Score = field, then match kind, then original-over-synonym; lower is better. */
const scoreOf = (field: Field, kind: number, synonym: boolean): number => field * 6 + kind * 2 + (synonym ? 1 : 0);
const fieldOfScore = (score: number): Field => Math.floor(score / 6) as Field;

type Filter = (item: IndexedItem) => boolean;

/** The best match of one term for every item. */
interface TermResult {
  score: Int32Array;
  text: Int32Array;
  matches: Map<number, TextMatch>;
  items: number[];
}

function prepare(text: string): PreparedQuery {
  return { text, pinyin: hasLetter(text), letterMask: letterMaskOf(text) };
}

function runTerm(index: SearchIndex, term: string, filter: Filter): TermResult {
  const result: TermResult = {
    score: new Int32Array(index.items.length).fill(NO_MATCH),
    text: new Int32Array(index.items.length),
    matches: new Map(),
    items: [],
  };
  const variants = [{ query: prepare(term), synonym: false }].concat(
    index.synonyms.expand(term).map((v) => ({ query: prepare(v), synonym: true })),
  );
  for (const { query, synonym } of variants) {
    for (let t = 0; t < index.texts.length; t += 1) {
      const match = matchText(index.texts[t], query);
      if (!match) continue;
      let used = false;
      for (const { item, field } of index.postings[t]) {
        const score = scoreOf(field, match.kind, synonym);
        if (score >= result.score[item] || !filter(index.items[item])) continue;
        if (result.score[item] === NO_MATCH) result.items.push(item);
        result.score[item] = score;
        result.text[item] = t;
        used = true;
      }
      // The first (original) variant's match of a text wins over a synonym's for highlighting.
      if (used && !result.matches.has(t)) result.matches.set(t, match);
    }
  }
  return result;
}

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
  const entry = index.items[item];
  const nameRanges: HighlightRange[] = [];
  let best: Field = Field.Material;
  let matchedText: string | undefined;
  let matchedTextHighlights: HighlightRange[] | undefined;
  for (const term of terms) {
    const field = fieldOfScore(term.score[item]);
    const textId = term.text[item];
    const ranges = term.matches.get(textId)?.ranges ?? [];
    best = Math.min(best, field) as Field;
    if (field === Field.Name) {
      nameRanges.push(...ranges);
    } else if (matchedText === undefined) {
      matchedText = index.texts[textId].original;
      matchedTextHighlights = ranges.map((r): HighlightRange => [r[0], r[1]]);
    }
  }
  const hit: SearchHit = { item: entry.summary, matchedField: FIELD_NAMES[best], nameHighlights: mergeRanges(nameRanges) };
  if (best !== Field.Name && matchedText !== undefined) {
    hit.matchedText = matchedText;
    hit.matchedTextHighlights = matchedTextHighlights;
  }
  return hit;
}

function makeFilter(params: SearchParams): Filter {
  const { audience, department, fullyOnline, scope } = params;
  return (item) =>
    (audience === undefined || item.audiences.has(audience)) &&
    (department === undefined || item.departmentId === department) &&
    (fullyOnline === undefined || item.fullyOnline === fullyOnline) &&
    (scope === undefined || item.scope === scope);
}

interface Ranked {
  items: number[];
  terms: TermResult[];
}

/** Runs the whole query as one phrase; when that finds nothing, every space-separated term must match. */
function rank(index: SearchIndex, folded: string, filter: Filter): Ranked {
  const phrase = compact(folded);
  const phraseResult = runTerm(index, phrase, filter);
  let terms = [phraseResult];
  let items = phraseResult.items;
  const words = [...new Set(folded.split(' ').map(compact).filter((w) => w !== ''))];
  if (items.length === 0 && words.length > 1) {
    terms = words.map((w) => runTerm(index, w, filter));
    items = terms[0].items.filter((i) => terms.every((t) => t.score[i] !== NO_MATCH));
  }
  // Several terms: an item where every term matched well (e.g. two name matches) ranks first.
  const score = (i: number): number => terms.reduce((sum, t) => sum + t.score[i], 0);
  const scores = new Map(items.map((i) => [i, score(i)]));
  items = [...items].sort(
    (a, b) => (scores.get(a) ?? 0) - (scores.get(b) ?? 0) || compareForBrowse(index.items[a], index.items[b]),
  );
  return { items, terms };
}

export function search(index: SearchIndex, params: SearchParams): SearchResult {
  const { display, folded, truncated } = cleanQuery(params.q ?? '');
  const { page, pageSize } = params;
  const filter = makeFilter(params);
  const from = (page - 1) * pageSize;
  const result: SearchResult = { q: display, total: 0, page, pageSize, hits: [] };
  if (truncated) result.notice = NOTICE_TRUNCATED;

  if (display === '') {
    const items = index.byPopularity.filter((i) => filter(index.items[i]));
    result.total = items.length;
    result.hits = items.slice(from, from + pageSize).map((i) => ({
      item: index.items[i].summary,
      matchedField: 'none',
      nameHighlights: [],
    }));
    return result;
  }
  if (compact(folded) === '') {
    result.notice = NOTICE_NOTHING_SEARCHABLE;
    return result;
  }
  const ranked = rank(index, folded, filter);
  result.total = ranked.items.length;
  result.hits = ranked.items.slice(from, from + pageSize).map((i) => hitFor(index, i, ranked.terms));
  return result;
}

export function suggest(index: SearchIndex, q: string, limit = 8): Suggestion[] {
  const { folded } = cleanQuery(q);
  if (compact(folded) === '') return [];
  const ranked = rank(index, folded, () => true);
  return ranked.items.slice(0, limit).map((i) => {
    const hit = hitFor(index, i, ranked.terms);
    return { code: hit.item.code, name: hit.item.name, nameHighlights: hit.nameHighlights };
  });
}
