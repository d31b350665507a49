/**
 * The real server in its own process, as operators run it: `node --import tsx packages/server/src/main.ts`
 * (`npm start`'s entry: migrate, seed on first run, listen, drain on SIGTERM), on 127.0.0.1 and an ephemeral port
 * (PORT=0), with the data dir / database the caller prepared. A separate process is what load tests and signal tests
 * need: the load generator must not share the server's event loop, and SIGTERM/SIGKILL must hit the server only.
 *
 * `spawnApp` runs buildApp with explicit config overrides instead (bench/lib/serve-app.ts), for the benchmarks:
 * response validation off and logs silent, as in production, but with the demo accounts the bench signs in with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedSize } from '../../packages/server/src/config.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const demoPassword = 'proof-demo-password';
export const demoEmbedKey = 'proof-embed-key-0123456789';
export const jwtSecret = 'proof-jwt-secret-that-is-long-enough-0123456789';
/** The demo embed key's origins (packages/server/src/seed/demo.ts). */
export const embedOrigin = 'http://localhost:8080';

export interface Storage {
  dataDir: string;
  /** postgres://… or null for SQLite in dataDir. */
  databaseUrl: string | null;
}

/** Migrates and seeds (in this process, then closes) so that the server process starts on a ready database. */
export async function prepareStorage(storage: Storage, seed: Partial<SeedSize>): Promise<void> {
  const { openMigrated, seedIfEmpty } = await import('../../packages/server/src/bootstrap.js');
  const handle = await openMigrated(storage);
  try {
    await seedIfEmpty(handle, { ...seed, demoPassword, demoEmbedKey });
  } finally {
    await handle.destroy();
  }
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The server exited before it listened: exit code, signal and everything it printed. */
export class ServerExitError extends Error {
  constructor(
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly output: string,
  ) {
    super(`server exited (${code ?? signal}) before listening:\n${output}`);
    this.name = 'ServerExitError';
  }
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** How long to wait for "listening" (default 60 s: tsx compiles the server on a cold cache). */
  timeoutMs?: number;
}

/** Starts `packages/server/src/main.ts` on the storage; resolves with its URL once it listens. */
export function spawnMain(storage: Storage, options: SpawnOptions = {}): Promise<ServerProcess> {
  return spawnServer(
    [join(repoRoot, 'packages/server/src/main.ts')],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      QJ_DATA_DIR: storage.dataDir,
      ...(storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : {}),
      QJ_DEMO_PASSWORD: demoPassword,
      QJ_DEMO_EMBED_KEY: demoEmbedKey,
      QJ_JWT_SECRET: jwtSecret,
      QJ_RATE_LIMIT_MAX: '1000000000',
      QJ_LOGIN_RATE_LIMIT_MAX: '1000000000',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    /listening on (http:\/\/[^\s]+)/,
    options.timeoutMs,
  );
}

/** Starts bench/lib/serve-app.ts: buildApp(testConfig(overrides)) on port 0, printing `QJ_URL <url>`. */
export function spawnApp(storage: Storage, overrides: Record<string, unknown> = {}, options: SpawnOptions = {}): Promise<ServerProcess> {
  const config = { ...storage, demoPassword, demoEmbedKey, jwtSecret, ...overrides };
  return spawnServer([join(repoRoot, 'bench/lib/serve-app.ts')], { QJ_SERVE_CONFIG: JSON.stringify(config), ...options.env }, /QJ_URL (http:\/\/[^\s]+)/, options.timeoutMs);
}

/** Runs a TypeScript entry (`node --import tsx <args>`) until its output matches `ready` (group 1 = its URL). */
export function spawnServer(args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  const stop = async (graceMs = 30_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    }
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not listen within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!.replace(/\/+$/, ''), child, output: () => output, exited, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new ServerExitError(code, signal, output));
    });
  });
}

/** Signs in a demo account; returns its access token. */
export async function login(url: string, username = 'city-admin'): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}
