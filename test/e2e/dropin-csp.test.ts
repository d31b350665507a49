/**
 * Issue 5 acceptance: the built drop-in bundle in a plain HTML page served with `Content-Security-Policy:
 * default-src 'self'` (no unsafe-inline, no nonce: the page has no inline script) renders the task progress card
 * and the branch rating badge from attributes alone against the real server — 0 console errors, 0 CSP violations,
 * 0 axe violations — and the bundle stays within its size budgets.
 *
 * The page's origin is a tiny node:http server (port 0) serving the page, dist/cdn, and passing /api/ through to
 * the real Plan API, so that `default-src 'self'` covers the API too (transport only; nothing is mocked).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  cdnRoot,
  collectPageProblems,
  demoEmbedKey,
  formatAxe,
  launchChromium,
  listProblems,
  loaderPath,
  newPage,
  repoRoot,
  runAxe,
  startServer,
  waitForQiangJi,
  waitForText,
  type TestServer,
} from './harness.js';

const csp = "default-src 'self'";

/** Attributes only: no script of the page's own, no provider, no configure() call. */
const plainPage = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>强基组件 · 纯 HTML 页面</title>
    <script src="${loaderPath}"></script>
  </head>
  <body>
    <main>
      <h1>强基工程</h1>
      <qj-task-progress-card task-id="T01" api-base="/" embed-key="${demoEmbedKey}"></qj-task-progress-card>
      <p>下津村党支部：<qj-branch-rating-badge org-id="445102007200" year="2025" api-base="/" embed-key="${demoEmbedKey}"></qj-branch-rating-badge></p>
    </main>
  </body>
</html>`;

/**
 * The other way in: the documented stub (as a file, the CSP allows no inline script) queues configure() and ready()
 * before the loader (async) arrives; the loader's data-api-base adds a default. The widgets carry no API attributes.
 */
const stubScript = `window.QiangJi=window.QiangJi||{q:[],configure:function(){this.q.push(['configure',arguments])},ready:function(){var s=this;return new Promise(function(r){s.q.push(['ready',[r]])})}};
QiangJi.configure({ embedKey: '${demoEmbedKey}' });
QiangJi.ready().then(function () { document.body.setAttribute('data-qj-ready', String(document.querySelectorAll(':not(:defined)').length)); });`;
const configuredPage = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8">
    <title>强基组件 · 全局配置</title>
    <script src="/stub.js"></script>
    <script src="${loaderPath}" data-api-base="/" async></script>
  </head>
  <body>
    <main>
      <h1>全局配置</h1>
      <qj-task-progress-card task-id="T02" variant="compact"></qj-task-progress-card>
    </main>
  </body>
</html>`;

