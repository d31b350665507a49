/**
 * Errors thrown by the SDK. Every one is a `QiangJiError` carrying the HTTP status (0 when no answer arrived),
 * the stable error code, the request id, and the message in zh-CN (`message`) and English (`messageEn`),
 * exactly as the API's `ApiError` body carries them.
 */
import type { ApiError, errorMessages } from '@qiangji/contract';

type Messages = readonly [zh: string, en: string];

/**
 * Messages for answers without an `ApiError` body (e.g. a proxy's 502 page) and for client-side failures.
 * The `satisfies` keeps the shared codes word for word equal to the contract's `errorMessages`.
 */
const fallbackMessages = {
  validation_failed: ['输入有误，请检查标注的字段', 'Invalid input: check the marked field'],
  unauthenticated: ['请先登录', 'Sign in first'],
  forbidden: ['无权访问该数据', 'You may not access this data'],
  not_found: ['未找到该数据', 'Not found'],
  conflict: ['数据已被他人修改，请刷新后重试', 'Someone else changed this; reload and try again'],
  rate_limited: ['请求过于频繁，请稍后再试', 'Too many requests; try again later'],
  service_unavailable: ['服务暂时不可用，请稍后再试', 'The service is temporarily unavailable'],
  internal: ['服务器内部错误', 'Internal server error'],
} as const satisfies Partial<typeof errorMessages>;
const clientMessages = {
  network_error: ['网络连接失败，请检查网络后重试', 'Network error: check the connection and try again'],
  timeout: ['请求超时，请稍后再试', 'The request timed out; try again later'],
} as const satisfies Record<string, Messages>;

/** Codes the SDK itself produces besides the server's. */
export type ClientErrorCode = keyof typeof clientMessages;

export interface QiangJiErrorInit {
  status: number;
  code: string;
  message: string;
  messageEn: string;
  requestId?: string | undefined;
  field?: string | undefined;
  details?: ApiError['details'];
  retryAfter?: number | undefined;
  cause?: unknown;
}

/** Base class of every SDK error. `message` is zh-CN, `messageEn` English. */
export class QiangJiError extends Error {
  override name = 'QiangJiError';
  /** HTTP status; 0 for network errors and timeouts. */
  readonly status: number;
  /** Stable error code (`errorMessages` in the contract, or `network_error` / `timeout`). */
  readonly code: string;
  /** The server's request id, when an answer arrived; quote it when reporting a problem. */
  readonly requestId: string | undefined;
  readonly messageEn: string;
  /** Dotted path of the first offending field (validation errors). */
  readonly field: string | undefined;
  /** Every field error (validation errors). */
  readonly details: ApiError['details'];
  /** The server's Retry-After in seconds, when it sent one (429, 503). */
  readonly retryAfter: number | undefined;

  constructor(init: QiangJiErrorInit) {
    super(init.message, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.messageEn = init.messageEn;
    this.field = init.field;
    this.details = init.details;
    this.retryAfter = init.retryAfter;
  }
}

/** 400/422: the input was refused; `field` names the first offending field, `details` all of them. */
export class ValidationError extends QiangJiError {
  override name = 'ValidationError';
}
/** 401: not signed in, wrong credentials, or the session could not be refreshed. */
export class AuthError extends QiangJiError {
  override name = 'AuthError';
}
/** 403: signed in (or embedded) but not allowed, e.g. outside the viewer's org subtree. */
export class ForbiddenError extends QiangJiError {
  override name = 'ForbiddenError';
}
/** 404 */
export class NotFoundError extends QiangJiError {
  override name = 'NotFoundError';
}
/** 409: someone else changed the record (stale `version`) or an idempotency key was reused. */
export class ConflictError extends QiangJiError {
  override name = 'ConflictError';
}
/** 429: too many requests; `retryAfter` is the server's Retry-After in seconds, when sent. */
export class RateLimitError extends QiangJiError {
  override name = 'RateLimitError';
}
/** No answer: the connection failed or was dropped. */
export class NetworkError extends QiangJiError {
  override name = 'NetworkError';
}
/** The call did not finish within `timeoutMs` (retries included). */
export class TimeoutError extends QiangJiError {
  override name = 'TimeoutError';
}

const classByStatus: Record<number, typeof QiangJiError> = {
  400: ValidationError,
  422: ValidationError,
  401: AuthError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};
const codeByStatus: Record<number, keyof typeof fallbackMessages> = {
  400: 'validation_failed',
  422: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Seconds from a Retry-After header (delta-seconds or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - now) / 1000;
  return Number.isNaN(seconds) ? undefined : Math.max(0, seconds);
}

/** The error for an HTTP answer: the subclass by status, texts from the `ApiError` body when there is one. */
export function errorFromResponse(status: number, body: unknown, headers: Headers): QiangJiError {
  const api = (body && typeof body === 'object' ? body : {}) as Partial<ApiError>;
  const code = codeByStatus[status] ?? 'internal';
  const [message, messageEn] = fallbackMessages[code];
  const ErrorClass = classByStatus[status] ?? QiangJiError;
  return new ErrorClass({
    status,
    code: api.code ?? code,
    message: api.message ?? message,
    messageEn: api.messageEn ?? messageEn,
    requestId: api.requestId ?? headers.get('x-request-id') ?? undefined,
    field: api.field,
    details: api.details,
    retryAfter: parseRetryAfter(headers.get('retry-after')),
  });
}

/** A network error or timeout (no answer). */
export function clientError(code: ClientErrorCode, cause?: unknown): QiangJiError {
  const [message, messageEn] = clientMessages[code];
  return new (code === 'timeout' ? TimeoutError : NetworkError)({ status: 0, code, message, messageEn, cause });
}
