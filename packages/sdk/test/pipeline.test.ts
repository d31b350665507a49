/**
 * The request pipeline against a throwaway local HTTP server (statuses, headers, retries, timeouts, auth flows).
 * The real Plan API is exercised by integration.test.ts and faults.test.ts.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  AuthError,
  ConflictError,
  createClient,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  QiangJiError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../src/index.js';
import { apiError, localServer, sendJson } from './support/http.js';

const page = { items: [], nextCursor: null };
const servers: Array<{ close: () => Promise<void> }> = [];
after(() => Promise.all(servers.map((server) => server.close())));
async function serve(respond: Parameters<typeof localServer>[0]) {
  const server = await localServer(respond);
  servers.push(server);
  return server;
}

describe('error mapping', () => {
  const cases: Array<[number, new (...args: never[]) => QiangJiError, string]> = [
    [400, ValidationError, 'validation_failed'],
    [422, ValidationError, 'step_incomplete'],
    [401, AuthError, 'unauthenticated'],
    [403, ForbiddenError, 'out_of_scope'],
    [404, NotFoundError, 'not_found'],
    [409, ConflictError, 'conflict'],
    [429, RateLimitError, 'rate_limited'],
    [500, QiangJiError, 'internal'],
  ];
  for (const [status, ErrorClass, code] of cases) {
    test(`${status} → ${ErrorClass.name} with status, code, requestId and both messages`, async () => {
      const server = await serve((_request, response) =>
        sendJson(response, status, apiError(code, { field: 'query.limit' }), { 'retry-after': '7' }),
      );
      const client = createClient({ baseUrl: server.baseUrl, retries: 0 });
      const error = await client.tasks.list().catch((caught: unknown) => caught);
      assert.ok(error instanceof ErrorClass && error instanceof QiangJiError, String(error));
      assert.equal(error.status, status);
      assert.equal(error.code, code);
      assert.equal(error.requestId, 'req-from-body');
      assert.equal(error.message, `中文:${code}`);
      assert.equal(error.messageEn, `en:${code}`);
      assert.equal(error.field, 'query.limit');
      assert.equal(error.name, ErrorClass.name);
      if (error instanceof RateLimitError) assert.equal(error.retryAfter, 7);
    });
  }

  test('an answer without an ApiError body gets the status messages and X-Request-Id', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'req-header' });
      response.end('<h1>Bad gateway</h1>');
    });
    const error = await createClient({ baseUrl: server.baseUrl, retries: 0 }).plan.get().catch((caught: unknown) => caught);
    assert.ok(error instanceof QiangJiError);
    assert.equal(error.status, 502);
    assert.equal(error.code, 'internal');
    assert.equal(error.requestId, 'req-header');
    assert.equal(error.message, '服务器内部错误');
    assert.equal(error.messageEn, 'Internal server error');
  });

  test('validation errors carry field and details', async () => {
    const details = [{ field: 'body.parties.0.phone', message: '请输入正确的11位手机号码', messageEn: 'Enter a valid 11-digit mainland mobile number' }];
    const server = await serve((_request, response) => sendJson(response, 400, apiError('validation_failed', { field: details[0]!.field, details })));
    const error = await createClient({ baseUrl: server.baseUrl, token: 't' })
      .mediationCases.create({ orgUnitId: '445102' })
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof ValidationError);
    assert.equal(error.field, 'body.parties.0.phone');
    assert.deepEqual(error.details, details);
  });

  test('a refused connection is a NetworkError with status 0', async () => {
    const server = await serve(() => {});
    await server.close();
    const error = await createClient({ baseUrl: server.baseUrl, retries: 0 }).plan.get().catch((caught: unknown) => caught);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.status, 0);
    assert.equal(error.code, 'network_error');
    assert.ok(error.message && error.messageEn);
  });
});

describe('requests', () => {
  test('URL, typed query and headers: bearer token, embed key, locale, JSON body, idempotency key', async () => {
    const server = await serve((request, response) => sendJson(response, request.method === 'POST' ? 201 : 200, request.method === 'POST' ? { task: {}, updates: [] } : page));
    const client = createClient({ baseUrl: server.baseUrl + '/', token: 'tok', embedKey: 'embed-1', locale: 'zh-HK' });
    await client.tasks.list({ status: ['on_track', 'at_risk'], limit: 5 });
    await client.tasks.updateProgress('T01', { percent: 40, note: '推进中' });
    const [get, post] = server.requests;
    assert.equal(get!.url, '/api/v1/tasks?status=on_track%2Cat_risk&limit=5');
    assert.equal(get!.headers.authorization, 'Bearer tok');
    assert.equal(get!.headers['x-qj-embed-key'], 'embed-1');
    assert.equal(get!.headers['accept-language'], 'zh-HK');
    assert.equal(get!.headers['idempotency-key'], undefined);
    assert.equal(post!.method, 'POST');
    assert.equal(post!.url, '/api/v1/tasks/T01/progress');
    assert.equal(post!.headers['content-type'], 'application/json');
    assert.match(String(post!.headers['idempotency-key']), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(JSON.parse(post!.body), { percent: 40, note: '推进中' });
  });

  test('the agreement comes back as HTML text', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<h1>人民调解协议书</h1>');
    });
    assert.equal(await createClient({ baseUrl: server.baseUrl, token: 't' }).mediationCases.agreement('c1'), '<h1>人民调解协议书</h1>');
    assert.equal(server.requests[0]!.headers.accept, 'text/html');
  });
});

describe('retries', () => {
  test('a GET is retried after 503 and 502 and then succeeds', async () => {
    const server = await serve((_request, response, index) => (index < 2 ? sendJson(response, index ? 502 : 503, apiError('service_unavailable')) : sendJson(response, 200, page)));
    assert.deepEqual(await createClient({ baseUrl: server.baseUrl }).tasks.list(), page);
    assert.equal(server.requests.length, 3);
  });

  test('gives up after `retries` retries', async () => {
    const server = await serve((_request, response) => sendJson(response, 503, apiError('service_unavailable')));
    await assert.rejects(createClient({ baseUrl: server.baseUrl, retries: 1 }).plan.get(), (error: QiangJiError) => error.status === 503);
    assert.equal(server.requests.length, 2);
  });

  test('a POST is retried with the SAME idempotency key', async () => {
    const server = await serve((_request, response, index) => (index === 0 ? sendJson(response, 503, apiError('service_unavailable')) : sendJson(response, 201, { id: 'x' })));
    await createClient({ baseUrl: server.baseUrl, token: 't' }).mediationCases.create({ orgUnitId: '445102' });
    assert.equal(server.requests.length, 2);
    assert.ok(server.requests[0]!.headers['idempotency-key']);
    assert.equal(server.requests[0]!.headers['idempotency-key'], server.requests[1]!.headers['idempotency-key']);
  });

  test('a caller-chosen key is used as given', async () => {
    const server = await serve((_request, response) => sendJson(response, 201, { id: 'x' }));
    await createClient({ baseUrl: server.baseUrl, token: 't' }).mediationCases.create({ orgUnitId: '445102' }, { idempotencyKey: 'my-key-1' });
    assert.equal(server.requests[0]!.headers['idempotency-key'], 'my-key-1');
  });

  test('not retried: a POST or PUT without key, and any 500', async () => {
    const server = await serve((request, response) => sendJson(response, request.url.includes('plan') ? 500 : 503, apiError('internal')));
    const client = createClient({ baseUrl: server.baseUrl, token: 't' });
    await assert.rejects(client.mediationCases.create({ orgUnitId: '445102' }, { idempotencyKey: false }));
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]!.headers['idempotency-key'], undefined);
    await assert.rejects(client.mediationCases.updateStep('c1', { version: 1, data: {} }, { idempotencyKey: false }));
    assert.equal(server.requests.length, 2);
    await assert.rejects(client.plan.get());
    assert.equal(server.requests.length, 3);
  });

  test('a PUT given an idempotency key is retried', async () => {
    const server = await serve((_request, response, index) => (index === 0 ? sendJson(response, 503, apiError('service_unavailable')) : sendJson(response, 200, { id: 'c1' })));
    await createClient({ baseUrl: server.baseUrl, token: 't' }).mediationCases.updateStep('c1', { version: 1, data: {} }, { idempotencyKey: 'k-put' });
    assert.deepEqual(server.requests.map((request) => request.headers['idempotency-key']), ['k-put', 'k-put']);
  });

  test('a PUT gets a fresh key automatically and retries with the same one; GETs carry none', async () => {
    const server = await serve((_request, response, index) => (index === 0 ? sendJson(response, 503, apiError('service_unavailable')) : sendJson(response, 200, { id: 'c1' })));
    await createClient({ baseUrl: server.baseUrl, token: 't' }).mediationCases.updateStep('c1', { version: 1, data: {} });
    const [first, second] = server.requests.map((request) => request.headers['idempotency-key']);
    assert.ok(first, 'the PUT carried no idempotency key');
    assert.equal(second, first);
    await createClient({ baseUrl: server.baseUrl, token: 't' }).plan.get();
    assert.equal(server.requests[2]!.headers['idempotency-key'], undefined);
  });

  test('429 waits at least Retry-After before retrying', async () => {
    const server = await serve((_request, response, index) => (index === 0 ? sendJson(response, 429, apiError('rate_limited'), { 'retry-after': '1' }) : sendJson(response, 200, page)));
    const started = Date.now();
    await createClient({ baseUrl: server.baseUrl }).tasks.list();
    assert.equal(server.requests.length, 2);
    assert.ok(Date.now() - started >= 950, 'retried before Retry-After');
  });

  test('503 honours Retry-After too', async () => {
    const server = await serve((_request, response, index) => (index === 0 ? sendJson(response, 503, apiError('service_unavailable'), { 'retry-after': '1' }) : sendJson(response, 200, page)));
    const started = Date.now();
    await createClient({ baseUrl: server.baseUrl }).tasks.list();
    assert.equal(server.requests.length, 2);
    assert.ok(Date.now() - started >= 950, 'retried before Retry-After');
  });

  test('a Retry-After beyond the deadline fails at once with RateLimitError', async () => {
    const server = await serve((_request, response) => sendJson(response, 429, apiError('rate_limited'), { 'retry-after': '120' }));
    const error = await createClient({ baseUrl: server.baseUrl, timeoutMs: 5_000 }).tasks.list().catch((caught: unknown) => caught);
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 120);
    assert.equal(server.requests.length, 1);
  });
});

describe('timeouts and aborts', () => {
  const silent = () => serve(() => {}); // accepts, never answers

  test('a call not answered within timeoutMs fails with TimeoutError', async () => {
    const server = await silent();
    const error = await createClient({ baseUrl: server.baseUrl }).plan.get({ timeoutMs: 100 }).catch((caught: unknown) => caught);
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(error.code, 'timeout');
  });

  test('the client-wide timeoutMs applies too', async () => {
    const server = await silent();
    await assert.rejects(createClient({ baseUrl: server.baseUrl, timeoutMs: 80 }).plan.get(), TimeoutError);
  });

  test("the caller's AbortSignal aborts with its reason (AbortError), not a timeout", async () => {
    const server = await silent();
    const controller = new AbortController();
    const pending = createClient({ baseUrl: server.baseUrl }).plan.get({ signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError' && !(error instanceof QiangJiError));
  });

  test('an already aborted signal never sends', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, page));
    await assert.rejects(createClient({ baseUrl: server.baseUrl }).plan.get({ signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(server.requests.length, 0);
  });

  test('aborting during a retry wait stops the retries', async () => {
    const server = await serve((_request, response) => sendJson(response, 503, apiError('service_unavailable'), { 'retry-after': '2' }));
    const controller = new AbortController();
    const pending = createClient({ baseUrl: server.baseUrl }).plan.get({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(server.requests.length, 1);
  });
});

describe('authentication', () => {
  test('a token provider is called once before the first call and once per refresh, shared by concurrent 401s', async () => {
    let current = 'old';
    let calls = 0;
    const server = await serve((request, response) =>
      request.headers.authorization === `Bearer ${current}` ? sendJson(response, 200, page) : sendJson(response, 401, apiError('token_expired')),
    );
    const client = createClient({
      baseUrl: server.baseUrl,
      getToken: async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return current;
      },
    });
    await Promise.all([client.tasks.list(), client.tasks.list(), client.plan.get()]);
    assert.equal(calls, 1, 'asked once for the first token');
    current = 'new';
    await Promise.all(Array.from({ length: 5 }, () => client.tasks.list()));
    assert.equal(calls, 2, 'one shared refresh for five 401s');
    assert.equal(server.requests.filter((request) => request.headers.authorization === 'Bearer new').length, 5);
  });

  test('a failed refresh clears the session and throws AuthError', async () => {
    let refreshCalls = 0;
    const server = await serve((request, response) => {
      if (request.url.endsWith('/auth/login')) return sendJson(response, 200, { accessToken: 'a1', refreshToken: 'r1-long-enough', expiresIn: 1, user: {} });
      if (request.url.endsWith('/auth/refresh')) {
        refreshCalls += 1;
        return sendJson(response, 401, apiError('token_expired'));
      }
      sendJson(response, 401, apiError('token_expired'));
    });
    const client = createClient({ baseUrl: server.baseUrl });
    await client.auth.login({ username: 'u', password: 'p' });
    const errors = await Promise.all([client.tasks.list(), client.tasks.list(), client.tasks.list()].map((call) => call.catch((caught: unknown) => caught)));
    for (const error of errors) assert.ok(error instanceof AuthError);
    assert.equal(refreshCalls, 1);
    await client.plan.get().catch(() => {});
    assert.equal(server.requests.at(-1)!.headers.authorization, undefined, 'tokens cleared');
  });

  test('login stores the tokens; 401 refreshes with the refresh token; logout revokes, clears and notifies', async () => {
    let access = 'a1';
    const server = await serve((request, response) => {
      if (request.url.endsWith('/auth/login')) return sendJson(response, 200, { accessToken: 'a1', refreshToken: 'r1-long-enough', expiresIn: 900, user: {} });
      if (request.url.endsWith('/auth/refresh')) {
        assert.deepEqual(JSON.parse(request.body), { refreshToken: 'r1-long-enough' });
        access = 'a2';
        return setTimeout(() => sendJson(response, 200, { accessToken: 'a2', refreshToken: 'r2-long-enough', expiresIn: 900, user: {} }), 20);
      }
      if (request.url.endsWith('/auth/logout')) return sendJson(response, 200, { ok: true });
      if (request.headers.authorization !== `Bearer ${access}`) return sendJson(response, 401, apiError('token_expired'));
      sendJson(response, 200, page);
    });
    const client = createClient({ baseUrl: server.baseUrl });
    let loggedOut = 0;
    client.auth.onLogout(() => (loggedOut += 1));
    const tokens = await client.auth.login({ username: 'u', password: 'p' });
    assert.equal(tokens.accessToken, 'a1');
    assert.equal(server.requests[0]!.headers.authorization, undefined, 'login sends no bearer token');
    await client.tasks.list();
    // The server now refuses a1: the client must refresh once for all three calls and retry them.
    const before = server.requests.length;
    access = 'a1-expired';
    await Promise.all([client.tasks.list(), client.tasks.list(), client.plan.get()]);
    const refreshes = server.requests.slice(before).filter((request) => request.url.endsWith('/auth/refresh'));
    assert.equal(refreshes.length, 1);
    await client.auth.logout();
    const logout = server.requests.at(-1)!;
    assert.equal(logout.url, '/api/v1/auth/logout');
    assert.deepEqual(JSON.parse(logout.body), { refreshToken: 'r2-long-enough' });
    assert.equal(loggedOut, 1);
    await client.plan.get().catch(() => {});
    assert.equal(server.requests.at(-1)!.headers.authorization, undefined, 'no token after logout');
  });
});
