import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@qiangji/sdk';
import { createFixturesTransport, type FixturesOptions } from '@qiangji/sdk/fixtures';
import './define.js';
import '../task-progress-card/define.js';
import '../branch-rating-badge/define.js';
import type { QjClient } from '../../context/client.js';
import { FakeClient } from '../../testing/fake-client.js';
import { part, settled, shadowText, waitFor } from '../../testing/helpers.js';
import { sampleTask, TODAY } from '../../testing/sample-data.js';
import type { QjBranchRatingBadge } from '../branch-rating-badge/branch-rating-badge.js';
import type { QjTaskProgressCard } from '../task-progress-card/task-progress-card.js';
import type { QjProvider } from './provider.js';

/** The SDK with its fixtures transport (in-memory data; not our server). */
const fixturesClient = (options: FixturesOptions = {}) =>
  createClient({ baseUrl: 'https://fixtures.invalid', fetch: createFixturesTransport({ eventIntervalMs: 0, ...options }) });

describe('<qj-provider>', () => {
  it('renders its children through a slot', async () => {
    const provider = await fixture<QjProvider>(html`<qj-provider><p>门户内容</p></qj-provider>`);
    expect(provider.shadowRoot!.querySelector('slot')).to.exist;
    expect(provider.textContent).to.contain('门户内容');
  });

  it('creates one SDK client, keeps it when the token changes, and recreates it for another api-base or embed-key', async () => {
    const provider = await fixture<QjProvider>(html`<qj-provider api-base="https://api.example.invalid" embed-key="key-1"></qj-provider>`);
    const first = provider.providedClient!;
    expect(first).to.exist;
    const tokens: Array<string | null> = [];
    (first as QjClient).setToken = (token) => void tokens.push(token);
    provider.token = 'token-a';
    await provider.updateComplete;
    expect(provider.providedClient).to.equal(first);
    expect(tokens).to.deep.equal(['token-a']);
    provider.setAttribute('embed-key', 'key-2');
    await provider.updateComplete;
    const second = provider.providedClient;
    expect(second).to.not.equal(first);
    provider.apiBase = 'https://other.example.invalid';
    await provider.updateComplete;
    expect(provider.providedClient).to.not.equal(second);
    provider.removeAttribute('api-base');
    await provider.updateComplete;
    expect(provider.providedClient).to.equal(undefined);
  });

  it('gives every widget inside the same client, however deep', async () => {
    const client = new FakeClient();
    const provider = await fixture<QjProvider>(html`<qj-provider .client=${client}>
      <section>
        <qj-task-progress-card task-id="task-1-1" today=${TODAY}></qj-task-progress-card>
        <div><qj-branch-rating-badge org-id="445102001001" year="2025"></qj-branch-rating-badge></div>
      </section>
    </qj-provider>`);
    const card = provider.querySelector('qj-task-progress-card')!;
    const badge = provider.querySelector('qj-branch-rating-badge')!;
    await settled(card);
    await settled(badge);
    expect(card.effectiveClient).to.equal(client);
    expect(badge.effectiveClient).to.equal(client);
    const next = new FakeClient();
    provider.client = next;
    await provider.updateComplete;
    await settled(card);
    expect(card.effectiveClient).to.equal(next);
    expect(next.calls).to.include('tasks.get task-1-1');
  });

  it('applies theme and elder mode to its subtree; a widget’s own attribute wins', async () => {
    const provider = await fixture<QjProvider>(html`<qj-provider theme="dark" elder>
      <qj-task-progress-card .task=${sampleTask()} today=${TODAY}></qj-task-progress-card>
      <qj-task-progress-card theme="light" .task=${sampleTask()} today=${TODAY}></qj-task-progress-card>
    </qj-provider>`);
    const [dark, light] = [...provider.querySelectorAll('qj-task-progress-card')];
    await dark!.updateComplete;
    await light!.updateComplete;
    expect(provider.dataset.qjTheme).to.equal('dark');
    expect(dark!.dataset.qjTheme).to.equal('dark');
    expect(dark!.hasAttribute('data-qj-elder')).to.be.true;
    expect(light!.dataset.qjTheme).to.equal('light');
    const background = (card: Element) => getComputedStyle(part(card, 'base')).backgroundColor;
    expect(background(dark!)).to.equal('rgb(24, 24, 24)');
    expect(background(light!)).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(part(dark!, 'lead-unit')).fontSize).to.equal('18px');
    provider.theme = 'light';
    provider.elder = false;
    await provider.updateComplete;
    await dark!.updateComplete;
    expect(dark!.dataset.qjTheme).to.equal('light');
    expect(dark!.hasAttribute('data-qj-elder')).to.be.false;
    expect(getComputedStyle(part(dark!, 'lead-unit')).fontSize).to.equal('14px');
  });

  it('passes its locale down; a nested provider without one inherits it', async () => {
    const outer = await fixture<QjProvider>(html`<qj-provider locale="en"><qj-provider theme="dark"><qj-task-progress-card .task=${sampleTask()} today=${TODAY}></qj-task-progress-card></qj-provider></qj-provider>`);
    const inner = outer.querySelector('qj-provider')!;
    const card = outer.querySelector('qj-task-progress-card')!;
    await card.updateComplete;
    expect(inner.providedSettings).to.deep.equal({ locale: 'en', theme: 'dark' });
    expect(part(card, 'days-left').textContent).to.equal('35 days left');
    expect(card.dataset.qjTheme).to.equal('dark');
    outer.locale = 'zh-Hant';
    await outer.updateComplete;
    await inner.updateComplete;
    await card.updateComplete;
    expect(part(card, 'days-left').textContent).to.equal('剩餘 35 天');
  });

  it('hands down an enclosing provider’s client when it has none of its own; its own api-base or client wins', async () => {
    const outerClient = new FakeClient();
    const outer = await fixture<QjProvider>(html`<qj-provider .client=${outerClient}>
      <qj-provider locale="en"><qj-task-progress-card task-id="task-1-1" today=${TODAY}></qj-task-progress-card></qj-provider>
    </qj-provider>`);
    const inner = outer.querySelector('qj-provider')!;
    const card = outer.querySelector<QjTaskProgressCard>('qj-task-progress-card')!;
    await settled(card);
    expect(inner.providedClient).to.equal(outerClient);
    expect(card.effectiveClient).to.equal(outerClient);
    expect(card.loadState).to.equal('ready');
    expect(outerClient.calls).to.include('tasks.get task-1-1');
    const nextOuter = new FakeClient();
    outer.client = nextOuter;
    await outer.updateComplete;
    await inner.updateComplete;
    expect(card.effectiveClient).to.equal(nextOuter);
    inner.apiBase = 'https://inner.example.invalid';
    await inner.updateComplete;
    const own = inner.providedClient;
    expect(own).to.exist.and.not.equal(nextOuter);
    expect(card.effectiveClient).to.equal(own);
    const innerClient = new FakeClient();
    inner.client = innerClient;
    await inner.updateComplete;
    expect(card.effectiveClient).to.equal(innerClient);
  });

  it('is accessible', async () => {
    const provider = await fixture<QjProvider>(html`<qj-provider theme="dark" elder><p>内容</p></qj-provider>`);
    await expect(provider).to.be.accessible();
  });

  describe('with the real SDK over its fixtures transport', () => {
    it('loads a task card and a rating badge', async () => {
      const client = fixturesClient();
      const ratings = await client.ratings.list({ year: 2025, limit: 1 });
      const rating = ratings.items[0]!;
      const provider = await fixture<QjProvider>(html`<qj-provider .client=${client}>
        <qj-task-progress-card task-id="T01"></qj-task-progress-card>
        <qj-branch-rating-badge org-id=${rating.orgUnitId} year="2025" party-organization-id=${rating.partyOrganizationId} details></qj-branch-rating-badge>
      </qj-provider>`);
      const card = provider.querySelector<QjTaskProgressCard>('qj-task-progress-card')!;
      const badge = provider.querySelector<QjBranchRatingBadge>('qj-branch-rating-badge')!;
      await settled(card);
      await settled(badge);
      expect(card.loadState).to.equal('ready');
      expect(part(card, 'progress-bar').getAttribute('aria-valuetext')).to.match(/^已完成 \d+%$/);
      expect(shadowText(card)).to.contain('措施1');
      expect(badge.loadState).to.equal('ready');
      expect(part(badge, 'stars').getAttribute('aria-label')).to.match(/^.+ · 2025年度$/);
      await expect(card).to.be.accessible();
      await expect(badge).to.be.accessible();
    });

    it('shows the SDK’s 403 as forbidden, its 404 and empty lists as empty, and its 500 as an error', async () => {
      const cases = [
        [fixturesClient({ forbidden: ['getTask', 'listRatings'] }), 'forbidden'],
        [fixturesClient({ empty: ['getTask', 'listRatings'] }), 'empty'],
        [fixturesClient({ fail: [{ route: 'getTask', status: 500 }, { route: 'listRatings', status: 500 }] }), 'error'],
      ] as const;
      for (const [client, state] of cases) {
        const provider = await fixture<QjProvider>(html`<qj-provider .client=${client}>
          <qj-task-progress-card task-id="T01"></qj-task-progress-card>
          <qj-branch-rating-badge org-id="445102" year="2025"></qj-branch-rating-badge>
        </qj-provider>`);
        const card = provider.querySelector<QjTaskProgressCard>('qj-task-progress-card')!;
        const badge = provider.querySelector<QjBranchRatingBadge>('qj-branch-rating-badge')!;
        await waitFor(() => card.loadState === state && badge.loadState === state, `expected ${state}`, { timeout: 8000 });
      }
    });
  });
});
