#!/usr/bin/env node
// `npm run test:node [-- <path substrings…>] [-- <node --test options>]`: runs every *.test.ts of the Node side
// (packages/{contract,server,sdk}/test and the end-to-end test/) with node's built-in runner, TypeScript through tsx.
// Node 20 cannot glob in `--test`, so the files are listed here.
//   npm run test:node -- server                      only files whose path contains "server"
//   npm run test:node -- contract/test/openapi       one file
//   npm run test:node -- server --test-name-pattern=auth
// Finding no test file is an error: a green run must have run something.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testDirs = ['packages/contract/test', 'packages/server/test', 'packages/sdk/test', 'test'];

const args = process.argv.slice(2);
const nodeOptions = args.filter((arg) => arg.startsWith('-'));
const filters = args.filter((arg) => !arg.startsWith('-'));

const allFiles = testDirs
  .map((dir) => join(root, dir))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => findTestFiles(dir))
  .map((file) => relative(root, file).split(sep).join('/'))
  .sort();
const files = filters.length === 0 ? allFiles : allFiles.filter((file) => filters.some((filter) => file.includes(filter)));

if (files.length === 0) {
  console.error(
    allFiles.length === 0
      ? `No *.test.ts files found under ${testDirs.join(', ')}.`
      : `No test file matches ${filters.map((filter) => JSON.stringify(filter)).join(' or ')}. Test files:\n  ${allFiles.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`Node tests: ${files.length} file(s)${filters.length > 0 ? ` matching ${filters.join(', ')}` : ''}`);

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...nodeOptions, ...files],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`Could not start node --test: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) console.error(`node --test was killed by ${signal}`);
  process.exit(code ?? 1);
});

/**
 * Every *.test.ts below `dir`, skipping node_modules and dot-directories.
 * @param {string} dir
 * @returns {string[]}
 */
function findTestFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : findTestFiles(path);
    }
    return entry.isFile() && entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
