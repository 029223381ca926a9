import { parseJson, type IndexRow } from '../store/catalogue-rows';
import { indexText, newReadCache, type IndexedText } from './indexed-text';
import { ItemTableBuilder, type ItemTable } from './item-table';
import { IntList } from './int-list';
import { TextTableBuilder, textView, type TextTable } from './text-table';
import { SynonymExpander } from './synonyms';
import { buildHaystack, type Haystack } from './haystack';
import { PinyinGramsBuilder, type PinyinGrams } from './pinyin-grams';

/** Which field a text belongs to; the order is the ranking order (name first). */
export const Field = { Name: 0, Alias: 1, Department: 2, Material: 3 } as const;
export type Field = (typeof Field)[keyof typeof Field];

export const FIELD_NAMES = ['name', 'alias', 'department', 'material'] as const;

/** All postings in flat arrays (the query loop reads them for thousands of texts). */
export interface PostingTable {
  /** Postings of text t are at [start[t], start[t + 1]). */
  start: Int32Array;
  item: Int32Array;
  field: Uint8Array;
}

/** Collects postings in the order items are read, then groups them by text. */
class PostingTableBuilder {
  private readonly text = new IntList(1 << 16);
  private readonly item = new IntList(1 << 16);
  private readonly field = new IntList(1 << 16);
  /** Per text, the last item posted to it. */
  private readonly lastItem = new IntList();

  addText(): void {
    this.lastItem.push(-1);
  }

  /**
   * One posting per item and text, in its best field: an item's texts are posted consecutively,
   * name first, so only the text's last posting can belong to the same item.
   */
  add(text: number, item: number, field: Field): void {
    if (this.lastItem.at(text) === item) return;
    this.lastItem.set(text, item);
    this.text.push(text);
    this.item.push(item);
    this.field.push(field);
  }

  /** A counting sort by text; within a text, postings keep their order (items ascending). */
  finish(): PostingTable {
    const textCount = this.lastItem.length;
    const total = this.text.length;
    const start = new Int32Array(textCount + 1);
    const texts = this.text.view();
    for (let p = 0; p < total; p += 1) start[texts[p] + 1] += 1;
    for (let t = 0; t < textCount; t += 1) start[t + 1] += start[t];
    const next = start.slice(0, textCount);
    const item = new Int32Array(total);
    const field = new Uint8Array(total);
    const items = this.item.view();
    const fields = this.field.view();
    for (let p = 0; p < total; p += 1) {
      const at = next[texts[p]];
      next[texts[p]] += 1;
      item[at] = items[p];
      field[at] = fields[p];
    }
    return { start, item, field };
  }
}

/** Positions in a haystack by the UTF-16 unit there: those of unit c are `at[start[c]]…at[start[c + 1] - 1]`, ascending. */
export interface CharPositions {
  start: Int32Array;
  at: Int32Array;
}

/** Read from the parts, which are flat strings: the joined haystack is slow to read one unit at a time. */
function charPositions(parts: string[], haystack: Haystack): CharPositions {
  const start = new Int32Array(0x10000 + 1);
  for (const part of parts) for (let k = 0; k < part.length; k += 1) start[part.charCodeAt(k) + 1] += 1;
  for (let c = 0; c < 0x10000; c += 1) start[c + 1] += start[c];
  const next = start.slice(0, -1);
  const at = new Int32Array(start[0x10000]);
  parts.forEach((part, t) => {
    for (let k = 0; k < part.length; k += 1) {
      const c = part.charCodeAt(k);
      at[next[c]] = haystack.start[t] + k;
      next[c] += 1;
    }
  });
  return { start, at };
}

