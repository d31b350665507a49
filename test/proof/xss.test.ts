/**
 * XSS: every payload of the corpus (support/xss-corpus.ts, 60+) through every text field each widget renders, in
 * Chromium, using the drop-in bundle portals load (dist/cdn qiangji-all.js, rebuilt when stale), on a page WITHOUT a
 * CSP so that anything that became code would run and hit the trap (support/page-trap.ts). For every widget:
 *   - nothing ran (no `__xss` entry, no alert/confirm/prompt);
 *   - no injected markup exists in the composed tree (on* handlers, javascript: URLs, script/iframe/object…);
 *   - the payload is shown as text, verbatim.
 * Widgets and fields:
 *   - qj-task-progress-card (.task/.measure, zh-CN and en): title/titleEn, code, lead unit, milestone titles, last
 *     report's author, measure title;
 *   - qj-branch-rating-badge (.rating/.scheme/.history, details open): level name (from the rating and from a
 *     scheme), breakdown item names and unknown item ids, history;
 *   - qj-member-service-map (.points/.orgUnits): point names in the list, and in the popup the name, org unit name,
 *     address and serving members;
 *   - qj-mediation-case-form (a client serving a case): the editor (parties, summary, crux), the read-only case file
 *     (every step, timeline) and the printable agreement view.
 * And the server's printable agreement (GET /mediation-cases/:id/agreement) with payload party names, addresses
 * and agreement terms, loaded in Chromium with its CSP removed (so only escaping protects it).
 */
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { mediationWorkflow } from '@qiangji/contract';
import { startServer as startApi } from '../../packages/server/test/harness.js';
import { cdnRoot, cdnVersion, ensureDropInBuild, launchChromium } from '../e2e/harness.js';
import { pageTrapScript } from './support/page-trap.js';
import { xssPayloads } from './support/xss-corpus.js';

