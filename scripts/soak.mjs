#!/usr/bin/env node
/**
 * `npm run test:soak`: the proof suites of test/proof at full size (QJ_SOAK=1, see test/proof/support/scale.ts):
 * 10,000 fuzz cases per endpoint on SQLite (2,000 on PostgreSQL), 200 concurrent clients for 60 s, a longer write
 * load before SIGTERM/SIGKILL, plus the XSS, CSP/Trusted Types and reliability suites. One file at a time (a 2-core
 * machine), each timed. `npm test` runs the same files at their fast sizes.
 *   npm run test:soak                 every suite
 *   npm run test:soak -- fuzz load    files whose name contains "fuzz" or "load"
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './run-child.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const files = readdirSync(join(root, 'test/proof'))
  .filter((name) => name.endsWith('.test.ts') && (filters.length === 0 || filters.some((filter) => name.includes(filter))))
  .sort()
  .map((name) => `test/proof/${name}`);
if (files.length === 0) {
  console.error(`No test/proof/*.test.ts matches ${filters.join(', ')}`);
  process.exit(1);
}

const started = Date.now();
const timings = [];
let failed = 0;
for (const file of files) {
  const fileStarted = Date.now();
  console.log(`\n── soak: ${file}`);
  const code = await runChild(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', file], {
    cwd: root,
    env: { ...process.env, QJ_SOAK: '1' },
  });
  if (code !== 0) failed += 1;
  timings.push(`${file.replace('test/proof/', '')} ${((Date.now() - fileStarted) / 1000).toFixed(0)} s${code === 0 ? '' : ' FAILED'}`);
}
console.log(`\nsoak: ${files.length - failed}/${files.length} suites passed in ${((Date.now() - started) / 1000).toFixed(0)} s — ${timings.join(', ')}`);
process.exit(failed === 0 ? 0 : 1);
