import type { FavouriteList, FavouriteState } from './me';
import type {
  CodeLoginRequest,
  LoginResult,
  RealNameRequest,
  RefreshRequest,
  SmsLoginRequest,
  SmsRequest,
  SmsSent,
  TokenPair,
  User,
} from './auth';
import type { Department, Guide, Hall, HomeFeed, ThemeItem, ThemeItemSummary, WorkdayCalendar } from './catalogue';
import type { SearchQuery, SearchResult, SuggestQuery, SuggestResult } from './search';

/** Every gateway path starts with this prefix; the H5 app is served from the same origin. */
export const API_PREFIX = '/api';

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
  'POST /me/real-name': { auth: true; body: RealNameRequest; response: User };
  'GET /me/favourites': { auth: true; response: FavouriteList };
  'GET /me/favourites/:code': { auth: true; response: FavouriteState };
  'PUT /me/favourites/:code': { auth: true; response: FavouriteState };
  'DELETE /me/favourites/:code': { auth: true; response: FavouriteState };
}
