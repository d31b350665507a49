/**
 * Issue 8 acceptance: the demo portal at `/` (served by the real server under its strict CSP with a nonce) shows every
 * widget live on seeded data with 0 console errors, 0 CSP violations and 0 axe violations (WCAG 2.1 A/AA), before
 * and after its 繁體 and 长者模式 toggles and the mediator's sign-in; the jQuery and Vue host pages pass the same
 * smoke test. Real server (port 0, small seed), real system Chromium, the built drop-in bundle.
 *
 * QJ_E2E_BASE_URL=http://localhost:8080 runs it against an `npm start` already running instead.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  collectPageProblems,
  demoPassword,
  formatAxe,
  launchChromium,
  listProblems,
  loaderPath,
  newPage,
  runAxe,
  startServer,
  waitForQiangJi,
  waitForText,
  type PageProblems,
  type TestServer,
} from './harness.js';

let server: TestServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startServer({ seed: 'small' }), launchChromium()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Locale-dependent text the widgets render. */
const expected = {
  'zh-CN': { progress: /完成进度/, level: /星/, summary: /本视图共\s*[\d,]+\s*个服务点/, step: /第1步：识茶/ },
  'zh-HK': { progress: /完成進度/, level: /星/, summary: /本視圖共\s*[\d,]+\s*個服務點/, step: /第1步：識茶/ },
};

interface Opened {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  read(): Promise<PageProblems>;
}

/** Opens `path` with the problem recorder on; checks the answer carries a strict CSP. */
async function open(path: string): Promise<Opened> {
  const { context, page } = await newPage(browser);
  const recorder = await collectPageProblems(page);
  const response = await page.goto(server.baseUrl + path, { waitUntil: 'domcontentloaded' });
  assert.equal(response?.status(), 200, `GET ${path}`);
  const csp = response.headers()['content-security-policy'] ?? '';
  const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  assert.match(scriptSrc, /'nonce-[^']+'/, `${path}: script-src with a nonce (CSP: ${csp || 'none'})`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${path}: no unsafe-inline / unsafe-eval in ${csp}`);
  return { context, page, problems: recorder.problems, read: recorder.read };
}

/** Card titles from the seed, stars on the badges, points on the map, the first step of the case form. */
async function assertWidgetsLive({ page, problems }: Opened, locale: keyof typeof expected, scope = ''): Promise<void> {
  const text = expected[locale];
  const wait = { problems };
  await waitForQiangJi(page);
  const cards = page.locator(`${scope} qj-task-progress-card`);
  assert.ok((await cards.count()) > 0, 'the page has task cards');
  for (const card of await cards.all()) {
    const taskId = await card.getAttribute('task-id');
    const title = await waitForText(page, `${scope} qj-task-progress-card[task-id="${taskId}"] [part="title"]`, /\S{4,}/, wait);
    assert.ok(title.trim().length > 0, `card ${taskId} shows its title`);
    await waitForText(page, `${scope} qj-task-progress-card[task-id="${taskId}"] [part="progress-label"]`, text.progress, wait);
  }
  const badges = page.locator(`${scope} qj-branch-rating-badge`);
  assert.ok((await badges.count()) > 0, 'the page has rating badges');
  for (const badge of await badges.all()) {
    const orgId = await badge.getAttribute('org-id');
    await waitForText(page, `${scope} qj-branch-rating-badge[org-id="${orgId}"] [part="level"]`, text.level, wait);
    const label = await page.locator(`${scope} qj-branch-rating-badge[org-id="${orgId}"] [part="stars"]`).getAttribute('aria-label');
    assert.match(label ?? '', /2025/, `badge ${orgId} names its year`);
  }
  const summary = await waitForText(page, `${scope} qj-member-service-map [part="summary"]`, text.summary, { ...wait, timeout: 30_000 });
  const count = Number(/([\d,]+)/.exec(summary)?.[1]?.replaceAll(',', ''));
  assert.ok(count > 0, `the map counts its service points (${summary.trim()})`);
  await waitForText(page, `${scope} qj-mediation-case-form #step-heading`, text.step, wait);
}

