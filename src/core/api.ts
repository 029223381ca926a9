import type {
  CodeLoginRequest,
  LoginResult,
  RealNameRequest,
  SmsLoginRequest,
  SmsRequest,
  SmsSent,
  TokenPair,
  User,
} from '@contract/auth';
import type { Department, Guide, Hall, HomeFeed, ThemeItem, WorkdayCalendar } from '@contract/catalogue';
import type { CaseList } from '@contract/case';
import type {
  ApplicationSpec,
  CaseDetail,
  ELicenceList,
  PrereviewTarget,
  ResubmitRequest,
  SaveDraftRequest,
  SubmitApplicationRequest,
} from '@contract/prereview';
import type {
  CommitmentList,
  CommitmentNotice,
  CommitmentReceipt,
  CommitmentVerification,
  NoticeList,
  SignCommitmentRequest,
} from '@contract/commitment';
import type { FavouriteList, FavouriteState } from '@contract/me';
import type {
  FeedbackRequest,
  Rating,
  RatingChannel,
  RatingList,
  RatingReasonList,
  RatingStats,
  StartVisitRequest,
  SubmitRatingRequest,
  WindowVisit,
} from '@contract/rating';
import type { SearchQuery, SearchResult, SuggestResult } from '@contract/search';
import { request } from './http/client';

/** Typed calls for every gateway route the app uses (see types/contract/routes.ts). */
export const api = {
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

  sendSms: (body: SmsRequest) => request<SmsSent>({ url: '/auth/sms', method: 'POST', data: body }),
  smsLogin: (body: SmsLoginRequest) => request<LoginResult>({ url: '/auth/sms-login', method: 'POST', data: body }),
  codeLogin: (body: CodeLoginRequest) => request<LoginResult>({ url: '/auth/code-login', method: 'POST', data: body }),
  refresh: (refreshToken: string) =>
    request<TokenPair>({ url: '/auth/refresh', method: 'POST', data: { refreshToken } }),
  logout: (refreshToken: string) =>
    request<{ loggedOut: true }>({ url: '/auth/logout', method: 'POST', data: { refreshToken } }),

  me: (signal?: AbortSignal) => request<User>({ url: '/me', signal }),
  verifyRealName: (body: RealNameRequest) => request<User>({ url: '/me/real-name', method: 'POST', data: body }),
  favourites: (signal?: AbortSignal) => request<FavouriteList>({ url: '/me/favourites', signal }),
  favouriteState: (code: string, signal?: AbortSignal) =>
    request<FavouriteState>({ url: `/me/favourites/${encodeURIComponent(code)}`, signal }),
  setFavourite: (code: string, favourite: boolean) =>
    request<FavouriteState>({
      url: `/me/favourites/${encodeURIComponent(code)}`,
      method: favourite ? 'PUT' : 'DELETE',
    }),

  cases: (signal?: AbortSignal) => request<CaseList>({ url: '/me/cases', signal }),
  case: (id: string, signal?: AbortSignal) =>
    request<CaseDetail>({ url: `/me/cases/${encodeURIComponent(id)}`, signal }),

  applicationSpec: (target: PrereviewTarget, signal?: AbortSignal) =>
    request<ApplicationSpec>({
      url: `/prereview/${target.kind === 'theme' ? 'themes' : 'items'}/${encodeURIComponent(target.code)}`,
      signal,
    }),
  licences: (signal?: AbortSignal) => request<ELicenceList>({ url: '/me/licences', signal }),
  /** The user's draft for this target (an existing one is returned, never a second). */
  startApplication: (target: PrereviewTarget) =>
    request<CaseDetail>({ url: '/me/cases', method: 'POST', data: { target } }),
  saveDraft: (id: string, body: SaveDraftRequest) =>
    request<CaseDetail>({ url: `/me/cases/${encodeURIComponent(id)}/draft`, method: 'PUT', data: body }),
  deleteDraft: (id: string) =>
    request<{ deleted: true }>({ url: `/me/cases/${encodeURIComponent(id)}/draft`, method: 'DELETE' }),
  /** The same key on a retry: the gateway answers a repeat without submitting twice. */
  submitApplication: (id: string, body: SubmitApplicationRequest, idempotencyKey: string) =>
    request<CaseDetail>({
      url: `/me/cases/${encodeURIComponent(id)}/submit`,
      method: 'POST',
      data: body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  resubmit: (id: string, body: ResubmitRequest, idempotencyKey: string) =>
    request<CaseDetail>({
      url: `/me/cases/${encodeURIComponent(id)}/resubmit`,
      method: 'POST',
      data: body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  withdrawCase: (id: string) =>
    request<CaseDetail>({ url: `/me/cases/${encodeURIComponent(id)}/withdraw`, method: 'POST' }),

  ratingReasons: (channel: RatingChannel, signal?: AbortSignal) =>
    request<RatingReasonList>({ url: '/ratings/reasons', params: { channel }, signal }),
  ratingStats: (signal?: AbortSignal) => request<RatingStats>({ url: '/ratings/stats', signal }),
  startVisit: (body: StartVisitRequest) => request<WindowVisit>({ url: '/ratings/visits', method: 'POST', data: body }),
  submitRating: (body: SubmitRatingRequest) => request<Rating>({ url: '/ratings', method: 'POST', data: body }),
  myRatings: (signal?: AbortSignal) => request<RatingList>({ url: '/me/ratings', signal }),
  myRating: (id: string, signal?: AbortSignal) =>
    request<Rating>({ url: `/me/ratings/${encodeURIComponent(id)}`, signal }),
  itemNotices: (code: string, signal?: AbortSignal) =>
    request<NoticeList>({ url: `/items/${encodeURIComponent(code)}/notices`, signal }),
  notice: (id: string, signal?: AbortSignal) =>
    request<CommitmentNotice>({ url: `/notices/${encodeURIComponent(id)}`, signal }),
  signCommitment: (body: SignCommitmentRequest) =>
    request<CommitmentReceipt>({ url: '/commitments', method: 'POST', data: body }),
  myCommitments: (signal?: AbortSignal) => request<CommitmentList>({ url: '/me/commitments', signal }),
  myCommitment: (id: string, signal?: AbortSignal) =>
    request<CommitmentReceipt>({ url: `/me/commitments/${encodeURIComponent(id)}`, signal }),
  withdrawCommitment: (id: string) =>
    request<CommitmentReceipt>({ url: `/me/commitments/${encodeURIComponent(id)}/withdraw`, method: 'POST' }),
  verifyCommitment: (id: string, signal?: AbortSignal) =>
    request<CommitmentVerification>({ url: `/commitments/${encodeURIComponent(id)}/verification`, signal }),

  sendFeedback: (id: string, body: FeedbackRequest) =>
    request<Rating>({ url: `/me/ratings/${encodeURIComponent(id)}/feedback`, method: 'POST', data: body }),
};
