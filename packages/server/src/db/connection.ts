/**
 * The Kysely instance factory: SQLite (better-sqlite3, WAL, busy timeout) in the data directory by default,
 * PostgreSQL (pg Pool) when a postgres:// URL is configured. Both run the same queries and migrations.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** A database or a transaction: repositories accept either. */
export type Queryable = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** Connection string (PostgreSQL) or file path (SQLite). */
  location: string;
  destroy(): Promise<void>;
}

export interface ConnectionOptions {
  dataDir: string;
  databaseUrl?: string | null;
  /** SQLite file name inside dataDir. */
  sqliteFile?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export const SQLITE_BUSY_TIMEOUT_MS = 100;

/** The database could not be opened (e.g. a corrupt SQLite file): an operator problem, reported without a stack. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

export const isPostgresUrl = (url: string | null | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

// pg returns int8 (count(*), bigint) as strings; our counts fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));
// numeric (e.g. avg()) likewise.
pg.types.setTypeParser(1700, (value) => Number(value));

/** Opens (and for SQLite creates) the database. */
export function openDatabase(options: ConnectionOptions): DatabaseHandle {
  if (isPostgresUrl(options.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A client losing its connection (e.g. the database restarts) must not crash the process: idle clients are
    // replaced by the pool, and a checked-out client's failure reaches its query as an error (answered with 503).
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: options.databaseUrl, destroy: () => db.destroy() };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, options.sqliteFile ?? 'qiangji.db');
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    // Short: better-sqlite3 waits synchronously (blocking the event loop); longer waits are retried
    // asynchronously by the write path (http/write.ts).
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    throw new DatabaseOpenError(`cannot open the SQLite database ${file}: ${error instanceof Error ? error.message : String(error)} (the file was left as it is; restore it from a backup or move it away to start afresh)`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    async destroy() {
      await db.destroy();
    },
  };
}

/** The dialect behind a database or transaction, for the few queries whose best shape differs between the two. */
export const dialectOf = (db: Queryable): DialectName => (db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');

/**
 * Serialises writers. PostgreSQL: a transaction-scoped advisory lock. SQLite: take the file's write lock before
 * reading anything (what BEGIN IMMEDIATE does, which Kysely cannot issue) with a write that changes nothing, so a
 * write transaction never has to upgrade a read snapshot — that fails at once with SQLITE_BUSY instead of waiting.
 */
export async function lockWrites(trx: Tx, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(44510001)`.execute(trx);
  else await sql`delete from meta where key = '(write lock)'`.execute(trx);
}

/** SQLITE_BUSY / SQLITE_LOCKED: another process holds the file's lock. */
export const isSqliteBusy = (error: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown })?.code ?? ''));

/** The database is unreachable or restarting (PostgreSQL connection errors, SQLite lock): answer 503, not 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (isSqliteBusy(error)) return true;
  const code = String((error as { code?: unknown })?.code ?? '');
  if (/^(08|57P0)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(String((error as { message?: unknown })?.message ?? ''));
}
