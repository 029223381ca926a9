import type { FavouriteList, FavouriteState } from './me';
import type {
  MarkAllRead,
  NotificationConsentList,
  NotificationItem,
  NotificationList,
  NotificationListQuery,
  RecordConsentsRequest,
  UnreadCount,
} from './notification';
import type { AdminCreateCase, CaseList, CaseSummary } from './case';
import type { UploadedFile } from './upload';
import type {
  AdminCaseAction,
  AdminCaseQueue,
  AdminCaseView,
  ApplicationSpec,
  CaseDetail,
  ELicenceList,
  ResubmitRequest,
  SaveDraftRequest,
  StartApplicationRequest,
  StartUploadSessionRequest,
  SubmitApplicationRequest,
  UploadSession,
} from './prereview';
import type {
  AdminCommitmentVerdict,
  AdminCreditFlag,
  CommitmentList,
  CommitmentNotice,
  CommitmentReceipt,
  CommitmentVerification,
  NoticeList,
  PublicKeyInfo,
  SignCommitmentRequest,
} from './commitment';
import type {
  AdminTicketView,
  AdvanceTicketRequest,
  AppealRequest,
  FeedbackRequest,
  Rating,
  RatingChannel,
  RatingList,
  RatingReasonList,
  RatingStats,
  ServiceWindow,
  StartVisitRequest,
  SubmitRatingRequest,
  WindowVisit,
} from './rating';
import type {
  CodeLoginRequest,
  LoginResult,
  RealNameRequest,
  RealNameResult,
  RefreshRequest,
  SmsLoginRequest,
  SmsRequest,
  SmsSent,
  TokenPair,
  User,
} from './auth';
import type { Department, Guide, Hall, HomeFeed, ThemeItem, ThemeItemSummary, WorkdayCalendar } from './catalogue';
import type {
  Booking,
  BookingCheckInRequest,
  BookingList,
  BookingOptions,
  BookingOptionsQuery,
  CreateBookingRequest,
  HallTicket,
  HallTicketList,
  TakeTicketRequest,
} from './booking';
import type { SearchQuery, SearchResult, SuggestQuery, SuggestResult } from './search';

/** Every gateway path starts with this prefix; the H5 app is served from the same origin. */
export const API_PREFIX = '/api';

/**
 * How many results the app asks for per page of a search. The gateway's page hints preload a
 * search results link's first page with it, so both must ask for the same URL.
 */
export const APP_SEARCH_PAGE_SIZE = 20;

/** The longest search text the app sends (its search box stops there; longer links are cut). */
export const APP_SEARCH_TEXT_MAX = 50;

/**
 * The API surface, as types: `"METHOD /path"` → request parts and the `data` of the ok envelope.
 * Path parameters are written `:name`. `auth: true` routes need `Authorization: Bearer <access>`.
 */
export interface ApiRoutes {
  'GET /home': { response: HomeFeed };
  'GET /departments': { response: { departments: Department[] } };
  'GET /search': { query: SearchQuery; response: SearchResult };
  'GET /search/suggest': { query: SuggestQuery; response: SuggestResult };
  'GET /items/:code': { response: Guide };
  'GET /themes': { response: { themes: ThemeItemSummary[] } };
  'GET /themes/:code': { response: ThemeItem };
  'GET /halls': { response: { halls: Hall[] } };
  'GET /calendar': { response: WorkdayCalendar };
  'POST /auth/sms': { body: SmsRequest; response: SmsSent };
  'POST /auth/sms-login': { body: SmsLoginRequest; response: LoginResult };
  'POST /auth/code-login': { body: CodeLoginRequest; response: LoginResult };
  'POST /auth/refresh': { body: RefreshRequest; response: TokenPair };
  'POST /auth/logout': { body: RefreshRequest; response: { loggedOut: true } };
  'GET /me': { auth: true; response: User };
  'POST /me/real-name': { auth: true; body: RealNameRequest; response: RealNameResult };
  'GET /me/favourites': { auth: true; response: FavouriteList };
  'GET /me/favourites/:code': { auth: true; response: FavouriteState };
  'PUT /me/favourites/:code': { auth: true; response: FavouriteState };
  'DELETE /me/favourites/:code': { auth: true; response: FavouriteState };

  // 我的办件 and 网上申报预审 (a case starts as a draft; submit/resubmit take an `Idempotency-Key` header).
  'GET /prereview/items/:code': { response: ApplicationSpec };
  'GET /prereview/themes/:code': { response: ApplicationSpec };
  'GET /me/licences': { auth: true; response: ELicenceList };
  'GET /me/cases': { auth: true; response: CaseList };
  'POST /me/cases': { auth: true; body: StartApplicationRequest; response: CaseDetail };
  'GET /me/cases/:id': { auth: true; response: CaseDetail };
  'PUT /me/cases/:id/draft': { auth: true; body: SaveDraftRequest; response: CaseDetail };
  'DELETE /me/cases/:id/draft': { auth: true; response: { deleted: true } };
  'POST /me/cases/:id/submit': { auth: true; body: SubmitApplicationRequest; response: CaseDetail };
  'POST /me/cases/:id/resubmit': { auth: true; body: ResubmitRequest; response: CaseDetail };
  'POST /me/cases/:id/withdraw': { auth: true; response: CaseDetail };

