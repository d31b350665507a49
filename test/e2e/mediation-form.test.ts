/**
 * End to end: <qj-mediation-case-form> in real Chromium against the real server (packages/server/test/harness.ts,
 * port 0, small seed). The page and the element bundle come from a tiny static server on localhost that passes
 * /api/* through to the API unchanged, so the page and the API share one origin. Faults are injected only at the
 * network layer (Playwright offline mode and page.route); nothing of the server is mocked. Pages: `/` (the form with
 * its own client), `/form` (inside a host <form>), `/provider` (inside a <qj-provider> that builds its client from
 * its attributes, after the form connected).
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { idNumberCheckChar, type MediationCase } from '@qiangji/contract';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const demoPassword = process.env.QJ_DEMO_PASSWORD || 'qiangji-demo-2026';
/** The seeded mediator (role `mediator`, 桥东街道). */
const mediatorUsername = 'qiaodong-mediator';

interface Api {
  url: string;
  close(): Promise<void>;
}

/**
 * The real server on an ephemeral port with a temp data dir and a small seed: through the server package's test
 * harness when it is there, else built the same way from its own modules (buildApp, testConfig, openMigrated).
 */
async function startApi(): Promise<Api> {
  const harnessPath = path.join(root, 'packages/server/test/harness.ts');
  if (await exists(harnessPath)) {
    const harness = (await import(harnessPath)) as Record<string, unknown>;
    const start = (harness['startTestServer'] ?? harness['startServer'] ?? harness['startApp']) as
      | ((options?: Record<string, unknown>) => Promise<{ url?: string; baseUrl?: string; origin?: string; close: () => Promise<void> }>)
      | undefined;
    if (start) {
      const server = await start({ seed: 'small' });
      const url = (server.url ?? server.baseUrl ?? server.origin ?? '').replace(/\/+$/, '').replace(/\/api\/v1$/, '');
      return { url, close: () => server.close() };
    }
  }
  const { buildApp } = await import(path.join(root, 'packages/server/src/app.ts'));
  const { testConfig } = await import(path.join(root, 'packages/server/src/config.ts'));
  const { openMigrated, seedIfEmpty } = await import(path.join(root, 'packages/server/src/bootstrap.ts'));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qj-mediation-e2e-data-'));
  const config = testConfig({ dataDir, logLevel: 'silent', demoPassword });
  const handle = await openMigrated(config);
  await seedIfEmpty(handle, { demoPassword, demoEmbedKey: config.demoEmbedKey, members: 50, servicePoints: 20, serviceRecords: 50, mediationCases: 5 });
  const app = await buildApp(config, { handle });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    close: async () => {
      await app.close();
      await handle.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const exists = (file: string) => access(file).then(
  () => true,
  () => false,
);

/** Bundles the element and the SDK for the page (one ESM file). */
async function bundleElement(outDir: string): Promise<string> {
  const entry = path.join(outDir, 'entry.ts');
  await writeFile(
    entry,
    `import ${JSON.stringify(path.join(root, 'packages/elements/src/components/mediation-case-form/define.ts'))};
import ${JSON.stringify(path.join(root, 'packages/elements/src/components/provider/define.ts'))};
import { createClient } from ${JSON.stringify(path.join(root, 'packages/sdk/src/index.ts'))};
const params = new URLSearchParams(location.search);
const client = createClient({ baseUrl: '', token: params.get('token'), retries: 1, timeoutMs: 8000 });
const form = document.querySelector('form');
const provider = document.querySelector('qj-provider');
const element = document.createElement('qj-mediation-case-form');
if (params.get('elder')) element.setAttribute('elder', '');
if (provider) {
  element.setAttribute('case-id', params.get('case'));
  provider.setAttribute('api-base', location.origin);
  provider.setAttribute('token', params.get('token'));
  provider.append(element);
} else if (form) {
  element.setAttribute('name', 'case');
  element.setAttribute('required-steps', 'identify');
  element.setAttribute('user-id', 'host-form');
  form.prepend(element);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.lastSubmit = Object.fromEntries(new FormData(form));
  });
} else {
  element.client = client;
  document.querySelector('main').append(element);
}
window.qjClient = client;
window.qjReady = element.whenReady().then(() => true);
`,
  );
  const outfile = path.join(outDir, 'bundle.js');
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile,
    tsconfig: path.join(root, 'tsconfig.json'),
    conditions: ['browser', 'development'],
    logLevel: 'error',
  });
  return outfile;
}

