import type { SearchQuery } from '@contract/search';
import { readStored, removeStored, writeStored } from '@/core/storage';
import { navigate } from '@/ui/navigate';
import { routes, SEARCH_HANDOFF_KEY } from '@/ui/routes';

/** What the home page asks the search tab to show (a tab page cannot receive a query string). */
export type SearchRequest = Pick<SearchQuery, 'q' | 'audience' | 'department'> & { departmentName?: string };

const isSearchRequest = (v: unknown): v is SearchRequest => typeof v === 'object' && v !== null;

export function openSearch(request: SearchRequest): void {
  writeStored(SEARCH_HANDOFF_KEY, request);
  navigate(routes.search);
}

export function takeSearchRequest(): SearchRequest | undefined {
  const request = readStored(SEARCH_HANDOFF_KEY, isSearchRequest);
  if (request) removeStored(SEARCH_HANDOFF_KEY);
  return request;
}
