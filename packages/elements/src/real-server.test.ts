/**
 * The widgets against the REAL Plan API (packages/server), not a double: web-test-runner.config.mjs starts the server
 * with a small seed before the run (packages/server/test/harness.ts), injects where it is as `window.__QJ_API__`, and
 * offers three server commands: `qj-server-up` (start, or restart on the same port, this browser's own instance of the
 * server on the same data; answers `{ baseUrl }`), `qj-server-down` (stop that instance) and `qj-report-progress`
 * (`{ taskId, percent }`: an official reports progress through the API, so an event goes out). Without them these
 * tests fail on purpose: they must not pass unconnected.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import './define-all.js';
import type { QjBranchRatingBadge } from './components/branch-rating-badge/branch-rating-badge.js';
import type { QjTaskProgressCard } from './components/task-progress-card/task-progress-card.js';
import { part, settled, waitFor } from './testing/helpers.js';

/** What the wtr config injects: the running server and seeded records to show. */
interface RealApi {
  /** Origin of the real server (the SDK appends /api/v1). */
  baseUrl: string;
  /** An embed key the server accepts from the test page's origin (optional when anonymous reads are allowed). */
  embedKey?: string;
  /** A seeded task. */
  taskId: string;
  /** A seeded org unit with a rating in `year`. */
  orgUnitId: string;
  year: number;
}

declare global {
  interface Window {
    __QJ_API__?: RealApi;
  }
}

function realApi(): RealApi {
  const api = window.__QJ_API__;
  if (!api?.baseUrl) {
    throw new Error(
      'window.__QJ_API__ is missing: web-test-runner.config.mjs must start the real server (packages/server/test/harness.ts) and inject it',
    );
  }
  return api;
}

const embedKeyFor = (api: RealApi) => api.embedKey ?? '';
const apiBaseFor = (api: RealApi) => api.baseUrl;

describe('widgets against the real Plan API server', () => {
  it('render a task card and a rating badge from attributes alone', async () => {
    const api = realApi();
    const base = apiBaseFor(api);
    const wrapper = await fixture(html`<div>
      <qj-task-progress-card api-base=${base} embed-key=${embedKeyFor(api)} task-id=${api.taskId}></qj-task-progress-card>
      <qj-branch-rating-badge api-base=${base} embed-key=${embedKeyFor(api)} org-id=${api.orgUnitId} year=${api.year} details></qj-branch-rating-badge>
    </div>`);
    const card = wrapper.querySelector<QjTaskProgressCard>('qj-task-progress-card')!;
    const badge = wrapper.querySelector<QjBranchRatingBadge>('qj-branch-rating-badge')!;
    await settled(card);
    await settled(badge);
    expect(card.loadState).to.equal('ready');
    expect(part(card, 'progress-bar').getAttribute('aria-valuetext')).to.match(/^已完成 \d+%$/);
    expect(badge.loadState).to.equal('ready');
    expect(part(badge, 'stars').getAttribute('aria-label')).to.match(new RegExp(` · ${api.year}年度$`));
    expect(card.effectiveClient).to.equal(badge.effectiveClient);
    await expect(card).to.be.accessible();
    await expect(badge).to.be.accessible();
  });

  it('show the empty state for a task the server does not know (404)', async () => {
    const api = realApi();
    const card = await fixture<QjTaskProgressCard>(
      html`<qj-task-progress-card api-base=${apiBaseFor(api)} embed-key=${embedKeyFor(api)} task-id="no-such-task"></qj-task-progress-card>`,
    );
    await settled(card);
    expect(card.loadState).to.equal('empty');
  });

  it('show an error while the server is down, and Retry loads once it is back', async () => {
    const api = realApi();
    // This browser's own instance of the server (same data, own port), so stopping it disturbs no other test.
    const own = await executeServerCommand<{ baseUrl: string }, undefined>('qj-server-up');
    if (!own?.baseUrl) throw new Error('the qj-server-up command is missing from web-test-runner.config.mjs');
    await executeServerCommand('qj-server-down');
    let card: QjTaskProgressCard;
    try {
      card = await fixture<QjTaskProgressCard>(
        html`<qj-task-progress-card api-base=${own.baseUrl} embed-key=${embedKeyFor(api)} task-id=${api.taskId}></qj-task-progress-card>`,
      );
      await waitFor(() => card.loadState === 'error', 'no error state while the server is down', { timeout: 15_000 });
      expect(part(card, 'error').getAttribute('role')).to.equal('alert');
      await expect(card).to.be.accessible();
    } finally {
      await executeServerCommand('qj-server-up');
    }
    part(card, 'retry-button').click();
    await waitFor(() => card.loadState === 'ready', 'Retry did not load from the restarted server', { timeout: 15_000 });
  });

  it('update a card live when progress is reported on the server', async () => {
    const api = realApi();
    const card = await fixture<QjTaskProgressCard>(
      html`<qj-task-progress-card api-base=${apiBaseFor(api)} embed-key=${embedKeyFor(api)} task-id=${api.taskId}></qj-task-progress-card>`,
    );
    await settled(card);
    const before = Number(part(card, 'progress-bar').getAttribute('aria-valuenow'));
    const percent = before >= 99 ? before - 1 : before + 1;
    // Report only once the card's event stream is open, or the event could go out before it listens.
    await waitFor(() => card.live, 'the event stream did not open', { timeout: 15_000 });
    // Every value the card shows (another browser may report on the same server at the same time).
    const shown: string[] = [];
    card.addEventListener('qj-live-update', () => void card.updateComplete.then(() => shown.push(part(card, 'progress-bar').getAttribute('aria-valuenow') ?? '')));
    await executeServerCommand('qj-report-progress', { taskId: api.taskId, percent });
    await waitFor(() => shown.includes(String(percent)), 'the live update did not arrive', { timeout: 15_000 });
  });
});