const page = (body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>调解案件</title>
<script type="module" src="/bundle.js"></script></head>
<body><main><h1>调解案件登记</h1>${body}</main></body></html>`;

/** Serves the test pages and the bundle; passes /api/* through to the real server untouched. */
async function startSite(bundleFile: string, api: Api): Promise<{ url: string; close(): Promise<void> }> {
  const bundle = await readFile(bundleFile);
  const target = new URL(api.url);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: { ...request.headers, host: target.host } },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => response.writeHead(502).end());
      request.pipe(upstream);
      return;
    }
    if (url.pathname === '/bundle.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
      return;
    }
    const html =
      url.pathname === '/form'
        ? page('<form><button type="submit">提交</button><button type="reset">重置</button></form>')
        : url.pathname === '/provider'
          ? page('<qj-provider locale="zh-CN"></qj-provider>')
          : page('');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let api: Api;
let site: { url: string; close(): Promise<void> };
let browser: Browser;
let token: string;
let workDir: string;
const contexts: BrowserContext[] = [];

async function apiCall<T>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${api.url}/api/v1${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Cases on the server whose 识茶 summary carries `marker` (each test uses its own). */
async function casesWith(marker: string): Promise<MediationCase[]> {
  const found: MediationCase[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `/mediation-cases?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const pageOfCases: { items: MediationCase[]; nextCursor: string | null } = await apiCall('GET', query);
    found.push(...pageOfCases.items.filter((item) => String(item.steps.identify?.['summary'] ?? '').includes(marker)));
    cursor = pageOfCases.nextCursor;
  } while (cursor);
  return found;
}

async function openPage(pathname = '/', query: Record<string, string> = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  const search = new URLSearchParams({ token, ...query });
  await page.goto(`${site.url}${pathname}?${search}`);
  await page.waitForFunction(() => (window as unknown as { qjReady?: Promise<boolean> }).qjReady);
  await page.evaluate(() => (window as unknown as { qjReady: Promise<boolean> }).qjReady);
  return { page, context };
}

const control = (page: Page, step: string, field: string) => page.locator(`#f-${step}-${field.replace(/\./g, '-')}`);
const statusText = (page: Page) => page.locator('qj-mediation-case-form .status .status-text');
const nextButton = (page: Page) => page.locator('qj-mediation-case-form .actions button.primary');

async function fillIdentify(page: Page, marker: string, options: { idNumber?: string } = {}) {
  await control(page, 'identify', 'source').selectOption('party_applied');
  await control(page, 'identify', 'disputeType').selectOption('neighbourhood');
  const people = [
    ['陈柔燕', '13812341234'],
    ['林志明', '13923456789'],
  ] as const;
  for (const [index, [name, phone]] of people.entries()) {
    await control(page, 'identify', `parties.${index}.name`).fill(name);
    await page.locator(`#f-identify-parties-${index}-sex-1`).check();
    await control(page, 'identify', `parties.${index}.age`).fill('45');
    await control(page, 'identify', `parties.${index}.occupation`).fill('茶农');
    await control(page, 'identify', `parties.${index}.phone`).fill(phone);
    await control(page, 'identify', `parties.${index}.address`).fill('潮州市湘桥区意溪镇某村三巷5号');
  }
  if (options.idNumber) await control(page, 'identify', 'parties.0.idNumber').fill(options.idNumber);
  await control(page, 'identify', 'summary').fill(`排水沟堵塞引发纠纷 ${marker}`);
  await control(page, 'identify', 'crux').fill('排水沟归属不清');
}

