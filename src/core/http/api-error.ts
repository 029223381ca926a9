import type { ErrorCode, FieldError } from '@contract/envelope';

/** Gateway codes plus what can go wrong before the gateway answers. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE' | 'CANCELLED';

const FALLBACK_MESSAGES: Record<ApiErrorCode, string> = {
  BAD_REQUEST: '请求有误，请检查后重试',
  VALIDATION_FAILED: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限查看该内容',
  NOT_FOUND: '未找到相关内容',
  CONFLICT: '操作冲突，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '内容太大，请缩小后重试',
  INTERNAL: '服务暂时不可用，请稍后重试',
  NETWORK: '网络连接失败，请检查网络后重试',
  TIMEOUT: '网络较慢，请求超时，请稍后重试',
  BAD_RESPONSE: '服务返回的数据无法识别，请稍后重试',
  CANCELLED: '请求已取消',
};

export interface ApiErrorInit {
  code: ApiErrorCode;
  message?: string;
  status?: number;
  fields?: FieldError[];
  requestId?: string;
  retryAfterSeconds?: number;
}

/** The one error type the app sees from the gateway: `message` is Chinese and fit to show. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;

  constructor(init: ApiErrorInit) {
    super(init.message?.trim() || FALLBACK_MESSAGES[init.code]);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status ?? 0;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Whether trying the same request again may help (network trouble, gateway trouble). */
  get retryable(): boolean {
    return ['NETWORK', 'TIMEOUT', 'BAD_RESPONSE', 'INTERNAL', 'RATE_LIMITED'].includes(this.code);
  }

  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** A user-facing message for anything thrown. */
export function describeError(error: unknown): string {
  return isApiError(error) ? error.message : FALLBACK_MESSAGES.INTERNAL;
}
