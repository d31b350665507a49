#!/usr/bin/env node
/**
 * Size budget of the SDK client core: gzips dist/index.js together with the chunks it imports statically and
 * fails (exit 1) above the budget. Usage: node scripts/size-budget.mjs [file] [--max bytes] (default 6144 = 6 KB).
 * The fixtures transport is a separate entry and is not counted.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const maxIndex = args.indexOf('--max');
const maxBytes = maxIndex >= 0 ? Number(args.splice(maxIndex, 2)[1]) : 6144;
const entry = resolve(args[0] ?? fileURLToPath(new URL('../dist/index.js', import.meta.url)));

/** The entry and every local module it imports statically, in first-seen order. */
function staticGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, specifier] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    staticGraph(resolve(dirname(file), specifier), seen);
  }
  return seen;
}

const files = [...staticGraph(entry)];
const code = Buffer.concat(files.map((file) => readFileSync(file)));
const gzipped = gzipSync(code, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const verdict = gzipped <= maxBytes ? 'within' : 'OVER';
console.log(
  `@qiangji/sdk core (${files.length} file${files.length > 1 ? 's' : ''}): ${kb(code.length)} minified, ` +
    `${kb(gzipped)} gzip (${gzipped} bytes) — ${verdict} the budget of ${kb(maxBytes)} (${maxBytes} bytes)`,
);
if (gzipped > maxBytes) process.exit(1);
