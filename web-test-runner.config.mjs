// web-test-runner: browser tests for the web components, in Debian's Chromium and Firefox ESR.
// Run through `npm run test:browser` (scripts/browser-tests.mjs checks the browsers exist first).
//   QJ_BROWSERS=chromium npm run test:browser      one browser for a quick local run (chromium | firefox)
//   CHROME_PATH=… FIREFOX_PATH=…                      browsers installed somewhere else
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { browsers, selectedBrowsers } from './scripts/browsers.mjs';
import { realApi, realServerPlugin } from './scripts/wtr-real-server.mjs';

/** A launcher per browser in scripts/browsers.mjs; `QJ_BROWSERS` (comma-separated) narrows the run. */
const launchers = {
  // Playwright drives the system Chromium over CDP (no Playwright-bundled browser is downloaded).
  chromium: () =>
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: browsers.chromium.path,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  // Puppeteer drives Firefox over WebDriver BiDi (its only Firefox protocol since puppeteer 23).
  firefox: () =>
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: browsers.firefox.path,
        headless: true,
      },
    }),
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  // Serve from the repo root so imports of other workspace packages (node_modules/@qiangji/* → packages/*/src)
  // stay inside the served tree.
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  plugins: [
    realServerPlugin(),
    // Compiles TypeScript, including Lit's legacy decorators (experimentalDecorators in tsconfig.json).
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  // The 'development' condition loads Lit's dev build (better warnings); its banner would repeat per file.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  browsers: selectedBrowsers().map((name) => launchers[name]()),
  // Two cores: one test file at a time per browser; the browsers themselves run side by side.
  concurrency: 1,
  concurrentBrowsers: 2,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  // Tests reach the real server through window.__QJ_API__ (see scripts/wtr-real-server.mjs).
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head><script>window.__QJ_API__ = ${JSON.stringify(realApi ?? null)};</script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  testFramework: {
    config: { ui: 'bdd', timeout: 10_000 },
  },
};
