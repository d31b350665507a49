#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark of the repository, one after the other (never two at once: the figures are for a
 * 2-core machine), then ONE table of ratios against baselines measured in the same run:
 *
 *   sizes    drop-in bundles, gzip -9, against their budgets            scripts/size-budget.mjs (build:cdn when missing)
 *   cards    500 task cards vs a bare lit-html template, same DOM       bench/cards/run.mjs (Chromium)
 *   map      100k / 1M points vs Leaflet.markercluster                  bench/map/run.mjs (Chromium; the map's own bench)
 *   sdk      SDK call vs raw fetch on the same server                   bench/api/sdk-overhead.ts
 *   list     GET /api/v1/tasks?limit=20 vs a bare Fastify JSON route    bench/api/list-vs-bare.ts (autocannon)
 *   cluster  cluster query p95 with 1M service records, SQLite + PG     bench/cluster/run.ts
 *
 * Each step writes .bench/<step>.json; this script adds the step timings and writes them all to
 * .bench/results-<timestamp>.json and .bench/latest.json (.bench/ is git-ignored). A failing step is reported in the
 * table and makes the exit code 1, as does a missed goal; the other steps still run.
 *
 *   npm run bench                       everything
 *   npm run bench -- --only cards,sdk   some steps
 *   npm run bench -- --skip map
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './run-child.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, '.bench');
const version = JSON.parse(readFileSync(join(root, 'packages/elements/package.json'), 'utf8')).version;
const tsx = (file, ...args) => [process.execPath, ['--import', 'tsx', file, ...args]];
const node = (file, ...args) => [process.execPath, [file, ...args]];

const steps = [
  {
    name: 'sizes',
    file: 'sizes',
    commands: () => [
      ...(existsSync(join(root, 'dist/cdn/qiangji', version, 'vite-manifest.json')) ? [] : [['npm', ['run', 'build:cdn']]]),
      // The SDK package's own build (packages/sdk/dist) has a row too: a fresh clone has not built it yet.
      ...(existsSync(join(root, 'packages/sdk/dist/index.js')) ? [] : [['npm', ['run', 'build:sdk']]]),
      node('scripts/size-budget.mjs'),
    ],
  },
  { name: 'cards', file: 'cards', commands: () => [node('bench/cards/run.mjs')] },
  { name: 'map', file: 'map', optional: 'bench/map/run.mjs', commands: () => [node('bench/map/run.mjs')] },
  { name: 'sdk', file: 'sdk', commands: () => [tsx('bench/api/sdk-overhead.ts')] },
  { name: 'list', file: 'list', commands: () => [tsx('bench/api/list-vs-bare.ts')] },
  { name: 'cluster', file: 'cluster', commands: () => [tsx('bench/cluster/run.ts')] },
];

const args = process.argv.slice(2);
const listArg = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1].split(',') : null);
const only = listArg('only');
const skip = listArg('skip') ?? [];
const selected = steps.filter((step) => (!only || only.includes(step.name)) && !skip.includes(step.name));

/** Runs a command with inherited output; resolves with its exit code. */
const run = ([command, commandArgs]) => runChild(command, commandArgs, { cwd: root, env: { ...process.env, NODE_ENV: '' } });

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const results = {};
const timings = {};
const started = Date.now();
for (const step of selected) {
  if (step.optional && !existsSync(join(root, step.optional))) {
    results[step.name] = { missing: `${step.optional} does not exist` };
    console.log(`\n── ${step.name}: skipped (${step.optional} missing)`);
    continue;
  }
  console.log(`\n── ${step.name}`);
  const stepStarted = Date.now();
  const codes = [];
  for (const command of step.commands()) codes.push(await run(command));
  timings[step.name] = Math.round((Date.now() - stepStarted) / 100) / 10;
  const file = join(benchDir, `${step.file}.json`);
  const fresh = existsSync(file) && statSync(file).mtimeMs >= stepStarted - 1000;
  results[step.name] = fresh ? readJson(file) : { error: `no fresh .bench/${step.file}.json (exit ${codes.join(', ')})` };
  if (fresh) results[step.name].exitCodes = codes;
  console.log(`── ${step.name}: ${timings[step.name]} s`);
}
const totalSeconds = Math.round((Date.now() - started) / 100) / 10;

