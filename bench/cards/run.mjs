#!/usr/bin/env node
/* global window -- page.evaluate callbacks run in the page */
/**
 * `npm run bench` step: the time to render 500 `<qj-task-progress-card>` (presentational mode) against a bare
 * lit-html template producing the same DOM (bare-card.ts), in the same headless Chromium page. The page is built
 * with Vite (production, offline) and served locally. Each sample renders into a fresh container, from the first
 * element created until every update is done and style and layout have run; samples of the two alternate after
 * warm-up. Reports medians and widget ÷ bare (goal ≤ 1.5×), and whether both produced the same DOM.
 *
 *   node bench/cards/run.mjs [--count 500] [--runs 9]
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.NODE_ENV = 'production';
const root = fileURLToPath(new URL('../..', import.meta.url));
const benchDir = join(root, 'bench/cards');
const outDir = join(root, '.cache/bench-cards');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const count = option('count', 500);
const runs = option('runs', 9);
const goal = 1.5;

const { build } = await import('vite');
await build({
  configFile: false,
  root: benchDir,
  base: './',
  logLevel: 'warn',
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: { outDir, emptyOutDir: true, target: 'chrome110', minify: true, modulePreload: false, reportCompressedSize: false },
});

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  const file = join(outDir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(outDir) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let result;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'cardsBench' in window);
  const dom = await page.evaluate(() => window.cardsBench.compare());
  const samples = { widget: [], bare: [] };
  for (const kind of ['widget', 'bare', 'widget', 'bare']) await page.evaluate(([k, n]) => window.cardsBench.run(k, n), [kind, count]);
  for (let run = 0; run < runs; run += 1) {
    for (const kind of run % 2 ? ['bare', 'widget'] : ['widget', 'bare']) samples[kind].push(await page.evaluate(([k, n]) => window.cardsBench.run(k, n), [kind, count]));
  }
  const widget = median(samples.widget);
  const bare = median(samples.bare);
  result = {
    measuredAt: new Date().toISOString(),
    chromium: browser.version(),
    count,
    runs,
    widgetMedianMs: Math.round(widget * 10) / 10,
    bareMedianMs: Math.round(bare * 10) / 10,
    ratio: Math.round((widget / bare) * 1000) / 1000,
    goal,
    pass: widget / bare <= goal && dom.same,
    sameDom: dom,
    samples,
    errors,
  };
} finally {
  await browser.close();
  server.close();
}
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench/cards.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stderr.write(`  ${count} cards: widget ${result.widgetMedianMs} ms vs bare lit-html ${result.bareMedianMs} ms = ${result.ratio}× (same DOM: ${result.sameDom.same})\n`);
