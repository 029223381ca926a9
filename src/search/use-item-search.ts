import { infiniteQueryOptions, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import type { APP_SEARCH_PAGE_SIZE } from '@contract/routes';
import type { SearchQuery } from '@contract/search';
import { catalogueApi, cataloguePageData } from '@/core/api/catalogue';
import { queryKeys } from '@/core/query-keys';

/** Typed against the contract (the gateway preloads this page size), with no runtime import of it. */
export const SEARCH_PAGE_SIZE: typeof APP_SEARCH_PAGE_SIZE = 20;

export type SearchFilters = Omit<SearchQuery, 'q' | 'page' | 'pageSize'>;

/**
 * Results for one query + filters, page by page. Each query has its own cache entry, so a slow
 * answer to an earlier query can never replace the current one; leaving a query aborts its request.
 */
function itemSearchOptions(q: string, filters: SearchFilters) {
  const query = { q, ...filters, pageSize: SEARCH_PAGE_SIZE };
  return infiniteQueryOptions({
    queryKey: queryKeys.search(query),
    queryFn: ({ pageParam, signal }) => catalogueApi.search({ ...query, page: pageParam }, signal),
    initialPageParam: 1,
    // A link to a search: the gateway may have written its first page into the page.
    initialData: () => {
      const first = cataloguePageData.search({ ...query, page: 1 });
      return first ? { pages: [first], pageParams: [1] } : undefined;
    },
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled: q !== '' || Object.values(filters).some((v) => v !== undefined),
  });
}

export function useItemSearch(q: string, filters: SearchFilters) {
  return useInfiniteQuery(itemSearchOptions(q, filters));
}

/**
 * Starts the first page of a search before any component asks for it (the search box calls this
 * when typing settles); useItemSearch then joins the request under way instead of sending another.
 */
export function prefetchItemSearch(queryClient: QueryClient, q: string, filters: SearchFilters): void {
  const options = itemSearchOptions(q, filters);
  if (options.enabled) void queryClient.prefetchInfiniteQuery(options);
}

export function useSuggestions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.suggest(q),
    queryFn: ({ signal }) => catalogueApi.suggest(q, signal),
    enabled: enabled && q !== '',
    staleTime: 60 * 1000,
  });
}
