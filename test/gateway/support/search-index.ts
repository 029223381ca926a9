import type { ItemRow } from '../../../gateway/src/store/catalogue-rows';
import { buildSearchIndex, type SearchIndex } from '../../../gateway/src/search/search-index';

export interface TinyItem {
  name: string;
  aliases?: string[];
  materials?: string[];
  popularity?: number;
}

/** A search index over a handful of made-up items, built without a database. */
export function tinyIndex(items: TinyItem[], synonymGroups: string[][] = []): SearchIndex {
  const rows: ItemRow[] = items.map((item, i) => ({
    code: `T-${String(i + 1).padStart(4, '0')}`,
    name: item.name,
    department_id: 'test',
    department_name: '测试局',
    aliases: JSON.stringify(item.aliases ?? []),
    audiences: JSON.stringify(['person']),
    item_type: '',
    legal_days: 0,
    promised_days: 0,
    visits: 1,
    fee: '',
    channels: JSON.stringify(['window']),
    fully_online: 0,
    max_one_visit: 1,
    scope: 'none',
    conditions_html: '',
    steps: '[]',
    legal_basis_html: '',
    faqs: '[]',
    phone: '',
    popularity: item.popularity ?? 0,
    updated_at: '2026-01-01T00:00:00Z',
  }));
  return buildSearchIndex({
    items: rows.map((row, i) => ({ ...row, materialNames: items[i].materials ?? [] })),
    synonymGroups,
  });
}
