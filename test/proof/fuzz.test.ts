/**
 * Fuzzing every endpoint of the contract's route table with fast-check against the real app (fresh database, small
 * seed): ≥ 500 cases per endpoint in `npm test`, 10,000 in `npm run test:soak` (support/scale.ts). Mostly a signed-in
 * city_admin (so authorisation does not short-circuit everything), with anonymous, embed-key and garbage-token
 * slices. Properties, for every answer:
 *   - status < 500;
 *   - every 4xx body is the contract's ApiError;
 *   - every 400/413/415/422 names the offending input in `field` — a real path: `params.<declared>`,
 *     `query.<declared or sent key>`, `body[.<declared or sent key>…]`, `header.<sent header>`, `url`, or a field
 *     of the resource the route answers with (a 422 about the stored case names e.g. `steps.brew.facts`);
 *   - nothing pollutes Object.prototype.
 * Requests go through `app.inject` (the server's real code path, no socket), except the SSE route and the few URLs
 * light-my-request refuses to build, which go over real HTTP.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import * as v from 'valibot';
import { API_PREFIX, ApiErrorSchema, errorMessages, routes, type RouteDef, type RouteName } from '@qiangji/contract';
import { DEMO_EMBED_KEY, EMBED_ORIGIN, dialects, startServer, type Dialect, type TestServer } from '../../packages/server/test/harness.js';
import { requestArb, type FuzzRequest } from './support/fuzz-arbitraries.js';
import { scale } from './support/scale.js';

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const CHUNK = 250;
const CONCURRENCY = 4;
/** The run's seed: printed with every failure, so `QJ_FUZZ_SEED=<seed>` replays the same cases. */
const seed = process.env.QJ_FUZZ_SEED ? Number(process.env.QJ_FUZZ_SEED) : Date.now() % 2 ** 31;

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Statuses that mean "your input is wrong": these must name the input. */
const inputStatuses = new Set([400, 413, 415, 422]);