  // 好差评
  'GET /ratings/reasons': { query: { channel: RatingChannel }; response: RatingReasonList };
  'GET /ratings/stats': { response: RatingStats };
  'GET /windows/:code': { response: ServiceWindow };
  'POST /ratings/visits': { auth: true; body: StartVisitRequest; response: WindowVisit };
  'POST /ratings': { auth: true; body: SubmitRatingRequest; response: Rating };
  'GET /me/ratings': { auth: true; response: RatingList };
  'GET /me/ratings/:id': { auth: true; response: Rating };
  'POST /me/ratings/:id/feedback': { auth: true; body: FeedbackRequest; response: Rating };

  // 预约取号 (real-name login to book; 取号 by the booking or by the hall's check-in QR)
  'GET /bookings/options': { auth: true; query: BookingOptionsQuery; response: BookingOptions };
  'POST /bookings': { auth: true; body: CreateBookingRequest; response: Booking };
  'GET /me/bookings': { auth: true; response: BookingList };
  'POST /me/bookings/:id/cancel': { auth: true; response: Booking };
  'POST /me/bookings/:id/check-in': { auth: true; body: BookingCheckInRequest; response: HallTicket };
  'POST /hall-tickets': { auth: true; body: TakeTicketRequest; response: HallTicket };
  'GET /me/hall-tickets': { auth: true; response: HallTicketList };
  'GET /me/hall-tickets/:id': { auth: true; response: HallTicket };

  // Uploads (multipart: `purpose`, then `file`); served back only to the owner and officers.
  'POST /uploads': { auth: true; response: UploadedFile };
  'GET /uploads/:id': { auth: true; response: 'the file bytes' };
  'POST /uploads/sessions': { auth: true; body: StartUploadSessionRequest; response: UploadSession };
  'GET /uploads/sessions/:id': { auth: true; response: UploadSession };
  'PUT /uploads/sessions/:id/chunks/:index': { auth: true; body: 'the chunk bytes'; response: UploadSession };
  'POST /uploads/sessions/:id/complete': { auth: true; response: UploadedFile };

  // 告知承诺
  'GET /items/:code/notices': { response: NoticeList };
  'GET /notices/:id': { response: CommitmentNotice };
  'GET /notices/:id/versions/:version': { response: CommitmentNotice };
  'GET /commitments/public-key': { response: PublicKeyInfo };
  'GET /commitments/:id/verification': { response: CommitmentVerification };
  'POST /commitments': { auth: true; body: SignCommitmentRequest; response: CommitmentReceipt };
  'GET /me/commitments': { auth: true; response: CommitmentList };
  'GET /me/commitments/:id': { auth: true; response: CommitmentReceipt };
  'POST /me/commitments/:id/withdraw': { auth: true; response: CommitmentReceipt };

  // 消息 (the outbox's notifications, newest first) and consent to platform messages per template.
  'GET /me/notifications': { auth: true; query: NotificationListQuery; response: NotificationList };
  'GET /me/notifications/unread-count': { auth: true; response: UnreadCount };
  'POST /me/notifications/:id/read': { auth: true; response: NotificationItem };
  'POST /me/notifications/read-all': { auth: true; response: MarkAllRead };
  'GET /me/notification-consents': { auth: true; response: NotificationConsentList };
  'POST /me/notification-consents': { auth: true; body: RecordConsentsRequest; response: NotificationConsentList };

  // Officers (header `x-admin-token: <GATEWAY_ADMIN_TOKEN>`).
  'GET /admin/commitments': { admin: true; response: CommitmentList };
  'POST /admin/commitments/:id/verdict': { admin: true; body: AdminCommitmentVerdict; response: CommitmentReceipt };
  'POST /admin/users/:id/credit': {
    admin: true;
    body: AdminCreditFlag;
    response: { userId: string; seriousDishonesty: boolean };
  };
  'POST /admin/cases': { admin: true; body: AdminCreateCase; response: CaseSummary };
  'GET /admin/prereview/queue': { admin: true; response: AdminCaseQueue };
  'GET /admin/cases/:id': { admin: true; response: AdminCaseView };
  'POST /admin/cases/:id/actions': { admin: true; body: AdminCaseAction; response: AdminCaseView };
  'GET /admin/tickets': { admin: true; response: { tickets: AdminTicketView[] } };
  'POST /admin/tickets/:id/advance': { admin: true; body: AdvanceTicketRequest; response: AdminTicketView };
  'POST /admin/ratings/:id/appeal': { admin: true; body: AppealRequest; response: AdminTicketView };
  'GET /admin/windows/:code/qr': { admin: true; response: { window: ServiceWindow; qrContent: string; svg: string } };
}
