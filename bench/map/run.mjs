#!/usr/bin/env node
/* global window -- page.evaluate callbacks run in the browser */
/**
 * `node bench/map/run.mjs` (wired as `npm run bench`): builds the benchmark page with Vite (production, offline),
 * serves it from a local static server, and in ONE headless Chromium run measures
 *   - first clustered render of 100k points: <qj-member-service-map> vs Leaflet.markercluster (same data),
 *   - re-filter → re-clustered view (widget),
 *   - frame times while zooming (both),
 *   - 1M points: the widget (index built in its worker) vs Leaflet.markercluster, which gets --baseline-cap ms,
 *   - the page under a strict CSP (no violation, worker clustering),
 *   - gzip sizes of the map's lazy chunks.
 * Writes .bench/map.json and prints a table. Options: --points 100000 --million 1000000 --no-million
 * --baseline-cap 90000 (ms Leaflet.markercluster gets at 1M) --no-million-baseline
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { buildPage, launchChromium, numberOption, serveStatic } from '../lib/browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const benchDir = join(root, 'bench/map');
const outDir = join(root, '.cache/bench-map');
const args = process.argv.slice(2);
const pointCount = numberOption(args, 'points', 100_000);
const millionCount = args.includes('--no-million') ? 0 : numberOption(args, 'million', 1_000_000);
/** Leaflet.markercluster at 1M gets this long before it counts as "did not finish" (the ratio is then a lower bound). */
const baselineCapMs = numberOption(args, 'baseline-cap', 90_000);

/** Tile hosts of the presets: what a portal adds to img-src. */
const tileHosts = 'https://*.tianditu.gov.cn https://*.is.autonavi.com https://tile.openstreetmap.org';
const csp = `default-src 'self'; img-src 'self' data: ${tileHosts}`;

// 1. Builds (production; workers as ES module files next to the chunks): the element alone, for chunk sizes as a
// portal gets them, then the benchmark pages.
const mapDir = join(root, 'packages/elements/src/components/member-service-map');
const viteBuild = (input, dir) =>
  buildPage({
    root: benchDir,
    outDir: dir,
    worker: { format: 'es' },
    build: { target: ['chrome90', 'firefox115', 'safari15'], manifest: true, rolldownOptions: { input, preserveEntrySignatures: 'exports-only' } },
  });
const sizeDir = join(root, '.cache/bench-map-size');
await viteBuild({ map: join(mapDir, 'define.ts') }, sizeDir);
await viteBuild({ bench: join(benchDir, 'index.html'), csp: join(benchDir, 'csp.html') }, outDir);

