/**
 * The gateway client proper: axios with the session's token, one token refresh at a time, and
 * every failure as an `ApiError`. Loaded through load-axios-client (on H5, at the first request
 * or the first tap, key or focus).
 */
import axios, { AxiosError, type AxiosInstance, type AxiosRequestConfig, type InternalAxiosRequestConfig } from 'axios';
import type { TokenPair } from '@contract/auth';
import { encodeQuery } from '@/lib/query-string';
import { session } from '../session';
import { ApiError } from './api-error';
import { envelopeData, parseEnvelope } from './envelope';
import { httpHooks } from './hooks';
import { apiBase } from './request-url';
import { taroRequestAdapter } from './taro-request-adapter';

const REQUEST_TIMEOUT_MS = 15000;

interface RetriableConfig extends InternalAxiosRequestConfig {
  retriedAfterRefresh?: boolean;
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (axios.isCancel(error)) return new ApiError({ code: 'CANCELLED' });
  if (error instanceof AxiosError) {
    if (error.response) {
      const envelope = parseEnvelope(error.response.data);
      if (envelope && !envelope.ok) {
        return new ApiError({ ...envelope.error, status: error.response.status, requestId: envelope.requestId });
      }
      return new ApiError({
        code: error.response.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE',
        status: error.response.status,
      });
    }
    if (error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT)
      return new ApiError({ code: 'TIMEOUT' });
    if (error.code === AxiosError.ERR_CANCELED) return new ApiError({ code: 'CANCELLED' });
    return new ApiError({ code: 'NETWORK' });
  }
  return new ApiError({ code: 'INTERNAL' });
}

function createInstance(): AxiosInstance {
  return axios.create({
    baseURL: apiBase,
    timeout: REQUEST_TIMEOUT_MS,
    // Written against TARO_ENV itself so the H5 build drops the Taro.request adapter (and what it pulls in).
    adapter: process.env.TARO_ENV === 'h5' ? undefined : taroRequestAdapter,
    // Plain encodeURIComponent for every param (the gateway builds the same URLs for the answers it
    // writes into a page); axios's own serialiser is left out of the build.
    paramsSerializer: { serialize: encodeQuery },
    // Parse ourselves: a malformed body must become a clear error, never a half-parsed value.
    transformResponse: [(data: unknown) => data],
    headers: { Accept: 'application/json' },
  });
}

const instance = createInstance();
/** Refresh goes around the interceptors so a failing refresh cannot loop. */
const bareInstance = createInstance();

let refreshInFlight: Promise<void> | undefined;

/** One refresh at a time: concurrent 401s wait for the same rotation. */
export function refreshTokens(): Promise<void> {
  refreshInFlight ??= (async () => {
    const refreshToken = session.get().tokens?.refreshToken;
    if (!refreshToken) throw new ApiError({ code: 'UNAUTHENTICATED' });
    try {
      const response = await bareInstance.post('/auth/refresh', JSON.stringify({ refreshToken }), {
        headers: { 'Content-Type': 'application/json' },
      });
      const envelope = parseEnvelope(response.data);
      if (!envelope?.ok) throw new ApiError({ code: 'BAD_RESPONSE' });
      session.replaceTokens(envelope.data as TokenPair);
    } catch (error) {
      const apiError = toApiError(error);
      // Only a definite "no" from the gateway ends the session; a network blip keeps it.
      if (apiError.status === 401 || apiError.status === 400) {
        session.clear();
        httpHooks.onSessionExpired();
      }
      throw apiError;
    }
  })().finally(() => {
    refreshInFlight = undefined;
  });
  return refreshInFlight;
}

instance.interceptors.request.use((config) => {
  const token = session.get().tokens?.accessToken;
  if (token) config.headers.set('Authorization', `Bearer ${token}`);
  const isForm = typeof FormData !== 'undefined' && config.data instanceof FormData;
  // Upload chunks go as raw bytes (application/octet-stream): JSON.stringify would turn them into "{}".
  // (Tag check, not instanceof: the bytes may come from another realm, e.g. a FileReader.)
  const isBinary = Object.prototype.toString.call(config.data) === '[object ArrayBuffer]';
  if (config.data !== undefined && typeof config.data !== 'string' && !isForm && !isBinary) {
    config.data = JSON.stringify(config.data);
    config.headers.set('Content-Type', 'application/json');
  }
  return config;
});

instance.interceptors.response.use(undefined, async (error: unknown) => {
  const apiError = toApiError(error);
  const config = (error as AxiosError).config as RetriableConfig | undefined;
  if (apiError.code === 'TOKEN_EXPIRED' && config && !config.retriedAfterRefresh) {
    await refreshTokens();
    config.retriedAfterRefresh = true;
    return instance.request(config);
  }
  if (apiError.code === 'UNAUTHENTICATED' && session.isLoggedIn()) {
    session.clear();
    httpHooks.onSessionExpired();
  }
  throw apiError;
});

/** Sends a request and returns the envelope's `data`, or throws an `ApiError`. */
export async function request<T>(config: AxiosRequestConfig): Promise<T> {
  try {
    const response = await instance.request<unknown>(config);
    return envelopeData<T>(response.status, response.data);
  } catch (error) {
    throw toApiError(error);
  }
}
