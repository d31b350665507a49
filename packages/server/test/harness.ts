/**
 * Test harness: a real server (buildApp + listen on port 0) on a temp data dir with a small seed, on SQLite or on
 * PostgreSQL (a throwaway cluster, see pg.ts). Every behavioural suite runs once per dialect of `dialects()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { openMigrated, seedIfEmpty } from '../src/bootstrap.js';
import { testConfig, type SeedSize, type ServerConfig } from '../src/config.js';
import type { DatabaseHandle, DialectName } from '../src/db/connection.js';
import { createTestDatabase, postgresAvailable } from './pg.js';

export type Dialect = DialectName;
/** JSON bodies in assertions: tests poke into answers freely; the contract types are checked by the server itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

/** The documented defaults (README), so that other packages' tests can sign in without knowing this file. */
export const DEMO_PASSWORD = process.env.QJ_DEMO_PASSWORD || 'qiangji-demo-2026';
export const DEMO_EMBED_KEY = process.env.QJ_DEMO_EMBED_KEY || 'qj-demo-embed-key';
export const EMBED_ORIGIN = 'http://localhost:8080';
export const SMALL_SEED: Partial<SeedSize> = { members: 600, servicePoints: 300, serviceRecords: 2000, mediationCases: 60 };

let warned = false;

/** ['sqlite', 'postgres'] when PostgreSQL is available (CI installs it); SQLite only, loudly, otherwise. */
export function dialects(): Dialect[] {
  if (postgresAvailable()) return ['sqlite', 'postgres'];
  if (process.env.CI) throw new Error('PostgreSQL is required in CI (apt-get install postgresql or set QJ_TEST_DATABASE_URL)');
  if (!warned) {
    warned = true;
    process.stderr.write('\n*** SKIPPING the PostgreSQL runs: no PostgreSQL binaries found and QJ_TEST_DATABASE_URL is not set ***\n\n');
  }
  return ['sqlite'];
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  method?: string;
  token?: string | null;
  body?: unknown;
  /** Sent as-is (no JSON encoding). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  dialect: Dialect;
  app: FastifyInstance;
  url: string;
  config: ServerConfig;
  handle: DatabaseHandle;
  /** Access token of a demo account. */
  login(username: string): Promise<string>;
  api<T = Loose>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Seed sizes; 'small' (the default) is SMALL_SEED. */
  seed?: Partial<SeedSize> | 'small';
  config?: Partial<ServerConfig>;
  /** Reuse a database (data dir for SQLite, URL for PostgreSQL), e.g. to build a second node or restart. */
  reuse?: { dataDir: string; databaseUrl: string | null };
  /** Keep the data dir / database after close (for restart tests). */
  keep?: boolean;
}

