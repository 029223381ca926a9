import type { SearchResult, Suggestion } from '../../../types/contract';
import type { CatalogueStore } from '../store/catalogue-store';
import { buildSearchIndex, type SearchIndex } from './search-index';
import { search, suggest, type SearchParams } from './search-engine';

/**
 * Owns the in-memory index. The catalogue version in the database tells when to rebuild: after an
 * import in this process, or one made by the CLI while the gateway runs (checking costs one indexed
 * read per query).
 */
export class SearchService {
  private index: SearchIndex | undefined;
  private version = -1;

  constructor(private readonly store: CatalogueStore) {}

  /** Builds the index now (at start, so the first query does not pay for it). */
  rebuild(): SearchIndex {
    const version = this.store.catalogueVersion();
    this.index = buildSearchIndex({
      items: this.store.allItems(),
      materials: this.store.allMaterials(),
      synonymGroups: this.store.synonymGroups(),
    });
    this.version = version;
    return this.index;
  }

  current(): SearchIndex {
    if (!this.index || this.store.catalogueVersion() !== this.version) return this.rebuild();
    return this.index;
  }

  search(params: SearchParams): SearchResult {
    return search(this.current(), params);
  }

  suggest(q: string, limit?: number): Suggestion[] {
    return suggest(this.current(), q, limit);
  }
}