// ——— the table ———
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => (typeof value === 'number' ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : '—');
const times = (value) => (typeof value === 'number' && Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');
const rows = [];
const row = (name, measured, baseline, ratio, goal, pass) => rows.push({ name, measured, baseline, ratio, goal, pass: pass === null ? '—' : pass ? 'yes' : 'NO' });
const failedStep = (name, result) => row(name, result?.missing ? 'not run' : 'FAILED', '', '', result?.missing ?? result?.error ?? '', result?.missing ? null : false);

const sizes = results.sizes;
if (sizes?.bundles) {
  for (const bundle of sizes.bundles.filter((item) => item.budgetBytes !== null)) {
    if (bundle.missing) row(`size: ${bundle.name}`, 'missing', kb(bundle.budgetBytes), '', '≤ 1.00× budget', bundle.ok ? null : false);
    else row(`size: ${bundle.name}`, kb(bundle.gzipBytes), `budget ${kb(bundle.budgetBytes)}`, times(bundle.gzipBytes / bundle.budgetBytes), '≤ 1.00×', bundle.gzipBytes <= bundle.budgetBytes);
  }
} else if (sizes) failedStep('size: drop-in bundles', sizes);

const cards = results.cards;
if (cards?.ratio) row(`${cards.count} cards render (Chromium)${cards.sameDom?.same ? '' : ' — DOM differs'}`, ms(cards.widgetMedianMs), `lit-html ${ms(cards.bareMedianMs)}`, times(cards.ratio), `≤ ${cards.goal}×`, cards.pass);
else if (cards) failedStep('500 cards render', cards);

const map = results.map;
if (map?.widget && map?.markercluster) {
  const speedup = map.markercluster.firstRenderMs / map.widget.firstRenderMs;
  row(`map: first clustered view, ${(map.points ?? 100_000).toLocaleString('en')} points`, ms(map.widget.firstRenderMs), `markercluster ${ms(map.markercluster.firstRenderMs)}`, `${times(1 / speedup)} (${speedup.toFixed(1)}× faster)`, '≥ 20× faster', speedup >= 20);
  if (map.million) {
    // Leaflet.markercluster at 1M gets a time cap: past it, the ratio is a lower bound (cap ÷ the widget's time).
    const baseline = map.markerclusterMillion;
    const speedup = map.millionSpeedup;
    const baselineText = typeof baseline?.firstRenderMs === 'number' ? `markercluster ${ms(baseline.firstRenderMs)}` : `markercluster: ${baseline?.error ?? 'not measured'}`;
    let ratio = '';
    if (speedup?.lowerBound) ratio = `> ${speedup.times.toFixed(0)}× faster (baseline did not finish in ${baseline.capMs / 1000} s)`;
    else if (speedup) ratio = `${times(1 / speedup.times)} (${speedup.times.toFixed(1)}× faster)`;
    row(
      `map: first clustered view, ${(map.million.count ?? 1_000_000).toLocaleString('en')} points`,
      map.million.error ? 'FAILED' : ms(map.million.loadMs),
      baselineText,
      ratio,
      '≥ 20× faster',
      map.million.error ? false : speedup ? speedup.times >= 20 : null,
    );
  }
} else if (map) failedStep('map vs Leaflet.markercluster', map);

const sdk = results.sdk;
if (sdk?.ratio) row('SDK tasks.get vs raw fetch (median/call)', ms(sdk.sdkMedianMs), `fetch ${ms(sdk.rawMedianMs)}`, times(sdk.ratio), `≤ ${sdk.goal}×`, sdk.pass);
else if (sdk) failedStep('SDK call overhead', sdk);

const list = results.list;
if (list?.ratio) row(`${list.path} req/s (autocannon ×${list.connections})`, `${list.qiangji.requestsPerSecond} req/s`, `bare Fastify ${list.bareFastify.requestsPerSecond}`, times(list.ratio), `≥ ${list.goal}×`, list.pass);
else if (list) failedStep('list endpoint vs bare Fastify', list);

const cluster = results.cluster;
if (cluster && !cluster.error) {
  for (const dialect of ['sqlite', 'postgres']) {
    const result = cluster[dialect];
    if (!result) continue;
    const name = `cluster query p95, ${(cluster.records ?? 0).toLocaleString('en')} records, ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`;
    if (result.error) row(name, 'FAILED', '', '', result.error, false);
    else row(name, ms(result.p95Ms), `p50 ${ms(result.p50Ms)}`, '', `≤ ${result.goalP95Ms} ms`, result.pass);
  }
} else if (cluster) failedStep('cluster query p95', cluster);

const header = { name: 'benchmark', measured: 'measured', baseline: 'baseline', ratio: 'ratio', goal: 'goal', pass: 'pass' };
const columns = Object.keys(header);
const widths = columns.map((column) => Math.max(...[header, ...rows].map((line) => String(line[column]).length)));
const format = (line) => columns.map((column, index) => String(line[column]).padEnd(widths[index])).join(' │ ').trimEnd();
console.log(`\nQiangJi benchmarks — ${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}`);
console.log(format(header));
console.log(widths.map((width) => '─'.repeat(width)).join('─┼─'));
for (const line of rows) console.log(format(line));
console.log(`\nstep times: ${Object.entries(timings).map(([name, seconds]) => `${name} ${seconds} s`).join(', ')}; total ${totalSeconds} s`);

mkdirSync(benchDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const report = { measuredAt: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.versions.node }, totalSeconds, stepSeconds: timings, table: rows, results };
writeFileSync(join(benchDir, `results-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(benchDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`raw results: .bench/results-${stamp}.json (and .bench/latest.json)`);
process.exit(rows.some((line) => line.pass === 'NO') ? 1 : 0);
