import type { AxiosRequestConfig } from 'axios';
import { loadAxiosClient } from './load-axios-client';

export { envelopeData } from './envelope';
export { httpHooks } from './hooks';
export { requestUrl } from './request-url';

/** Sends a request and returns the envelope's `data`, or throws an `ApiError`. */
export async function request<T>(config: AxiosRequestConfig): Promise<T> {
  return (await loadAxiosClient()).request<T>(config);
}

/** One refresh at a time: concurrent 401s wait for the same rotation. */
export async function refreshTokens(): Promise<void> {
  return (await loadAxiosClient()).refreshTokens();
}
