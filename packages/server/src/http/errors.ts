/**
 * ApiError answers. Every 4xx/5xx body is the contract's ApiError: stable code, zh-CN and English message, the
 * offending field, the request id. Fastify's own errors (bad JSON, wrong content type, too large) are mapped too,
 * so bad input never turns into a 500; a real 5xx says `internal` and nothing else.
 */
import { errorMessages, type ApiError, type ErrorCode, type FieldError } from '@qiangji/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/connection.js';

export class ApiHttpError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ErrorCode, options: { field?: string; details?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(errorMessages[code][1]);
    this.name = 'ApiHttpError';
    this.status = status;
    this.code = code;
    this.field = options.field;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

/** 400 for field errors from validate(); `field` is the first, `details` all of them. */
export const validationError = (errors: FieldError[]): ApiHttpError =>
  new ApiHttpError(400, 'validation_failed', { field: errors[0]?.field, details: errors });

/** 400 for one field with a message key of the contract's field messages (see errors.ts there). */
export function fieldError(field: string, message: string, messageEn: string): ApiHttpError {
  return validationError([{ field, message, messageEn }]);
}

export const notFound = (field?: string): ApiHttpError => new ApiHttpError(404, 'not_found', field ? { field } : {});
export const outOfScope = (field?: string): ApiHttpError => new ApiHttpError(403, 'out_of_scope', field ? { field } : {});
export const forbidden = (): ApiHttpError => new ApiHttpError(403, 'forbidden');

export function apiErrorBodyFor(code: ErrorCode, requestId: string, extra: { field?: string | undefined; details?: FieldError[] | undefined } = {}): ApiError {
  const [message, messageEn] = errorMessages[code];
  return {
    code,
    message,
    messageEn,
    ...(extra.field ? { field: extra.field } : {}),
    requestId,
    ...(extra.details && extra.details.length > 0 ? { details: extra.details } : {}),
  };
}

export function apiErrorBody(request: FastifyRequest, code: ErrorCode, extra: { field?: string | undefined; details?: FieldError[] | undefined } = {}): ApiError {
  return apiErrorBodyFor(code, String(request.id), extra);
}

export function sendApiError(request: FastifyRequest, reply: FastifyReply, error: ApiHttpError): FastifyReply {
  reply.header('x-request-id', String(request.id));
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply
    .code(error.status)
    .type('application/json; charset=utf-8')
    .send(apiErrorBody(request, error.code, { field: error.field, details: error.details }));
}

const bodyError = (messageEn: string) => new ApiHttpError(400, 'validation_failed', { field: 'body', details: [{ field: 'body', message: '请求体不是有效的 JSON', messageEn }] });

/** Maps anything thrown to an ApiHttpError; unknown errors become 500 internal. */
export function toApiError(error: unknown, request?: FastifyRequest): ApiHttpError {
  if (error instanceof ApiHttpError) return error;
  // Without a Content-Type header, the body is what is wrong, not a header that was never sent.
  const mediaField = request && request.headers['content-type'] === undefined ? 'body' : 'header.content-type';
  const fastifyError = error as Partial<FastifyError> & { status?: number };
  const status = fastifyError.statusCode ?? fastifyError.status;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiHttpError(415, 'unsupported_media_type', { field: mediaField });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiHttpError(413, 'payload_too_large', { field: 'body' });
    // Router errors: a path that does not decode, or a path parameter longer than any id.
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ApiHttpError(400, 'validation_failed', { field: 'url' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return bodyError('The body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return bodyError('The body is not valid JSON');
    default:
  }
  if (error instanceof SyntaxError && status === 400) return bodyError('The body is not valid JSON');
  if (isDatabaseUnavailable(error)) return new ApiHttpError(503, 'service_unavailable', { headers: { 'retry-after': '5' } });
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code: ErrorCode =
      status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 429 ? 'rate_limited' : 'validation_failed';
    const field = status === 413 ? 'body' : status === 415 ? mediaField : status === 400 ? 'body' : undefined;
    return new ApiHttpError(status === 414 ? 400 : status, code, field ? { field } : {});
  }
  if (status === 503) return new ApiHttpError(503, 'service_unavailable');
  return new ApiHttpError(500, 'internal');
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error, request);
    if (apiError.status === 503) request.log.warn({ err: error }, 'database unavailable');
    else if (apiError.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (!(error instanceof ApiHttpError)) request.log.info({ code: (error as FastifyError).code }, 'bad request');
    return sendApiError(request, reply, apiError);
  });
  app.setNotFoundHandler((request, reply) => sendApiError(request, reply, new ApiHttpError(404, 'not_found')));
}

/** Fastify's `frameworkErrors` option: errors raised before routing (bad URL encoding, overlong parameters). */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void sendApiError(request, reply, toApiError(error, request));
}
