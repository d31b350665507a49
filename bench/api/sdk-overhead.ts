/**
 * `npm run bench` step: the cost of the SDK over raw fetch on the same server. The real app runs in its own
 * process (small seed, response validation off as in production); this process makes N sequential
 * `client.tasks.get('T01')` calls and N raw `fetch` + `response.json()` of the same URL with the same headers,
 * interleaved in rounds so that drift hits both alike. Reports the median per call of each and their ratio
 * (goal ≤ 1.1×).
 *
 *   node --import tsx bench/api/sdk-overhead.ts [--calls 2000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '../../packages/sdk/src/index.js';
import { login, prepareStorage, spawnApp } from '../lib/server-process.js';
import { log, median, quantile, round, writeResult } from '../lib/stats.js';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '2000' } } });
const calls = Number(values.calls);
const rounds = 20;
const goal = 1.1;

const dataDir = mkdtempSync(join(tmpdir(), 'qj-bench-sdk-'));
const storage = { dataDir, databaseUrl: null };
let server: Awaited<ReturnType<typeof spawnApp>> | undefined;
try {
  await prepareStorage(storage, { members: 500, servicePoints: 200, serviceRecords: 1000, mediationCases: 10 });
  server = await spawnApp(storage, { validateResponses: false });
  const token = await login(server.url);
  const client = createClient({ baseUrl: server.url, token, retries: 0 });
  const url = `${server.url}/api/v1/tasks/T01`;
  // What the SDK sends for this call (core.ts): accept and authorization.
  const headers = { accept: 'application/json', authorization: `Bearer ${token}` };
  const raw = async () => {
    const response = await fetch(url, { method: 'GET', headers });
    if (!response.ok) throw new Error(`raw fetch: ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  const sdk = () => client.tasks.get('T01');

  const sample = async (call: () => Promise<unknown>, count: number, into: number[]) => {
    for (let index = 0; index < count; index += 1) {
      const started = performance.now();
      await call();
      into.push(performance.now() - started);
    }
  };
  const warm: number[] = [];
  await sample(raw, 200, warm);
  await sample(sdk, 200, warm);
  const sdkTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let round_ = 0; round_ < rounds; round_ += 1) {
    const perRound = Math.ceil(calls / rounds);
    if (round_ % 2 === 0) {
      await sample(raw, perRound, rawTimes);
      await sample(sdk, perRound, sdkTimes);
    } else {
      await sample(sdk, perRound, sdkTimes);
      await sample(raw, perRound, rawTimes);
    }
  }
  const sdkMedian = median(sdkTimes);
  const rawMedian = median(rawTimes);
  const ratio = sdkMedian / rawMedian;
  log(`SDK ${round(sdkMedian * 1000, 0)} µs vs raw fetch ${round(rawMedian * 1000, 0)} µs per call: ${round(ratio, 3)}×`);
  writeResult('sdk', {
    call: 'client.tasks.get("T01") vs fetch + json of GET /api/v1/tasks/T01',
    calls: sdkTimes.length,
    sdkMedianMs: round(sdkMedian, 4),
    rawMedianMs: round(rawMedian, 4),
    sdkP95Ms: round(quantile(sdkTimes, 0.95), 4),
    rawP95Ms: round(quantile(rawTimes, 0.95), 4),
    ratio: round(ratio, 3),
    goal,
    pass: ratio <= goal,
  });
} finally {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
