import type { SearchQuery } from '@contract/search';

/** Cache keys in one place, so a mutation can invalidate exactly what it changed. */
export const queryKeys = {
  home: ['home'] as const,
  calendar: ['calendar'] as const,
  halls: ['halls'] as const,
  guide: (code: string) => ['guide', code] as const,
  theme: (code: string) => ['theme', code] as const,
  search: (query: Omit<SearchQuery, 'page'>) => ['search', query] as const,
  suggest: (q: string) => ['suggest', q] as const,
  me: ['me'] as const,
  favourites: ['favourites'] as const,
  favourite: (code: string) => ['favourite', code] as const,
  cases: ['cases'] as const,
  case: (id: string) => ['case', id] as const,
  applicationSpec: (kind: string, code: string) => ['application-spec', kind, code] as const,
  licences: ['licences'] as const,
  ratingReasons: (channel: string) => ['rating-reasons', channel] as const,
  ratingStats: ['rating-stats'] as const,
  myRatings: ['my-ratings'] as const,
  myRating: (id: string) => ['my-rating', id] as const,
  itemNotices: (code: string) => ['item-notices', code] as const,
  notice: (id: string) => ['notice', id] as const,
  myCommitments: ['my-commitments'] as const,
  myCommitment: (id: string) => ['my-commitment', id] as const,
  commitmentVerification: (id: string) => ['commitment-verification', id] as const,
};

/** The roots of the keys whose answers belong to the signed-in person, forgotten when the session ends. */
export const personalQueryRoots: ReadonlySet<string> = new Set([
  queryKeys.me[0],
  queryKeys.favourites[0],
  queryKeys.favourite('')[0],
  queryKeys.cases[0],
  queryKeys.case('')[0],
  queryKeys.licences[0],
  queryKeys.myRatings[0],
  queryKeys.myRating('')[0],
  queryKeys.myCommitments[0],
  queryKeys.myCommitment('')[0],
  queryKeys.commitmentVerification('')[0],
]);
