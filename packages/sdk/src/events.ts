/**
 * Live updates over Server-Sent Events, read with fetch streaming (so Authorization and X-QJ-Embed-Key headers
 * work in browsers and Node ≥ 20). Reconnects with backoff and Last-Event-ID, so a cut stream resumes where it
 * stopped: no event missed, none repeated.
 */
import type { EventType, QjEvent } from '@qiangji/contract';
import { backoff, sleep, type Core } from './core.js';
import { clientError, type QiangJiError } from './errors.js';

/** Which events to receive; the server filters. */
export interface EventFilter {
  types?: readonly EventType[];
  /** Only events within this org unit's subtree. */
  orgUnitId?: string;
}
export interface SubscribeOptions {
  /** Called for every failed connection attempt; after 400/401/403/404 the subscription stops. */
  onError?: (error: unknown) => void;
  /** Called whenever a connection is (re)established. */
  onOpen?: () => void;
  /** Resume after this event id (e.g. one stored by a previous page). */
  lastEventId?: string;
}

/** One parsed SSE message. */
export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * Incremental SSE parser (WHATWG "event stream interpretation"): feed it decoded text in any chunking.
 * The id of a message counts only once its blank line arrives, so a message cut short is never acknowledged.
 */
export function createSseParser(onMessage: (message: SseMessage) => void, onRetry?: (ms: number) => void) {
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let lastId: string | undefined;
  return (chunk: string): void => {
    buffer += chunk;
    // A chunk ending in '\r' may be half of '\r\n': keep it for the next chunk.
    const lines = buffer.split(/\r\n|\r(?!$)|\n/);
    buffer = lines.pop()!;
    for (const line of lines) {
      if (!line) {
        if (id !== undefined) lastId = id;
        if (data.length) onMessage({ id: lastId, event: event || 'message', data: data.join('\n') });
        data = [];
        event = '';
        id = undefined;
        continue;
      }
      const colon = line.indexOf(':');
      if (colon === 0) continue;
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
      else if (field === 'id' && !value.includes('\0')) id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) onRetry?.(Number(value));
    }
  };
}

const FATAL_STATUSES = [400, 401, 403, 404];
/** Reconnect when a stream stays silent this long (the API sends heartbeats well within it). */
const IDLE_TIMEOUT_MS = 60_000;

interface Listener {
  handler: (event: QjEvent) => void;
  options: SubscribeOptions;
}
interface SharedStream {
  listeners: Set<Listener>;
  open: boolean;
  stop: () => void;
}
/** Per client, the streams shared by subscriptions with the same filter. */
const sharedStreams = new WeakMap<Core, Map<string, SharedStream>>();

/**
 * @internal Subscriptions with the same filter share one connection per client: over HTTP/1.1 a browser keeps about
 * six connections per origin, and five cards on a page must not hold five of them open. A subscription that resumes
 * from its own `lastEventId` gets a connection of its own. Each listener's errors stay its own.
 */
export function subscribe(core: Core, filter: EventFilter, handler: (event: QjEvent) => void, options: SubscribeOptions = {}): () => void {
  if (options.lastEventId !== undefined) return openStream(core, filter, handler, options);
  let streams = sharedStreams.get(core);
  if (!streams) sharedStreams.set(core, (streams = new Map()));
  const key = JSON.stringify([[...(filter.types ?? [])].sort(), filter.orgUnitId ?? null]);
  let shared = streams.get(key);
  if (!shared) {
    const stream: SharedStream = { listeners: new Set(), open: false, stop: () => {} };
    const each = (call: (listener: Listener) => void) => [...stream.listeners].forEach(call);
    stream.stop = openStream(
      core,
      filter,
      (event) =>
        each((listener) => {
          try {
            listener.handler(event);
          } catch (error) {
            listener.options.onError?.(error);
          }
        }),
      {
        onOpen: () => {
          stream.open = true;
          each((listener) => listener.options.onOpen?.());
        },
        onError: (error) => {
          stream.open = false;
          // After a fatal answer the stream has stopped for good: the next subscription opens a new one.
          if (FATAL_STATUSES.includes((error as QiangJiError).status) && streams.get(key) === stream) streams.delete(key);
          each((listener) => listener.options.onError?.(error));
        },
      },
    );
    streams.set(key, (shared = stream));
  }
  const stream = shared;
  const listener: Listener = { handler, options };
  stream.listeners.add(listener);
  // Joining a stream that is already open: tell this listener too.
  if (stream.open) queueMicrotask(() => stream.listeners.has(listener) && options.onOpen?.());
  return () => {
    if (!stream.listeners.delete(listener) || stream.listeners.size > 0) return;
    stream.stop();
    if (streams.get(key) === stream) streams.delete(key);
  };
}

/** One connection of its own: reads, reconnects with backoff and Last-Event-ID, stops on a fatal status. */
function openStream(
  core: Core,
  filter: EventFilter,
  handler: (event: QjEvent) => void,
  options: SubscribeOptions = {},
): () => void {
  let lastEventId = options.lastEventId;
  let serverRetryMs: number | undefined;
  let attempt = 0;
  let connection: AbortController | undefined;
  const stopped = new AbortController();
  // New credentials (login, logout, setToken): drop the stream and reconnect at once with them.
  const stopListening = core.onCredentials(() => {
    attempt = 0;
    connection?.abort();
  });
  const stop = () => {
    stopListening();
    stopped.abort();
    connection?.abort();
  };

  const read = async (signal: AbortSignal) => {
    const response = await core.request(
      'events',
      { query: filter },
      { signal, retries: 0, headers: lastEventId ? { 'last-event-id': lastEventId } : {} },
      'stream',
    );
    options.onOpen?.();
    const reader = response.body!.getReader();
    signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
    const decoder = new TextDecoder();
    const parse = createSseParser(
      (message) => {
        lastEventId = message.id ?? lastEventId;
        attempt = 0;
        let event: QjEvent;
        try {
          event = JSON.parse(message.data);
        } catch {
          return; // not a change event (e.g. a keep-alive)
        }
        if (!event?.type || (filter.types && !filter.types.includes(event.type))) return;
        try {
          handler(event);
        } catch (error) {
          options.onError?.(error);
        }
      },
      (ms) => (serverRetryMs = ms),
    );
    // A connection that went silent (no data, no heartbeat) without closing is treated as dropped.
    let idle: ReturnType<typeof setTimeout> | undefined;
    try {
      for (;;) {
        clearTimeout(idle);
        idle = setTimeout(() => void reader.cancel().catch(() => {}), IDLE_TIMEOUT_MS);
        const { done, value } = await reader.read().catch((cause: unknown) => {
          throw signal.aborted ? cause : clientError('network_error', cause);
        });
        if (done) return;
        parse(decoder.decode(value, { stream: true }));
      }
    } finally {
      clearTimeout(idle);
    }
  };

  void (async () => {
    while (!stopped.signal.aborted) {
      connection = new AbortController();
      let wait: number | undefined;
      try {
        await read(connection.signal);
      } catch (error) {
        if (stopped.signal.aborted) return;
        if (!connection.signal.aborted) {
          options.onError?.(error);
          const { status, retryAfter } = error as QiangJiError;
          if (FATAL_STATUSES.includes(status)) return stop();
          if (retryAfter) wait = retryAfter * 1000;
        }
      }
      // A connection dropped for new credentials reconnects at once; anything else waits.
      if (connection.signal.aborted) continue;
      try {
        await sleep(wait ?? Math.max(serverRetryMs ?? 0, backoff(attempt++)), stopped.signal);
      } catch {
        return;
      }
    }
  })();
  return stop;
}