const types: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.html': 'text/html' };
const pageHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>xss</title>
<script type="module" src="/cdn/qiangji/${cdnVersion}/qiangji-all.js"></script></head><body><main id="root"></main></body></html>`;

/** The test page and dist/cdn, from one origin; no CSP on purpose. */
function staticServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml);
    const file = join(cdnRoot, normalize(path.replace(/^\/cdn\//, '/')));
    if (!path.startsWith('/cdn/') || !file.startsWith(cdnRoot) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((done) => server.close(() => done())) })),
  );
}

interface Rendered {
  label: string;
  payload: string;
  text: string;
  dangerous: string[];
}

function assertSafe(page: Page, rendered: Rendered[], hits: unknown[], widget: string): void {
  assert.deepEqual(hits, [], `${widget}: payloads ran (numbers of support/xss-corpus.ts): ${JSON.stringify(hits)}`);
  const injected = rendered.filter((item) => item.dangerous.length > 0).map((item) => `${item.label} [${item.payload.slice(0, 60)}]: ${item.dangerous.join('; ')}`);
  assert.deepEqual(injected, [], `${widget}: injected markup`);
  const missing = rendered.filter((item) => !item.text.includes(item.payload)).map((item) => `${item.label}: ${JSON.stringify(item.payload.slice(0, 80))}`);
  assert.deepEqual(missing, [], `${widget}: payloads not shown verbatim as text`);
  void page;
}

describe(`XSS corpus (${xssPayloads.length} payloads) through every widget text field, in Chromium`, () => {
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  let page: Page;

  before(async () => {
    await ensureDropInBuild();
    site = await staticServer();
    browser = await launchChromium();
    page = await browser.newPage();
    await page.addInitScript(pageTrapScript);
    page.on('pageerror', (error) => process.stdout.write(`# page error: ${error.message}\n`));
    await page.goto(site.url);
    await page.evaluate(() => Promise.all(['qj-task-progress-card', 'qj-branch-rating-badge', 'qj-member-service-map', 'qj-mediation-case-form'].map((tag) => customElements.whenDefined(tag))));
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('control: the corpus is live — injected as markup, payloads run or are flagged', async () => {
    const control = await browser.newPage();
    await control.addInitScript(pageTrapScript);
    await control.goto(site.url);
    const live = await control.evaluate(async (payloads) => {
      const root = document.getElementById('root')!;
      // Deliberately unsafe (what the widgets must never do), one container per payload, to prove trap and scan work.
      // Three unsafe sinks: markup, a double-quoted attribute and a link, all built by string concatenation.
      const boxes = payloads.map((payload) => {
        const box = document.createElement('div');
        root.append(box);
        box.append(document.createRange().createContextualFragment(`${payload}<p title="${payload}"></p><a class="sink" href="${payload}">x</a>`));
        for (const target of box.querySelectorAll('a#xss, a.sink')) {
          // eslint-disable-next-line no-script-url -- recognising the corpus's javascript: links, not making one
          if (!(target instanceof HTMLAnchorElement) || target.protocol === 'javascript:') (target as HTMLElement).click();
        }
        return box;
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const ran = new Set(window.__xss);
      const result = boxes.map((box, index) => ({ ran: ran.has(index + 1), flagged: window.__proof.dangerous(box).length > 0 }));
      window.__xss.length = 0;
      root.replaceChildren();
      return result;
    }, xssPayloads);
    const ran = live.filter((entry) => entry.ran).length;
    const caught = live.filter((entry) => entry.ran || entry.flagged).length;
    process.stdout.write(`# xss control: concatenated into markup, an attribute and a link, ${ran} of ${xssPayloads.length} payloads ran and ${caught} ran or were flagged by the markup scan\n`);
    assert.ok(ran >= 20, `only ${ran} payloads ran as raw markup: the trap or the corpus is broken`);
    assert.ok(caught >= 40, `only ${caught} payloads were caught as raw markup: the trap or the scan is broken`);
    await control.close();
  });

  test('qj-task-progress-card: title, code, lead unit, milestones, author, measure — zh-CN and en', async () => {
    const rendered = await page.evaluate(async (payloads) => {
      const root = document.getElementById('root')!;
      root.replaceChildren();
      const cards: Array<{ element: HTMLElement & { updateComplete: Promise<unknown> }; payload: string; label: string }> = [];
      payloads.forEach((payload, index) => {
        for (const lang of ['zh-CN', 'en']) {
          const card = document.createElement('qj-task-progress-card') as HTMLElement & { updateComplete: Promise<unknown>; task: unknown; measure: unknown; today: string };
          card.lang = lang;
          card.today = '2026-11-26';
          card.measure = { id: 'M1', order: 1, title: payload, titleEn: payload, summary: '', source: '', reconstructed: true, taskIds: ['T01'] };
          card.task = {
            id: 'T01', measureId: 'M1', code: payload, title: payload, titleEn: payload, source: payload, reconstructed: true, leadUnit: payload,
            cooperatingUnits: [payload], targets: { '2024': payload, '2025': payload, '2026': payload },
            milestones: [
              { id: 'm1', title: payload, dueDate: '2026-03-31', doneAt: '2026-03-20' },
              { id: 'm2', title: payload, dueDate: '2026-12-31', doneAt: null },
            ],
            startDate: '2024-09-01', dueDate: '2026-12-31', orgUnitId: '4451', progress: 62, status: 'at_risk', warning: 'yellow',
            lastUpdate: { at: '2026-11-20T02:30:00Z', percent: 62, authorName: payload, note: payload },
            history: [{ at: '2025-03-01T02:00:00Z', percent: 10 }, { at: '2026-11-20T02:30:00Z', percent: 62 }],
            updatedAt: '2026-11-20T02:30:00Z',
          };
          root.append(card);
          cards.push({ element: card, payload, label: `card ${index + 1} (${lang})` });
        }
      });
      await Promise.all(cards.map((card) => card.element.updateComplete));
      await new Promise((resolve) => setTimeout(resolve, 50));
      return cards.map(({ element, payload, label }) => ({ label, payload, text: window.__proof.deepText(element), dangerous: window.__proof.dangerous(element) }));
    }, xssPayloads);
    assertSafe(page, rendered, await page.evaluate(() => [...window.__xss]), 'card');
  });

  test('qj-branch-rating-badge: level names, breakdown items, history — details open', async () => {
    const rendered = await page.evaluate(async ({ payloads }) => {
      const root = document.getElementById('root')!;
      root.replaceChildren();
      const rating = (payload: string, year: number) => ({
        id: `r-${year}`, orgUnitId: '445102007200', orgUnitName: payload, partyOrganizationId: 'po-1', partyOrganizationName: payload, year,
        score: 88.5, stars: 4, level: payload, flags: ['under_rectification'], brands: ['four_good_hospital'], stage: 'notice',
        breakdown: [{ id: payload, score: 19, max: 20 }, { id: 'political', score: 18, max: 20 }],
      });
      const badges: Array<{ element: HTMLElement & { updateComplete: Promise<unknown> }; payload: string; label: string }> = [];
      payloads.forEach((payload, index) => {
        // Without scheme levels the rating's own level text is shown; with a scheme, its level and item names are.
        const schemes = [
          { id: 'xss-empty', name: payload, levels: [], breakdownItems: [] },
          {
            id: 'xss-named', name: payload,
            levels: [0, 1, 2, 3, 4, 5].map((stars) => ({ stars, minScore: stars * 15, name: payload, nameEn: payload, nameZhHk: payload })),
            breakdownItems: [{ id: 'political', name: payload, nameEn: payload, max: 20 }],
          },
        ];
        schemes.forEach((scheme, variant) => {
          const badge = document.createElement('qj-branch-rating-badge') as HTMLElement & { updateComplete: Promise<unknown>; rating: unknown; history: unknown; scheme: unknown; details: boolean; open: boolean };
          badge.details = true;
          badge.open = true;
          badge.rating = rating(payload, 2025);
          badge.history = [rating(payload, 2023), rating(payload, 2024), rating(payload, 2025)];
          badge.scheme = scheme;
          root.append(badge);
          badges.push({ element: badge, payload, label: `badge ${index + 1} (${variant === 0 ? 'rating level' : 'scheme names'})` });
        });
      });
      await Promise.all(badges.map((badge) => badge.element.updateComplete));
      await new Promise((resolve) => setTimeout(resolve, 50));
      return badges.map(({ element, payload, label }) => ({ label, payload, text: window.__proof.deepText(element), dangerous: window.__proof.dangerous(element) }));
    }, { payloads: xssPayloads });
    assertSafe(page, rendered, await page.evaluate(() => [...window.__xss]), 'badge');
  });

  test('qj-member-service-map: point names in the list; name, org, address, members in the popup', async () => {
    await page.evaluate(() => {
      const root = document.getElementById('root')!;
      root.replaceChildren(Object.assign(document.createElement('qj-member-service-map'), { baseLayer: 'none' }));
    });
    const rendered: Rendered[] = [];
    // Six points per data set, far enough apart to stay unclustered in the whole-city view.
    const spots = [[116.45, 23.55], [116.95, 23.55], [116.45, 23.98], [116.95, 23.98], [116.7, 23.76], [117.12, 23.76]] as const;
    for (let start = 0; start < xssPayloads.length; start += spots.length) {
      const batch = xssPayloads.slice(start, start + spots.length);
      const results = await page.evaluate(async ({ payloads, positions }) => {
        const map = document.querySelector('qj-member-service-map') as HTMLElement & { points: unknown; orgUnits: unknown };
        map.orgUnits = payloads.map((text, index) => ({ id: `xss-unit-${index}`, code: '', name: text }));
        map.points = payloads.map((text, index) => ({
          id: `xss-point-${index}`, lon: positions[index]![0], lat: positions[index]![1], type: 'party_service_center', orgUnitId: `xss-unit-${index}`,
          name: text, address: text, records: 3, memberNames: [text], personalData: true,
        }));
        const until = async (condition: () => unknown, what: string) => {
          for (const started = Date.now(); !condition(); ) {
            if (Date.now() - started > 10_000) throw new Error(`map: timed out waiting for ${what}`);
            await new Promise((resolve) => setTimeout(resolve, 16));
          }
        };
        const shadow = map.shadowRoot!;
        const itemFor = (text: string) => [...shadow.querySelectorAll('[part~="list-item"]')].find((item) => item.querySelector('.name')?.textContent === text) as HTMLElement | undefined;
        await until(() => payloads.every((text) => itemFor(text)), 'every point in the list');
        const listText = window.__proof.deepText(map);
        const out = [];
        for (const text of payloads) {
          itemFor(text)!.click();
          await until(() => shadow.querySelector('[part~="popup"] #popup-title')?.textContent === text, 'the popup');
          const popup = shadow.querySelector('[part~="popup"]')!;
          out.push({ listText, popupText: window.__proof.deepText(popup), dangerous: window.__proof.dangerous(map) });
          (shadow.querySelector('[part~="popup-close"]') as HTMLElement).click();
          await until(() => !shadow.querySelector('[part~="popup"]'), 'the popup to close');
        }
        return out;
      }, { payloads: batch, positions: spots.map((spot) => [...spot]) });
      results.forEach((result, index) => {
        const payload = batch[index]!;
        const n = start + index + 1;
        // The popup shows the payload as name, org unit, address and member: four times.
        const shown = result.popupText.split(payload).length - 1;
        rendered.push({ label: `map list ${n}`, payload, text: result.listText, dangerous: result.dangerous });
        rendered.push({ label: `map popup ${n} (${shown}/4 fields)`, payload, text: shown >= 4 ? result.popupText : '', dangerous: [] });
      });
    }
    assertSafe(page, rendered, await page.evaluate(() => [...window.__xss]), 'map');
  });

  test('qj-mediation-case-form: editor, read-only case file, timeline and printable agreement', async () => {
    const rendered: Rendered[] = [];
    for (const [index, payload] of xssPayloads.entries()) {
      const result = await page.evaluate(async ({ payload: text, workflow }) => {
        const party = (n: number) => ({ name: `${text}`, sex: n ? 'male' : 'female', ethnicity: text, age: 40 + n, occupation: text, phone: '13812341234', address: text });
        const steps = {
          identify: { source: 'party_applied', disputeType: 'neighbourhood', parties: [party(0), party(1)], summary: text, crux: text },
          awaken: { statements: [{ party: 0, statement: text }, { party: 1, statement: text }], calming: text },
          brew: { facts: text, evidence: [text], lawAndReason: text },
          pour: { proposal: text, negotiationRecord: text },
          serve: { outcome: 'agreement', agreement: { facts: text, disputedIssues: text, responsibilities: text, terms: text, performanceMethod: text, performanceDeadline: '2026-12-31' }, partiesSigned: true, mediatorSigned: true, committeeSealed: true, signedOn: '2026-11-01' },
          reflect: { followUpDate: '2026-11-20', performance: 'performed', satisfaction: 5, notes: text, judicialConfirmationReminded: true },
        };
        const at = '2026-11-01T02:00:00.000Z';
        const makeCase = (id: string, status: string, currentStep: string, data: Record<string, unknown>) => ({
          id, caseNumber: text, orgUnitId: '445102007', committee: text, mediatorName: text, status, currentStep, steps: data, masked: false, version: 7,
          history: [{ at, actorName: text, action: 'back', from: 'pour', to: 'brew', reason: text }, { at, actorName: text, action: 'close', from: 'reflect', to: null, reason: null }],
          judicialConfirmationDue: '2026-12-01', createdAt: at, updatedAt: at,
        });
        const cases: Record<string, unknown> = { closed: makeCase('xss-closed', 'closed', 'reflect', steps), open: makeCase('xss-open', 'open', 'identify', { identify: steps.identify }) };
        const client = {
          mediationCases: {
            workflow: async () => workflow,
            get: async (id: string) => cases[id === 'xss-closed' ? 'closed' : 'open'],
            create: async () => cases.open,
            updateStep: async () => cases.open,
            advance: async () => cases.open,
            back: async () => cases.open,
            followUp: async () => cases.closed,
            agreement: async () => '<p>agreement</p>',
          },
          auth: { me: async () => ({ kind: 'user', user: { id: 'u-xss', username: 'xss', displayName: text, role: 'mediator', orgUnitId: '445102007' }, orgUnitId: '445102007', canSeePersonalData: true }) },
        };
        const root = document.getElementById('root')!;
        root.replaceChildren();
        const forms = ['xss-closed', 'xss-open'].map((caseId) => {
          const form = document.createElement('qj-mediation-case-form') as HTMLElement & { client: unknown; caseId: string; updateComplete: Promise<unknown> };
          form.client = client;
          form.caseId = caseId;
          root.append(form);
          return form;
        });
        const settled = async (form: HTMLElement & { updateComplete: Promise<unknown> }) => {
          for (let tries = 0; tries < 100 && !window.__proof.deepText(form).includes(text.slice(0, 12)); tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
          await form.updateComplete;
        };
        await Promise.all(forms.map(settled));
        const [closed, open] = forms as unknown as [HTMLElement, HTMLElement];
        // The printable agreement (its button opens the print view).
        const printButton = [...closed.shadowRoot!.querySelectorAll('button')].find((button) => button.classList.contains('primary'));
        printButton?.click();
        await (closed as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        const agreement = closed.shadowRoot!.querySelector('.agreement');
        const inputs = [...open.shadowRoot!.querySelectorAll('input, textarea')].map((field) => (field as HTMLInputElement).value);
        return {
          closedText: window.__proof.deepText(closed),
          agreementText: agreement ? window.__proof.deepText(agreement) : '',
          agreementOpen: agreement?.hasAttribute('data-open') ?? false,
          openValues: inputs.join('\n'),
          dangerous: [...window.__proof.dangerous(closed), ...window.__proof.dangerous(open)],
        };
      }, { payload, workflow: mediationWorkflow });
      const n = index + 1;
      assert.ok(result.agreementOpen, `case form ${n}: the print view did not open`);
      rendered.push({ label: `case file ${n}`, payload, text: result.closedText, dangerous: result.dangerous });
      rendered.push({ label: `printable agreement ${n}`, payload, text: result.agreementText, dangerous: [] });
      rendered.push({ label: `editor fields ${n}`, payload, text: result.openValues, dangerous: [] });
    }
    assertSafe(page, rendered, await page.evaluate(() => [...window.__xss]), 'case form');
  });

  test("the server's printable agreement escapes payload names, addresses and terms", async () => {
    const api = await startApi('sqlite');
    try {
      const token = await api.login('city-admin');
      const { handle } = api;
      const rows = await handle.db.selectFrom('mediation_cases').select(['id', 'steps']).where('status', '=', 'closed').execute();
      const agreed = rows.find((row) => (JSON.parse(row.steps) as { serve?: { outcome?: string } }).serve?.outcome === 'agreement');
      assert.ok(agreed, 'the seed has a closed case with an agreement');
      const pages = await browser.newPage();
      await pages.addInitScript(pageTrapScript);
      await pages.setExtraHTTPHeaders({ authorization: `Bearer ${token}` });
      // Without the CSP, only escaping stands between a payload and execution.
      await pages.route('**/agreement', async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers['content-security-policy'];
        await route.fulfill({ response, headers });
      });
      const rendered: Rendered[] = [];
      const batch = 10;
      for (let start = 0; start < xssPayloads.length; start += batch) {
        const payloads = xssPayloads.slice(start, start + batch);
        const steps = JSON.parse(agreed.steps) as { identify: { parties: Array<Record<string, unknown>> }; serve: { agreement: Record<string, unknown> } };
        steps.identify.parties = payloads.map((payload, index) => ({ ...steps.identify.parties[0], name: payload, address: payload, occupation: payload, ethnicity: payload, idNumber: undefined, phone: `1381234${String(index).padStart(4, '0')}` }));
        const text = payloads.join('\n');
        steps.serve.agreement = { ...steps.serve.agreement, facts: text, disputedIssues: text, responsibilities: text, terms: text, performanceMethod: text };
        await handle.db.updateTable('mediation_cases').set({ steps: JSON.stringify(steps), committee: text, mediator_name: text, case_number: `xss-${start}` }).where('id', '=', agreed.id).execute();
        const response = await pages.goto(`${api.url}/api/v1/mediation-cases/${agreed.id}/agreement`);
        assert.equal(response?.status(), 200);
        const found = await pages.evaluate(() => ({ text: window.__proof.deepText(document.documentElement), dangerous: window.__proof.dangerous(document.body) }));
        payloads.forEach((payload, index) => rendered.push({ label: `agreement HTML ${start + index + 1}`, payload, text: found.text, dangerous: found.dangerous }));
      }
      assertSafe(pages, rendered, await pages.evaluate(() => [...window.__xss]), 'server agreement HTML');
      await pages.close();
    } finally {
      await api.close();
    }
  });
});
