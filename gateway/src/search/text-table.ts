import type { Haystack } from './haystack';
import type { IndexedText, Unit } from './indexed-text';
import { IntList } from './int-list';

/**
 * The index's distinct texts in flat arrays. A province's catalogue has some 100,000 texts and
 * 1.5 million units: kept as one object and one array per text they cost about 50 MB, because
 * each text's compact form and initials were also copies of what the haystacks already hold.
 * Here unit k of text t is `units[unitIds[unitStart[t] + k]]`, the compact form and the
 * initials are read from the haystacks, and a text is put back together only when a query
 * needs to look at it closely (`textView`).
 */
export interface TextTable {
  /** Each text as written (names are the same strings the summaries show). */
  originals: string[];
  unitStart: Int32Array;
  /** Into `units`; a catalogue has a few thousand distinct character readings. */
  unitIds: Uint16Array | Int32Array;
  /** Every distinct unit (character and reading), shared by all texts. */
  units: Unit[];
  /** Bit i set when letter 'a'+i occurs in some unit's syllable: a cheap reject for pinyin queries. */
  letterMask: Int32Array;
}

/** Collects texts one by one while the index is built. */
export class TextTableBuilder {
  private readonly originals: string[] = [];
  private readonly unitStart = new IntList();
  private readonly unitIds = new IntList(1 << 16);
  private readonly units: Unit[] = [];
  private readonly unitId = new Map<Unit, number>();
  private readonly letterMask = new IntList();

  constructor() {
    this.unitStart.push(0);
  }

  add(text: IndexedText): void {
    this.originals.push(text.original);
    this.letterMask.push(text.letterMask);
    for (const unit of text.units) {
      let id = this.unitId.get(unit);
      if (id === undefined) {
        id = this.units.length;
        this.units.push(unit);
        this.unitId.set(unit, id);
      }
      this.unitIds.push(id);
    }
    this.unitStart.push(this.unitIds.length);
  }

  get size(): number {
    return this.originals.length;
  }

  finish(): TextTable {
    const ids = this.unitIds.view();
    return {
      originals: this.originals,
      unitStart: this.unitStart.view().slice(),
      unitIds: this.units.length <= 0x10000 ? Uint16Array.from(ids) : Int32Array.from(ids),
      units: this.units,
      letterMask: this.letterMask.view().slice(),
    };
  }
}

export function unitCountOf(table: TextTable, t: number): number {
  return table.unitStart[t + 1] - table.unitStart[t];
}

/** The part of a haystack that belongs to text t (without its separator). */
function partOf(h: Haystack, t: number): string {
  return h.text.slice(h.start[t], h.start[t + 1] - 1);
}

/**
 * Text t as one object, for the matcher and the highlighter: built on demand, for the texts a
 * query examines one by one (hits shown, candidates of a mixed-pinyin query that pass the letter
 * mask), never for every text.
 */
export function textView(table: TextTable, literal: Haystack, initials: Haystack, t: number): IndexedText {
  const units: Unit[] = [];
  for (let k = table.unitStart[t], end = table.unitStart[t + 1]; k < end; k += 1) {
    units.push(table.units[table.unitIds[k]]);
  }
  return {
    original: table.originals[t],
    units,
    compact: partOf(literal, t),
    initials: partOf(initials, t),
    letterMask: table.letterMask[t],
  };
}
