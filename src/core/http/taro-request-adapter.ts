import Taro from '@tarojs/taro';
import { answerInFailure, failureMessage, failureTimedOut, type PlatformFailure } from './platform-failure';
import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse } from 'axios';

type TaroMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'TRACE' | 'CONNECT';

/**
 * axios over `Taro.request` for the mini-programs (no XHR there). The body comes back as text so
 * that malformed JSON is caught by the client, not swallowed by the platform.
 */
export const taroRequestAdapter: AxiosAdapter = (config) =>
  new Promise<AxiosResponse>((resolve, reject) => {
    const signal = config.signal as AbortSignal | undefined;
    if (signal?.aborted) {
      reject(new axios.CanceledError(undefined, config));
      return;
    }
    const headers = AxiosHeaders.from(config.headers).toJSON(true) as Record<string, string>;
    const method = (config.method ?? 'get').toUpperCase() as TaroMethod;
    // A POST/PUT without a body (upload session complete, withdraw) still goes out with a content
    // type: axios's form-urlencoded default, or the platform's application/json. The gateway refuses
    // both for an empty body (axios's own XHR adapter drops the header; Taro.request cannot), so such
    // a request carries an empty JSON object instead.
    const bodiless = config.data === undefined && method !== 'GET' && method !== 'HEAD';
    if (bodiless) {
      for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-type') delete headers[key];
      headers['Content-Type'] = 'application/json';
    }
    let settled = false;
    // As axios's own adapters do (its `settle`): a status outside validateStatus rejects, so the
    // client's error interceptor sees a 401 TOKEN_EXPIRED and refreshes the session, as on H5.
    // (The client reads the status and the envelope from the response; the error's own words are unused.)
    const answer = (response: AxiosResponse): void => {
      if (config.validateStatus?.(response.status) === false) reject(new AxiosError('', '', config, task, response));
      else resolve(response);
    };
    const task = Taro.request({
      url: axios.getUri(config),
      method,
      // JSON arrives here already a string (client interceptor); upload chunks as an ArrayBuffer,
      // which Taro.request sends as the raw body.
      data: bodiless ? '{}' : (config.data as string | ArrayBuffer | undefined),
      header: headers,
      timeout: config.timeout,
      dataType: 'text',
      responseType: 'text',
      success: (res) => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        answer({
          data: res.data,
          status: res.statusCode,
          statusText: String(res.statusCode),
          headers: AxiosHeaders.from((res.header ?? {}) as Record<string, string>),
          config,
          request: task,
        });
      },
      fail: (err) => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        const failure = err as PlatformFailure;
        if (signal?.aborted) {
          reject(new AxiosError(failureMessage(failure), AxiosError.ERR_CANCELED, config));
          return;
        }
        // Alipay's 4xx/5xx: an answer from the gateway (its status and envelope count), not a lost network.
        const failed = answerInFailure(failure);
        if (failed) {
          answer({
            data: failed.data,
            status: failed.status,
            statusText: String(failed.status),
            headers: AxiosHeaders.from(failed.headers),
            config,
            request: task,
          });
          return;
        }
        const code = failureTimedOut(failure) ? AxiosError.ECONNABORTED : AxiosError.ERR_NETWORK;
        reject(new AxiosError(failureMessage(failure), code, config));
      },
    });
    // Taro also returns the outcome as a promise, rejected on every failure; the callbacks above
    // handle it, so the promise's rejection is not left unhandled.
    void Promise.resolve(task).catch(() => undefined);
    function onAbort() {
      if (!settled) task.abort();
    }
    signal?.addEventListener('abort', onAbort);
  });
