import type { Audience, ItemSummary, TongbanScope } from '../../../types/contract';
import { parseJson, toItemSummary, type ItemRow, type MaterialRow } from '../store/catalogue-rows';
import { indexText, type IndexedText } from './indexed-text';
import { SynonymExpander } from './synonyms';

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
  audiences: ReadonlySet<Audience>;
  fullyOnline: boolean;
  scope: TongbanScope;
  /** Index into `texts` of the item's name. */
  nameText: number;
}

export interface Posting {
  item: number;
  field: Field;
}

/**
 * Everything a query needs, built once from the database: the items, each distinct searchable text
 * (names, aliases, department names, material names — shared texts such as 居民身份证 are indexed
 * once), and for each text the items that carry it and in which field.
 */
export interface SearchIndex {
  items: IndexedItem[];
  texts: IndexedText[];
  postings: Posting[][];
  /** Item indexes ordered for browsing: popularity, then shorter name, then code. */
  byPopularity: number[];
  synonyms: SynonymExpander;
}

export interface IndexSource {
  items: ItemRow[];
  materials: MaterialRow[];
  synonymGroups: string[][];
}

export function compareForBrowse(a: IndexedItem, b: IndexedItem): number {
  return b.popularity - a.popularity || a.nameLength - b.nameLength || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export function buildSearchIndex(source: IndexSource): SearchIndex {
  const texts: IndexedText[] = [];
  const postings: Posting[][] = [];
  const textIds = new Map<string, number>();
  const textId = (value: string): number => {
    let id = textIds.get(value);
    if (id === undefined) {
      id = texts.length;
      textIds.set(value, id);
      texts.push(indexText(value));
      postings.push([]);
    }
    return id;
  };
  const post = (value: string, item: number, field: Field): number => {
    const id = textId(value);
    const list = postings[id];
    // One posting per item and text, in its best field (an item's texts are posted consecutively,
    // name first, so only the last posting can belong to the same item).
    if (list[list.length - 1]?.item !== item) list.push({ item, field });
    return id;
  };

  const materialsByItem = new Map<string, string[]>();
  for (const m of source.materials) {
    const list = materialsByItem.get(m.item_code) ?? [];
    list.push(m.name);
    materialsByItem.set(m.item_code, list);
  }

  const items: IndexedItem[] = source.items.map((row, i) => {
    const summary = toItemSummary(row);
    const nameText = post(row.name, i, Field.Name);
    for (const alias of parseJson<string[]>(row.aliases)) post(alias, i, Field.Alias);
    post(row.department_name, i, Field.Department);
    for (const material of materialsByItem.get(row.code) ?? []) post(material, i, Field.Material);
    return {
      summary,
      code: row.code,
      nameLength: row.name.length,
      popularity: row.popularity,
      departmentId: row.department_id,
      audiences: new Set(summary.audiences),
      fullyOnline: summary.tags.fullyOnline,
      scope: summary.tags.scope,
      nameText,
    };
  });

  const byPopularity = items.map((_, i) => i).sort((a, b) => compareForBrowse(items[a], items[b]));
  return { items, texts, postings, byPopularity, synonyms: new SynonymExpander(source.synonymGroups) };
}
