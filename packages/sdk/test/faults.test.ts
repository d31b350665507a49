/**
 * Fault tests: a local proxy (support/fault-proxy.ts) between the SDK and the REAL Plan API drops connections,
 * drops answers, delays, and answers 500/503 at chosen requests. Retries must happen only when safe, a retried
 * POST must create one record, and an SSE stream cut by the proxy must resume with no missed and no duplicated event.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { QjEvent } from '@qiangji/contract';
import { createClient, NetworkError, QiangJiError, RateLimitError, TimeoutError, type QiangJiClient } from '../src/index.js';
import { startFaultProxy } from './support/fault-proxy.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
/** Through the proxy. */
let client: QiangJiClient;
/** Straight to the server, to check what really happened. */
let direct: QiangJiClient;

before(async () => {
  server = await startServer();
  proxy = await startFaultProxy(server.baseUrl);
  direct = createClient({ baseUrl: server.baseUrl });
  const tokens = await direct.auth.login({ username: 'city-admin', password: server.password });
  client = createClient({ baseUrl: proxy.baseUrl, token: tokens.accessToken });
});
afterEach(() => proxy.reset());
after(async () => {
  await proxy?.close();
  await server?.close();
});

const caseCount = async (orgUnitId: string) => (await direct.mediationCases.iterate({ orgUnitId, limit: 500 }).toArray({ limit: 1_000_000 })).length;

describe('retries happen only when safe', () => {
  test('a GET answered 503 (with and without Retry-After) is retried and succeeds', async () => {
    proxy.add({ method: 'GET', path: /\/api\/v1\/tasks$/, fault: { kind: 'status', status: 503, retryAfter: 0 } });
    proxy.add({ method: 'GET', path: /\/api\/v1\/tasks$/, fault: { kind: 'status', status: 503 } });
    const page = await client.tasks.list({ limit: 3 });
    assert.equal(page.items.length, 3);
    assert.deepEqual(proxy.seen('GET', /\/tasks$/).map((entry) => entry.fault), ['status', 'status', 'none']);
  });

  test('a GET whose connection is reset is retried', async () => {
    proxy.add({ method: 'GET', path: /\/api\/v1\/plan$/, fault: { kind: 'reset' } });
    assert.equal((await client.plan.get()).taskCount, 28);
    assert.equal(proxy.seen('GET', /\/plan$/).length, 2);
  });

  test('429 with Retry-After is retried after the wait', async () => {
    proxy.add({ method: 'GET', path: /\/api\/v1\/measures$/, fault: { kind: 'status', status: 429, retryAfter: 1 } });
    const started = Date.now();
    assert.equal((await client.measures.list()).items.length, 8);
    assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
  });

  test('a GET answered 500 is NOT retried', async () => {
    proxy.add({ method: 'GET', path: /\/api\/v1\/plan$/, fault: { kind: 'status', status: 500 } });
    const error = await client.plan.get().catch((caught: unknown) => caught);
    assert.ok(error instanceof QiangJiError && error.status === 500);
    assert.equal(proxy.seen('GET', /\/plan$/).length, 1);
  });

  test('a POST without idempotency key is NOT retried after a dropped connection, nor after 503', async () => {
    const before = await caseCount('445102008');
    proxy.add({ method: 'POST', path: /\/mediation-cases$/, fault: { kind: 'reset' } });
    const dropped = await client.mediationCases.create({ orgUnitId: '445102008' }, { idempotencyKey: false }).catch((caught: unknown) => caught);
    assert.ok(dropped instanceof NetworkError, String(dropped));
    proxy.add({ method: 'POST', path: /\/mediation-cases$/, fault: { kind: 'status', status: 503 } });
    const unavailable = await client.mediationCases.create({ orgUnitId: '445102008' }, { idempotencyKey: false }).catch((caught: unknown) => caught);
    assert.ok(unavailable instanceof QiangJiError && unavailable.status === 503);
    const posts = proxy.seen('POST', /\/mediation-cases$/);
    assert.equal(posts.length, 2, 'one attempt each');
    assert.ok(posts.every((entry) => entry.headers['idempotency-key'] === undefined));
    assert.equal(await caseCount('445102008'), before, 'nothing was created');
  });

  test('a PUT (updateStep) with idempotencyKey: false is NOT retried on 503 or a dropped answer', async () => {
    const item = await direct.mediationCases.create({ orgUnitId: '445102007' });
    const noKey = { idempotencyKey: false } as const;
    proxy.add({ method: 'PUT', path: /\/step$/, fault: { kind: 'status', status: 503 } });
    await assert.rejects(client.mediationCases.updateStep(item.id, { version: item.version, data: { summary: '一' } }, noKey), (error: QiangJiError) => error.status === 503);
    proxy.add({ method: 'PUT', path: /\/step$/, fault: { kind: 'dropResponse' } });
    await assert.rejects(client.mediationCases.updateStep(item.id, { version: item.version, data: { summary: '二' } }, noKey), NetworkError);
    assert.equal(proxy.seen('PUT', /\/step$/).length, 2);
    // The dropped answer's write did happen once (version + 1), the 503 one never reached the server.
    assert.equal((await direct.mediationCases.get(item.id)).version, item.version + 1);
  });

  test('a PUT (updateStep) retried after a dropped answer is applied once and answered, not refused as stale', async () => {
    const item = await direct.mediationCases.create({ orgUnitId: '445102007' });
    const seenBefore = proxy.seen('PUT', /\/step$/).length;
    proxy.add({ method: 'PUT', path: /\/step$/, fault: { kind: 'dropResponse' } });
    const saved = await client.mediationCases.updateStep(item.id, { version: item.version, data: { summary: '重试保存' } });
    const puts = proxy.seen('PUT', /\/step$/).slice(seenBefore);
    assert.deepEqual(puts.map((entry) => entry.fault), ['dropResponse', 'none'], 'the answer was lost, then the PUT was retried');
    assert.equal(puts[0]!.headers['idempotency-key'], puts[1]!.headers['idempotency-key'], 'same key on the retry');
    assert.equal(saved.version, item.version + 1, 'the retry got the first answer (no 409 against its own write)');
    assert.equal((await direct.mediationCases.get(item.id)).version, item.version + 1, 'applied once');
  });

  test('the same POST retried after its answer was dropped creates exactly ONE record', async () => {
    const orgUnitId = '445102009';
    const before = await caseCount(orgUnitId);
    proxy.add({ method: 'POST', path: /\/mediation-cases$/, fault: { kind: 'dropResponse' } });
    const created = await client.mediationCases.create({ orgUnitId });
    const posts = proxy.seen('POST', /\/mediation-cases$/);
    assert.deepEqual(posts.map((entry) => entry.fault), ['dropResponse', 'none'], 'the answer was lost, then the POST was retried');
    assert.ok(posts[0]!.headers['idempotency-key']);
    assert.equal(posts[0]!.headers['idempotency-key'], posts[1]!.headers['idempotency-key'], 'same key on the retry');
    assert.equal(await caseCount(orgUnitId), before + 1, 'one record, not two');
    assert.equal((await direct.mediationCases.get(created.id)).id, created.id);
  });

  test('a progress report retried after a 503 and a dropped answer is recorded once', async () => {
    proxy.add({ method: 'POST', path: /\/tasks\/T05\/progress$/, fault: { kind: 'status', status: 503 } });
    proxy.add({ method: 'POST', path: /\/tasks\/T05\/progress$/, fault: { kind: 'dropResponse' } });
    const note = `fault-test ${Date.now()}`;
    await client.tasks.updateProgress('T05', { percent: 55, note });
    assert.equal(proxy.seen('POST', /\/progress$/).length, 3);
    const { updates } = await direct.tasks.get('T05');
    assert.equal(updates.filter((update) => update.note === note).length, 1);
  });
});

