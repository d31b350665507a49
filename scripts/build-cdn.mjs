#!/usr/bin/env node
/**
 * `npm run build:cdn`: the drop-in distribution in dist/cdn/qiangji/<version>/ (see vite.config.ts), then the size
 * budget (scripts/size-budget.mjs; exit 1 when over).
 *
 *   dist/cdn/qiangji/manifest.json          versions present, the latest, and each version's tag → file map
 *   dist/cdn/qiangji/<version>/loader.js    the classic script portals add
 *   dist/cdn/qiangji/<version>/<component>.js, qiangji-all.js, sdk.js, chunks/…, vite-manifest.json
 *
 *   node scripts/build-cdn.mjs --no-size    skip the budget (the harness of the e2e tests checks it separately)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Lit and friends pick their production builds by NODE_ENV; a test runner's NODE_ENV must not leak in.
process.env.NODE_ENV = 'production';

const root = fileURLToPath(new URL('..', import.meta.url));
const configFile = join(root, 'vite.config.ts');
const { build } = await import('vite');

const started = performance.now();
await build({ configFile, mode: 'cdn' });
await build({ configFile, mode: 'loader' });

const { version } = JSON.parse(readFileSync(join(root, 'packages/elements/package.json'), 'utf8'));
const cdnRoot = join(root, 'dist/cdn/qiangji');
writeVersionsManifest(cdnRoot, version);
console.log(`drop-in build: dist/cdn/qiangji/${version}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);

if (!process.argv.includes('--no-size')) {
  const { checkBudgets } = await import('./size-budget.mjs');
  if (!checkBudgets({ outDir: join(cdnRoot, version) })) process.exitCode = 1;
}

/**
 * dist/cdn/qiangji/manifest.json: the versions next to it (a CDN keeps old ones so pinned portals keep working) and,
 * for this build, which file defines which tag.
 * @param {string} dir
 * @param {string} current
 */
function writeVersionsManifest(dir, current) {
  const path = join(dir, 'manifest.json');
  const previous = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const versions = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'loader.js')))
    .map((entry) => entry.name)
    .sort(compareVersions);
  const vite = JSON.parse(readFileSync(join(dir, current, 'vite-manifest.json'), 'utf8'));
  const elements = Object.fromEntries(
    Object.entries(vite)
      .filter(([src, chunk]) => chunk.isEntry && src.startsWith('packages/elements/src/components/'))
      .map(([src, chunk]) => [src.split('/').at(-2), `${current}/${chunk.file}`]),
  );
  const manifest = {
    latest: versions.at(-1) ?? current,
    versions: Object.fromEntries(
      versions.map((name) => [
        name,
        name === current
          ? { loader: `${name}/loader.js`, all: `${name}/qiangji-all.js`, sdk: `${name}/sdk.js`, elements, builtAt: new Date().toISOString() }
          : (previous.versions?.[name] ?? { loader: `${name}/loader.js` }),
      ]),
    ),
  };
  writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
}

/** Semver-ish order of version directory names. */
function compareVersions(a, b) {
  const parts = (version) => version.split(/[.-]/).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const [x, y] = [left[index] ?? 0, right[index] ?? 0];
    if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  }
  return 0;
}
