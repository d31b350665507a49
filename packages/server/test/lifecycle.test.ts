/**
 * The server's life: `npm start` seeding on first run with a progress display and reusing the data on restart,
 * refusing NODE_ENV=production while demo accounts exist, and draining in-flight requests on SIGTERM before the
 * database is closed.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { buildApp, DemoAccountsInProductionError } from '../src/app.js';
import { openMigrated } from '../src/bootstrap.js';
import { DEMO_PASSWORD, dialects, newStorage, startServer } from './harness.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs `node scripts/start.mjs` (what `npm start` runs) and waits for its "listening" line. */
function startMain(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: '', QJ_SKIP_BUILD: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', QJ_DEMO_PASSWORD: DEMO_PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in 60 s:\n${stderr}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, stderr: () => stderr, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`exited ${code} before listening:\n${stderr}`), { stderr, code }));
    });
  });
}

/** A login whose body is only half sent: an in-flight request the server must finish before it stops. */
function halfSentLogin(url: string): { finish(): void; answer: Promise<string> } {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify({ username: 'city-admin', password: DEMO_PASSWORD });
  const socket = connect(Number(port), hostname);
  let data = '';
  const answer = new Promise<string>((resolve, reject) => {
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('end', () => resolve(data));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
  socket.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`);
  return { finish: () => socket.write(body.slice(10)), answer };
}

describe('npm start (SQLite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qj-start-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds on first run with a progress display, answers /healthz, and reuses the data on restart', async () => {
    const first = await startMain({ QJ_DATA_DIR: dataDir });
    assert.match(first.stderr(), /seeding ▕[█░]+▏\s*\d+% (org units|party organisations|members)/);
    assert.match(first.stderr(), /100% done/);
    assert.equal((await (await fetch(`${first.url}/healthz`)).json()).status, 'ok');
    const ready = await (await fetch(`${first.url}/readyz`)).json();
    assert.deepEqual(ready, { status: 'ready', database: 'sqlite', seeded: true });
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    assert.ok(existsSync(join(dataDir, 'secrets.json')), 'a generated secret is kept in the data dir');

    const second = await startMain({ QJ_DATA_DIR: dataDir });
    assert.doesNotMatch(second.stderr(), /seeding ▕/);
    assert.match(second.stderr(), /using existing data/);
    const login = await fetch(`${second.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city-admin', password: DEMO_PASSWORD }) });
    assert.equal(login.status, 200);
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
  });
});

for (const dialect of dialects()) {
  describe(`lifecycle (${dialect})`, () => {
    it('refuses to start in production while demo accounts exist', async () => {
      const server = await startServer(dialect, { keep: true });
      const storage = { dataDir: server.config.dataDir, databaseUrl: server.config.databaseUrl };
      await server.close();
      try {
        await assert.rejects(buildApp({ ...server.config, production: true }), DemoAccountsInProductionError);
        const env = { QJ_DATA_DIR: storage.dataDir, DATABASE_URL: storage.databaseUrl ?? '', QJ_JWT_SECRET: server.config.jwtSecret! };
        const refused = await startMain({ ...env, NODE_ENV: 'production' }).then(
          () => assert.fail('started in production with demo accounts'),
          (error: { code: number; stderr: string }) => error,
        );
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /demo account/);
        const removed = spawnSync(process.execPath, ['scripts/seed.mjs', '--remove-demo-accounts'], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8' });
        assert.equal(removed.status, 0, removed.stderr);
        const handle = await openMigrated(storage);
        const app = await buildApp({ ...server.config, production: true }, { handle });
        await app.close();
        await handle.destroy();
      } finally {
        rmSync(storage.dataDir, { recursive: true, force: true });
      }
    });

    it('drains an in-flight request on close before the database is closed', async () => {
      const server = await startServer(dialect);
      const token = await server.login('city-admin');
      // Two requests the server has begun to receive when shutdown starts; one is still half-sent.
      let received = 0;
      const bothReceived = new Promise<void>((resolve) => server.app.server.on('request', () => ++received === 2 && resolve()));
      const inFlight = halfSentLogin(server.url);
      const slowWrite = server.api('/api/v1/tasks/T13/progress', { token, body: { percent: 33, note: '关闭前写入' } });
      await bothReceived;
      const closing = server.app.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      inFlight.finish();
      const answer = await inFlight.answer;
      assert.match(answer, /^HTTP\/1\.1 200 /, answer.slice(0, 200));
      const write = await slowWrite;
      assert.equal(write.status, 201);
      // Otherwise the kept-alive connection holds the close up until its keep-alive timeout (72 s).
      assert.equal(write.headers.get('connection'), 'close');
      await closing;
      const after = await fetch(`${server.url}/healthz`).then(
        () => 'answered',
        () => 'refused',
      );
      assert.equal(after, 'refused');
      await server.handle.destroy();
    });

    it('on SIGTERM finishes the request in flight, closes the database and exits 0', async () => {
      const storage = await newStorage(dialect);
      const seeded = await startServer(dialect, { reuse: storage });
      const jwtSecret = seeded.config.jwtSecret!;
      await seeded.close();
      try {
        const running = await startMain({ QJ_DATA_DIR: storage.dataDir, DATABASE_URL: storage.databaseUrl ?? '', QJ_JWT_SECRET: jwtSecret });
        const inFlight = halfSentLogin(running.url);
        await new Promise((resolve) => setTimeout(resolve, 150));
        running.child.kill('SIGTERM');
        await new Promise((resolve) => setTimeout(resolve, 150));
        inFlight.finish();
        const answer = await inFlight.answer;
        assert.match(answer, /^HTTP\/1\.1 200 /, `${answer.slice(0, 200)}\n${running.stderr()}`);
        assert.match(answer, /"accessToken"/);
        assert.equal(await running.exited, 0, running.stderr());
        assert.match(running.stderr(), /stopped cleanly/);
        if (dialect === 'sqlite') {
          assert.ok(!existsSync(join(storage.dataDir, 'qiangji.db-wal')), 'SQLite closed: the WAL was checkpointed and removed');
        } else {
          const client = new pg.Client({ connectionString: storage.databaseUrl! });
          await client.connect();
          // Backends of a client that hung up may take a moment to leave pg_stat_activity.
          let open = -1;
          for (let attempt = 0; attempt < 20 && open !== 0; attempt += 1) {
            if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
            const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
            open = rows[0].n;
          }
          await client.end();
          assert.equal(open, 0, 'no connection left open');
        }
      } finally {
        rmSync(storage.dataDir, { recursive: true, force: true });
      }
    });
  });
}
