import type { Project } from './paths';

/** The first pages measured in H5: three of the app's and the floor's only page. */
export interface H5Page {
  key: 'home' | 'search' | 'search-handoff' | 'guide' | 'floor';
  label: string;
  project: Project;
  /** Path (and query) on that project's server. */
  path: string;
  /** Shown once the page has its real content (not a loading state). */
  ready: string;
  /** localStorage entries to put in place before the app starts (cold otherwise). */
  storage?: Record<string, string>;
  /** Measured for comparison only (first page, no target, no Lighthouse run). */
  comparison?: boolean;
}

/**
 * Within the app, the search tab takes its query from a storage handoff (switchTab carries no
 * query string); Taro's H5 storage wraps every value as {"data": …} and the app stores JSON strings.
 */
export function searchHandoff(request: Record<string, string>): Record<string, string> {
  return { 'hsz:search.handoff': JSON.stringify({ data: JSON.stringify(request) }) };
}

export const SEARCH_PAGE_QUERY = '户口';

export function h5Pages(guideCode: string): H5Page[] {
  return [
    { key: 'home', label: 'home', project: 'app', path: '/', ready: 'text=热门事项' },
    // A link to a search (shared, bookmarked): the gateway can preload its first page of results.
    {
      key: 'search',
      label: `search results “${SEARCH_PAGE_QUERY}”`,
      project: 'app',
      path: `/search/results/index?q=${encodeURIComponent(SEARCH_PAGE_QUERY)}`,
      ready: '.item-card',
    },
    // The same page opened cold with the home page's handoff in storage (how earlier runs measured
    // it): nothing to preload, the request waits for the app.
    {
      key: 'search-handoff',
      label: `search results “${SEARCH_PAGE_QUERY}” via the handoff`,
      project: 'app',
      path: '/search/results/index',
      ready: '.item-card',
      storage: searchHandoff({ q: SEARCH_PAGE_QUERY }),
      comparison: true,
    },
    {
      key: 'guide',
      label: `guide ${guideCode}`,
      project: 'app',
      path: `/search/guide/index?code=${encodeURIComponent(guideCode)}`,
      ready: '.guide__name',
    },
    { key: 'floor', label: 'floor page', project: 'floor', path: '/', ready: '.floor__title' },
  ];
}
