/**
 * Load on the real server process (`packages/server/src/main.ts`, SQLite, small seed): `scale.loadClients`
 * concurrent keep-alive clients for `scale.loadSeconds` (20 × 5 s in `npm test`, 200 × 60 s in `npm run test:soak`)
 * replaying what portal pages ask for — task lists and cards, ratings, org units, map clusters — through the demo
 * embed key, plus signed-in progress reports (1 request in 12). Property: 0 errors, 0 timeouts, 0 non-2xx.
 * The API's per-IP rate limit is raised for the run: every simulated client shares this machine's one address.
 * Throughput and latency are reported, never asserted (speed is measured by `npm run bench`).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { demoEmbedKey, embedOrigin, login, prepareStorage, spawnMain } from '../../bench/lib/server-process.js';
import { scale } from './support/scale.js';

test(`load: ${scale.loadClients} concurrent clients for ${scale.loadSeconds} s → 0 errors`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qj-proof-load-'));
  const storage = { dataDir, databaseUrl: null };
  let server: Awaited<ReturnType<typeof spawnMain>> | undefined;
  try {
    await prepareStorage(storage, { members: 2_000, servicePoints: 1_000, serviceRecords: 5_000, mediationCases: 20 });
    server = await spawnMain(storage);
    const token = await login(server.url);
    const embed = { 'x-qj-embed-key': demoEmbedKey, origin: embedOrigin };
    const read = (path: string): AutocannonRequest => ({ method: 'GET', path: `/api/v1${path}`, headers: embed });
    let writes = 0;
    const requests: AutocannonRequest[] = [
      read('/tasks?limit=20'),
      read('/tasks/T01'),
      read('/measures'),
      read('/ratings?subtreeOf=445102&year=2025&limit=20'),
      read('/ratings/summary?orgUnitId=445102&year=2025'),
      read('/org-units?parentId=445102&limit=50'),
      read('/service-points/clusters?bbox=116.3,23.3,117.3,24.1&zoom=10'),
      read('/service-points/clusters?bbox=116.5,23.5,116.8,23.8&zoom=13&type=party_service_center,elder_canteen'),
      read('/tasks?status=at_risk,overdue&limit=20'),
      read('/ratings/history/445102007200'),
      read('/mediation-workflow'),
      {
        method: 'POST',
        path: '/api/v1/tasks/T07/progress',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        setupRequest: (request) => {
          writes += 1;
          const taskId = `T${String((writes % 28) + 1).padStart(2, '0')}`;
          return { ...request, path: `/api/v1/tasks/${taskId}/progress`, headers: { ...request.headers, 'idempotency-key': randomUUID() }, body: JSON.stringify({ percent: writes % 101, note: `load ${writes}` }) };
        },
      },
    ];
    const result = await autocannon({ url: server.url, connections: scale.loadClients, duration: scale.loadSeconds, timeout: 10, requests });
    const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]));
    process.stdout.write(
      `# load ${scale.loadClients} clients × ${scale.loadSeconds} s: ${result.requests.total} requests (${writes} writes), ` +
        `${result.requests.average.toFixed(0)} req/s, latency p50 ${result.latency.p50} ms / p99 ${result.latency.p99} ms / max ${result.latency.max} ms, ` +
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, statuses ${JSON.stringify(statuses)}\n`,
    );
    assert.ok(result.requests.total > 0, 'no request completed');
    assert.equal(result.errors, 0, 'connection errors');
    assert.equal(result.timeouts, 0, 'timeouts (10 s)');
    assert.equal(result.non2xx, 0, `non-2xx answers: ${JSON.stringify(statuses)}`);
    assert.ok(server.child.exitCode === null, `the server exited under load:\n${server.output()}`);
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
