import Taro from '@tarojs/taro';
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
    let settled = false;
    const task = Taro.request({
      url: axios.getUri(config),
      method: (config.method ?? 'get').toUpperCase() as TaroMethod,
      // JSON arrives here already a string (client interceptor); upload chunks as an ArrayBuffer,
      // which Taro.request sends as the raw body.
      data: config.data as string | ArrayBuffer | undefined,
      header: headers,
      timeout: config.timeout,
      dataType: 'text',
      responseType: 'text',
      success: (res) => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        resolve({
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
        const message = String((err as { errMsg?: string }).errMsg ?? 'request:fail');
        const code = /timeout/i.test(message) ? AxiosError.ECONNABORTED : AxiosError.ERR_NETWORK;
        reject(new AxiosError(message, signal?.aborted ? AxiosError.ERR_CANCELED : code, config));
      },
    });
    function onAbort() {
      if (!settled) task.abort();
    }
    signal?.addEventListener('abort', onAbort);
  });
