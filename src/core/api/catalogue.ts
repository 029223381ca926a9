import type { Department, Guide, Hall, HomeFeed, ThemeItem, WorkdayCalendar } from '@contract/catalogue';
import type { SearchQuery, SearchResult, SuggestResult } from '@contract/search';
import type { AxiosRequestConfig } from 'axios';
import { request } from '../http/client';
import { takePageData } from '../http/page-data';

const homeRequest: AxiosRequestConfig = { url: '/home' };
const searchRequest = (query: SearchQuery): AxiosRequestConfig => ({ url: '/search', params: query });
const guideRequest = (code: string): AxiosRequestConfig => ({ url: `/items/${encodeURIComponent(code)}` });
const calendarRequest: AxiosRequestConfig = { url: '/calendar' };

/** The public catalogue (no login): home feed, search, guides, theme items, halls, the workday calendar. */
export const catalogueApi = {
  home: (signal?: AbortSignal) => request<HomeFeed>({ ...homeRequest, signal }),
  departments: (signal?: AbortSignal) => request<{ departments: Department[] }>({ url: '/departments', signal }),
  search: (query: SearchQuery, signal?: AbortSignal) => request<SearchResult>({ ...searchRequest(query), signal }),
  suggest: (q: string, signal?: AbortSignal) =>
    request<SuggestResult>({ url: '/search/suggest', params: { q }, signal }),
  guide: (code: string, signal?: AbortSignal) => request<Guide>({ ...guideRequest(code), signal }),
  theme: (code: string, signal?: AbortSignal) =>
    request<ThemeItem>({ url: `/themes/${encodeURIComponent(code)}`, signal }),
  halls: (signal?: AbortSignal) => request<{ halls: Hall[] }>({ url: '/halls', signal }),
  calendar: (signal?: AbortSignal) => request<WorkdayCalendar>({ ...calendarRequest, signal }),
};

/**
 * The answers the gateway may have written into an H5 page for its first calls (same requests as
 * above), for a query's `initialData`: undefined when there is none.
 */
export const cataloguePageData = {
  home: () => takePageData<HomeFeed>(homeRequest),
  search: (query: SearchQuery) => takePageData<SearchResult>(searchRequest(query)),
  guide: (code: string) => takePageData<Guide>(guideRequest(code)),
  calendar: () => takePageData<WorkdayCalendar>(calendarRequest),
};