describe('timeouts and aborts through the proxy', () => {
  test('a delayed answer past timeoutMs → TimeoutError', async () => {
    proxy.add({ method: 'GET', path: /\/api\/v1\/plan$/, fault: { kind: 'delay', ms: 1500 } });
    const error = await client.plan.get({ timeoutMs: 300 }).catch((caught: unknown) => caught);
    assert.ok(error instanceof TimeoutError, String(error));
  });

  test('a delay within timeoutMs is just slow', async () => {
    proxy.add({ method: 'GET', path: /\/api\/v1\/plan$/, fault: { kind: 'delay', ms: 200 } });
    assert.equal((await client.plan.get({ timeoutMs: 5_000 })).taskCount, 28);
  });

  test('aborting a delayed call rejects with AbortError', async () => {
    proxy.add({ method: 'GET', path: /\/api\/v1\/plan$/, fault: { kind: 'delay', ms: 1500 } });
    const controller = new AbortController();
    const pending = client.plan.get({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError' && !(error instanceof QiangJiError));
  });

  test('429 whose Retry-After exceeds the deadline fails fast with RateLimitError', async () => {
    proxy.add({ method: 'GET', path: /\/api\/v1\/plan$/, fault: { kind: 'status', status: 429, retryAfter: 60 } });
    const error = await client.plan.get({ timeoutMs: 2_000 }).catch((caught: unknown) => caught);
    assert.ok(error instanceof RateLimitError && error.retryAfter === 60);
  });
});

describe('event stream cut by the proxy', () => {
  test('resumes with Last-Event-ID: no missed and no duplicated event', async () => {
    // First connection is cut after 3 events (mid-way through the 4th), the second after 2 more.
    proxy.add({ method: 'GET', path: /\/api\/v1\/events$/, fault: { kind: 'cutStream', afterEvents: 3 } });
    proxy.add({ method: 'GET', path: /\/api\/v1\/events$/, fault: { kind: 'cutStream', afterEvents: 2 } });
    const received: QjEvent[] = [];
    const percents = Array.from({ length: 10 }, (_, i) => 60 + i);
    let opens = 0;
    let firstOpen!: () => void;
    const opened = new Promise<void>((resolve) => (firstOpen = resolve));
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    const stop = client.events.subscribe(
      { types: ['task.progress'] },
      (event) => {
        if (event.type !== 'task.progress' || event.data.taskId !== 'T06') return;
        received.push(event);
        if (received.length >= percents.length) done();
      },
      { onOpen: () => (++opens === 1 ? firstOpen() : undefined) },
    );
    try {
      await opened;
      for (const percent of percents) {
        await direct.tasks.updateProgress('T06', { percent, note: `stream ${percent}` });
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${received.length} events arrived`)), 15_000))]);
      // Give a duplicate the chance to show up.
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      stop();
    }
    assert.deepEqual(received.map((event) => event.type === 'task.progress' && event.data.percent), percents, 'every event once, in order');
    const ids = received.map((event) => event.id);
    assert.equal(new Set(ids).size, ids.length, 'no duplicated id');
    const connections = proxy.seen('GET', /\/events$/);
    assert.ok(connections.length >= 3, `reconnected after both cuts (${connections.length} connections)`);
    assert.deepEqual(connections.slice(0, 3).map((entry) => entry.fault), ['cutStream', 'cutStream', 'none']);
    assert.equal(connections[0]!.headers['last-event-id'], undefined);
    for (const connection of connections.slice(1)) assert.ok(connection.headers['last-event-id'], 'reconnects send Last-Event-ID');
  });
});
