/**
 * Throwaway PostgreSQL clusters: initdb into a temp dir, pg_ctl start on a free port (socket in the temp dir),
 * stopped and removed when the process exits. The tests get one fresh database each in a shared cluster (fsync off);
 * set QJ_TEST_DATABASE_URL to use an existing server instead. The bench and the reliability suite start clusters of
 * their own (`startPgCluster`) to load or restart. Works as root (initdb refuses root: the cluster runs as the
 * `postgres` user) and as a normal user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The newest /usr/lib/postgresql/<v>/bin with pg_ctl, or a directory on PATH with one. */
export function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((version) => existsSync(join(base, version, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb'))) return dir;
  }
  return null;
}

export const postgresAvailable = (): boolean => !!process.env.QJ_TEST_DATABASE_URL || findPostgresBin() !== null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** pg_ctl stop (fast: connections are terminated; the next start recovers from the WAL as needed). */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  restart(): void;
  /** Stops the cluster and removes its directory (also done at process exit). */
  destroy(): void;
}

export interface ClusterOptions {
  /** Extra `-c name=value` settings, e.g. { fsync: 'off' }. */
  settings?: Record<string, string>;
}

/** Creates an empty UTF-8 database on the server at `adminUrl`; returns its URL. */
async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs a PostgreSQL binary as the cluster owner: `postgres` when we are root, else ourselves. */
function runAs(owner: string | null, bin: string, args: string[]): void {
  const [command, fullArgs] = owner ? ['runuser', ['-u', owner, '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: '/' });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
}

/**
 * A throwaway cluster the caller controls: the test databases live in one, the reliability suite restarts one under
 * load, the bench loads 1M rows into one.
 */
export async function startPgCluster(options: ClusterOptions = {}): Promise<PgCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found (apt-get install postgresql, or set QJ_TEST_DATABASE_URL)');
  const owner = userInfo().uid === 0 ? 'postgres' : null;
  const dir = mkdtempSync(join(tmpdir(), 'qj-pg-'));
  if (owner) {
    const uid = Number(execFileSync('id', ['-u', owner], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', owner], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  runAs(owner, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const settings = { listen_addresses: '127.0.0.1', max_connections: '200', ...options.settings };
  const ctl = (...args: string[]) => runAs(owner, join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', ...args]);
  let port = 0;
  let serverOptions = '';
  // Another test process may grab the same free port between our probe and the start: try a few.
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    serverOptions = [`-k ${dir}`, `-p ${port}`, ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].join(' ');
    try {
      ctl('-o', serverOptions, 'start');
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let destroyed = false;
  const cluster: PgCluster = {
    adminUrl,
    port,
    createDatabase: (name) => createDatabase(adminUrl, name),
    stop: (mode = 'fast') => ctl('-m', mode, 'stop'),
    start: () => ctl('-o', serverOptions, 'start'),
    restart: () => ctl('-m', 'fast', '-o', serverOptions, 'restart'),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        ctl('-m', 'immediate', 'stop');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  process.once('exit', () => cluster.destroy());
  return cluster;
}

/** The one cluster this process's test databases live in, started on first use; durability off for speed. */
let cluster: Promise<PgCluster> | null = null;
const testCluster = () => (cluster ??= startPgCluster({ settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } }));

let counter = 0;
const created: string[] = [];
let dropping = false;

/** On an external server (QJ_TEST_DATABASE_URL) drop this process's databases once it has nothing left to do. */
process.on('beforeExit', () => {
  if (dropping || created.length === 0 || !process.env.QJ_TEST_DATABASE_URL) return;
  dropping = true;
  void (async () => {
    const client = new pg.Client({ connectionString: process.env.QJ_TEST_DATABASE_URL });
    await client.connect();
    for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await client.end();
  })().catch(() => {});
});

/** A fresh, empty database; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = process.env.QJ_TEST_DATABASE_URL ?? (await testCluster()).adminUrl;
  const name = `qj_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const url = await createDatabase(adminUrl, name);
  created.push(name);
  return url;
}
