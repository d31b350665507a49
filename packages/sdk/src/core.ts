/**
 * The request pipeline: URL and headers, timeout merged with the caller's AbortSignal, JSON, error mapping,
 * retries with backoff (only when safe), automatic Idempotency-Key on POST, and the shared token refresh.
 */
import type { Locale, RouteName, RouteResponse, TokenResponse } from '@qiangji/contract';
import { clientError, errorFromResponse, type QiangJiError } from './errors.js';
import { routeMap } from './routes.js';

/** How the client reaches the API. */
export interface ClientOptions {
  /** Origin (and base path) of the Plan API, without `/api/v1`, e.g. `https://api.example.gov.cn`. '' = same origin. */
  baseUrl: string;
  /** A fixed access token. */
  token?: string | null;
  /**
   * Token provider: asked before the first call and again, once, whenever the API answers 401 (concurrent
   * 401s share one call). Return null when the host page is signed out.
   */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Embed key of a public portal (read-only, masked data), sent as X-QJ-Embed-Key. */
  embedKey?: string;
  /** A fetch implementation (default: the global one); e.g. the fixtures transport. */
  fetch?: typeof fetch;
  /** Retries after the first attempt, for safe requests only (default 2). */
  retries?: number;
  /** Deadline of one call, retries included, in ms (default 30 000). */
  timeoutMs?: number;
  /** Sent as Accept-Language; the API answers labels and messages in it. */
  locale?: Locale;
}

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Idempotency key for this call. Writes (POST, PUT) get a fresh one automatically; `false` sends none (and so never retries). */
  idempotencyKey?: string | false;
  retries?: number;
}

/** @internal what a route call carries. */
export interface CallInput {
  params?: Record<string, string>;
  query?: object;
  body?: unknown;
}
/** @internal how the answer is read: JSON, text (HTML) or the raw streaming Response (SSE). */
export type ReadAs = 'json' | 'text' | 'stream';
interface InternalOptions extends RequestOptions {
  headers?: Record<string, string>;
}

const BASE_DELAY_MS = 200;
const MAX_DELAY_MS = 5_000;
const RETRIED_STATUSES = [0, 429, 502, 503, 504];
const TIMED_OUT = Symbol();

/** Full-jitter exponential backoff: a random wait in [0, min(5 s, 200 ms · 2^attempt)). */
export const backoff = (attempt: number): number => Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);

/** Waits `ms`, rejecting with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

/** Query string of the typed query: lists comma-joined (bbox too), numbers as digits, empty values left out. */
export function toQueryString(query: object | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value == null || value === '' || (Array.isArray(value) && !value.length)) continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text && '?' + text;
}

/** Path of a route with its `:id` (`:year`…) filled in, relative to /api/v1. */
export function routePath(name: RouteName, input: CallInput = {}): [method: string, path: string] {
  const [method, template] = routeMap[name].split(' ') as [string, string];
  return [method, template.replace(/:(\w+)/g, (_, param: string) => encodeURIComponent(input.params![param]!)) + toQueryString(input.query)];
}

