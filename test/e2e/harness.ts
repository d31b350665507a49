/**
 * End-to-end helpers: the real Plan API on an ephemeral port with a temp data dir and a small seed, the drop-in build
 * (built when missing or older than its sources), system Chromium through playwright-core, a recorder of everything
 * that goes wrong in a page (console errors, page errors, failed requests, CSP violations), and axe-core.
 *
 * Nothing here is skipped quietly: a missing browser or a failing build throws with what to do about it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cdnVersion: string = (JSON.parse(readFileSync(join(repoRoot, 'packages/elements/package.json'), 'utf8')) as { version: string }).version;
/** dist/cdn: served at /cdn/ (so the loader is /cdn/qiangji/<version>/loader.js). */
export const cdnRoot = join(repoRoot, 'dist/cdn');
export const loaderPath = `/cdn/qiangji/${cdnVersion}/loader.js`;
export const demoPassword = process.env.QJ_DEMO_PASSWORD || 'qiangji-demo-2026';
export const demoEmbedKey = process.env.QJ_DEMO_EMBED_KEY || 'qj-demo-embed-key';

// ---- the drop-in build ----------------------------------------------------------------------------------------------

/** Sources the drop-in build is made from: a newer file means the build is stale. */
const buildInputs = ['packages/elements/src', 'packages/sdk/src', 'packages/contract/src', 'vite.config.ts', 'scripts/vite', 'scripts/build-cdn.mjs'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry.name))), stat.mtimeMs);
}

function buildIsFresh(): boolean {
  const manifest = join(cdnRoot, 'qiangji', cdnVersion, 'vite-manifest.json');
  if (!existsSync(manifest) || !existsSync(join(cdnRoot, 'qiangji', cdnVersion, 'loader.js'))) return false;
  const builtAt = statSync(manifest).mtimeMs;
  return buildInputs.every((input) => !existsSync(join(repoRoot, input)) || newestMtime(join(repoRoot, input)) <= builtAt);
}

/**
 * Makes sure dist/cdn holds a build of the current sources (`node scripts/build-cdn.mjs --no-size`; the size budget
 * has its own test). Test files run in parallel processes, so the build is guarded by a lock directory.
 */
export async function ensureDropInBuild(): Promise<void> {
  if (buildIsFresh()) return;
  mkdirSync(join(repoRoot, 'dist'), { recursive: true });
  const lock = join(repoRoot, 'dist/.cdn-build.lock');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a crashed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 180_000) throw new Error(`Timed out waiting for ${lock} (another drop-in build)`);
      await delay(200);
    }
  }
  try {
    if (buildIsFresh()) return;
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/build-cdn.mjs'), '--no-size'], { cwd: repoRoot, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`The drop-in build failed (node scripts/build-cdn.mjs, exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// ---- the server -----------------------------------------------------------------------------------------------------

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /** Adds a browser origin to the demo embed key (pages served from another origin, e.g. a proxy). */
  allowEmbedOrigin(origin: string): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** 'small' (default): a few hundred people and points, seeded in well under a second. */
  seed?: 'small';
  /** Use this already running server instead of starting one (default: env QJ_E2E_BASE_URL). */
  baseUrl?: string;
}

const smallSeed = { members: 300, servicePoints: 200, serviceRecords: 300, mediationCases: 5 };

/**
 * The real server: `npm start`'s app (buildApp: API, CSP, the portal at `/`, the drop-in build at `/cdn/`) through
 * the server package's test harness — 127.0.0.1, port 0, a temp data dir, a small seed, SQLite — with the demo
 * embed key and password the portal pages use. The drop-in build is made first (the server serves /cdn/ only when
 * dist/cdn exists). The test's own origin is added to the demo embed key, as a deployment lists its portal's origin.
 * With `baseUrl` / QJ_E2E_BASE_URL, targets that server instead (e.g. `npm start` on :8080).
 */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const external = options.baseUrl ?? process.env.QJ_E2E_BASE_URL;
  if (external) {
    const baseUrl = external.replace(/\/+$/, '');
    return {
      baseUrl,
      allowEmbedOrigin: async (origin) => {
        throw new Error(`Cannot add ${origin} to the demo embed key of the external server ${baseUrl}`);
      },
      close: async () => undefined,
    };
  }
  await ensureDropInBuild();
  const { startServer: startApi } = await import('../../packages/server/test/harness.js');
  const server = await startApi('sqlite', { seed: smallSeed, config: { demoEmbedKey, demoPassword } });
  const { app, handle } = server;
  const baseUrl = server.url.replace(/\/+$/, '');

  const allowEmbedOrigin = async (origin: string) => {
    const key = await handle.db.selectFrom('embed_keys').select(['id', 'origins']).where('demo', '=', 1).executeTakeFirstOrThrow();
    const origins = JSON.parse(key.origins) as string[];
    if (!origins.includes(origin)) {
      await handle.db.updateTable('embed_keys').set({ origins: JSON.stringify([...origins, origin]) }).where('id', '=', key.id).execute();
    }
    app.services.embedKeys.invalidate();
  };
  await allowEmbedOrigin(baseUrl);

  return { baseUrl, allowEmbedOrigin, close: () => server.close() };
}

