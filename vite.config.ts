/**
 * The drop-in distribution (`npm run build:cdn` → scripts/build-cdn.mjs), two Vite builds selected by mode:
 *
 * - `--mode cdn`: one ES module per component (`<folder>.js`, from packages/elements/src/components/<folder>/define.ts),
 *   `qiangji-all.js` (every component) and `sdk.js` (the SDK), sharing chunks (`chunks/`, mainly `core-*.js`: Lit and
 *   the foundation; see sharedChunkGroups); the map engine (leaflet, imported dynamically by the map element) lands in
 *   its own lazy chunk and module workers in their own files. Sources are squeezed on the way (CSS and template
 *   whitespace, Lit decorators as `static properties`: scripts/vite/transforms.ts) and the output fully minified.
 * - `--mode loader`: the tiny classic script `loader.js` (IIFE) that defines each tag on first use. It embeds the
 *   tag → file map read from the cdn build's manifest, so it runs second.
 *
 * Both write to dist/cdn/qiangji/<version>/ (version of @qiangji/elements) so a portal can pin a version.
 * Any other mode (e.g. Storybook's builder merging this file) gets no drop-in settings at all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { litSourcesPlugin, minifyCssLiteralsPlugin, moduleReportPlugin, noOptionalCallSpreadPlugin, pureContractSchemasPlugin } from './scripts/vite/transforms.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const componentsDir = join(root, 'packages/elements/src/components');

/**
 * Chromium 90 (domestic 信创 browsers), current Firefox (ESR 115+), Safari 15+. Written as chrome91: the only thing
 * Chromium 90 lacks is a fix for optional calls with a spread argument before the last (`a?.f(...x, y)` throws in
 * Chrome 80-90), for which the transpiler would rewrite every `?.` (≈ 0.4 KB gzip per bundle). `noOptionalCallSpreadPlugin`
 * checks the output has no such call, so Chromium 90 runs it as written.
 */
export const browserTargets = ['chrome91', 'firefox115', 'safari15'];

/** The @qiangji/elements version: the versioned output directory and `QiangJi.version`. */
export const cdnVersion: string = (JSON.parse(readFileSync(join(root, 'packages/elements/package.json'), 'utf8')) as { version: string }).version;

/** dist/cdn/qiangji/<version>/ */
export const cdnOutDir = join(root, 'dist/cdn/qiangji', cdnVersion);

/** Vite's manifest of the cdn build, read by the loader build and scripts/size-budget.mjs. */
export const viteManifestName = 'vite-manifest.json';

export interface ComponentEntry {
  /** Output name without `.js`: the component folder. */
  name: string;
  /** Absolute path of its define module. */
  source: string;
  /** Tags that module registers. */
  tags: string[];
}

