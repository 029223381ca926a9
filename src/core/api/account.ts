import type {
  CodeLoginRequest,
  LoginResult,
  RealNameRequest,
  RealNameResult,
  SmsLoginRequest,
  SmsRequest,
  SmsSent,
  TokenPair,
  User,
} from '@contract/auth';
import { request } from '../http/client';

/** Logging in, the user's account and real-name verification. */
export const accountApi = {
  sendSms: (body: SmsRequest) => request<SmsSent>({ url: '/auth/sms', method: 'POST', data: body }),
  smsLogin: (body: SmsLoginRequest) => request<LoginResult>({ url: '/auth/sms-login', method: 'POST', data: body }),
  codeLogin: (body: CodeLoginRequest) => request<LoginResult>({ url: '/auth/code-login', method: 'POST', data: body }),
  refresh: (refreshToken: string) =>
    request<TokenPair>({ url: '/auth/refresh', method: 'POST', data: { refreshToken } }),
  logout: (refreshToken: string) =>
    request<{ loggedOut: true }>({ url: '/auth/logout', method: 'POST', data: { refreshToken } }),
  me: (signal?: AbortSignal) => request<User>({ url: '/me', signal }),
  verifyRealName: (body: RealNameRequest) =>
    request<RealNameResult>({ url: '/me/real-name', method: 'POST', data: body }),
};
