import { createHash } from 'node:crypto';
import type {
  Audience,
  Channel,
  Faq,
  GuideStep,
  ImportItem,
  MaterialForm,
  MaterialNecessity,
  TongbanScope,
} from '../../../types/contract';

export interface StoredMaterial {
  id: string;
  name: string;
  form: MaterialForm;
  copies: number;
  necessity: MaterialNecessity;
  reviewPoints: string;
  source: string;
  eLicenceAccepted: boolean;
  commitmentAllowed: boolean;
}

/** An imported item with every optional field filled in: what is stored and hashed. */
export interface StoredItem {
  code: string;
  name: string;
  departmentId: string;
  aliases: string[];
  audiences: Audience[];
  itemType: string;
  legalDays: number;
  promisedDays: number;
  visits: number;
  fee: string;
  channels: Channel[];
  fullyOnline: boolean;
  maxOneVisit: boolean;
  scope: TongbanScope;
  conditionsHtml: string;
  materials: StoredMaterial[];
  steps: GuideStep[];
  legalBasisHtml: string;
  faqs: Faq[];
  phone: string;
  hallIds: string[];
  popularity: number;
}

/**
 * A material's id is derived from its name, so it stays the same when the list is reordered, and
 * the same material in two items (merged in a theme item) has the same id.
 */
export function materialId(name: string): string {
  return `m-${createHash('sha256').update(name.trim()).digest('hex').slice(0, 12)}`;
}

/** Fills the defaults documented in docs/catalogue-format.md. */
export function normaliseItem(item: ImportItem, departmentId: string): StoredItem {
  const usedIds = new Map<string, number>();
  const materials = (item.materials ?? []).map((m): StoredMaterial => {
    const base = materialId(m.name);
    const n = (usedIds.get(base) ?? 0) + 1;
    usedIds.set(base, n);
    return {
      id: n === 1 ? base : `${base}-${n}`,
      name: m.name.trim(),
      form: m.form ?? 'original',
      copies: m.copies ?? 1,
      necessity: m.necessity ?? 'required',
      reviewPoints: m.reviewPoints ?? '',
      source: m.source ?? '',
      eLicenceAccepted: m.eLicenceAccepted ?? false,
      commitmentAllowed: m.commitmentAllowed ?? false,
    };
  });
  const channels = item.channels ?? ['window'];
  const visits = item.visits ?? 1;
  return {
    code: item.code,
    name: item.name.trim(),
    departmentId,
    aliases: [...new Set((item.aliases ?? []).map((a) => a.trim()).filter((a) => a !== ''))],
    // Unknown audience: list the item for both, so a filter never hides it.
    audiences: item.audiences ?? ['person', 'business'],
    itemType: item.itemType ?? '',
    legalDays: item.legalDays ?? 0,
    promisedDays: item.promisedDays ?? 0,
    visits,
    fee: item.fee ?? '',
    channels,
    fullyOnline: item.fullyOnline ?? false,
    maxOneVisit: item.maxOneVisit ?? visits <= 1,
    scope: item.scope ?? 'none',
    conditionsHtml: item.conditionsHtml ?? '',
    materials,
    steps: item.steps ?? [],
    legalBasisHtml: item.legalBasisHtml ?? '',
    faqs: item.faqs ?? [],
    phone: item.phone ?? '',
    hallIds: [...new Set(item.hallIds ?? [])],
    popularity: item.popularity ?? 0,
  };
}

/** Hash of everything stored for an item: equal hash → nothing to write, `updatedAt` kept. */
export function contentHash(item: StoredItem): string {
  // Key order is fixed by normaliseItem, so JSON.stringify is a canonical form here.
  return createHash('sha256').update(JSON.stringify(item)).digest('hex');
}
