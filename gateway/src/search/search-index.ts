import { parseJson, type IndexRow } from '../store/catalogue-rows';
import { indexText, newReadCache, type IndexedText } from './indexed-text';
import { ItemTableBuilder, type ItemTable } from './item-table';
import { TextTableBuilder, textView, type TextTable } from './text-table';
import { SynonymExpander } from './synonyms';
import { buildHaystack, type Haystack } from './haystack';

/** Which field a text belongs to; the order is the ranking order (name first). */
export const Field = { Name: 0, Alias: 1, Department: 2, Material: 3 } as const;
export type Field = (typeof Field)[keyof typeof Field];

export const FIELD_NAMES = ['name', 'alias', 'department', 'material'] as const;

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
  items: ItemTable;
  texts: TextTable;
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
  /** Read one at a time: a province's rows are never all held at once. */
  items: Iterable<IndexRow>;
  synonymGroups: string[][];
}

/** Browse order: popularity, then shorter name, then code. */
function browseOrder(items: ItemTable, names: readonly string[]): number[] {
  const nameLength = (i: number): number => names[items.nameText[i]].length;
  const { code, popularity } = items;
  return Array.from({ length: items.count }, (_, i) => i).sort(
    (a, b) =>
      popularity[b] - popularity[a] ||
      nameLength(a) - nameLength(b) ||
      (code[a] < code[b] ? -1 : code[a] > code[b] ? 1 : 0),
  );
}

function pairIndex(initials: string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  initials.forEach((t, i) => {
    for (let k = 0; k + 1 < t.length; k += 1) {
      const key = t.slice(k, k + 2);
      const list = lists.get(key) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      lists.set(key, list);
    }
  });
  return new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
}

export function buildSearchIndex(source: IndexSource): SearchIndex {
  const texts = new TextTableBuilder();
  const items = new ItemTableBuilder();
  // What the haystacks are made of, one entry per text; joined once at the end.
  const compactParts: string[] = [];
  const pinyinParts: string[] = [];
  const initialsParts: string[] = [];
  const syllableStarts: number[][] = [];
  const postings: Posting[][] = [];
  const textIds = new Map<string, number>();
  const cache = newReadCache();
  const textId = (value: string): number => {
    let id = textIds.get(value);
    if (id === undefined) {
      id = texts.size;
      textIds.set(value, id);
      const text = indexText(value, cache);
      texts.add(text);
      compactParts.push(text.compact);
      initialsParts.push(text.initials);
      // Where each unit's syllable starts in the text's full pinyin.
      const starts: number[] = [];
      let length = 0;
      const sounds = text.units.map((u) => {
        starts.push(length);
        const sound = u.syl || u.ch;
        length += sound.length;
        return sound;
      });
      pinyinParts.push(sounds.join(''));
      syllableStarts.push(starts);
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

  for (const row of source.items) {
    const i = items.add(row, textId(row.name));
    post(row.name, i, Field.Name);
    for (const alias of parseJson<string[]>(row.aliases)) post(alias, i, Field.Alias);
    post(row.department_name, i, Field.Department);
    for (const material of row.materialNames) post(material, i, Field.Material);
  }

  const textTable = texts.finish();
  const itemTable = items.finish();
  const pinyin = buildHaystack(pinyinParts);
  // A text has at most a few hundred units (names ≤ 200 characters): 16 bits are enough.
  const syllableAt = new Int16Array(pinyin.text.length).fill(-1);
  syllableStarts.forEach((starts, t) => {
    starts.forEach((offset, k) => {
      syllableAt[pinyin.start[t] + offset] = k;
    });
  });
  return {
    items: itemTable,
    texts: textTable,
    literal: buildHaystack(compactParts),
    pinyin,
    syllableAt,
    initials: buildHaystack(initialsParts),
    initialPairs: pairIndex(initialsParts),
    syllables: new Set([...cache.units.values()].map((u) => u.syl).filter((syl) => /^[a-z]{2,}$/.test(syl))),
    postings: flatten(postings),
    byPopularity: browseOrder(itemTable, textTable.originals),
    synonyms: new SynonymExpander(source.synonymGroups),
  };
}

/** Text t, whole: for a query that looks at it closely. */
export function textAt(index: SearchIndex, t: number): IndexedText {
  return textView(index.texts, index.literal, index.initials, t);
}