/** Temp data dirs of this process, removed when it exits even if a test forgot to. */
const tempDirs = new Set<string>();
process.once('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Where a test database lives: a temp data dir, plus a fresh PostgreSQL database for that dialect. */
export async function newStorage(dialect: Dialect): Promise<{ dataDir: string; databaseUrl: string | null }> {
  const dataDir = mkdtempSync(join(tmpdir(), `qj-test-${dialect}-`));
  tempDirs.add(dataDir);
  return { dataDir, databaseUrl: dialect === 'postgres' ? await createTestDatabase() : null };
}

export async function startServer(dialectOrOptions: Dialect | ServerOptions = 'sqlite', maybeOptions: ServerOptions = {}): Promise<TestServer> {
  // startServer(options) means SQLite.
  const [dialect, options] = typeof dialectOrOptions === 'string' ? [dialectOrOptions, maybeOptions] : (['sqlite', dialectOrOptions] as const);
  const seed = options.seed === 'small' ? {} : options.seed;
  const storage = options.reuse ?? (await newStorage(dialect));
  const config = testConfig({
    dataDir: storage.dataDir,
    databaseUrl: storage.databaseUrl,
    demoPassword: DEMO_PASSWORD,
    demoEmbedKey: DEMO_EMBED_KEY,
    rateLimit: { max: 100_000, timeWindowMs: 60_000, loginMax: 10_000 },
    jwtSecret: 'test-jwt-secret-that-is-long-enough-0123456789',
    heartbeatMs: 1000,
    validateResponses: true,
    ...options.config,
  });
  const handle = await openMigrated(config);
  await seedIfEmpty(handle, { ...SMALL_SEED, ...seed, demoPassword: config.demoPassword, demoEmbedKey: config.demoEmbedKey });
  const app = await buildApp(config, { handle });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const tokens = new Map<string, string>();

  const api = async <T,>(path: string, request: RequestOptions = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    let body: string | undefined;
    if (request.rawBody !== undefined) body = request.rawBody;
    else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${url}${path}`, { method: request.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };

  return {
    dialect,
    app,
    url,
    config,
    handle,
    api,
    async login(username: string) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const response = await api<{ accessToken: string }>('/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${response.text}`);
      tokens.set(username, response.body.accessToken);
      return response.body.accessToken;
    },
    async close() {
      await app.close();
      await handle.destroy();
      if (!options.keep && !options.reuse) rmSync(storage.dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo accounts by role, with an org unit inside and one outside each account's subtree. */
export const roleFixtures = [
  { role: 'city_admin', username: 'city-admin', inside: '445122100', outside: null, caseInside: '445122100', caseOutside: null },
  { role: 'district_admin', username: 'xiangqiao-admin', inside: '445102008', outside: '445103', caseInside: '445102008', caseOutside: '445103100' },
  { role: 'town_admin', username: 'qiaodong-admin', inside: '445102007200', outside: '445102008', caseInside: '445102007', caseOutside: '445102008' },
  { role: 'branch_secretary', username: 'xiajin-secretary', inside: '445102007200', outside: '445102007201', caseInside: '445102007200', caseOutside: '445102007201' },
  { role: 'mediator', username: 'qiaodong-mediator', inside: '445102007201', outside: '445102008', caseInside: '445102007', caseOutside: '445102008' },
  { role: 'member', username: 'xiajin-member', inside: '445102007200', outside: '445102007201', caseInside: '445102007200', caseOutside: '445102007201' },
  { role: 'viewer', username: 'raoping-viewer', inside: '445122100', outside: '445102', caseInside: '445122100', caseOutside: '445102007' },
] as const;

/** A complete, valid 识茶 step (two parties, valid mobiles and ID numbers). */
export const completeIdentify = () => ({
  source: 'party_applied',
  disputeType: 'neighbourhood',
  parties: [
    { name: '陈柔燕', sex: 'female', ethnicity: '汉族', age: 45, occupation: '个体经营', phone: '13812341234', address: '潮州市湘桥区桥东街道下津村三巷5号', idNumber: '44510219800101123X' },
    { name: '林晓华', sex: 'male', ethnicity: '汉族', age: 52, occupation: '务农', phone: '13912345678', address: '潮州市湘桥区桥东街道下津村四巷8号' },
  ],
  summary: '双方因排水沟修建位置发生争执。',
  crux: '排水沟的修建位置和费用分担。',
});

export interface EventStream {
  /** Waits for `count` more change events (fewer when `timeoutMs` passes first). */
  take(count: number, timeoutMs?: number): Promise<Array<{ id: string; data: Loose }>>;
  close(): void;
}

/** Opens an SSE stream; resolves once the server has answered (so later writes are certainly streamed). */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  if (response.status !== 200) throw new Error(`events: ${response.status} ${await response.text()}`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const queue: Array<{ id: string; data: Loose }> = [];
  let buffer = '';
  const wake: { waiting: (() => void) | null } = { waiting: null };
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) queue.push({ id, data: JSON.parse(data) });
        }
        wake.waiting?.();
      }
    } catch {
      // aborted
    }
    wake.waiting?.();
  })();
  return {
    async take(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (queue.length < count && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          wake.waiting = resolve;
          setTimeout(resolve, Math.max(0, Math.min(100, deadline - Date.now())));
        });
        wake.waiting = null;
      }
      return queue.splice(0, count);
    },
    close() {
      controller.abort();
    },
  };
}
