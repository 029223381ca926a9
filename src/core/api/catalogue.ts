import type { Department, Guide, Hall, HomeFeed, ThemeItem, WorkdayCalendar } from '@contract/catalogue';
import type { SearchQuery, SearchResult, SuggestResult } from '@contract/search';
import { request } from '../http/client';

/** The public catalogue (no login): home feed, search, guides, theme items, halls, the workday calendar. */
export const catalogueApi = {
  home: (signal?: AbortSignal) => request<HomeFeed>({ url: '/home', signal }),
  departments: (signal?: AbortSignal) => request<{ departments: Department[] }>({ url: '/departments', signal }),
  search: (query: SearchQuery, signal?: AbortSignal) =>
    request<SearchResult>({ url: '/search', params: query, signal }),
  suggest: (q: string, signal?: AbortSignal) =>
    request<SuggestResult>({ url: '/search/suggest', params: { q }, signal }),
  guide: (code: string, signal?: AbortSignal) => request<Guide>({ url: `/items/${encodeURIComponent(code)}`, signal }),
  theme: (code: string, signal?: AbortSignal) =>
    request<ThemeItem>({ url: `/themes/${encodeURIComponent(code)}`, signal }),
  halls: (signal?: AbortSignal) => request<{ halls: Hall[] }>({ url: '/halls', signal }),
  calendar: (signal?: AbortSignal) => request<WorkdayCalendar>({ url: '/calendar', signal }),
};
