/**
 * `npm run bench` step: p50/p95 of the map's server-side cluster query (GET /api/v1/service-points/clusters) with
 * 1,000,000 service records, on SQLite and on a throwaway PostgreSQL cluster, through the HTTP API of the real app
 * (buildApp in its own process, response validation off as in production). Queries: random map viewports over
 * Chaozhou (0.02°–1.2° wide, zoom from the width) with random filters — point types, record kinds, date ranges —
 * each present half of the time; one deterministic sequence, so runs compare.
 *
 * Data: the server's own seed (org tree, members, service points) and its own record generator
 * (buildServiceRecords, same distribution as `npm run seed`), but the 1M records are written with each driver's
 * bulk path (one prepared statement in one transaction on SQLite; unnest() batches on PostgreSQL) instead of the
 * seed's 400-row INSERTs, which take several minutes at this size; the map's activity summary is rebuilt in the
 * same transaction with the migration's statements. Phase times are reported.
 *
 *   node --import tsx bench/cluster/run.ts [--records 1000000] [--queries 200] [--only sqlite|postgres]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openMigrated } from '../../packages/server/src/bootstrap.js';
import type { MemberTable, ServicePointTable, ServiceRecordTable } from '../../packages/server/src/db/schema.js';
import { activityRebuildStatements } from '../../packages/server/src/repositories/activity.js';
import { SEED, seedDatabase } from '../../packages/server/src/seed/index.js';
import { buildServiceRecords } from '../../packages/server/src/seed/people.js';
import { Random } from '../../packages/server/src/seed/prng.js';
import { findPostgresBin, startPgCluster, type PgCluster } from '../../packages/server/test/pg.js';
import { demoEmbedKey, demoPassword, login, spawnApp, type Storage } from '../lib/server-process.js';
import { log, quantile, round, timed, writeResult } from '../lib/stats.js';

const { values } = parseArgs({ options: { records: { type: 'string', default: '1000000' }, queries: { type: 'string', default: '200' }, only: { type: 'string' } } });
const recordCount = Number(values.records);
const queryCount = Number(values.queries);
const size = { members: 20_000, servicePoints: 10_000, serviceRecords: 0, mediationCases: 50 };
const goalMs = 50;

const pointTypes = ['party_service_center', 'elder_canteen', 'civilization_station', 'tea_mediation_room', 'model_post', 'responsibility_zone', 'other'];
const recordKinds = ['visit', 'practical_deed', 'volunteer', 'emergency', 'mediation', 'other'];

/** The query sequence: map viewports with filters, from a fixed seed. */
function queries(count: number): string[] {
  const random = new Random(0x5eed);
  const pick = <T>(items: readonly T[], max: number) => [...items].sort(() => random.next() - 0.5).slice(0, 1 + Math.floor(random.next() * max));
  return Array.from({ length: count }, () => {
    const width = 0.02 * Math.pow(60, random.next());
    const west = 116.35 + random.next() * (1.0 - Math.min(width, 0.9));
    const south = 23.4 + random.next() * (0.8 - Math.min(width * 0.75, 0.7));
    const zoom = Math.max(6, Math.min(18, Math.round(Math.log2((1000 * 360) / (256 * width)))));
    const query = new URLSearchParams({ bbox: [west, south, west + width, south + width * 0.75].map((value) => value.toFixed(5)).join(','), zoom: String(zoom) });
    if (random.next() < 0.5) query.set('type', pick(pointTypes, 3).join(','));
    if (random.next() < 0.5) query.set('kind', pick(recordKinds, 2).join(','));
    if (random.next() < 0.5) {
      const start = Date.UTC(2024, 0, 1) + random.next() * 2.7 * 365 * 86_400_000;
      const end = start + (30 + random.next() * 330) * 86_400_000;
      query.set('from', new Date(start).toISOString().slice(0, 10));
      query.set('to', new Date(Math.min(end, Date.UTC(2026, 10, 26))).toISOString().slice(0, 10));
    }
    return `/api/v1/service-points/clusters?${query}`;
  });
}

/** Seeds everything but the records; returns the points and members the records are generated from. */
async function seedBase(storage: Storage): Promise<{ points: ServicePointTable[]; members: MemberTable[] }> {
  const handle = await openMigrated(storage);
  try {
    await seedDatabase(handle, { ...size, demoPassword, demoEmbedKey });
    const points = (await handle.db.selectFrom('service_points').selectAll().orderBy('id').execute()) as ServicePointTable[];
    const members = (await handle.db.selectFrom('members').selectAll().orderBy('id').execute()) as MemberTable[];
    return { points, members };
  } finally {
    await handle.destroy();
  }
}

const columns = ['id', 'member_id', 'member_name', 'service_point_id', 'org_unit_id', 'org_path', 'kind', 'at', 'note'] as const;

