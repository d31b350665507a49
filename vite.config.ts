/**
 * The drop-in distribution (`npm run build:cdn` → scripts/build-cdn.mjs), two Vite builds selected by mode:
 *
 * - `--mode cdn`: one ES module per component (`<folder>.js`, from packages/elements/src/components/<folder>/define.ts),
 *   `qiangji-all.js` (every component) and `sdk.js` (the SDK), sharing chunks (`chunks/`); the map engine (leaflet,
 *   imported dynamically by the map element) lands in its own lazy chunk and module workers in their own files.
 * - `--mode loader`: the tiny classic script `loader.js` (IIFE) that defines each tag on first use. It embeds the
 *   tag → file map read from the cdn build's manifest, so it runs second.
 *
 * Both write to dist/cdn/qiangji/<version>/ (version of @qiangji/elements) so a portal can pin a version.
 * Any other mode (e.g. Storybook's builder merging this file) gets no drop-in settings at all.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const componentsDir = join(root, 'packages/elements/src/components');

/** Chromium 90 (domestic 信创 browsers), current Firefox (ESR 115+), Safari 15+. */
export const browserTargets = ['chrome90', 'firefox115', 'safari15'];

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

/**
 * The contract's modules declare valibot schemas at top level (`export const XSchema = v.object({...})`). valibot marks
 * its factories side-effect free, but the bundler does not see that through the `v.` namespace, so every schema of a
 * module the widgets touch (for a label or a helper) would ship. The annotation says what is true: building a schema
 * has no effect, so unused ones are dropped. Scoped to packages/contract/src; the factory helpers of common.ts
 * (`text()`, `queryInt()` …) only call `v.*`.
 */
function pureContractSchemasPlugin(): Plugin {
  const contractSource = /\/packages\/contract\/src\/(?!.*\.generated\.ts$).*\.ts$/;
  const factoryCall = /(?<![\w$.]|function )\b(v\.[A-Za-z]+|text|queryInt|queryNumber|queryList|pageOf)\(/g;
  return {
    name: 'qiangji-pure-contract-schemas',
    enforce: 'pre',
    transform(code, id) {
      if (!contractSource.test(id.split('?')[0]!)) return undefined;
      return { code: code.replace(factoryCall, '/* @__PURE__ */ $1('), map: null };
    },
  };
}

/**
 * Lit's `css` literals ship as written: indentation, comments and line breaks. This removes only what cannot matter
 * in CSS: comments, whitespace runs, and spaces next to `{`, `}`, `;` and after `,`. It never touches spaces around `:`
 * (`a :hover` ≠ `a:hover`) or inside strings, and leaves `${…}` interpolations alone.
 */
function minifyCssLiteralsPlugin(): Plugin {
  const elementsSource = /\/packages\/elements\/src\/.*\.ts$/;
  const cssLiteral = /\bcss`((?:[^`\\]|\\.)*)`/g;
  const squeeze = (text: string): string =>
    text
      .split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\$\{[^}]*\})/)
      .map((part, index) =>
        index % 2 === 1
          ? part
          : part
              .replace(/\/\*[\s\S]*?\*\//g, '')
              .replace(/\s+/g, ' ')
              .replace(/\s*([{};])\s*/g, '$1')
              .replace(/,\s+/g, ','),
      )
      .join('')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'qiangji-minify-css-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!elementsSource.test(id.split('?')[0]!) || !code.includes('css`')) return undefined;
      return { code: code.replace(cssLiteral, (_, body: string) => `css\`${squeeze(body)}\``), map: null };
    },
  };
}

/**
 * Which source modules each output file holds, and how many bytes of it each one renders: written to
 * .bench/cdn-modules.json for scripts/size-budget.mjs (which chunk is the map engine, what makes a bundle heavy).
 */
function moduleReportPlugin(): Plugin {
  return {
    name: 'qiangji-module-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const report: Record<string, Record<string, number>> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        report[output.fileName] = Object.fromEntries(
          Object.entries(output.modules)
            .map(([id, module]): [string, number] => [relative(root, id.replace(/^\0/, '')).split('\\').join('/'), module.renderedLength])
            .filter(([, length]) => length > 0)
            .sort((a, b) => b[1] - a[1]),
        );
      }
      mkdirSync(join(root, '.bench'), { recursive: true });
      writeFileSync(join(root, '.bench/cdn-modules.json'), JSON.stringify(report, null, 2) + '\n');
    },
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
    plugins: [defineAllPlugin(entries), pureContractSchemasPlugin(), minifyCssLiteralsPlugin(), moduleReportPlugin()],
    // Module workers (`new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`) become
    // same-origin files next to the chunks: `worker-src 'self'` suffices, no blob: or data: URL.
    worker: {
      format: 'es',
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

export default defineConfig(({ mode }) => {
  if (mode === 'cdn') return cdnConfig();
  if (mode === 'loader') return loaderConfig();
  return {};
});
