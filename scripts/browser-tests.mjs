#!/usr/bin/env node
// `npm run test:browser [-- <wtr args>]`: checks that the system browsers exist, then runs web-test-runner
// (web-test-runner.config.mjs) and exits with its code. Extra args go to wtr, e.g.
// `-- --files packages/elements/src/foo/foo.test.ts` or `-- --watch`. QJ_BROWSERS=chromium|firefox limits the browsers.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browsers, selectedBrowsers } from './browsers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let selected;
try {
  selected = selectedBrowsers().map((name) => browsers[name]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const missing = selected.filter((browser) => !isExecutable(browser.path));
for (const browser of missing) {
  console.error(
    `${browser.label} not found at ${browser.path}. ` +
      `Install it: apt-get install -y ${browser.debianPackage} (or set ${browser.pathVariable})`,
  );
}
if (missing.length > 0) process.exit(1);
console.log(`Browser tests in ${selected.map((browser) => `${browser.label} (${browser.path})`).join(' and ')}`);

// `wtr` = @web/test-runner's dist/bin.js (its package.json is not exported, its main sits next to the bin).
const wtrBin = join(dirname(createRequire(import.meta.url).resolve('@web/test-runner')), 'bin.js');
const child = spawn(
  process.execPath,
  [wtrBin, '--config', join(root, 'web-test-runner.config.mjs'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`Could not start web-test-runner: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) console.error(`web-test-runner was killed by ${signal}`);
  process.exit(code ?? 1);
});

/** True when `path` is an executable file (a dangling symlink or a missing file counts as "not found"). */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
