import type { CatalogueStore } from './store/catalogue-store';
import type { FavouriteStore } from './store/favourite-store';
import type { UserStore } from './store/user-store';
import type { SearchService } from './search/search-service';
import type { SmsService } from './auth/sms-service';
import type { TokenService } from './auth/token-service';
import type { PlatformIdentity } from './auth/platform-identity';
import type { RealNameService } from './auth/real-name-service';
import type { CaseService } from './cases/case-service';
import type { PrereviewServices } from './cases/prereview-services';
import type { RatingService } from './ratings/rating-service';
import type { UploadService } from './uploads/upload-service';
import type { UploadSessionService } from './uploads/upload-session-service';
import type { NoticeService } from './commitments/notice-service';
import type { CommitmentService } from './commitments/commitment-service';
import type { BookingServices } from './booking/services';
import type { NotificationService } from './notifications/notification-service';

/** Per-IP request limits (the per-number SMS limits are fixed by policy in sms-service). */
export interface IpLimits {
  /** SMS sends per IP per hour. */
  smsPerHour: number;
  /** Login and refresh attempts per IP per minute. */
  authPerMinute: number;
}

export const DEFAULT_IP_LIMITS: IpLimits = { smsPerHour: 30, authPerMinute: 30 };

/** What route handlers use: created once per gateway, shared by every request. */
export interface GatewayContext extends PrereviewServices, BookingServices {
  now: () => Date;
  catalogue: CatalogueStore;
  search: SearchService;
  users: UserStore;
  favourites: FavouriteStore;
  sms: SmsService;
  tokens: TokenService;
  identity: PlatformIdentity;
  /** 实名认证, with one identity bound to one person. */
  realName: RealNameService;
  ipLimits: IpLimits;
  cases: CaseService;
  ratings: RatingService;
  uploads: UploadService;
  /** Chunked, resumable uploads of large material files. */
  uploadSessions: UploadSessionService;
  notices: NoticeService;
  commitments: CommitmentService;
  /** 消息 and consent to platform messages. */
  notifications: NotificationService;
  /** GATEWAY_ADMIN_TOKEN; officer routes answer 403 while it is unset. */
  adminToken: string | undefined;
  /** Public origin (and path prefix) of the app, for window QR codes; else taken from the request. */
  publicBaseUrl: string | undefined;
}