// 2. Chunk sizes (gzip -9, each file on its own): the element's entry closure, and what it loads lazily.
const manifest = JSON.parse(readFileSync(join(sizeDir, '.vite/manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(sizeDir, file)), { level: 9 }).length;
const chunkOf = (name) => Object.entries(manifest).find(([key]) => key.endsWith(`member-service-map/${name}`))?.[1];
const entry = chunkOf('define.ts');
const closure = (chunk, seen = new Set()) => {
  for (const key of chunk.imports ?? []) if (!seen.has(key)) closure(manifest[key], seen.add(key));
  return seen;
};
const lazy = ['map-engine.ts', 'boundaries.ts', 'villages.ts', 'cluster-handler.ts'].map((name) => {
  const chunk = chunkOf(name);
  return { name, file: chunk?.file, gzipBytes: chunk ? gz(chunk.file) : null };
});
const workerFile = readdirSync(join(sizeDir, 'assets')).find((file) => file.startsWith('cluster.worker'));
const sizes = {
  elementGzipBytes: gz(entry.file) + [...closure(entry)].reduce((sum, key) => sum + gz(manifest[key].file), 0),
  engineChunkGzipBytes: lazy[0].gzipBytes,
  lazyChunks: lazy,
  lazyTotalGzipBytes: lazy.reduce((sum, chunk) => sum + (chunk.gzipBytes ?? 0), 0),
  workerGzipBytes: workerFile ? gz(join('assets', workerFile)) : null,
  budgetGzipBytes: 65 * 1024,
};

// 3. Static server (the build, plus Leaflet's UMD build and Leaflet.markercluster for the baseline), one Chromium run.
const vendor = Object.fromEntries(
  Object.entries({
    '/vendor/leaflet.js': 'node_modules/leaflet/dist/leaflet.js',
    '/vendor/leaflet.css': 'node_modules/leaflet/dist/leaflet.css',
    '/vendor/leaflet.markercluster.js': 'node_modules/leaflet.markercluster/dist/leaflet.markercluster.js',
    '/vendor/MarkerCluster.css': 'node_modules/leaflet.markercluster/dist/MarkerCluster.css',
    '/vendor/MarkerCluster.Default.css': 'node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css',
  }).map(([path, file]) => [path, join(root, file)]),
);
const server = await serveStatic(outDir, { files: vendor, headers: (path) => (path.endsWith('csp.html') ? { 'content-security-policy': csp } : {}) });
const origin = server.origin;
const browser = await launchChromium(['--enable-precise-memory-info']);
const results = { date: new Date().toISOString(), chromium: browser.version(), cpus: cpus().length, loadAverageBefore: loadavg(), points: pointCount, sizes };
const errors = [];
async function onPage(name, run) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (error) => errors.push(`${name}: ${error.message}`));
  page.on('crash', () => errors.push(`${name}: page crashed`));
  if (process.env.BENCH_DEBUG) page.on('console', (message) => console.log(`[${name}]`, message.text()));
  try {
    return await run(page);
  } finally {
    await page.close();
  }
}
const benchPage = async (page) => {
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => 'bench' in window);
};
try {
  results.widget = await onPage('widget', async (page) => {
    await benchPage(page);
    return page.evaluate((count) => window.bench.widget(count), pointCount);
  });
  results.markercluster = await onPage('markercluster', async (page) => {
    await benchPage(page);
    return page.evaluate((count) => window.bench.markercluster(count), pointCount);
  });
  if (millionCount > 0) {
    results.million = await onPage('million', async (page) => {
      await benchPage(page);
      return page.evaluate((count) => window.bench.million(count), millionCount);
    }).catch((error) => ({ count: millionCount, error: String(error) }));
  }
  if (millionCount > 0 && !args.includes('--no-million-baseline')) {
    results.markerclusterMillion = await onPage('markercluster-million', async (page) => {
      await benchPage(page);
      let timer;
      const cap = new Promise((resolve) => {
        // The ratio's lower bound is this cap over the widget's time; closing the page ends the baseline's work.
        timer = setTimeout(() => resolve({ count: millionCount, capMs: baselineCapMs, error: `did not finish in ${baselineCapMs / 1000} s` }), baselineCapMs);
      });
      const run = page.evaluate((count) => window.bench.markerclusterMillion(count), millionCount).catch((error) => ({
        count: millionCount,
        error: /crash|closed/i.test(String(error)) ? 'page crashed' : String(error).split('\n')[0],
      }));
      try {
        return await Promise.race([run, cap]);
      } finally {
        clearTimeout(timer);
      }
    });
  }
  results.csp = await onPage('csp', async (page) => {
    await page.goto(`${origin}/csp.html`);
    await page.waitForFunction(() => 'cspResult' in window);
    return { policy: csp, ...(await page.evaluate(() => window.cspResult)) };
  });
} finally {
  await browser.close();
  await server.close();
}
results.errors = errors;
results.loadAverageAfter = loadavg();
results.speedup = results.markercluster.firstRenderMs / results.widget.firstRenderMs;
// At 1M: a lower bound (the cap over the widget's time) when the baseline did not finish within its cap.
const baselineMillion = results.markerclusterMillion;
const baselineMillionMs = baselineMillion?.firstRenderMs ?? baselineMillion?.capMs;
if (results.million?.loadMs && typeof baselineMillionMs === 'number') {
  results.millionSpeedup = { times: baselineMillionMs / results.million.loadMs, lowerBound: baselineMillion.firstRenderMs === undefined };
}

mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench/map.json'), `${JSON.stringify(results, null, 2)}\n`);

// 5. Table.
const ms = (value) => (typeof value === 'number' ? `${value.toFixed(1)} ms` : '—');
const kb = (bytes) => (typeof bytes === 'number' ? `${(bytes / 1024).toFixed(1)} KB` : '—');
const w = results.widget;
const m = results.markercluster;
const rows = [
  [`first clustered render, ${pointCount.toLocaleString('en')} points`, ms(w.firstRenderMs), ms(m.firstRenderMs), `${results.speedup.toFixed(1)}× faster (goal ≥ 20×)`],
  ['  (widget cold, incl. engine chunk, 1k points)', ms(w.coldFirstRenderMs), '', ''],
  ['re-filter → re-clustered view (median of 6)', ms(w.refilterMedianMs), ms(Math.max(...m.refilterMs)), `goal ≤ 100 ms; runs: ${w.refilterMs.map((v) => v.toFixed(0)).join(', ')}`],
  ['  main-thread long tasks during re-filters', String(w.refilterLongTasks), '', w.refilterLongTasks ? `longest ${ms(w.refilterLongestTaskMs)}` : ''],
  ['frame time while zooming: mean / p95 / max', `${w.zoom.meanMs.toFixed(1)} / ${w.zoom.p95Ms.toFixed(1)} / ${w.zoom.maxMs.toFixed(1)} ms`, `${m.zoom.meanMs.toFixed(1)} / ${m.zoom.p95Ms.toFixed(1)} / ${m.zoom.maxMs.toFixed(1)} ms`, `frames > 50 ms: ${w.zoom.over50} vs ${m.zoom.over50}`],
];
if (results.million) {
  const x = results.million;
  rows.push(
    x.error
      ? [`${millionCount.toLocaleString('en')} points`, 'FAILED', '', x.error]
      : [`${x.count.toLocaleString('en')} points: load → first clustered view`, ms(x.loadMs), '', `worker: ${x.workerClustering}; main-thread long tasks ${x.mainThreadLongTasks} (longest ${ms(x.longestMainThreadTaskMs)}); heap ${x.mainHeapMb?.toFixed(0)} MB`],
    );
  if (!x.error) rows.push(['  re-filter at 1M', ms(x.refilterMs), '', '']);
  const baseline = results.markerclusterMillion;
  const speedup = results.millionSpeedup;
  if (baseline && !x.error) {
    rows[rows.length - 2][2] = baseline.error ? baseline.error : ms(baseline.firstRenderMs);
    if (speedup) rows[rows.length - 2][3] = `${speedup.lowerBound ? '> ' : ''}${speedup.times.toFixed(0)}× faster; ${rows[rows.length - 2][3]}`;
  }
}
rows.push(['CSP (' + csp.split(';')[0] + '; …)', results.csp.violations.length === 0 && results.csp.workerClustering ? 'pass' : 'FAIL', '', `${results.csp.violations.length} violations; worker ${results.csp.workerClustering}`]);
rows.push(['map engine chunk (gzip; budget 65 KB)', kb(sizes.engineChunkGzipBytes), '', `+ boundaries, villages, in-page fallback: ${kb(sizes.lazyTotalGzipBytes)} lazy in all; worker ${kb(sizes.workerGzipBytes)}; element entry closure ${kb(sizes.elementGzipBytes)}`]);
const widths = [0, 1, 2, 3].map((column) => Math.max(...[['', 'widget', 'markercluster', ''], ...rows].map((row) => String(row[column]).length)));
const line = (row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
console.log(line(['', 'widget', 'markercluster', '']));
for (const row of rows) console.log(line(row));
if (errors.length) console.log(`\nerrors:\n${errors.join('\n')}`);
console.log(`\n.bench/map.json written (Chromium ${results.chromium}; ${results.cpus} CPUs, load average ${results.loadAverageBefore[0].toFixed(1)} → ${results.loadAverageAfter[0].toFixed(1)})`);
