/**
 * `npm run bench` step: throughput of a list endpoint against a bare Fastify JSON route, with autocannon
 * (programmatic, 10 keep-alive connections, 10 s each, after a 2 s warm-up). The two servers run one after the
 * other, never together, each in its own process, with autocannon in this one (a 2-core machine: one core each).
 *   - QiangJi: the real app (SQLite, default seed size, response validation off as in production), GET
 *     /api/v1/tasks?limit=20 through the demo embed key from an allowed origin — the portal's request;
 *   - baseline: bench/api/bare-fastify.ts serving the very body QiangJi answered.
 * Ratio = QiangJi req/s ÷ bare req/s (goal ≥ 0.5).
 *
 *   node --import tsx bench/api/list-vs-bare.ts [--seconds 10] [--connections 10]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { defaultSeedSize } from '../../packages/server/src/config.js';
import { demoEmbedKey, embedOrigin, prepareStorage, repoRoot, spawnApp, spawnServer } from '../lib/server-process.js';
import { log, round, writeResult } from '../lib/stats.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const path = '/api/v1/tasks?limit=20';
const headers = { 'x-qj-embed-key': demoEmbedKey, origin: embedOrigin, accept: 'application/json' };
const goal = 0.5;

async function load(url: string) {
  await autocannon({ url: `${url}${path}`, connections, duration: 2, headers });
  const result = await autocannon({ url: `${url}${path}`, connections, duration: seconds, headers });
  return {
    requestsPerSecond: round(result.requests.average, 0),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    total: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    bytesPerSecond: round(result.throughput.average, 0),
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'qj-bench-list-'));
try {
  const storage = { dataDir, databaseUrl: null };
  await prepareStorage(storage, defaultSeedSize);
  const qiangji = await spawnApp(storage, { validateResponses: false });
  let body: string;
  let ours;
  try {
    const response = await fetch(`${qiangji.url}${path}`, { headers });
    body = await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body}`);
    ours = await load(qiangji.url);
  } finally {
    await qiangji.stop();
  }
  log(`QiangJi ${path}: ${ours.requestsPerSecond} req/s (p99 ${ours.latencyP99Ms} ms)`);

  const bodyFile = join(dataDir, 'body.json');
  writeFileSync(bodyFile, body);
  const bare = await spawnServer([join(repoRoot, 'bench/api/bare-fastify.ts')], { QJ_BARE_BODY_FILE: bodyFile }, /QJ_URL (http:\/\/[^\s]+)/);
  let baseline;
  try {
    baseline = await load(bare.url);
  } finally {
    await bare.stop();
  }
  log(`bare Fastify, same ${Buffer.byteLength(body)}-byte body: ${baseline.requestsPerSecond} req/s (p99 ${baseline.latencyP99Ms} ms)`);
  const ratio = ours.requestsPerSecond / baseline.requestsPerSecond;
  writeResult('list', {
    path,
    via: 'demo embed key, allowed origin',
    bodyBytes: Buffer.byteLength(body),
    connections,
    seconds,
    qiangji: ours,
    bareFastify: baseline,
    ratio: round(ratio, 3),
    goal,
    pass: ratio >= goal && ours.errors === 0 && ours.non2xx === 0,
  });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