/** A v4 UUID; crypto.randomUUID is missing on plain-http pages, getRandomValues is not. */
function uuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 15) | 64;
  bytes[8] = (bytes[8]! & 63) | 128;
  const hex = Array.from(bytes, (byte) => (byte + 256).toString(16).slice(1)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function readBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** @internal The pipeline plus the session it authenticates with. */
export type Core = ReturnType<typeof createCore>;

/** @internal */
export function createCore(options: ClientOptions) {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const apiBase = options.baseUrl.replace(/\/+$/, '') + '/api/v1';
  const defaultRetries = options.retries ?? 2;
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const { getToken } = options;
  let token = options.token ?? null;
  let refreshToken: string | null = null;
  let providerAsked = false;
  let renewing: Promise<void> | undefined;
  const credentialListeners = new Set<() => void>();

  const setSession = (accessToken: string | null, refresh: string | null = null) => {
    token = accessToken;
    refreshToken = refresh;
    for (const listener of credentialListeners) listener();
  };

  /** One shared renewal for every concurrent 401: the refresh token if we hold one, else the token provider. */
  const renew = (): Promise<void> =>
    (renewing ??= (async () => {
      try {
        if (refreshToken) {
          const tokens: TokenResponse = await request('refresh', { body: { refreshToken } });
          token = tokens.accessToken;
          refreshToken = tokens.refreshToken;
        } else if (getToken) {
          providerAsked = true;
          token = (await getToken()) ?? null;
        }
      } finally {
        renewing = undefined;
      }
    })());

  async function request<N extends RouteName>(name: N, input?: CallInput, opts?: InternalOptions, as?: 'json'): Promise<RouteResponse<N>>;
  async function request(name: RouteName, input: CallInput, opts: InternalOptions, as: 'text'): Promise<string>;
  async function request(name: RouteName, input: CallInput, opts: InternalOptions, as: 'stream'): Promise<Response>;
  async function request(name: RouteName, input: CallInput = {}, opts: InternalOptions = {}, as: ReadAs = 'json'): Promise<unknown> {
    const [method, path] = routePath(name, input);
    const key = opts.idempotencyKey === false ? undefined : (opts.idempotencyKey ?? (method === 'GET' ? undefined : uuid()));
    const retries = method === 'GET' || key ? (opts.retries ?? defaultRetries) : 0;
    const anonymous = name === 'login' || name === 'refresh';
    const timeoutMs = opts.timeoutMs ?? defaultTimeout;
    const deadline = Date.now() + timeoutMs;
    const callerSignal = opts.signal;
    const controller = new AbortController();
    const forwardAbort = () => controller.abort(callerSignal!.reason);
    if (callerSignal?.aborted) forwardAbort();
    else callerSignal?.addEventListener('abort', forwardAbort, { once: true });
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
    const { signal } = controller;
    let renewed = false;
    try {
      for (let attempt = 0; ; attempt++) {
        if (!anonymous && !token && getToken && !providerAsked) await renew();
        const sentToken = anonymous ? null : token;
        const headers: Record<string, string> = {
          accept: as === 'stream' ? 'text/event-stream' : as === 'text' ? 'text/html' : 'application/json',
          ...opts.headers,
        };
        if (sentToken) headers.authorization = 'Bearer ' + sentToken;
        if (options.embedKey) headers['x-qj-embed-key'] = options.embedKey;
        if (options.locale) headers['accept-language'] = options.locale;
        if (key) headers['idempotency-key'] = key;
        if (input.body !== undefined) headers['content-type'] = 'application/json';
        let error: QiangJiError;
        try {
          const response = await doFetch(apiBase + path, {
            method,
            headers,
            body: input.body === undefined ? null : JSON.stringify(input.body),
            signal,
          });
          if (response.ok) {
            if (as === 'stream') return response;
            if (as === 'text') return await response.text();
            return response.status === 204 ? undefined : await response.json();
          }
          error = errorFromResponse(response.status, await readBody(response), response.headers);
        } catch (cause) {
          if (signal.aborted) throw signal.reason;
          error = clientError('network_error', cause);
        }
        if (error.status === 401 && !anonymous && !renewed && (refreshToken || getToken)) {
          renewed = true;
          // Someone else may have renewed while this request was in flight: then just use the new token.
          if (token === sentToken) {
            try {
              await renew();
            } catch (renewError) {
              if ((renewError as QiangJiError).status) setSession(null);
              throw (renewError as QiangJiError).status ? error : renewError;
            }
          }
          if (token) {
            attempt--;
            continue;
          }
        }
        const wait = error.retryAfter! * 1000 || backoff(attempt);
        if (attempt >= retries || !RETRIED_STATUSES.includes(error.status) || Date.now() + wait > deadline) throw error;
        await sleep(wait, signal);
      }
    } catch (error) {
      throw error === TIMED_OUT ? clientError('timeout') : error;
    } finally {
      clearTimeout(timer);
      if (as !== 'stream') callerSignal?.removeEventListener('abort', forwardAbort);
    }
  }

  return {
    request,
    /** Stores the tokens of a login or refresh. */
    signIn(tokens: TokenResponse) {
      setSession(tokens.accessToken, tokens.refreshToken);
    },
    setToken(accessToken: string | null) {
      setSession(accessToken);
    },
    /** Forgets every credential; the token provider is asked afresh on the next call. */
    clear() {
      providerAsked = false;
      setSession(null);
    },
    get refreshToken() {
      return refreshToken;
    },
    /** Listens to credential changes (login, logout, setToken), e.g. to reopen event streams. */
    onCredentials(listener: () => void): () => void {
      credentialListeners.add(listener);
      return () => credentialListeners.delete(listener);
    },
  };
}
