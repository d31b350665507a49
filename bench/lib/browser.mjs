/**
 * What the Chromium benchmarks (bench/cards/run.mjs, bench/map/run.mjs) share: command-line options, a Vite
 * production build of a benchmark page (offline), a static server for it, and one headless Chromium (Debian's, or
 * CHROME_PATH) driven through playwright-core.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

/** `--name value` as a number, else `fallback`. */
export function numberOption(args, name, fallback) {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
}

/**
 * A Vite production build of the page(s) under `root` into `outDir`: no config file, no public dir, relative
 * base, minified, no module preload polyfill. `options` adds to or overrides `build` (and may set `worker`).
 */
export async function buildPage({ root, outDir, build = {}, ...options }) {
  process.env.NODE_ENV = 'production';
  const vite = await import('vite');
  return vite.build({
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    ...options,
    build: { outDir, emptyOutDir: true, minify: true, modulePreload: false, reportCompressedSize: false, ...build },
  });
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

/**
 * Serves `dir` on an ephemeral 127.0.0.1 port, uncached. `files` maps URL paths to other files (e.g. a vendor
 * script from node_modules); `headers(path)` adds response headers. Resolves with `{ origin, close }`.
 */
export async function serveStatic(dir, { files = {}, headers = () => ({}) } = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = files[path] ?? join(dir, path === '/' ? 'index.html' : path);
    if ((!files[path] && !file.startsWith(dir + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers(path) })
      .end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** One headless Chromium for a benchmark: no GPU, no background networking or updates; `extraArgs` add flags. */
export async function launchChromium(extraArgs = []) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}