function headersFor(request: FuzzRequest, token: string): Record<string, string> {
  const headers: Record<string, string> = {};
  if (request.auth === 'user') headers.authorization = `Bearer ${token}`;
  if (request.auth === 'garbage') headers.authorization = 'Bearer not-a-real-token-0123456789';
  if (request.auth === 'embed') {
    headers['x-qj-embed-key'] = DEMO_EMBED_KEY;
    headers.origin = EMBED_ORIGIN;
  }
  if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
  if (request.raw) {
    if (request.raw.contentType) headers['content-type'] = request.raw.contentType;
  } else if (request.body !== undefined) headers['content-type'] = 'application/json';
  return headers;
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const payloadOf = (request: FuzzRequest): string | undefined => (request.raw ? request.raw.payload : request.body === undefined ? undefined : JSON.stringify(request.body));

/** Over a socket: status, content type and (for non-streams) the body; an event stream is cut after its headers. */
function overHttp(base: string, method: string, path: string, headers: Record<string, string>, payload: string | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers: { ...headers, ...(payload !== undefined ? { 'content-length': String(Buffer.byteLength(payload)) } : {}) }, agent: false }, (response) => {
      const contentType = String(response.headers['content-type'] ?? '');
      const status = response.statusCode ?? 0;
      if (contentType.includes('text/event-stream')) {
        response.destroy();
        resolve({ status, contentType, text: '' });
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status, contentType, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/** Whether `field` names something that exists: a declared part of the route, or something the request sent. */
function namesRealInput(field: string, route: RouteDef, request: FuzzRequest, headers: Record<string, string>): boolean {
  if (field === 'url' || field === 'body' || field === 'header') return true;
  // Names are compared as the server saw them: UTF-8 on the wire, so lone surrogates arrive as U+FFFD.
  const wire = (name: string) => Buffer.from(name, 'utf8').toString('utf8');
  const names = (prefix: string, candidates: string[]) =>
    candidates.flatMap((name) => [name, wire(name)]).some((name) => field === `${prefix}.${name}` || field.startsWith(`${prefix}.${name}.`));
  if (field.startsWith('params.')) return names('params', Object.keys(route.params?.entries ?? {}));
  if (field.startsWith('query.')) return names('query', [...Object.keys(route.query?.entries ?? {}), ...request.query.map(([key]) => key)]);
  if (field.startsWith('header.')) return names('header', Object.keys(headers));
  // A rule about the stored resource (e.g. 422 step_incomplete on advance) names the resource's field.
  if (declaredKeys(route.response).includes(field.split('.')[0]!)) return true;
  if (field.startsWith('body.')) {
    const body = request.raw ? safeJson(request.raw.payload) : request.body;
    const sent = body !== null && typeof body === 'object' ? Object.keys(body) : [];
    return names('body', [...sent, ...declaredKeys(route.body)]) || /^body\.\d+(\.|$)/.test(field);
  }
  return false;
}

function declaredKeys(schema: unknown): string[] {
  const node = schema as { type?: string; entries?: Record<string, unknown>; options?: unknown[] } | undefined;
  if (!node) return [];
  if (node.entries) return Object.keys(node.entries);
  return (node.options ?? []).flatMap(declaredKeys);
}

for (const dialect of dialects()) {
  const runs = dialect === 'sqlite' ? scale.fuzzRuns : scale.fuzzRunsPostgres;
  describe(`fuzz every endpoint (${dialect}, ${runs} cases each)`, () => {
    let server: TestServer;
    let token = '';
    const totals = { requests: 0, byStatus: new Map<number, number>() };

    before(async () => {
      server = await startServer(dialect as Dialect, {
        config: { publicRead: true, rateLimit: { max: 100_000_000, timeWindowMs: 60_000, loginMax: 100_000_000 } },
      });
      token = await server.login('city-admin');
    });
    after(async () => {
      await server?.close();
      const statuses = [...totals.byStatus].sort((a, b) => a[0] - b[0]).map(([status, count]) => `${status}×${count}`).join(' ');
      process.stdout.write(`# fuzz ${dialect}: ${totals.requests} requests; statuses ${statuses}\n`);
    });

    const send = async (route: RouteDef, request: FuzzRequest): Promise<Answer> => {
      const headers = headersFor(request, token);
      const payload = payloadOf(request);
      if (route.produces === 'text/event-stream') return overHttp(server.url, route.method, `${API_PREFIX}${request.url}`, headers, payload);
      let response;
      try {
        response = await server.app.inject({ method: route.method, url: `${API_PREFIX}${request.url}`, headers, ...(payload !== undefined ? { payload } : {}) });
      } catch {
        // light-my-request refuses some URLs a real client can still send: send those over a socket.
        return overHttp(server.url, route.method, `${API_PREFIX}${request.url}`, headers, payload);
      }
      return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), text: response.body };
    };

    for (const [routeIndex, name] of (Object.keys(routes) as RouteName[]).entries()) {
      const route: RouteDef = routes[name];
      test(`${route.method} ${route.path} (${name})`, async () => {
        const seen = new Map<number, number>();
        // Every kind of violation with its shortest example: one run shows all that is wrong, not just the first.
        const violations = new Map<string, string>();
        const violate = (kind: string, example: string) => {
          const known = violations.get(kind);
          if (known === undefined || example.length < known.length) violations.set(kind, example);
        };
        const check = async (request: FuzzRequest) => {
            const answer = await send(route, request);
            seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
            const payload = payloadOf(request);
            const example = `${route.method} ${request.url.slice(0, 300)} [${request.auth}${request.raw ? `, ${request.raw.contentType ?? 'no content-type'}` : ''}] ${payload === undefined ? '' : `body ${payload.slice(0, 200)}${payload.length > 200 ? `… (${payload.length} chars)` : ''}`} → ${answer.status} ${answer.text.slice(0, 300)}`;
            if (answer.status >= 500) violate(`${answer.status} answer`, example);
            if (answer.status >= 400) {
              const parsed = /application\/json/.test(answer.contentType) ? v.safeParse(ApiErrorSchema, safeJson(answer.text)) : undefined;
              if (!parsed?.success) {
                violate(`${answer.status} body is not an ApiError (${/"code":"([A-Z_]+)"/.exec(answer.text)?.[1] ?? answer.contentType})`, example);
              } else {
                const { code, field } = parsed.output;
                if (!Object.hasOwn(errorMessages, code)) violate(`unknown error code ${code}`, example);
                if (inputStatuses.has(answer.status) && typeof field !== 'string') violate(`${answer.status} ${code} without field`, example);
                if (inputStatuses.has(answer.status) && typeof field === 'string' && !namesRealInput(field, route, request, headersFor(request, token))) {
                  violate(`${answer.status} field "${field.slice(0, 40)}" names nothing sent or declared`, example);
                }
              }
            }
            if (({} as Record<string, unknown>).polluted !== undefined) violate('Object.prototype polluted', example);
          };
        // Cases in chunks (a few hold megabyte strings), each chunk sent a few at a time: the login route spends
        // an scrypt hash per case by design, and scrypt runs on libuv's thread pool, not on the event loop.
        const arbitrary = requestArb(route);
        for (let done = 0, chunk = 0; done < runs; chunk += 1) {
          const cases = fc.sample(arbitrary, { numRuns: Math.min(CHUNK, runs - done), seed: seed + chunk * 7919 + routeIndex });
          await inParallel(cases, CONCURRENCY, check);
          done += cases.length;
        }
        totals.requests += [...seen.values()].reduce((sum, count) => sum + count, 0);
        for (const [status, count] of seen) totals.byStatus.set(status, (totals.byStatus.get(status) ?? 0) + count);
        const report = [...violations].map(([kind, example]) => `  - ${kind}\n      e.g. ${example}`).join('\n');
        assert.equal(violations.size, 0, `${violations.size} kind(s) of violation in ${runs} cases (QJ_FUZZ_SEED=${seed} reproduces):\n${report}`);
      });
    }
  });
}
