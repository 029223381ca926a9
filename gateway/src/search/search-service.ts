import type { SearchResult, Suggestion } from '../../../types/contract';
import type { CatalogueStore } from '../store/catalogue-store';
import { buildSearchIndex, type SearchIndex } from './search-index';
import { search, suggest, type SearchParams } from './search-engine';

/**
 * Answers kept for repeated queries. Residents search for the same few things (户口, 社保, 身份证…);
 * an answer is a pure function of the index and the parameters, so it is kept until the index is
 * rebuilt (catalogue import), least recently used first out. A few MB at most.
 */
export const DEFAULT_SEARCH_ANSWER_CACHE = 256;

/**
 * Owns the in-memory index. The catalogue version in the database tells when to rebuild: after an
 * import in this process, or one made by the CLI while the gateway runs (checking costs one indexed
 * read per query).
 */
export class SearchService {
  private index: SearchIndex | undefined;
  private version = -1;
  private readonly answers = new Map<string, SearchResult>();

  /** `cachedAnswers`: how many answers to keep for repeated queries (0: none). */
  constructor(
    private readonly store: CatalogueStore,
    private readonly cachedAnswers = DEFAULT_SEARCH_ANSWER_CACHE,
  ) {}

  /** Builds the index now (at start, so the first query does not pay for it). */
  rebuild(): SearchIndex {
    const version = this.store.catalogueVersion();
    this.index = buildSearchIndex({
      items: this.store.indexRows(),
      synonymGroups: this.store.synonymGroups(),
    });
    this.version = version;
    this.answers.clear();
    return this.index;
  }

  current(): SearchIndex {
    if (!this.index || this.store.catalogueVersion() !== this.version) return this.rebuild();
    return this.index;
  }

  /** The answer is shared between callers: treat it as read-only. */
  search(params: SearchParams): SearchResult {
    const index = this.current();
    if (this.cachedAnswers === 0) return search(index, params);
    const key = JSON.stringify(params);
    const kept = this.answers.get(key);
    if (kept) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.answers.delete(key);
      this.answers.set(key, kept);
      return kept;
    }
    const answer = search(index, params);
    this.answers.set(key, answer);
    if (this.answers.size > this.cachedAnswers) this.answers.delete(this.answers.keys().next().value as string);
    return answer;
  }

  suggest(q: string, limit?: number): Suggestion[] {
    return suggest(this.current(), q, limit);
  }
}
