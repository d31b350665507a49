/**
 * The demo portal (packages/portal, served by the real server at `/` with the drop-in bundle at `/cdn/`) under the
 * server's strict CSP (nonces, no inline script or handler, no eval) PLUS `require-trusted-types-for 'script'`,
 * added by a small pass-through proxy in front of the server (the server does not send it yet). Every widget loads
 * real data through the demo embed key; the test then switches elder mode and the language, opens a rating
 * popover, a map popup and the case form's fields. Properties: 0 CSP or Trusted Types violations, 0 page errors,
 * 0 console errors, 0 failed requests. A control then proves Trusted Types are enforced on that page.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { collectPageProblems, launchChromium, listProblems, newPage, startServer, waitForQiangJi, type TestServer } from '../e2e/harness.js';

const trustedTypes = "require-trusted-types-for 'script'";

/** Forwards everything to `target`, appending the Trusted Types directive to every CSP header. */
function trustedTypesProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server = http.createServer((request, response) => {
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host } },
      (answer) => {
        const headers = { ...answer.headers };
        const csp = headers['content-security-policy'];
        if (typeof csp === 'string') headers['content-security-policy'] = `${csp}; ${trustedTypes}`;
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(response);
      },
    );
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => {
          server.closeAllConnections();
          return new Promise((done) => server.close(() => done()));
        },
      }),
    ),
  );
}

let api: TestServer;
let proxy: { url: string; close(): Promise<void> };
let browser: Browser;

before(async () => {
  api = await startServer();
  proxy = await trustedTypesProxy(api.baseUrl);
  await api.allowEmbedOrigin(proxy.url);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await proxy?.close();
  await api?.close();
});

test(`the portal under the strict CSP + ${trustedTypes}: every widget, some interaction, 0 violations`, async () => {
  const { context, page } = await newPage(browser);
  try {
    const recorder = await collectPageProblems(page);
    const response = await page.goto(proxy.url);
    const policy = response?.headers()['content-security-policy'] ?? '';
    assert.match(policy, /script-src 'self' 'nonce-/);
    assert.ok(policy.includes(trustedTypes), `the page's CSP lacks ${trustedTypes}: ${policy}`);
    await waitForQiangJi(page);
    // Each step that does not happen is recorded and the rest still run: one run shows everything that breaks.
    const missed: string[] = [];
    const step = async (what: string, action: () => Promise<unknown>): Promise<boolean> => {
      try {
        await action();
        return true;
      } catch (error) {
        missed.push(`${what}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
        return false;
      }
    };

    // Data arrived in every widget (through the embed key, same origin as the page).
    const card = page.locator('qj-task-progress-card').first();
    const badge = page.locator('qj-branch-rating-badge[details]').first();
    const map = page.locator('qj-member-service-map');
    const form = page.locator('qj-mediation-case-form');
    const cardReady = await step('the task card shows its task', () => card.locator('[part~="progress-value"]').waitFor({ timeout: 20_000 }));
    const badgeReady = await step('the rating badge shows its level', () => badge.locator('[part~="level"]').waitFor({ timeout: 20_000 }));
    const mapReady = await step('the map lists its points', () => map.locator('[part~="list-item"]').first().waitFor({ timeout: 20_000 }));
    const formReady = await step('the case form shows its fields', () => form.locator('textarea').first().waitFor({ timeout: 20_000 }));

    // A little interaction: elder mode, English and back, a rating popover, a map popup, typing into the form.
    await step('elder mode on', () => page.click('#toggle-elder'));
    await step('English', () => page.click('#toggle-english'));
    if (cardReady) await step('the card in English', () => card.locator('[part~="title"]').filter({ hasText: /[A-Za-z]{3}/ }).waitFor({ timeout: 10_000 }));
    await step('back to Chinese', () => page.click('#toggle-english'));
    if (badgeReady) await step('the rating popover', async () => {
      await badge.locator('[part~="trigger"]').click();
      await badge.locator('[part~="popover"]').waitFor({ state: 'visible', timeout: 10_000 });
    });
    if (mapReady) await step('a map popup', async () => {
      // At city zoom the list holds clusters (activating one zooms in); drill until a point opens its popup.
      const popup = map.locator('[part~="popup"]');
      for (let attempt = 0; attempt < 12 && !(await popup.isVisible()); attempt += 1) {
        await map.locator('[part~="list-item"]').first().click();
        await popup.waitFor({ state: 'visible', timeout: 1_500 }).catch(() => undefined);
      }
      await popup.waitFor({ state: 'visible', timeout: 10_000 });
    });
    if (formReady) await step('typing into the case form', () => form.locator('textarea').first().fill('邻里之间因排水沟位置发生争执'));
    await step('elder mode off', () => page.click('#toggle-elder'));
    await page.waitForTimeout(500);

    const problems = [...missed.map((text) => `did not happen: ${text}`), ...listProblems(await recorder.read())];
    process.stdout.write(`# CSP + Trusted Types: ${problems.length} problem(s)\n`);
    assert.deepEqual(problems, [], `${problems.length} problem(s) under the CSP + Trusted Types`);

    // Control: the page really enforces Trusted Types (raw markup into an HTML sink must be refused).
    const refused = await page.evaluate(() => {
      try {
        document.createRange().createContextualFragment('<b>raw</b>');
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    assert.equal(refused, true, 'Trusted Types were not enforced on the page');
  } finally {
    await context.close();
  }
});