function insertSqlite(file: string, records: ServiceRecordTable[], points: ServicePointTable[]): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(`insert into service_records (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  const count = db.prepare('update service_points set record_count = ? where id = ?');
  db.transaction(() => {
    for (const record of records) insert.run(...columns.map((column) => record[column]));
    for (const point of points) count.run(point.record_count, point.id);
    // The map's activity summary, rebuilt in the records' transaction as the seed and the migration do.
    for (const statement of activityRebuildStatements('sqlite')) db.exec(statement);
  })();
  db.exec('analyze');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

async function insertPostgres(url: string, records: ServiceRecordTable[], points: ServicePointTable[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    const batch = 20_000;
    for (let start = 0; start < records.length; start += batch) {
      const slice = records.slice(start, start + batch);
      await client.query(
        `insert into service_records (${columns.join(', ')}) select * from unnest(${columns.map((_, index) => `$${index + 1}::text[]`).join(', ')})`,
        columns.map((column) => slice.map((record) => record[column])),
      );
    }
    await client.query('update service_points set record_count = counts.n from unnest($1::text[], $2::int[]) as counts(id, n) where service_points.id = counts.id', [
      points.map((point) => point.id),
      points.map((point) => point.record_count),
    ]);
    for (const statement of activityRebuildStatements('postgres')) await client.query(statement);
    await client.query('commit');
    // As after any bulk load: statistics, and the visibility map that index-only scans rely on (autovacuum
    // would get there on its own, a minute or more later).
    await client.query('vacuum analyze');
  } finally {
    await client.end();
  }
}

async function measure(storage: Storage, dialect: string, phases: Record<string, number>) {
  const server = await timed(`${dialect}: start the server`, phases, () => spawnApp(storage, { validateResponses: false }));
  try {
    const token = await login(server.url);
    const sequence = queries(queryCount);
    const ask = async (path: string) => {
      const started = performance.now();
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { clusters?: unknown[]; total?: number };
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - started, clusters: body.clusters?.length ?? 0, total: body.total ?? 0 };
    };
    for (const path of queries(20)) await ask(path);
    const answers = [];
    for (const path of sequence) answers.push(await ask(path));
    const times = answers.map((answer) => answer.ms);
    return {
      queries: answers.length,
      p50Ms: round(quantile(times, 0.5)),
      p95Ms: round(quantile(times, 0.95)),
      maxMs: round(Math.max(...times)),
      meanClusters: round(answers.reduce((sum, answer) => sum + answer.clusters, 0) / answers.length, 1),
      meanPointsCounted: round(answers.reduce((sum, answer) => sum + answer.total, 0) / answers.length, 1),
      slowest: sequence[times.indexOf(Math.max(...times))],
    };
  } finally {
    await server.stop();
  }
}

async function run(dialect: 'sqlite' | 'postgres') {
  const phases: Record<string, number> = {};
  const dataDir = mkdtempSync(join(tmpdir(), `qj-bench-cluster-${dialect}-`));
  let cluster: PgCluster | null = null;
  try {
    let databaseUrl: string | null = null;
    if (dialect === 'postgres') {
      cluster = await timed('postgres: initdb + start', phases, () => startPgCluster({ settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', shared_buffers: '256MB', work_mem: '32MB', maintenance_work_mem: '256MB' } }));
      databaseUrl = await cluster.createDatabase('qj_bench');
    }
    const storage = { dataDir, databaseUrl };
    const { points, members } = await timed(`${dialect}: migrate + seed (members ${size.members}, points ${size.servicePoints})`, phases, () => seedBase(storage));
    const records = await timed(`${dialect}: generate ${recordCount.toLocaleString('en')} records (seed generator)`, phases, async () => buildServiceRecords(points, members, recordCount, new Random(SEED).fork(5)));
    await timed(`${dialect}: bulk insert + activity summary + analyze`, phases, async () =>
      databaseUrl ? insertPostgres(databaseUrl, records, points) : insertSqlite(join(dataDir, 'qiangji.db'), records, points),
    );
    records.length = 0;
    const result = await timed(`${dialect}: ${queryCount} cluster queries`, phases, () => measure(storage, dialect, phases));
    log(`${dialect}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms`);
    return { ...result, goalP95Ms: goalMs, pass: result.p95Ms <= goalMs, phasesSeconds: phases };
  } finally {
    cluster?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const output: Record<string, unknown> = { records: recordCount, points: size.servicePoints, members: size.members, queries: queryCount };
for (const dialect of ['sqlite', 'postgres'] as const) {
  if (values.only && values.only !== dialect) continue;
  if (dialect === 'postgres' && !findPostgresBin()) {
    output.postgres = { error: 'PostgreSQL binaries not installed' };
    continue;
  }
  try {
    output[dialect] = await run(dialect);
  } catch (error) {
    output[dialect] = { error: error instanceof Error ? error.message : String(error) };
    log(`${dialect} FAILED: ${String(error)}`);
  }
}
writeResult('cluster', output);