/** Every component folder with a define.ts, and the tags each registers (read from its defineElement calls). */
export function componentEntries(): ComponentEntry[] {
  if (!existsSync(componentsDir)) return [];
  return readdirSync(componentsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(componentsDir, entry.name, 'define.ts')))
    .map((entry) => {
      const source = join(componentsDir, entry.name, 'define.ts');
      const code = readFileSync(source, 'utf8');
      const tags = [...code.matchAll(/(?:defineElement|customElements\.define)\(\s*['"](qj-[a-z0-9-]+)['"]/g)].map((match) => match[1]!);
      return { name: entry.name, source, tags };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const allEntryId = 'virtual:qiangji-all';

/** `qiangji-all.js`: imports every component's define module. */
function defineAllPlugin(entries: ComponentEntry[]): Plugin {
  const resolved = '\0' + allEntryId;
  return {
    name: 'qiangji-define-all',
    // Library mode hands entries over as paths below the root.
    resolveId: (id) => (id === allEntryId || id.endsWith(`/${allEntryId}`) ? resolved : undefined),
    load: (id) => (id === resolved ? entries.map((entry) => `import ${JSON.stringify(entry.source)};`).join('\n') : undefined),
  };
}


/** Same for both builds: no public dir, no copied assets, target browsers, full minification. */
const common: UserConfig = {
  root,
  // URLs the bundles build at runtime (module workers) are relative to the importing file, so the same files work
  // from any host and path (`/cdn/qiangji/0.1.0/`, a CDN, a portal's own static directory).
  base: './',
  publicDir: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: cdnOutDir,
    target: browserTargets,
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
  },
};

/** A module id matcher from paths below the repo root or node_modules (`.ts` / `.js` implied). */
const modulesAt = (paths: string[]): RegExp =>
  new RegExp(`/(${paths.map((path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\.(ts|js)$`);

/**
 * Shared chunks of the cdn build, fewer and larger than automatic splitting makes: each file is fetched and gzipped
 * on its own, so each costs a request, a header and a cold compression window (the card + badge + provider bundle
 * went from 8 files to 5).
 * - `core`: Lit, the context consumer and the foundation every component loads (QjElement, define, tokens and
 *   shared styles, the zh-CN catalog, date formatting).
 * - the provider entry (`provider.js`, which the card, badge and map import first anyway) also carries what only
 *   the data widgets share: QjWidget, the resource controller, icons, the client helpers, the context provider.
 * Only the modules listed are captured (`includeDependenciesRecursively: false`), so neither group pulls in the SDK
 * (sdk.js stays self-contained), lazy modules (catalogs, map engine, badge details) or one component's own code. A
 * new shared module outside these lists still works: automatic splitting gives it a chunk of its own.
 */
const sharedChunkGroups = [
  {
    name: 'provider',
    includeDependenciesRecursively: false,
    test: modulesAt([
      'packages/elements/src/components/provider/define',
      'packages/elements/src/components/provider/provider',
      'packages/elements/src/components/provider/provider.styles',
      'packages/elements/src/base/qj-widget',
      'packages/elements/src/base/icons',
      'packages/elements/src/context/client',
      'packages/elements/src/context/shared-clients',
      'packages/elements/src/controllers/resource-controller',
      'packages/elements/src/controllers/events-controller',
      'packages/elements/src/context/context-provider',
    ]),
  },
  {
    name: 'core',
    includeDependenciesRecursively: false,
    test: modulesAt([
      'node_modules/lit/index',
      'node_modules/lit-html/lit-html',
      'node_modules/lit-element/lit-element',
      'node_modules/@lit/reactive-element/reactive-element',
      'node_modules/@lit/reactive-element/css-tag',
      'packages/elements/src/base/qj-element',
      'packages/elements/src/base/define',
      'packages/elements/src/base/events',
      'packages/elements/src/styles/tokens',
      'packages/elements/src/styles/shared',
      'packages/elements/src/context/contexts',
      'packages/elements/src/context/protocol',
      'packages/elements/src/i18n/index',
      'packages/elements/src/i18n/messages',
      'packages/elements/src/i18n/locale',
      'packages/elements/src/i18n/format',
      'packages/elements/src/i18n/zh-CN',
    ]),
  },
];

function cdnConfig(): UserConfig {
  const entries = componentEntries();
  if (entries.length === 0) throw new Error(`No component define modules under ${relative(root, componentsDir)}`);
  const input: Record<string, string> = {
    ...Object.fromEntries(entries.map((entry) => [entry.name, entry.source])),
    'qiangji-all': allEntryId,
    sdk: join(root, 'packages/sdk/src/index.ts'),
  };
  return {
    ...common,
    plugins: [
      defineAllPlugin(entries),
      trustedTypesLeafletPlugin(),
      pureContractSchemasPlugin(),
      minifyCssLiteralsPlugin(),
      litSourcesPlugin(),
      moduleReportPlugin(),
      noOptionalCallSpreadPlugin(),
    ],
    // Module workers (`new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`) become
    // same-origin files next to the chunks: `worker-src 'self'` suffices, no blob: or data: URL.
    worker: {
      format: 'es',
      plugins: () => [noOptionalCallSpreadPlugin()],
      rolldownOptions: { output: { entryFileNames: 'chunks/[name]-[hash].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
    build: {
      ...common.build,
      emptyOutDir: true,
      manifest: viteManifestName,
      // Library mode: entry exports are kept, and dynamic imports stay plain `import()` (an app build wraps them in
      // Vite's preload helper, which injects <link rel=modulepreload> without the page's nonce). The loader
      // preloads an entry's static chunks itself, with the nonce.
      lib: { entry: input, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      cssCodeSplit: false,
      rolldownOptions: {
        // An entry may carry exports of shared code: saves a facade file per component.
        preserveEntrySignatures: 'allow-extension',
        output: {
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
          // Library builds keep whitespace by default; a CDN bundle wants it gone.
          minify: { compress: true, mangle: true, codegen: true },
          comments: false,
          codeSplitting: { groups: sharedChunkGroups },
        },
      },
    },
  };
}

/** What the loader needs per tag: the entry file and the chunks it imports statically (to preload them). */
export interface LoaderTagMap {
  [tag: string]: [file: string, ...preloads: string[]];
}

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** Tag → [entry file, static chunks…] from the cdn build's manifest. */
export function loaderTagMap(entries = componentEntries(), manifestPath = join(cdnOutDir, viteManifestName)): LoaderTagMap {
  if (!existsSync(manifestPath)) throw new Error(`Build the components first (vite build --mode cdn): ${relative(root, manifestPath)} is missing`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    for (const imported of manifest[key]?.imports ?? []) {
      if (!seen.has(imported)) {
        seen.add(imported);
        closure(imported, seen);
      }
    }
    return seen;
  };
  const map: LoaderTagMap = {};
  for (const entry of entries) {
    const key = relative(root, entry.source).split('\\').join('/');
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the cdn build's manifest`);
    const preloads = [...closure(key)].map((imported) => manifest[imported]!.file);
    for (const tag of entry.tags) map[tag] = [chunk.file, ...preloads];
  }
  return map;
}

function loaderConfig(): UserConfig {
  return {
    ...common,
    plugins: [noOptionalCallSpreadPlugin()],
    define: {
      ...common.define,
      __QJ_VERSION__: JSON.stringify(cdnVersion),
      __QJ_TAGS__: JSON.stringify(loaderTagMap()),
    },
    build: {
      ...common.build,
      emptyOutDir: false,
      lib: {
        entry: join(root, 'packages/elements/src/loader/loader.ts'),
        formats: ['iife'],
        name: 'QiangJiLoader',
        fileName: () => 'loader.js',
      },
      rolldownOptions: { output: { minify: { compress: true, mangle: true, codegen: true } } },
    },
  };
}

/**
 * Leaflet's inline-SVG feature test assigns innerHTML at load, which throws on portals enforcing
 * `require-trusted-types-for 'script'`. Build the same probe with createElementNS instead (same result).
 */
function trustedTypesLeafletPlugin(): Plugin {
  const probe = "div.innerHTML = '<svg/>';";
  return {
    name: 'qiangji:leaflet-trusted-types',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('leaflet/src/core/Browser.js')) return null;
      if (!code.includes(probe)) this.error('Leaflet Browser.js changed: the inline-SVG probe was not found');
      return { code: code.replace(probe, "div.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));"), map: null };
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'cdn') return cdnConfig();
  if (mode === 'loader') return loaderConfig();
  return {};
});
