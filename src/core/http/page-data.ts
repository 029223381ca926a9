import type { AxiosRequestConfig } from 'axios';
import { envelopeData, requestUrl } from './client';

/** Written by the gateway into the H5 page (gateway/src/web/static-site.ts). */
const ELEMENT_ID = 'page-data';

let answers: Record<string, unknown> | undefined;

function readAnswers(): Record<string, unknown> {
  const element = document.getElementById(ELEMENT_ID);
  element?.remove();
  try {
    const parsed: unknown = JSON.parse(element?.textContent ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * H5: the answer the gateway wrote into the page for this request, if it did: the same JSON the
 * API sends, found by the URL the request would have, so a page can draw its content in its first
 * render instead of a loading state. Each answer is used once (a later visit to the page asks the
 * gateway as usual); none on the mini-programs, or when the API is on another origin.
 */
export function takePageData<T>(config: AxiosRequestConfig): T | undefined {
  if (process.env.TARO_ENV !== 'h5') return undefined;
  answers ??= readAnswers();
  const url = requestUrl(config);
  if (!Object.prototype.hasOwnProperty.call(answers, url)) return undefined;
  const body = answers[url];
  delete answers[url];
  try {
    return envelopeData<T>(200, body);
  } catch {
    return undefined;
  }
}
