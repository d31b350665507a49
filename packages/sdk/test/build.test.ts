/**
 * The library build and its size budget: the ESM core imports only its own chunks (nothing of valibot or the
 * contract's data; the event stream reader and the export decoder load on first use), stays within 6 KB gzip, and
 * the budget script fails the build when a bundle is over.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const budgetScript = join(packageDir, 'scripts/size-budget.mjs');
const outDir = mkdtempSync(join(tmpdir(), 'qj-sdk-build-'));
const budget = (...args: string[]) => spawnSync(process.execPath, [budgetScript, ...args], { encoding: 'utf8' });

describe('build and size budget', () => {
  before(async () => {
    for (const mode of ['production', 'iife']) {
      await build({ configFile: join(packageDir, 'vite.config.ts'), mode, logLevel: 'silent', build: { outDir, emptyOutDir: false } });
    }
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  test('the ESM core imports only its own chunks, loads the stream reader and export decoder lazily, and is within 6 KB gzip', () => {
    const core = readFileSync(join(outDir, 'index.js'), 'utf8');
    const staticImports = [...core.matchAll(/\bimport\s*(?:[{*\w][^;]*?from\s*)?["']([^"']+)["']/g)].map((match) => match[1]!);
    assert.ok(staticImports.every((specifier) => /^\.\/[\w-]+\.js$/.test(specifier)), `only local chunks: ${staticImports.join(', ')}`);
    const loaded = [core, ...staticImports.map((specifier) => readFileSync(join(outDir, specifier), 'utf8'))].join('\n');
    assert.doesNotMatch(loaded, /valibot|党群服务中心|TextDecoder|getFloat64/, 'no valibot, no contract data, no stream reader or decoder up front');
    assert.match(core, /import\(["'`]\.\/events-[\w-]+\.js["'`]\)/);
    assert.match(core, /import\(["'`]\.\/columns-[\w-]+\.js["'`]\)/);
    assert.match(core, /export\s*\{[^}]*createClient/);
    const result = budget(join(outDir, 'index.js'));
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /gzip \(\d+ bytes\) — within the budget of 6\.00 KB \(6144 bytes\)/);
  });

  test('the script-tag build exposes QiangJi.createClient', () => {
    const code = readFileSync(join(outDir, 'qiangji-sdk.iife.js'), 'utf8');
    // A fresh global scope, as a page's <script> tag would have.
    const scope: { QiangJi?: { createClient?: unknown; QiangJiError?: unknown } } = {};
    runInNewContext(code, scope);
    assert.equal(typeof scope.QiangJi?.createClient, 'function');
    assert.equal(typeof scope.QiangJi?.QiangJiError, 'function');
  });

  test('the fixtures transport is a separate entry, not part of the core', () => {
    assert.ok(readFileSync(join(outDir, 'fixtures.js'), 'utf8').length > 0);
    assert.doesNotMatch(readFileSync(join(outDir, 'index.js'), 'utf8'), /fixtures\.invalid|createFixturesTransport|党群服务中心/);
  });

  test('the budget fails (exit 1) when the bundle is over it', () => {
    const over = budget(join(outDir, 'index.js'), '--max', '1024');
    assert.equal(over.status, 1);
    assert.match(over.stdout, /OVER the budget of 1\.00 KB/);
  });

  test('chunks imported by the entry are counted too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qj-sdk-budget-'));
    try {
      const random = (size: number) => Array.from({ length: size }, () => Math.random().toString(36).slice(2)).join('');
      writeFileSync(join(dir, 'entry.js'), `import{a}from"./chunk-1.js";export{a};`);
      writeFileSync(join(dir, 'chunk-1.js'), `export const a=${JSON.stringify(random(400))};`);
      const result = budget(join(dir, 'entry.js'), '--max', '2048');
      assert.equal(result.status, 1, result.stdout);
      assert.match(result.stdout, /core \(2 files\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
