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
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPage, launchChromium, numberOption, serveStatic } from '../lib/browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, '.cache/bench-cards');
const args = process.argv.slice(2);
const count = numberOption(args, 'count', 500);
const runs = numberOption(args, 'runs', 9);
const goal = 1.5;

await buildPage({ root: join(root, 'bench/cards'), outDir, build: { target: 'chrome110' } });
const server = await serveStatic(outDir);
const browser = await launchChromium();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let result;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/`);
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
  await server.close();
}
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench/cards.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stderr.write(`  ${count} cards: widget ${result.widgetMedianMs} ms vs bare lit-html ${result.bareMedianMs} ms = ${result.ratio}× (same DOM: ${result.sameDom.same})\n`);
