/**
 * The SSE client against a throwaway local HTTP server that plays an event log and cuts connections: resume with
 * Last-Event-ID, fatal statuses, reconnection on new credentials, unsubscribe. The real API: faults.test.ts.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, describe, test } from 'node:test';
import type { QjEvent } from '@qiangji/contract';
import { createClient, ForbiddenError } from '../src/index.js';
import { apiError, localServer, sendJson, type Recorded } from './support/http.js';

const servers: Array<{ close: () => Promise<void> }> = [];
after(() => Promise.all(servers.map((server) => server.close())));

const log: QjEvent[] = Array.from({ length: 9 }, (_, i) => ({
  id: String(i + 1),
  at: '2025-06-30T02:00:00.000Z',
  orgUnitId: '445102',
  type: 'task.progress',
  data: { taskId: 'T01', percent: 10 + i, status: 'on_track', warning: 'none', authorName: '测试' },
}));
const frame = (event: QjEvent) => `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/** Serves the log after Last-Event-ID; connection n is cut after cuts[n] events, half-way into the next. */
async function eventServer(cuts: number[], status: (request: Recorded, index: number) => number = () => 200) {
  const server = await localServer((request, response: ServerResponse, index) => {
    const code = status(request, index);
    if (code !== 200) return sendJson(response, code, apiError(code === 403 ? 'forbidden' : 'service_unavailable'));
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('retry: 50\n: hello\n\n');
    const after = Number(request.headers['last-event-id'] ?? 0);
    const pending = log.filter((event) => Number(event.id) > after);
    const cut = cuts[index] ?? Infinity;
    pending.slice(0, cut).forEach((event) => response.write(frame(event)));
    if (cut < pending.length) {
      const next = frame(pending[cut]!);
      // Cut once the bytes are on the wire, so the client really sees the events and half of the next.
      response.write(next.slice(0, next.length / 2), () => setTimeout(() => response.socket?.destroy(), 20));
    }
  });
  servers.push(server);
  return server;
}

function collect(baseUrl: string, until: number, options: { token?: string } = {}) {
  const client = createClient({ baseUrl, ...options });
  const events: QjEvent[] = [];
  const errors: unknown[] = [];
  let stop!: () => void;
  const done = new Promise<void>((resolve) => {
    stop = client.events.subscribe({ types: ['task.progress'], orgUnitId: '445102' }, (event) => {
      events.push(event);
      if (events.length === until) resolve();
    }, { onError: (error) => errors.push(error) });
  });
  return { client, events, errors, done, stop: () => stop() };
}

describe('events.subscribe', () => {
  test('a stream cut twice (mid-event) resumes: every event once, in order, with Last-Event-ID', async () => {
    const server = await eventServer([2, 3]);
    const { events, done, stop, errors } = collect(server.baseUrl, log.length);
    await done;
    await new Promise((resolve) => setTimeout(resolve, 100));
    stop();
    assert.deepEqual(events.map((event) => event.id), log.map((event) => event.id));
    assert.deepEqual(server.requests.map((request) => request.headers['last-event-id']), [undefined, '2', '5']);
    assert.equal(server.requests[0]!.url, '/api/v1/events?types=task.progress&orgUnitId=445102');
    assert.equal(server.requests[0]!.headers.accept, 'text/event-stream');
    assert.ok(errors.length >= 2, 'cuts are reported to onError');
  });

  test('a 503 is retried; a 403 stops the subscription', async () => {
    const server = await eventServer([], (_request, index) => (index === 0 ? 503 : 403));
    const { errors, stop } = collect(server.baseUrl, 1);
    await until(() => errors.length === 2);
    // Time for a retry that should not happen.
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop();
    assert.equal(server.requests.length, 2, 'one retry after 503, none after 403');
    assert.equal((errors[0] as { status?: number }).status, 503);
    assert.ok(errors[1] instanceof ForbiddenError);
  });

  test('new credentials reopen the stream with them; unsubscribe closes it', async () => {
    const server = await eventServer([]);
    const { client, events, done, stop } = collect(server.baseUrl, log.length, { token: 'first' });
    await done;
    client.setToken('second');
    await until(() => server.requests.length === 2);
    stop();
    const count = server.requests.length;
    assert.deepEqual(server.requests.map((request) => request.headers.authorization), ['Bearer first', 'Bearer second']);
    assert.equal(server.requests[1]!.headers['last-event-id'], '9', 'resumes after the last event');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(server.requests.length, count, 'no reconnection after unsubscribe');
    assert.equal(events.length, log.length);
  });

  test('subscriptions with the same filter share one connection; the last to leave closes it', async () => {
    const server = await eventServer([]);
    const client = createClient({ baseUrl: server.baseUrl });
    const filter = { types: ['task.progress'] as const, orgUnitId: '445102' };
    const received: Record<string, string[]> = { first: [], second: [], late: [] };
    const opened: string[] = [];
    const listen = (name: string) =>
      client.events.subscribe(filter, (event) => received[name]!.push(event.id), { onOpen: () => opened.push(name) });
    const stops = new Set<() => void>();
    const track = (stop: () => void) => (stops.add(stop), () => (stops.delete(stop), stop()));
    try {
      const stopFirst = track(listen('first'));
      const stopSecond = track(listen('second'));
      await until(() => received.first!.length === log.length && received.second!.length === log.length);
      const stopLate = track(listen('late'));
      await until(() => opened.includes('late'));
      assert.equal(server.requests.length, 1, 'one connection for three subscriptions');
      assert.deepEqual(opened.sort(), ['first', 'late', 'second'], 'a late subscriber hears that the stream is open');
      // A different filter, or a resume point of its own, gets a connection of its own.
      const stopOther = track(client.events.subscribe({ types: ['rating.updated'] }, () => {}));
      const stopResume = track(client.events.subscribe(filter, () => {}, { lastEventId: '3' }));
      await until(() => server.requests.length === 3);
      assert.equal(server.requests[2]!.headers['last-event-id'], '3');
      stopOther();
      stopResume();
      stopFirst();
      stopSecond();
      await until(() => server.openConnections() === 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(server.openConnections(), 1, 'still open while one subscriber is left');
      stopLate();
      await until(() => server.openConnections() === 0);
      // A new subscription after everyone left opens a new connection.
      track(listen('first'));
      await until(() => server.requests.length === 4);
    } finally {
      for (const stop of stops) stop();
    }
  });

  test('one listener throwing does not stop the others', async () => {
    const server = await eventServer([]);
    const client = createClient({ baseUrl: server.baseUrl });
    const errors: unknown[] = [];
    const ids: string[] = [];
    const stopThrowing = client.events.subscribe({}, () => {
      throw new Error('listener bug');
    }, { onError: (error) => errors.push(error) });
    const otherErrors: unknown[] = [];
    const stopCounting = client.events.subscribe({}, (event) => ids.push(event.id), { onError: (error) => otherErrors.push(error) });
    try {
      await until(() => ids.length === log.length);
    } finally {
      stopThrowing();
      stopCounting();
    }
    assert.deepEqual(otherErrors, [], 'the other listener saw no error');
    assert.equal(errors.length, log.length);
    assert.equal(server.requests.length, 1);
  });
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
