import type {
  Hall,
  HallKind,
  ItemSummary,
  Material,
  MaterialForm,
  MaterialNecessity,
  OpeningHours,
} from '../../../types/contract';

/** Row shapes as SQLite returns them, and their mapping onto contract types. */

export interface ItemRow {
  code: string;
  name: string;
  department_id: string;
  department_name: string;
  aliases: string;
  audiences: string;
  item_type: string;
  legal_days: number;
  promised_days: number;
  visits: number;
  fee: string;
  channels: string;
  fully_online: number;
  max_one_visit: number;
  scope: string;
  conditions_html: string;
  steps: string;
  legal_basis_html: string;
  faqs: string;
  phone: string;
  popularity: number;
  updated_at: string;
}

export interface MaterialRow {
  item_code: string;
  id: string;
  name: string;
  form: string;
  copies: number;
  necessity: string;
  review_points: string;
  source: string;
  e_licence_accepted: number;
  commitment_allowed: number;
}

export interface HallRow {
  id: string;
  name: string;
  kind: string;
  address: string;
  phone: string;
  latitude: number;
  longitude: number;
  open_24h: number;
  follows_workday_calendar: number;
  hours: string;
  note: string;
}

/**
 * JSON columns and enum-valued text columns are written only by the import, which validated them
 * against the contract; reading them back trusts that (the response check catches any drift).
 */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** The columns of an item that its summary (and the search index) need: not its guide's long texts. */
export type SummaryRow = Pick<
  ItemRow,
  | 'code'
  | 'name'
  | 'department_id'
  | 'department_name'
  | 'aliases'
  | 'audiences'
  | 'item_type'
  | 'legal_days'
  | 'promised_days'
  | 'fully_online'
  | 'max_one_visit'
  | 'scope'
  | 'popularity'
>;

/** An item as the search index reads it: its summary's columns and its materials' names, in order. */
export interface IndexRow extends SummaryRow {
  materialNames: readonly string[];
}

export function toItemSummary(row: SummaryRow): ItemSummary {
  return {
    code: row.code,
    name: row.name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    audiences: parseJson<ItemSummary['audiences']>(row.audiences),
    itemType: row.item_type,
    tags: {
      fullyOnline: row.fully_online === 1,
      maxOneVisit: row.max_one_visit === 1,
      scope: row.scope as ItemSummary['tags']['scope'],
    },
    legalDays: row.legal_days,
    promisedDays: row.promised_days,
  };
}

export function toMaterial(row: MaterialRow): Material {
  return {
    id: row.id,
    name: row.name,
    form: row.form as MaterialForm,
    copies: row.copies,
    necessity: row.necessity as MaterialNecessity,
    reviewPoints: row.review_points,
    source: row.source,
    eLicenceAccepted: row.e_licence_accepted === 1,
    commitmentAllowed: row.commitment_allowed === 1,
  };
}

export function toHall(row: HallRow): Hall {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as HallKind,
    address: row.address,
    phone: row.phone,
    latitude: row.latitude,
    longitude: row.longitude,
    open24h: row.open_24h === 1,
    followsWorkdayCalendar: row.follows_workday_calendar === 1,
    hours: parseJson<OpeningHours[]>(row.hours),
    note: row.note,
  };
}