/** The parts with a character below U+0080, and the index of each among all parts. */
function latinParts(compactParts: string[]): { latin: Haystack; latinTexts: Int32Array } {
  const texts: number[] = [];
  // eslint-disable-next-line no-control-regex -- an ASCII range check
  compactParts.forEach((part, t) => /[\x00-\x7f]/.test(part) && texts.push(t));
  return { latin: buildHaystack(texts.map((t) => compactParts[t])), latinTexts: Int32Array.from(texts) };
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
  /** Where each character occurs in `literal`: a literal query looks only where its rarest one is. */
  literalChars: CharPositions;
  /**
   * The few texts with a Latin letter or a digit (12345, ICP), compact, and which text each is: a
   * query with one can only be found literally there, and scanning them costs nothing.
   */
  latin: Haystack;
  latinTexts: Int32Array;
  /** Full pinyin of each text ("hukouqianyi"), for full-pinyin matches. */
  pinyin: Haystack;
  /** For each position in `pinyin`: the unit whose syllable starts there, or -1 inside a syllable. */
  syllableAt: Int16Array;
  /** Where syllables start in `pinyin`, by the letters from there. */
  pinyinGrams: PinyinGrams;
  /** Initials of each text ("hkqy"), for initials matches. */
  initials: Haystack;
  /** Texts by adjacent-initials pair ("hk" → texts with 户口…): candidates for mixed pinyin like "hkqianyi". */
  initialPairs: Map<string, Int32Array>;
  /** Every syllable some text has: where a mixed query's first syllable can end. */
  syllables: ReadonlySet<string>;
  /**
   * The first two letters of every syllable some text has ("zh", "hu"…): a query with none of them
   * can only be typed as initials, one letter per syllable, which the initials scan finds alone.
   */
  syllableHeads: ReadonlySet<string>;
  /** For letter 'a' + i, the texts whose initials contain it: a one-letter query reads its list. */
  textsByInitial: Int32Array[];
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

/** Per letter a–z, the texts (ascending) whose initials hold it at least once. */
function initialsLists(initials: string[]): Int32Array[] {
  const lists = Array.from({ length: 26 }, () => new IntList());
  initials.forEach((part, t) => {
    let seen = 0;
    for (let k = 0; k < part.length; k += 1) {
      const letter = part.charCodeAt(k) - 0x61;
      if (letter < 0 || letter >= 26 || (seen & (1 << letter)) !== 0) continue;
      seen |= 1 << letter;
      lists[letter].push(t);
    }
  });
  return lists.map((list) => list.view().slice());
}

export function buildSearchIndex(source: IndexSource): SearchIndex {
  const texts = new TextTableBuilder();
  const items = new ItemTableBuilder();
  // What the haystacks are made of, one entry per text; joined once at the end.
  const compactParts: string[] = [];
  const pinyinParts: string[] = [];
  const initialsParts: string[] = [];
  const postings = new PostingTableBuilder();
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
      pinyinParts.push(text.units.map((u) => u.syl || u.ch).join(''));
      postings.addText();
    }
    return id;
  };
  const post = (value: string, item: number, field: Field): void => postings.add(textId(value), item, field);

  for (const row of source.items) {
    const i = items.add(row, textId(row.name));
    post(row.name, i, Field.Name);
    for (const alias of parseJson<string[]>(row.aliases)) post(alias, i, Field.Alias);
    post(row.department_name, i, Field.Department);
    for (const material of row.materialNames) post(material, i, Field.Material);
  }

  const textTable = texts.finish();
  const literal = buildHaystack(compactParts);
  const itemTable = items.finish();
  const pinyin = buildHaystack(pinyinParts);
  // A text has at most a few hundred units (names ≤ 200 characters): 16 bits are enough.
  const syllableAt = new Int16Array(pinyin.text.length).fill(-1);
  const grams = new PinyinGramsBuilder();
  const { unitStart, unitIds, units } = textTable;
  for (let t = 0; t + 1 < unitStart.length; t += 1) {
    let offset = 0;
    for (let k = unitStart[t]; k < unitStart[t + 1]; k += 1) {
      syllableAt[pinyin.start[t] + offset] = k - unitStart[t];
      grams.add(t, pinyinParts[t], pinyin.start[t], offset);
      const unit = units[unitIds[k]];
      offset += (unit.syl || unit.ch).length;
    }
  }
  const syllables = new Set([...cache.units.values()].map((u) => u.syl).filter((syl) => /^[a-z]{2,}$/.test(syl)));
  return {
    items: itemTable,
    texts: textTable,
    literal,
    literalChars: charPositions(compactParts, literal),
    ...latinParts(compactParts),
    pinyin,
    syllableAt,
    pinyinGrams: grams.finish(),
    initials: buildHaystack(initialsParts),
    initialPairs: pairIndex(initialsParts),
    syllables,
    syllableHeads: new Set([...syllables].map((syl) => syl.slice(0, 2))),
    textsByInitial: initialsLists(initialsParts),
    postings: postings.finish(),
    byPopularity: browseOrder(itemTable, textTable.originals),
    synonyms: new SynonymExpander(source.synonymGroups),
  };
}

/** Text t, whole: for a query that looks at it closely. */
export function textAt(index: SearchIndex, t: number): IndexedText {
  return textView(index.texts, index.literal, index.initials, t);
}
