/**
 * A throwaway PostgreSQL cluster for the tests: initdb into a temp dir, pg_ctl start on a free port (socket in the
 * temp dir, fsync off), one fresh database per caller, stopped and removed when the process exits. Set
 * QJ_TEST_DATABASE_URL to use an existing server instead (each caller still gets its own database on it).
 * Works as root (initdb refuses root: the cluster runs as the `postgres` user) and as a normal user.
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

interface Cluster {
  adminUrl: string;
  stop(): void;
}

let cluster: Promise<Cluster> | null = null;

/** Runs a PostgreSQL binary as the cluster owner: `postgres` when we are root, else ourselves. */
function runAs(owner: string | null, bin: string, args: string[]): void {
  const [command, fullArgs] = owner ? ['runuser', ['-u', owner, '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: '/' });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
}

async function startCluster(): Promise<Cluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found (apt-get install postgresql, or set QJ_TEST_DATABASE_URL)');
  const root = userInfo().uid === 0;
  const owner = root ? 'postgres' : null;
  const dir = mkdtempSync(join(tmpdir(), 'qj-pg-'));
  if (owner) {
    const uid = Number(execFileSync('id', ['-u', owner], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', owner], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  runAs(owner, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  let port = 0;
  // Another test process may grab the same free port between our probe and the start: try a few.
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    try {
      runAs(owner, join(bin, 'pg_ctl'), [
        '-D', data,
        '-l', join(dir, 'server.log'),
        '-w',
        '-o', `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
        'start',
      ]);
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runAs(owner, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

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
  const adminUrl = process.env.QJ_TEST_DATABASE_URL ?? (await (cluster ??= startCluster())).adminUrl;
  const name = `qj_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Stops the cluster this process started (also done automatically at exit). */
export async function stopCluster(): Promise<void> {
  if (!cluster) return;
  (await cluster).stop();
  cluster = null;
}