const formValue = (page: Page) => page.evaluate(() => JSON.stringify((document.querySelector('qj-mediation-case-form') as unknown as { value: unknown }).value));
const marker = (name: string) => `[e2e-${name}-${Date.now().toString(36)}]`;

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'qj-mediation-e2e-'));
  api = await startApi();
  const login = await apiCall<{ accessToken: string }>('POST', '/auth/login', { username: mediatorUsername, password: demoPassword });
  token = login.accessToken;
  site = await startSite(await bundleElement(workDir), api);
  browser = await chromium.launch({
    executablePath: chromePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  await browser?.close();
  await site?.close();
  await api?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('mediation case form, end to end', () => {
  test('识茶 and 醒茶 filled, reload: the draft is back exactly', async () => {
    const tag = marker('reload');
    const { page } = await openPage();
    await fillIdentify(page, tag);
    await nextButton(page).click();
    await statusText(page).filter({ hasText: '已提交' }).waitFor();
    await control(page, 'awaken', 'statements.0.statement').fill('对方把沟堵了，雨天淹了我家');
    await control(page, 'awaken', 'statements.1.statement').fill('沟在我家地界上');
    await control(page, 'awaken', 'calming').fill('分别泡工夫茶，请双方坐下慢慢谈');
    // Autosave is debounced: wait until the draft holding the last keystroke is in IndexedDB.
    await page.waitForTimeout(800);
    const before = await formValue(page);

    await page.reload();
    await page.evaluate(() => (window as unknown as { qjReady: Promise<boolean> }).qjReady);
    await page.locator('qj-mediation-case-form .restored').filter({ hasText: '已恢复草稿' }).waitFor();
    assert.equal(await formValue(page), before);
    assert.equal(await control(page, 'awaken', 'calming').inputValue(), '分别泡工夫茶，请双方坐下慢慢谈');
    assert.equal(await control(page, 'awaken', 'statements.1.statement').inputValue(), '沟在我家地界上');
    assert.equal((await casesWith(tag)).length, 1);
  });

  test('offline submit is queued and shown, then sent once the network is back: exactly one case', async () => {
    const tag = marker('offline');
    const { page, context } = await openPage();
    await fillIdentify(page, tag);
    await context.setOffline(true);
    await nextButton(page).click();
    await statusText(page).filter({ hasText: '已排队，网络恢复后自动提交' }).waitFor();
    assert.equal((await casesWith(tag)).length, 0);
    await context.setOffline(false);
    await statusText(page).filter({ hasText: '已提交' }).waitFor({ timeout: 20_000 });
    const cases = await casesWith(tag);
    assert.equal(cases.length, 1);
    assert.equal(cases[0]!.currentStep, 'awaken');
  });

  test('double submit creates one case', async () => {
    const tag = marker('double');
    const { page } = await openPage();
    await fillIdentify(page, tag);
    await nextButton(page).dblclick();
    await statusText(page).filter({ hasText: '已提交' }).waitFor();
    await page.waitForTimeout(500);
    const cases = await casesWith(tag);
    assert.equal(cases.length, 1);
    assert.equal(cases[0]!.currentStep, 'awaken');
  });

  test('the server answers 500 on the first try (after doing the work): retried with the same key, one case', async () => {
    const tag = marker('500');
    const { page } = await openPage();
    const keys: string[] = [];
    let failed = false;
    await page.route('**/api/v1/mediation-cases', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (failed) return route.continue();
      failed = true;
      // The request reaches the server and the case is created; the answer is lost and replaced by a 500.
      await route.fetch();
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'internal', message: '服务器内部错误', messageEn: 'Internal server error', requestId: 'e2e' }),
      });
    });
    await fillIdentify(page, tag);
    await nextButton(page).click();
    await statusText(page).filter({ hasText: '自动重试' }).waitFor();
    await statusText(page).filter({ hasText: '已提交' }).waitFor({ timeout: 20_000 });
    assert.equal(keys.length, 2);
    assert.ok(keys[0]);
    assert.equal(keys[0], keys[1]);
    const cases = await casesWith(tag);
    assert.equal(cases.length, 1);
    assert.equal(cases[0]!.currentStep, 'awaken');
  });

  test('an invalid ID number gives a field error and nothing is lost', async () => {
    const tag = marker('id');
    const { page } = await openPage();
    const first17 = '44510219800101123';
    const wrongCheck = first17 + (idNumberCheckChar(first17) === '0' ? '1' : '0');
    await fillIdentify(page, tag, { idNumber: wrongCheck });
    await control(page, 'identify', 'parties.0.idNumber').blur();
    await page.locator('#f-identify-parties-0-idNumber-error').filter({ hasText: '身份证号码无效' }).waitFor();
    await nextButton(page).click();
    await page.locator('qj-mediation-case-form .error-summary').waitFor();
    const focused = await page.evaluate(() => document.querySelector('qj-mediation-case-form')!.shadowRoot!.activeElement?.id);
    assert.equal(focused, 'f-identify-parties-0-idNumber');
    assert.equal(await control(page, 'identify', 'parties.0.idNumber').getAttribute('aria-invalid'), 'true');
    assert.equal(await control(page, 'identify', 'parties.0.idNumber').inputValue(), wrongCheck);
    assert.equal(await control(page, 'identify', 'summary').inputValue(), `排水沟堵塞引发纠纷 ${tag}`);
    assert.equal(await control(page, 'identify', 'parties.1.phone').inputValue(), '13923456789');
    assert.equal((await casesWith(tag)).length, 0);
  });

  test('inside a host <form>: submit includes the value, reset resets, validity follows the required steps', async () => {
    const { page } = await openPage('/form');
    const valid = () => page.evaluate(() => document.querySelector('form')!.checkValidity());
    assert.equal(await valid(), false);
    await fillIdentify(page, marker('form'));
    assert.equal(await valid(), true);
    await page.locator('form > button[type=submit]').click();
    const submitted = await page.evaluate(() => (window as unknown as { lastSubmit?: Record<string, string> }).lastSubmit);
    assert.ok(submitted?.['case']);
    const value = JSON.parse(submitted['case']) as { steps: { identify: { parties: Array<{ phone: string }>; crux: string } } };
    assert.equal(value.steps.identify.crux, '排水沟归属不清');
    assert.equal(value.steps.identify.parties[1]!.phone, '13923456789');

    await control(page, 'identify', 'parties.0.phone').fill('12');
    assert.equal(await valid(), false);
    await page.locator('form > button[type=reset]').click();
    assert.equal(await control(page, 'identify', 'summary').inputValue(), '');
    assert.equal(await valid(), false);
    assert.equal(await page.evaluate(() => (document.querySelector('qj-mediation-case-form') as unknown as { validity: ValidityState }).validity.valueMissing), true);
  });

  test('inside a <qj-provider> whose client comes after the form connected: the case is loaded and saved through it', async () => {
    const tag = marker('provider');
    const me = await apiCall<{ user: { orgUnitId: string } }>('GET', '/auth/me');
    const created = await apiCall<MediationCase>('POST', '/mediation-cases', { orgUnitId: me.user.orgUnitId, identify: { summary: `邻里纠纷 ${tag}` } });
    const { page } = await openPage('/provider', { case: created.id });
    await page.locator('qj-mediation-case-form h2').filter({ hasText: `调解案件 ${created.caseNumber}` }).waitFor();
    assert.equal(await control(page, 'identify', 'summary').inputValue(), `邻里纠纷 ${tag}`);
    await control(page, 'identify', 'crux').fill('排水沟归属不清');
    await page.locator('qj-mediation-case-form .actions button', { hasText: '保存' }).click();
    await statusText(page).filter({ hasText: '已提交' }).waitFor();
    const [saved] = await casesWith(tag);
    assert.equal(saved?.steps.identify?.['crux'], '排水沟归属不清');
  });

  test('axe reports no violations on any step, also in elder mode', async () => {
    const axeSource = await readFile(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const steps = ['identify', 'awaken', 'brew', 'pour', 'serve', 'reflect'];
    const complete = {
      identify: { source: 'party_applied', disputeType: 'neighbourhood', parties: [{ name: '陈柔燕', sex: 'female', ethnicity: '汉族', age: 45, occupation: '茶农', phone: '13812341234', address: '意溪镇' }, { name: '林志明', sex: 'male', ethnicity: '汉族', age: 50, occupation: '茶商', phone: '13923456789', address: '意溪镇' }], summary: '纠纷', crux: '症结' },
      awaken: { statements: [{ party: 0, statement: '陈述一' }, { party: 1, statement: '陈述二' }], calming: '疏导' },
      brew: { facts: '事实', evidence: ['照片'], lawAndReason: '法理' },
      pour: { proposal: '方案', negotiationRecord: '记录' },
      serve: { outcome: 'agreement', agreement: { facts: '事实', disputedIssues: '争议', responsibilities: '责任', terms: '内容', performanceMethod: '现金', performanceDeadline: '2026-12-31' }, partiesSigned: true, mediatorSigned: true, committeeSealed: true, signedOn: '2026-11-20' },
      reflect: { followUpDate: '2026-12-20', performance: 'performed', satisfaction: 5, notes: '', judicialConfirmationReminded: true },
    };
    for (const elder of [false, true]) {
      // The host-form page runs the form locally, so every step can be shown without touching the server's data.
      const { page } = await openPage('/form', elder ? { elder: '1' } : {});
      await page.addScriptTag({ content: axeSource });
      const audit = async (label: string) => {
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
          const result = await axe.run(document.querySelector('qj-mediation-case-form')!, { resultTypes: ['violations'] });
          return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
        });
        assert.deepEqual(violations, [], `${label}${elder ? ' (elder)' : ''}: ${violations.join(', ')}`);
      };
      await nextButton(page).click(); // the first step with its error summary
      await audit('identify with errors');
      for (const step of steps) {
        await page.evaluate(
          ([currentStep, data]) => {
            (document.querySelector('qj-mediation-case-form') as unknown as { value: unknown }).value = { caseId: null, currentStep, steps: data };
          },
          [step, complete] as const,
        );
        await page.locator(`#step-heading`).filter({ hasText: `第${steps.indexOf(step) + 1}步` }).waitFor();
        await audit(step);
      }
      if (elder) {
        const height = await nextButton(page).evaluate((element) => element.getBoundingClientRect().height);
        assert.ok(height >= 60, `elder-mode target is ${height}px`);
      }
    }
  });
});