// ---- the browser ----------------------------------------------------------------------------------------------------

export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** System Chromium (Debian's `chromium`, or CHROME_PATH), headless. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromePath)) {
    throw new Error(`Chromium not found at ${chromePath}: apt-get install -y chromium, or set CHROME_PATH`);
  }
  return chromium.launch({
    executablePath: chromePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests that failed at the network level (aborts by the page itself excluded) or answered ≥ 400. */
  failedRequests: string[];
  /** `securitypolicyviolation` events and CSP console reports. */
  cspViolations: string[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records a page's problems from now on. Call before `page.goto`. */
export async function collectPageProblems(page: Page): Promise<{ problems: PageProblems; read(): Promise<PageProblems> }> {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [] };
  // An init script runs through the DevTools protocol, before the page's own scripts and outside its CSP.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.cspViolations.push(`console: ${text}`);
    else if (message.type() === 'error') problems.consoleErrors.push(`${text} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    // The page cancelled it (navigation, an AbortController, a closed event stream): not a failure of the server.
    if (failure === 'net::ERR_ABORTED') return;
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${failure}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  return {
    problems,
    async read() {
      const fromPage = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      for (const violation of fromPage) if (!problems.cspViolations.includes(violation)) problems.cspViolations.push(violation);
      return problems;
    },
  };
}

/** Every problem as one list (empty = clean), for a single assertion with a readable diff. */
export function listProblems(problems: PageProblems): string[] {
  return [
    ...problems.consoleErrors.map((text) => `console error: ${text}`),
    ...problems.pageErrors.map((text) => `page error: ${text}`),
    ...problems.failedRequests.map((text) => `failed request: ${text}`),
    ...problems.cspViolations.map((text) => `CSP violation: ${text}`),
  ];
}

// ---- axe ------------------------------------------------------------------------------------------------------------

const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core over the whole page, open shadow roots included (axe walks them by default), WCAG 2.1 A/AA rules.
 * axe is evaluated through the DevTools protocol, which the page's CSP does not govern, so the CSP stays strict
 * and nothing is injected into the page's DOM.
 */
export async function runAxe(page: Page, options: { tags?: string[]; exclude?: string[] } = {}): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }> } }).axe;
      const result = await axe.run(exclude.length > 0 ? { exclude: exclude.map((selector) => [selector]) } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`.trim()),
      }));
    },
    { tags: options.tags ?? wcagTags, exclude: options.exclude ?? [] },
  );
}

/** A readable summary of axe violations for assertion messages. */
export function formatAxe(violations: AxeViolation[]): string {
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.slice(0, 5).join('\n    ')}`).join('\n');
}

// ---- waiting for widgets --------------------------------------------------------------------------------------------

/** Waits for `QiangJi.ready()`: every qj-* element on the page is defined. */
export async function waitForQiangJi(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => typeof (window as { QiangJi?: { ready?: unknown } }).QiangJi?.ready === 'function', undefined, { timeout });
  await page.evaluate(() => (window as unknown as { QiangJi: { ready(): Promise<void> } }).QiangJi.ready());
}

/**
 * The text of `selector` (Playwright CSS pierces open shadow roots) once it matches `pattern`. With `problems`
 * (from collectPageProblems), gives up as soon as the page throws, and says what went wrong.
 */
export async function waitForText(page: Page, selector: string, pattern: RegExp, options: { timeout?: number; problems?: PageProblems } = {}): Promise<string> {
  const { timeout = 15_000, problems } = options;
  const locator = page.locator(selector).filter({ hasText: pattern }).first();
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await locator.waitFor({ state: 'attached', timeout: Math.max(1, Math.min(500, deadline - Date.now())) });
      return (await locator.textContent()) ?? '';
    } catch (error) {
      if (Date.now() < deadline && !problems?.pageErrors.length) continue;
      const seen = await page
        .locator(selector)
        .allTextContents()
        .catch(() => []);
      const why = problems ? listProblems(problems) : [];
      throw new Error(
        `No ${selector} matched ${pattern}${problems?.pageErrors.length ? ' (the page threw)' : ` within ${timeout} ms`}; ` +
          `saw ${JSON.stringify(seen.map((text) => text.trim().slice(0, 120)))}${why.length ? `\nproblems so far:\n  ${why.join('\n  ')}` : ''}`,
        { cause: error },
      );
    }
  }
}

/** A fresh context and page (no cache, no storage shared with other tests). */
export async function newPage(browser: Browser, options: { baseURL?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...(options.baseURL ? { baseURL: options.baseURL } : {}), locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  return { context, page };
}
