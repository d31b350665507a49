/**
 * Server-Sent Events of changes. Each event carries `id: <seq>`; a client reconnecting with Last-Event-ID (header,
 * or `lastEventId` in the query for EventSource polyfills) first gets everything after that seq within its scope
 * and filters, then the live stream — the same code path reads both from the `events` table, so there is no gap
 * between replay and live, and no duplicate. Heartbeat comments keep proxies from closing idle streams.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { ApiHttpError } from '../http/errors.js';
import { registerRoute } from '../http/register-route.js';
import { latestEventSeq, readEventsAfter, toQjEvent } from '../repositories/events.js';
import { scopedOrgPath } from '../repositories/org.js';

const RETRY_MS = 3000;

/** Open streams, ended on shutdown so that close() does not wait for them. */
export const openStreams = new WeakMap<FastifyInstance, Set<ServerResponse>>();

function parseLastEventId(value: unknown, field: string): number | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) {
    throw new ApiHttpError(400, 'validation_failed', { field, details: [{ field, message: '事件编号无效', messageEn: 'Last-Event-ID must be an event id (digits)' }] });
  }
  return Number(value);
}

export async function eventRoutes(app: FastifyInstance): Promise<void> {
  const streams = new Set<ServerResponse>();
  openStreams.set(app, streams);
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });

  registerRoute(app, 'events', async ({ services, viewer, query, request, reply }) => {
    const scopePath = await scopedOrgPath(services.db, viewer, query.orgUnitId, 'query.orgUnitId');
    const fromHeader = parseLastEventId(request.headers['last-event-id'], 'header.last-event-id');
    const fromQuery = parseLastEventId(query.lastEventId, 'query.lastEventId');
    let cursor = fromHeader ?? fromQuery ?? (await latestEventSeq(services.db));
    const filter = { scopePath, types: query.types ?? null };

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: ${RETRY_MS}\n: connected\n\n`);
    streams.add(raw);

    let closed = false;
    let running: Promise<void> | null = null;
    let again = false;
    const pump = async (): Promise<void> => {
      for (;;) {
        const { events, lastSeq } = await readEventsAfter(services.db, cursor, filter);
        if (closed) return;
        for (const row of events) raw.write(`id: ${row.seq}\ndata: ${JSON.stringify(toQjEvent(row))}\n\n`);
        if (lastSeq === cursor) return;
        cursor = lastSeq;
      }
    };
    const wake = () => {
      if (closed) return;
      if (running) {
        again = true;
        return;
      }
      running = pump()
        .catch((error: unknown) => request.log.warn({ err: error }, 'event stream read failed'))
        .finally(() => {
          running = null;
          if (again) {
            again = false;
            wake();
          }
        });
    };
    const unsubscribe = services.bus.subscribe(wake);
    const heartbeat = setInterval(() => {
      raw.write(': heartbeat\n\n');
      wake();
    }, services.config.heartbeatMs);
    const stop = () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(raw);
    };
    raw.on('close', stop);
    request.raw.on('close', stop);
    wake();
    return reply;
  });
}
