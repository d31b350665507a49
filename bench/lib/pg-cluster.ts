/**
 * A throwaway PostgreSQL cluster that the caller controls: initdb into a temp dir, start on a free port, and stop,
 * start or restart it at will (the reliability suite restarts it under load; the bench loads 1M rows into it).
 * As root the cluster runs as the `postgres` user (initdb refuses root). Removed on stop()/process exit.
 * The binaries are found like the server's own test helper does (packages/server/test/pg.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findPostgresBin } from '../../packages/server/test/pg.js';

export { findPostgresBin };

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** pg_ctl stop -m fast (connections are terminated; the next start recovers from the WAL as needed). */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  restart(): void;
  /** Stops the cluster and removes its directory. */
  destroy(): void;
}

export interface ClusterOptions {
  /** Extra `-c name=value` settings, e.g. { shared_buffers: '256MB' }. */
  settings?: Record<string, string>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

function run(owner: string | null, bin: string, args: string[]): string {
  const [command, fullArgs] = owner ? ['runuser', ['-u', owner, '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: '/' });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

export async function startPgCluster(options: ClusterOptions = {}): Promise<PgCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found (apt-get install postgresql)');
  const owner = userInfo().uid === 0 ? 'postgres' : null;
  const dir = mkdtempSync(join(tmpdir(), 'qj-proof-pg-'));
  if (owner) {
    const uid = Number(execFileSync('id', ['-u', owner], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', owner], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run(owner, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const settings = { listen_addresses: '127.0.0.1', max_connections: '200', ...options.settings };
  const serverOptions = [`-k ${dir}`, `-p ${port}`, ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].join(' ');
  const ctl = (...args: string[]) => run(owner, join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', ...args]);
  ctl('-o', serverOptions, 'start');

  let destroyed = false;
  const cluster: PgCluster = {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: cluster.adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop: (mode = 'fast') => void ctl('-m', mode, 'stop'),
    start: () => void ctl('-o', serverOptions, 'start'),
    restart: () => void ctl('-m', 'fast', '-o', serverOptions, 'restart'),
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