async function assertClean(opened: Opened, when: string): Promise<void> {
  const violations = await runAxe(opened.page);
  assert.deepEqual(violations.map((violation) => violation.id), [], `axe (WCAG 2.1 A/AA) ${when}:\n${formatAxe(violations)}`);
  assert.deepEqual(listProblems(await opened.read()), [], `console errors, page errors, failed requests, CSP violations ${when}`);
}

describe('the demo portal at /', () => {
  let opened: Opened;

  before(async () => {
    opened = await open('/');
  });
  after(async () => {
    await opened?.context.close();
  });

  test('embeds QiangJi with one pinned loader script carrying the nonce', async () => {
    const scripts = await opened.page.locator('script[src]').evaluateAll((elements) =>
      elements.map((element) => ({ src: element.getAttribute('src'), nonce: (element as HTMLScriptElement).nonce ?? '' })),
    );
    const loader = scripts.find((script) => script.src === loaderPath);
    assert.ok(loader, `the page loads ${loaderPath} (scripts: ${JSON.stringify(scripts.map((script) => script.src))})`);
    assert.ok(loader.nonce.length > 0, 'the loader script carries the nonce');
    assert.equal(await opened.page.evaluate(() => (window as unknown as { QiangJi: { nonce: string } }).QiangJi.nonce), loader.nonce);
  });

  test('shows every widget live on seeded data, with no console error, CSP violation or axe violation', async () => {
    await assertWidgetsLive(opened, 'zh-CN');
    await waitForText(opened.page, 'qj-task-progress-card[task-id="T01"] [part="title"]', /一把手/);
    await assertClean(opened, 'on first load');
  });

  test('the mediator signs in through the portal form and the case form opens at 识茶', async () => {
    const { page } = opened;
    await page.fill('#login-password', demoPassword);
    await page.click('#mediator-login button[type="submit"]');
    await waitForText(page, '#signed-in-name', /调解员/);
    assert.equal(await page.isVisible('#signed-in'), true);
    assert.equal(await page.isHidden('#mediator-login'), true);
    await waitForText(page, 'qj-mediation-case-form #step-heading', /第1步：识茶/);
    await assertClean(opened, 'after signing in');
  });

  test('繁體 switches the page and every widget to zh-HK; 长者模式 reaches every widget', async () => {
    const { page } = opened;
    await page.click('#toggle-traditional');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-HK');
    assert.equal(await page.getAttribute('#portal-provider', 'locale'), 'zh-HK');
    await waitForText(page, 'h1', /強基工程/);
    await assertWidgetsLive(opened, 'zh-HK');

    await page.click('#toggle-elder');
    assert.equal(await page.getAttribute('#toggle-elder', 'aria-pressed'), 'true');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('qj-task-progress-card, qj-branch-rating-badge, qj-member-service-map, qj-mediation-case-form')].every((element) =>
        element.hasAttribute('data-qj-elder'),
      ),
    );
    await page.click('#toggle-a11y');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('a11y-mode')), true);
    await assertClean(opened, 'in 繁體 + 长者模式 + 无障碍');
  });
});

for (const [path, scope] of [
  ['/jquery.html', '#jquery-widgets'],
  ['/vue.html', '#vue-app'],
] as const) {
  describe(`the host page ${path}`, () => {
    test('builds the same widgets from attributes, live, with no console error, CSP violation or axe violation', async () => {
      const opened = await open(path);
      try {
        await opened.page
          .locator(`${scope} qj-provider`)
          .waitFor({ state: 'attached', timeout: 10_000 })
          .catch(async (error: unknown) => {
            throw new Error(`${path}: the host script built no widgets; ${listProblems(await opened.read()).join('; ') || 'no problem recorded'}`, { cause: error });
          });
        await assertWidgetsLive(opened, 'zh-CN', scope);
        await assertClean(opened, `on ${path}`);
        // The host's own state drives the widgets: its 繁體 button changes the provider's locale.
        await opened.page.click('button[lang="zh-HK"]');
        await assertWidgetsLive(opened, 'zh-HK', scope);
        await assertClean(opened, `on ${path} in 繁體`);
      } finally {
        await opened.context.close();
      }
    });
  });
}
