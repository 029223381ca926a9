/** Page paths in one place; features link to each other by path, never by import. */
export const routes = {
  home: '/search/home/index',
  search: '/search/results/index',
  guide: (code: string) => `/search/guide/index?code=${encodeURIComponent(code)}`,
  theme: (code: string) => `/search/more/theme/index?code=${encodeURIComponent(code)}`,
  nearby: '/search/more/nearby/index',
  me: '/me/index/index',
  /** `expired`: the session ended on its own, and the login page says so. */
  login: (redirect?: string, reason?: 'expired') => {
    const query = [redirect ? `redirect=${encodeURIComponent(redirect)}` : '', reason ? `reason=${reason}` : '']
      .filter(Boolean)
      .join('&');
    return query ? `/me/account/login/index?${query}` : '/me/account/login/index';
  },
  favourites: '/me/account/favourites/index',
  realName: '/me/account/real-name/index',
  privacy: '/me/account/privacy/index',
  cases: '/me/account/cases/index',
  rateCase: (caseId: string) => `/rating/case/index?caseId=${encodeURIComponent(caseId)}`,
  rateWindow: '/rating/window/index',
  myRatings: '/rating/mine/index',
  rating: (id: string) => `/rating/detail/index?id=${encodeURIComponent(id)}`,
  ratingStats: '/rating/stats/index',
  commitmentNotice: (itemCode: string, materialId: string, caseId?: string) =>
    `/commitment/notice/index?item=${encodeURIComponent(itemCode)}&material=${encodeURIComponent(materialId)}` +
    (caseId ? `&caseId=${encodeURIComponent(caseId)}` : ''),
  commitmentReceipt: (id: string) => `/commitment/receipt/index?id=${encodeURIComponent(id)}`,
  myCommitments: '/commitment/mine/index',
  applyItem: (code: string) => `/prereview/apply/index?item=${encodeURIComponent(code)}`,
  applyTheme: (code: string) => `/prereview/apply/index?theme=${encodeURIComponent(code)}`,
  continueDraft: (caseId: string) => `/prereview/apply/index?caseId=${encodeURIComponent(caseId)}`,
  caseDetail: (id: string) => `/prereview/case/index?id=${encodeURIComponent(id)}`,
  messages: '/me/account/messages/index',
  /** 预约取号 for an item; `caseId`: the draft or case the visit is for. */
  bookVisit: (itemCode: string, caseId?: string) =>
    `/visit/book/index?item=${encodeURIComponent(itemCode)}` + (caseId ? `&caseId=${encodeURIComponent(caseId)}` : ''),
  /** `booking`: the one to show first (a reminder opens it). */
  myBookings: (booking?: string) =>
    booking ? `/visit/mine/index?booking=${encodeURIComponent(booking)}` : '/visit/mine/index',
  hallTicket: (id: string) => `/visit/ticket/index?id=${encodeURIComponent(id)}`,
} as const;

/** Tab pages must be opened with switchTab, which takes no query string. */
export const tabPaths: readonly string[] = [routes.home, routes.search, routes.me];

/** The search tab reads its query from here (switchTab cannot carry one). */
export const SEARCH_HANDOFF_KEY = 'search.handoff';
