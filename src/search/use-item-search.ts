import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { SearchQuery } from '@contract/search';
import { api } from '@/core/api';
import { queryKeys } from '@/core/query-keys';

export const SEARCH_PAGE_SIZE = 20;

export type SearchFilters = Omit<SearchQuery, 'q' | 'page' | 'pageSize'>;

/**
 * Results for one query + filters, page by page. Each query has its own cache entry, so a slow
 * answer to an earlier query can never replace the current one; leaving a query aborts its request.
 */
export function useItemSearch(q: string, filters: SearchFilters) {
  const active = q !== '' || Object.values(filters).some((v) => v !== undefined);
  const query = { q, ...filters, pageSize: SEARCH_PAGE_SIZE };
  return useInfiniteQuery({
    queryKey: queryKeys.search(query),
    queryFn: ({ pageParam, signal }) => api.search({ ...query, page: pageParam }, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled: active,
  });
}

export function useSuggestions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.suggest(q),
    queryFn: ({ signal }) => api.suggest(q, signal),
    enabled: enabled && q !== '',
    staleTime: 60 * 1000,
  });
}