/** A page that breaks both rules, to show the recorder and axe do see problems. */
const brokenPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>broken</title></head>
<body><main><script>document.title = 'inline script ran';</script><img src="/favicon.ico"></main></body></html>`;

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface PlainSite {
  origin: string;
  /** Paths the browser asked for. */
  requests: string[];
  close(): Promise<void>;
}

/** The plain page's origin: the page, dist/cdn at /cdn/, /api/ passed through to `api`. */
async function startPlainSite(api: string): Promise<PlainSite> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    if (url.pathname.startsWith('/api/')) {
      const upstream = http.request(new URL(url.pathname + url.search, api), { method: request.method, headers: { ...request.headers, host: new URL(api).host } }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
      return;
    }
    const page = { '/': plainPage, '/configured.html': configuredPage, '/broken.html': brokenPage }[url.pathname];
    if (page) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      response.end(page);
      return;
    }
    if (url.pathname === '/stub.js') {
      response.writeHead(200, { 'content-type': contentTypes['.js']!, 'content-security-policy': csp });
      response.end(stubScript);
      return;
    }
    if (url.pathname.startsWith('/cdn/')) {
      const file = resolve(cdnRoot, decodeURIComponent(url.pathname.slice('/cdn/'.length)));
      if (file.startsWith(cdnRoot + sep) && existsSync(file) && statSync(file).isFile()) {
        response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'content-security-policy': csp });
        createReadStream(file).pipe(response);
        return;
      }
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

describe('the drop-in bundle on a plain page under default-src \'self\'', () => {
  let api: TestServer;
  let site: PlainSite;
  let browser: Browser;

  before(async () => {
    [api, browser] = await Promise.all([startServer({ seed: 'small' }), launchChromium()]);
    site = await startPlainSite(api.baseUrl);
    // The portal's origin is listed for the embed key, as a deployment would list it.
    await api.allowEmbedOrigin(site.origin);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await api?.close();
  });

  test('renders the task card and the rating badge from attributes alone: no console error, CSP violation or axe violation', async () => {
    const { context, page } = await newPage(browser);
    try {
      const recorder = await collectPageProblems(page);
      const response = await page.goto(site.origin + '/');
      assert.equal(response?.headers()['content-security-policy'], csp);
      await waitForQiangJi(page);
      await waitForText(page, 'qj-task-progress-card [part="title"]', /一把手/);
      await waitForText(page, 'qj-task-progress-card [part="progress-value"]', /\d+\s*%/);
      await waitForText(page, 'qj-branch-rating-badge [part="level"]', /星/);
      const stars = await page.locator('qj-branch-rating-badge [part="stars"]').getAttribute('aria-label');
      assert.match(stars ?? '', /2025/);

      const violations = await runAxe(page);
      assert.deepEqual(violations.map((violation) => violation.id), [], formatAxe(violations));
      assert.deepEqual(listProblems(await recorder.read()), []);

      // Only what the two tags need was fetched: no map, no case form.
      const scripts = site.requests.filter((path) => path.endsWith('.js'));
      assert.ok(scripts.includes(loaderPath), 'the loader');
      assert.ok(scripts.some((path) => path.endsWith('/task-progress-card.js')) && scripts.some((path) => path.endsWith('/branch-rating-badge.js')));
      assert.deepEqual(
        scripts.filter((path) => /member-service-map|map-engine|mediation-case-form/.test(path)),
        [],
        `unrelated bundles fetched: ${scripts.join(', ')}`,
      );
    } finally {
      await context.close();
    }
  });

  test('calls queued on the stub before the loader arrives are replayed; configured defaults reach the widget', async () => {
    const { context, page } = await newPage(browser);
    try {
      const recorder = await collectPageProblems(page);
      await page.goto(site.origin + '/configured.html');
      await page.waitForFunction(() => document.body.hasAttribute('data-qj-ready'));
      assert.equal(await page.getAttribute('body', 'data-qj-ready'), '0', 'ready() resolved once every qj-* element was defined');
      const card = page.locator('qj-task-progress-card');
      assert.equal(await card.getAttribute('api-base'), '/', 'data-api-base of the loader script');
      assert.equal(await card.getAttribute('embed-key'), demoEmbedKey, 'QiangJi.configure() queued on the stub');
      await waitForText(page, 'qj-task-progress-card [part="title"]', /健全各领域/);
      assert.deepEqual(listProblems(await recorder.read()), []);
    } finally {
      await context.close();
    }
  });

  test('the checks can fail: an inline script and an image without alt text are caught', async () => {
    const { context, page } = await newPage(browser);
    try {
      const recorder = await collectPageProblems(page);
      await page.goto(site.origin + '/broken.html');
      assert.notEqual(await page.title(), 'inline script ran', 'the CSP blocked the inline script');
      const problems = await recorder.read();
      assert.ok(problems.cspViolations.length > 0, 'the CSP violation is recorded');
      assert.ok((await runAxe(page)).some((violation) => violation.id === 'image-alt'), 'axe reports the image without alt');
      assert.deepEqual(problems.cspViolations.length, (await recorder.read()).cspViolations.length, 'reading twice does not double count');
    } finally {
      await context.close();
    }
  });

  test('the bundle is within its size budgets (card + badge + provider + SDK + Lit ≤ 25 KB gzip, …)', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/size-budget.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(result.status, 0, `npm run size:\n${result.stdout}\n${result.stderr}`);
  });
});
