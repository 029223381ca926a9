import type { Audience, ItemSummary, TongbanScope } from '../../../types/contract';
import { parseJson, type SummaryRow } from '../store/catalogue-rows';

/** Values that repeat across items (departments, 办理类型, audience sets…), each kept once. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly ids = new Map<string, number>();

  id(key: string, make: () => T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(make());
      this.ids.set(key, id);
    }
    return id;
  }
}

interface Department {
  id: string;
  name: string;
}

const FULLY_ONLINE = 1;
const MAX_ONE_VISIT = 2;

/**
 * The items of the index, one column per field: what filtering and ranking read, and enough to
 * write an item's summary for the few hits a page shows. A summary object per item, kept for a
 * province's 100,000 items, cost some 35 MB of objects and arrays repeating the same few values.
 */
export interface ItemTable {
  count: number;
  code: string[];
  /** The text holding the item's name (its `originals` entry is the name). */
  nameText: Int32Array;
  popularity: Float64Array;
  department: Uint32Array;
  departments: Department[];
  audienceSet: Uint16Array;
  audienceSets: Audience[][];
  // 办理类型 is free text in an import: a catalogue could have more than 65,536 of them.
  itemType: Uint32Array;
  itemTypes: string[];
  /** FULLY_ONLINE | MAX_ONE_VISIT. */
  flags: Uint8Array;
  scope: Uint8Array;
  scopes: TongbanScope[];
  legalDays: Int32Array;
  promisedDays: Int32Array;
}

export class ItemTableBuilder {
  private readonly code: string[] = [];
  private readonly nameText: number[] = [];
  private readonly popularity: number[] = [];
  private readonly department: number[] = [];
  private readonly audienceSet: number[] = [];
  private readonly itemType: number[] = [];
  private readonly flags: number[] = [];
  private readonly scope: number[] = [];
  private readonly legalDays: number[] = [];
  private readonly promisedDays: number[] = [];
  private readonly departments = new Interned<Department>();
  private readonly audienceSets = new Interned<Audience[]>();
  private readonly itemTypes = new Interned<string>();
  private readonly scopes = new Interned<TongbanScope>();

  /** Adds the item and returns its number. */
  add(row: SummaryRow, nameText: number): number {
    this.code.push(row.code);
    this.nameText.push(nameText);
    this.popularity.push(row.popularity);
    this.department.push(
      this.departments.id(row.department_id, () => ({ id: row.department_id, name: row.department_name })),
    );
    this.audienceSet.push(this.audienceSets.id(row.audiences, () => parseJson<Audience[]>(row.audiences)));
    this.itemType.push(this.itemTypes.id(row.item_type, () => row.item_type));
    this.flags.push((row.fully_online === 1 ? FULLY_ONLINE : 0) | (row.max_one_visit === 1 ? MAX_ONE_VISIT : 0));
    this.scope.push(this.scopes.id(row.scope, () => row.scope as TongbanScope));
    this.legalDays.push(row.legal_days);
    this.promisedDays.push(row.promised_days);
    return this.code.length - 1;
  }

  finish(): ItemTable {
    return {
      count: this.code.length,
      code: this.code,
      nameText: Int32Array.from(this.nameText),
      popularity: Float64Array.from(this.popularity),
      department: Uint32Array.from(this.department),
      departments: this.departments.values,
      audienceSet: Uint16Array.from(this.audienceSet),
      audienceSets: this.audienceSets.values,
      itemType: Uint32Array.from(this.itemType),
      itemTypes: this.itemTypes.values,
      flags: Uint8Array.from(this.flags),
      scope: Uint8Array.from(this.scope),
      scopes: this.scopes.values,
      legalDays: Int32Array.from(this.legalDays),
      promisedDays: Int32Array.from(this.promisedDays),
    };
  }
}

/** Item i's summary, written fresh for an answer. `names`: the text table's originals. */
export function itemSummary(items: ItemTable, names: readonly string[], i: number): ItemSummary {
  const department = items.departments[items.department[i]];
  return {
    code: items.code[i],
    name: names[items.nameText[i]],
    departmentId: department.id,
    departmentName: department.name,
    audiences: [...items.audienceSets[items.audienceSet[i]]],
    itemType: items.itemTypes[items.itemType[i]],
    tags: {
      fullyOnline: (items.flags[i] & FULLY_ONLINE) !== 0,
      maxOneVisit: (items.flags[i] & MAX_ONE_VISIT) !== 0,
      scope: items.scopes[items.scope[i]],
    },
    legalDays: items.legalDays[i],
    promisedDays: items.promisedDays[i],
  };
}

export interface ItemFilter {
  audience?: Audience;
  department?: string;
  fullyOnline?: boolean;
  scope?: TongbanScope;
}

/** 1 for each item the filter lets through, 0 otherwise. */
export function filterItems(items: ItemTable, filter: ItemFilter): Uint8Array {
  const { audience, department, fullyOnline, scope } = filter;
  // Each filter compares small numbers per item: the sets, departments and scopes it names are
  // looked up once.
  const audienceOk = items.audienceSets.map((set) => audience === undefined || set.includes(audience));
  const departmentOk = items.departments.map((d) => department === undefined || d.id === department);
  const scopeOk = items.scopes.map((s) => scope === undefined || s === scope);
  const allowed = new Uint8Array(items.count);
  for (let i = 0; i < items.count; i += 1) {
    allowed[i] =
      audienceOk[items.audienceSet[i]] &&
      departmentOk[items.department[i]] &&
      (fullyOnline === undefined || ((items.flags[i] & FULLY_ONLINE) !== 0) === fullyOnline) &&
      scopeOk[items.scope[i]]
        ? 1
        : 0;
  }
  return allowed;
}
