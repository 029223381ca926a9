import type { Audience, ItemSummary, TongbanScope } from '../../../types/contract';
import { parseJson, toItemSummary, type MaterialNameRow, type SummaryRow } from '../store/catalogue-rows';
import { indexText, newReadCache, type IndexedText } from './indexed-text';
import { SynonymExpander } from './synonyms';
import { buildHaystack, type Haystack } from './haystack';

/** Which field a text belongs to; the order is the ranking order (name first). */
export const Field = { Name: 0, Alias: 1, Department: 2, Material: 3 } as const;
export type Field = (typeof Field)[keyof typeof Field];

export const FIELD_NAMES = ['name', 'alias', 'department', 'material'] as const;

export interface IndexedItem {
  summary: ItemSummary;
  code: string;
  nameLength: number;
  popularity: number;
  departmentId: string;
  audiences: readonly Audience[];
  fullyOnline: boolean;
  scope: TongbanScope;
}

export interface Posting {
  item: number;
  field: Field;
}

/** All postings in flat arrays (the query loop reads them for thousands of texts). */
export interface PostingTable {
  /** Postings of text t are at [start[t], start[t + 1]). */
  start: Int32Array;
  item: Int32Array;
  field: Uint8Array;
}

function flatten(lists: Posting[][]): PostingTable {
  const total = lists.reduce((n, l) => n + l.length, 0);
  const table: PostingTable = {
    start: new Int32Array(lists.length + 1),
    item: new Int32Array(total),
    field: new Uint8Array(total),
  };
  let at = 0;
  lists.forEach((list, t) => {
    table.start[t] = at;
    for (const p of list) {
      table.item[at] = p.item;
      table.field[at] = p.field;
      at += 1;
    }
  });
  table.start[lists.length] = at;
  return table;
}

/**
 * Everything a query needs, built once from the database: the items, each distinct searchable text
 * (names, aliases, department names, material names — shared texts such as 居民身份证 are indexed
 * once), and for each text the items that carry it and in which field.
 */
export interface SearchIndex {
  items: IndexedItem[];
  texts: IndexedText[];
  /** Compact texts, for literal matches (characters, digits, Latin abbreviations). */
  literal: Haystack;
  /** Full pinyin of each text ("hukouqianyi"), for full-pinyin matches. */
  pinyin: Haystack;
  /** For each position in `pinyin`: the unit whose syllable starts there, or -1 inside a syllable. */
  syllableAt: Int16Array;
  /** Initials of each text ("hkqy"), for initials matches. */
  initials: Haystack;
  /** Texts by adjacent-initials pair ("hk" → texts with 户口…): candidates for mixed pinyin like "hkqianyi". */
  initialPairs: Map<string, Int32Array>;
  /** Every syllable some text has: where a mixed query's first syllable can end. */
  syllables: ReadonlySet<string>;
  postings: PostingTable;
  /** Item indexes ordered for browsing: popularity, then shorter name, then code. */
  byPopularity: number[];
  synonyms: SynonymExpander;
}

export interface IndexSource {
  items: SummaryRow[];
  materials: MaterialNameRow[];
  synonymGroups: string[][];
}

export function compareForBrowse(a: IndexedItem, b: IndexedItem): number {
  return b.popularity - a.popularity || a.nameLength - b.nameLength || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

function pairIndex(texts: IndexedText[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  texts.forEach((t, i) => {
    for (let k = 0; k + 1 < t.initials.length; k += 1) {
      const key = t.initials.slice(k, k + 2);
      const list = lists.get(key) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      lists.set(key, list);
    }
  });
  return new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
}

export function buildSearchIndex(source: IndexSource): SearchIndex {
  const texts: IndexedText[] = [];
  const postings: Posting[][] = [];
  const textIds = new Map<string, number>();
  const cache = newReadCache();
  // SQLite hands every row its own copy of a department's name: one copy each is enough.
  const interned = new Map<string, string>();
  const intern = (value: string): string => {
    const kept = interned.get(value);
    if (kept !== undefined) return kept;
    interned.set(value, value);
    return value;
  };
  const textId = (value: string): number => {
    let id = textIds.get(value);
    if (id === undefined) {
      id = texts.length;
      textIds.set(value, id);
      texts.push(indexText(value, cache));
      postings.push([]);
    }
    return id;
  };
  const post = (value: string, item: number, field: Field): void => {
    const list = postings[textId(value)];
    // One posting per item and text, in its best field (an item's texts are posted consecutively,
    // name first, so only the last posting can belong to the same item).
    if (list[list.length - 1]?.item !== item) list.push({ item, field });
  };

  const materialsByItem = new Map<string, string[]>();
  for (const m of source.materials) {
    const list = materialsByItem.get(m.item_code) ?? [];
    list.push(m.name);
    materialsByItem.set(m.item_code, list);
  }

  const items: IndexedItem[] = source.items.map((row, i) => {
    const summary = toItemSummary(row);
    summary.departmentId = intern(summary.departmentId);
    summary.departmentName = intern(summary.departmentName);
    summary.itemType = intern(summary.itemType);
    summary.tags.scope = intern(summary.tags.scope) as TongbanScope;
    post(row.name, i, Field.Name);
    for (const alias of parseJson<string[]>(row.aliases)) post(alias, i, Field.Alias);
    post(row.department_name, i, Field.Department);
    for (const material of materialsByItem.get(row.code) ?? []) post(material, i, Field.Material);
    return {
      summary,
      code: row.code,
      nameLength: row.name.length,
      popularity: row.popularity,
      departmentId: summary.departmentId,
      audiences: summary.audiences,
      fullyOnline: summary.tags.fullyOnline,
      scope: summary.tags.scope,
    };
  });

  const byPopularity = items.map((_, i) => i).sort((a, b) => compareForBrowse(items[a], items[b]));
  const pinyin = buildHaystack(texts.map((t) => t.units.map((u) => u.syl || u.ch).join('')));
  // A text has at most a few hundred units (names ≤ 200 characters): 16 bits are enough.
  const syllableAt = new Int16Array(pinyin.text.length).fill(-1);
  texts.forEach((t, i) => {
    let at = pinyin.start[i];
    t.units.forEach((u, k) => {
      syllableAt[at] = k;
      at += (u.syl || u.ch).length;
    });
  });
  return {
    items,
    texts,
    literal: buildHaystack(texts.map((t) => t.compact)),
    pinyin,
    syllableAt,
    initials: buildHaystack(texts.map((t) => t.initials)),
    initialPairs: pairIndex(texts),
    syllables: new Set([...cache.units.values()].map((u) => u.syl).filter((syl) => /^[a-z]{2,}$/.test(syl))),
    postings: flatten(postings),
    byPopularity,
    synonyms: new SynonymExpander(source.synonymGroups),
  };
}
