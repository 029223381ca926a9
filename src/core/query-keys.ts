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
  notifications: ['notifications'] as const,
  unreadNotifications: ['unread-notifications'] as const,
  notificationConsents: ['notification-consents'] as const,
  bookingOptions: (itemCode: string) => ['booking-options', itemCode] as const,
  myBookings: ['my-bookings'] as const,
  myHallTickets: ['my-hall-tickets'] as const,
  hallTicket: (id: string) => ['hall-ticket', id] as const,
};

/**
 * The roots of the keys whose answers are the same for everyone (the catalogue, public statistics).
 * Every other key belongs to the signed-in person and is forgotten when the session ends: a new
 * personal key is forgotten without being listed anywhere.
 */
const publicQueryRoots: ReadonlySet<string> = new Set(
  [
    queryKeys.home,
    queryKeys.calendar,
    queryKeys.halls,
    queryKeys.guide(''),
    queryKeys.theme(''),
    queryKeys.search({}),
    queryKeys.suggest(''),
    queryKeys.applicationSpec('', ''),
    queryKeys.ratingReasons(''),
    queryKeys.ratingStats,
    queryKeys.itemNotices(''),
    queryKeys.notice(''),
  ].map((key) => key[0]),
);

export const isPersonalQueryRoot = (root: string): boolean => !publicQueryRoots.has(root);
