/**
 * What a mini-program's request or uploadFile hands to `fail`. WeChat sends `errMsg` (and answers
 * every HTTP status through `success`); Alipay sends `error` and `errorMessage`, and answers a
 * non-2xx status through `fail` too, with the status, body and headers beside them.
 */
export interface PlatformFailure {
  errMsg?: string;
  error?: number;
  errorMessage?: string;
  status?: number;
  statusCode?: number;
  data?: unknown;
  headers?: Record<string, string>;
  header?: Record<string, string>;
}

/** Alipay's code for a request that ran out of time. */
const ALIPAY_TIMEOUT = 13;

/** The gateway's answer carried by a failure (Alipay's non-2xx), or undefined for a real network failure. */
export function answerInFailure(
  failure: PlatformFailure,
): { status: number; data: unknown; headers: Record<string, string> } | undefined {
  const status = failure.status ?? failure.statusCode;
  if (typeof status !== 'number' || status <= 0) return undefined;
  return { status, data: failure.data, headers: failure.headers ?? failure.header ?? {} };
}

export function failureTimedOut(failure: PlatformFailure): boolean {
  return failure.error === ALIPAY_TIMEOUT || /timeout|超时/i.test(String(failure.errMsg ?? failure.errorMessage ?? ''));
}

export function failureMessage(failure: PlatformFailure): string {
  return String(failure.errMsg ?? failure.errorMessage ?? 'request:fail');
}
