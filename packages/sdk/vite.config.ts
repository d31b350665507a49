/**
 * Library builds of the SDK. `vite build` → dist/index.js + dist/fixtures.js (ESM for bundlers and Node ≥ 20);
 * `vite build --mode iife` → dist/qiangji-sdk.iife.js exposing the global `QiangJi` (script tags).
 * @qiangji/contract is bundled, tree-shaken: the core imports only its types, so nothing of it remains.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const source = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  return {
    // Library build: nothing from a public dir, no index.html.
    publicDir: false,
    build: {
      outDir: fileURLToPath(new URL('./dist', import.meta.url)),
      emptyOutDir: !iife,
      target: 'es2020',
      sourcemap: true,
      lib: iife
        ? { entry: source('index.ts'), name: 'QiangJi', formats: ['iife'], fileName: () => 'qiangji-sdk.iife.js' }
        : { entry: { index: source('index.ts'), fixtures: source('fixtures.ts') }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      // Full minification (Vite keeps whitespace in ES libraries by default); the size budget measures this.
      // `extend`: the script-tag build adds createClient & co. to an existing `window.QiangJi` (the drop-in loader's
      // API) instead of replacing it, whichever of the two scripts runs first.
      rolldownOptions: { output: { extend: iife, minify: { compress: true, mangle: true, codegen: true } } },
    },
  };
});
