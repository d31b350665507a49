import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../provider/define.js';
import './define.js';
import type { QjProvider } from '../provider/provider.js';
import { FakeClient } from '../../testing/fake-client.js';
import { applyMode, modes, part, parts, setHtmlLang, settled, shadowText, waitFor } from '../../testing/helpers.js';
import { progressEvent, sampleMeasure, sampleTask, TODAY } from '../../testing/sample-data.js';
import type { QjTaskProgressCard } from './task-progress-card.js';

const presentational = (variant: 'full' | 'compact' = 'full') =>
  fixture<QjTaskProgressCard>(html`<qj-task-progress-card today=${TODAY} variant=${variant} .task=${sampleTask()} .measure=${sampleMeasure}></qj-task-progress-card>`);

const connected = async (client: FakeClient, taskId = 'task-1-1') =>
  fixture<QjTaskProgressCard>(html`<qj-task-progress-card today=${TODAY} task-id=${taskId} .client=${client}></qj-task-progress-card>`);

describe('<qj-task-progress-card>', () => {
  describe('presentational (.task)', () => {
    it('shows measure, code, title, lead unit, status and the 督办 warning as text and shape', async () => {
      const card = await presentational();
      const text = shadowText(card);
      expect(text).to.contain('措施1 · 铸魂工程');
      expect(text).to.contain('任务 1.1');
      expect(part(card, 'title-button').textContent?.trim()).to.equal('落实"第一议题"制度');
      expect(part(card, 'lead-unit').textContent).to.contain('牵头单位：市委组织部');
      expect(part(card, 'status').textContent).to.contain('进度滞后');
      const warning = part(card, 'warning');
      expect(warning.dataset.level).to.equal('yellow');
      expect(warning.textContent).to.contain('黄色督办');
      expect(warning.querySelector('svg')).to.exist;
    });

    it('exposes progress as role=progressbar with value text', async () => {
      const card = await presentational();
      const bar = part(card, 'progress-bar');
      expect(bar.getAttribute('role')).to.equal('progressbar');
      expect(bar.getAttribute('aria-valuenow')).to.equal('62');
      expect(bar.getAttribute('aria-valuemin')).to.equal('0');
      expect(bar.getAttribute('aria-valuemax')).to.equal('100');
      expect(bar.getAttribute('aria-valuetext')).to.equal('已完成 62%');
      expect(part(card, 'progress-value').textContent).to.equal('62%');
      expect(bar.querySelector('rect.fill')?.getAttribute('width')).to.equal('62');
      expect(bar.hasAttribute('style')).to.be.false;
    });

    it('shows the deadline with days left, milestones with their state in words, the last report and a sparkline', async () => {
      const card = await presentational();
      expect(part(card, 'deadline').textContent).to.contain('截止：2026年12月31日');
      expect(part(card, 'days-left').textContent).to.equal('剩余 35 天');
      const milestones = parts(card, 'milestone');
      expect(milestones.map((milestone) => milestone.getAttribute('data-state'))).to.deep.equal(['done', 'overdue', 'upcoming']);
      expect(milestones[0]?.textContent).to.contain('已完成');
      expect(milestones[1]?.textContent).to.contain('已逾期');
      expect(part(card, 'last-update').textContent).to.contain('最近报送：2026年11月20日 · 陈*燕');
      const sparkline = part(card, 'sparkline');
      expect(sparkline.getAttribute('role')).to.equal('img');
      expect(sparkline.getAttribute('aria-label')).to.equal('进度历史：4 次报送，从 10% 到 62%');
      expect(sparkline.querySelector('polyline')?.getAttribute('points')?.split(' ')).to.have.length(4);
    });

    it('says how many days a task is overdue, with a red warning', async () => {
      const task = sampleTask({ dueDate: '2026-11-20', status: 'overdue', warning: 'red' });
      const card = await fixture<QjTaskProgressCard>(html`<qj-task-progress-card today=${TODAY} .task=${task}></qj-task-progress-card>`);
      expect(part(card, 'days-left').textContent).to.equal('已逾期 6 天');
      expect(part(card, 'warning').textContent).to.contain('红色督办');
      expect(parts(card, 'measure')).to.have.length(0);
    });

    it('has no warning chip for a task without a warning, and says when it is done', async () => {
      const task = sampleTask({ progress: 100, status: 'done', warning: 'none', lastUpdate: null, history: [] });
      const card = await fixture<QjTaskProgressCard>(html`<qj-task-progress-card today=${TODAY} .task=${task}></qj-task-progress-card>`);
      expect(parts(card, 'warning')).to.have.length(0);
      expect(part(card, 'status').textContent).to.contain('已完成');
      expect(part(card, 'last-update').textContent).to.contain('暂无进度报送');
      expect(part(card, 'sparkline').getAttribute('aria-label')).to.equal('暂无进度历史');
    });

    it('compact variant leaves out milestones, history and the last report; variant reflects', async () => {
      const card = await presentational('compact');
      expect(parts(card, 'milestones')).to.have.length(0);
      expect(parts(card, 'sparkline')).to.have.length(0);
      expect(parts(card, 'last-update')).to.have.length(0);
      expect(parts(card, 'progress-bar')).to.have.length(1);
      card.variant = 'full';
      await card.updateComplete;
      expect(card.getAttribute('variant')).to.equal('full');
      expect(parts(card, 'milestones')).to.have.length(1);
    });

    it('reflects task-id, theme, elder and lang, and mirrors resolved settings to data attributes', async () => {
      const card = await presentational();
      card.taskId = 'task-9';
      card.theme = 'dark';
      card.elder = true;
      card.lang = 'en';
      await card.updateComplete;
      expect(card.getAttribute('task-id')).to.equal('task-9');
      expect(card.getAttribute('theme')).to.equal('dark');
      expect(card.hasAttribute('elder')).to.be.true;
      expect(card.getAttribute('lang')).to.equal('en');
      expect(card.dataset.qjTheme).to.equal('dark');
      expect(card.hasAttribute('data-qj-elder')).to.be.true;
      card.setAttribute('variant', 'compact');
      await card.updateComplete;
      expect(card.variant).to.equal('compact');
    });

    it('shows host content in the footer slot', async () => {
      const card = await fixture<QjTaskProgressCard>(
        html`<qj-task-progress-card today=${TODAY} .task=${sampleTask()}><a slot="footer" href="#t01">查看详情</a></qj-task-progress-card>`,
      );
      const slot = card.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="footer"]')!;
      expect(slot.assignedElements().map((element) => element.textContent)).to.deep.equal(['查看详情']);
    });

    it('renders in English and Traditional Chinese', async () => {
      const card = await presentational();
      card.lang = 'en';
      await card.updateComplete;
      expect(part(card, 'title-button').textContent?.trim()).to.equal('Put the "first agenda item" rule into practice');
      expect(part(card, 'days-left').textContent).to.equal('35 days left');
      expect(part(card, 'deadline').textContent).to.contain('31 Dec 2026');
      expect(part(card, 'progress-bar').getAttribute('aria-valuetext')).to.equal('62% complete');
      card.lang = 'zh-TW';
      await card.updateComplete;
      expect(part(card, 'base').getAttribute('lang')).to.equal('zh-HK');
      expect(part(card, 'days-left').textContent).to.equal('剩餘 35 天');
      expect(part(card, 'warning').textContent).to.contain('黃色督辦');
    });
  });

  describe('qj-task-open', () => {
    it('is emitted on click with the task id, bubbling out of the shadow root', async () => {
      const card = await presentational();
      setTimeout(() => part(card, 'title-button').click());
      const event = await oneEvent(document, 'qj-task-open');
      expect(event.detail).to.deep.equal({ taskId: 'task-1-1' });
      expect(event.composed).to.be.true;
      expect(event.cancelable).to.be.true;
    });

    for (const key of ['Enter', ' '] as const) {
      it(`is emitted on ${key === ' ' ? 'Space' : key}`, async () => {
        const card = await presentational();
        const opened: string[] = [];
        card.addEventListener('qj-task-open', (event) => opened.push(event.detail.taskId));
        part(card, 'title-button').focus();
        await sendKeys({ press: key });
        await waitFor(() => opened.length === 1, 'qj-task-open not emitted');
        expect(opened).to.deep.equal(['task-1-1']);
      });
    }

    it('is a link with href, and cancelling the event stops the navigation', async () => {
      const card = await fixture<QjTaskProgressCard>(html`<qj-task-progress-card href="#task-1-1" .task=${sampleTask()}></qj-task-progress-card>`);
      const link = part<HTMLAnchorElement>(card, 'title-button');
      expect(link.localName).to.equal('a');
      expect(link.getAttribute('href')).to.equal('#task-1-1');
      card.addEventListener('qj-task-open', (event) => event.preventDefault(), { once: true });
      const before = location.hash;
      link.click();
      await aTimeout(0);
      expect(location.hash).to.equal(before);
    });
  });

  describe('connected (task-id)', () => {
    it('shows a skeleton while loading, then the task and its measure', async () => {
      const client = new FakeClient();
      client.hold = true;
      const card = await connected(client);
      expect(card.loadState).to.equal('loading');
      expect(part(card, 'base').getAttribute('aria-busy')).to.equal('true');
      expect(parts(card, 'skeleton')).to.have.length(1);
      client.release();
      await settled(card);
      expect(card.loadState).to.equal('ready');
      expect(part(card, 'base').getAttribute('aria-busy')).to.equal('false');
      expect(shadowText(card)).to.contain('措施1 · 铸魂工程');
      expect(client.calls).to.include('tasks.get task-1-1');
    });

    it('shows the empty state for an unknown task', async () => {
      const card = await connected(new FakeClient(), 'task-404');
      await settled(card);
      expect(card.loadState).to.equal('empty');
      expect(part(card, 'empty').textContent).to.contain('暂无任务数据');
    });

    it('shows the forbidden state on 403', async () => {
      const client = new FakeClient();
      client.failures['tasks.get'] = 403;
      const card = await connected(client);
      await settled(card);
      expect(card.loadState).to.equal('forbidden');
      expect(part(card, 'forbidden').textContent).to.contain('无权查看');
    });

    it('shows an error with Retry, and Retry loads again', async () => {
      const client = new FakeClient();
      client.failures['tasks.get'] = 500;
      const loads: Array<{ state: string; status?: number }> = [];
      const card = await fixture<QjTaskProgressCard>(
        html`<qj-task-progress-card task-id="task-1-1" .client=${client} @qj-load=${(event: CustomEvent) => loads.push(event.detail)}></qj-task-progress-card>`,
      );
      await settled(card);
      expect(loads).to.deep.equal([{ state: 'error', status: 500, code: 'internal' }]);
      expect(part(card, 'error').getAttribute('role')).to.equal('alert');
      delete client.failures['tasks.get'];
      part(card, 'retry-button').click();
      await card.updateComplete;
      await settled(card);
      expect(card.loadState).to.equal('ready');
      expect(loads.map((load) => load.state)).to.deep.equal(['error', 'ready']);
      expect(client.calls.filter((call) => call === 'tasks.get task-1-1')).to.have.length(2);
    });

    it('loads again when task-id changes, aborting the request in flight', async () => {
      const client = new FakeClient();
      client.tasksById.set('task-2', { task: sampleTask({ id: 'task-2', title: '第二个任务' }), updates: [] });
      client.hold = true;
      const card = await connected(client);
      card.taskId = 'task-2';
      await card.updateComplete;
      client.release();
      await settled(card);
      expect(client.aborted).to.equal(1);
      expect(part(card, 'title-button').textContent?.trim()).to.equal('第二个任务');
    });

    it('says it has no data source without a client, api-base or provider', async () => {
      const card = await fixture<QjTaskProgressCard>(html`<qj-task-progress-card task-id="task-1-1"></qj-task-progress-card>`);
      expect(card.loadState).to.equal('idle');
      expect(shadowText(card)).to.contain('未配置数据源');
    });

    it('gets its client from an enclosing <qj-provider>', async () => {
      const client = new FakeClient();
      const provider = await fixture<QjProvider>(html`<qj-provider .client=${client}
        ><div><qj-task-progress-card today=${TODAY} task-id="task-1-1"></qj-task-progress-card></div
      ></qj-provider>`);
      const card = provider.querySelector('qj-task-progress-card')!;
      await settled(card);
      expect(card.loadState).to.equal('ready');
      expect(card.effectiveClient).to.equal(client);
    });
  });

  describe('live updates', () => {
    it('applies task.progress events for its task, announces them politely and reconciles with the server', async () => {
      const client = new FakeClient();
      const card = await connected(client);
      await settled(card);
      expect(client.subscriptions).to.equal(1);
      await waitFor(() => card.live, 'event stream not reported open');
      const updated = oneEvent(card, 'qj-live-update');
      client.push(progressEvent('task-1-1', 75));
      await updated;
      await card.updateComplete;
      expect(part(card, 'progress-bar').getAttribute('aria-valuenow')).to.equal('75');
      expect(part(card, 'live').getAttribute('aria-live')).to.equal('polite');
      expect(part(card, 'live').textContent).to.equal('进度已更新：75%（林*华）');
      await waitFor(() => client.calls.filter((call) => call === 'tasks.get task-1-1').length === 2, 'no refetch after the event');
    });

    it('ignores events of other tasks and unsubscribes when removed', async () => {
      const client = new FakeClient();
      const card = await connected(client);
      await settled(card);
      client.push(progressEvent('task-other', 99));
      await card.updateComplete;
      expect(part(card, 'progress-bar').getAttribute('aria-valuenow')).to.equal('62');
      card.remove();
      expect(client.subscriptions).to.equal(0);
    });
  });

  describe('locale', () => {
    let restore: () => void = () => undefined;
    afterEach(() => restore());

    it('follows the provider locale, then <html lang>, without reloading', async () => {
      restore = setHtmlLang('zh-CN');
      const client = new FakeClient();
      const provider = await fixture<QjProvider>(html`<qj-provider .client=${client}><qj-task-progress-card today=${TODAY} task-id="task-1-1"></qj-task-progress-card></qj-provider>`);
      const card = provider.querySelector('qj-task-progress-card')!;
      await settled(card);
      expect(part(card, 'days-left').textContent).to.equal('剩余 35 天');
      provider.locale = 'en';
      await provider.updateComplete;
      await card.updateComplete;
      expect(part(card, 'days-left').textContent).to.equal('35 days left');
      provider.removeAttribute('locale');
      await provider.updateComplete;
      document.documentElement.lang = 'zh-HK';
      await waitFor(() => part(card, 'days-left').textContent === '剩餘 35 天', 'html lang change not applied');
      card.lang = 'en';
      await card.updateComplete;
      expect(part(card, 'days-left').textContent).to.equal('35 days left');
      expect(client.calls.filter((call) => call.startsWith('tasks.get'))).to.have.length(1);
    });
  });

  describe('accessibility', () => {
    for (const mode of modes) {
      describe(`${mode.name} mode`, () => {
        it('is accessible when ready (full and compact)', async () => {
          const full = await presentational();
          applyMode(full, mode.attrs);
          await full.updateComplete;
          await expect(full).to.be.accessible();
          const compact = await presentational('compact');
          applyMode(compact, mode.attrs);
          await compact.updateComplete;
          await expect(compact).to.be.accessible();
        });

        for (const [state, setUp] of [
          ['loading', (client: FakeClient) => void (client.hold = true)],
          ['empty', (client: FakeClient) => client.tasksById.clear()],
          ['error', (client: FakeClient) => void (client.failures['tasks.get'] = 500)],
          ['forbidden', (client: FakeClient) => void (client.failures['tasks.get'] = 403)],
        ] as const) {
          it(`is accessible when ${state}`, async () => {
            const client = new FakeClient();
            setUp(client);
            const card = await connected(client);
            applyMode(card, mode.attrs);
            if (state !== 'loading') await settled(card);
            await card.updateComplete;
            expect(card.loadState).to.equal(state);
            await expect(card).to.be.accessible();
          });
        }
      });
    }
  });

  describe('elder mode', () => {
    const pixels = (value: string) => Number.parseFloat(value);

    it('sets every text to 18px or more with line height ≥ 1.3, on the element or from the provider', async () => {
      const provider = await fixture<QjProvider>(html`<qj-provider elder><qj-task-progress-card today=${TODAY} .task=${sampleTask()} .measure=${sampleMeasure}></qj-task-progress-card></qj-provider>`);
      const fromProvider = provider.querySelector('qj-task-progress-card')!;
      const own = await fixture<QjTaskProgressCard>(html`<qj-task-progress-card elder today=${TODAY} .task=${sampleTask()}></qj-task-progress-card>`);
      for (const card of [fromProvider, own]) {
        await card.updateComplete;
        const texts = [...card.shadowRoot!.querySelectorAll('*')].filter((element) =>
          [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim() && !element.closest('.visually-hidden')),
        );
        expect(texts.length).to.be.greaterThan(10);
        for (const element of texts) {
          const style = getComputedStyle(element);
          expect(pixels(style.fontSize), `${element.className || element.localName} font-size`).to.be.at.least(18);
          expect(pixels(style.lineHeight) / pixels(style.fontSize), `${element.className || element.localName} line-height`).to.be.at.least(1.3);
        }
      }
    });

    it('makes the retry button and the title at least 60×60px', async () => {
      const client = new FakeClient();
      client.failures['tasks.get'] = 500;
      const card = await fixture<QjTaskProgressCard>(html`<qj-task-progress-card elder task-id="task-1-1" .client=${client}></qj-task-progress-card>`);
      await settled(card);
      const retry = part(card, 'retry-button').getBoundingClientRect();
      expect(retry.width).to.be.at.least(60);
      expect(retry.height).to.be.at.least(60);
      const normal = await presentational();
      expect(part(normal, 'title-button').getBoundingClientRect().height).to.be.at.least(44);
      normal.elder = true;
      await normal.updateComplete;
      expect(part(normal, 'title-button').getBoundingClientRect().height).to.be.at.least(60);
    });
  });
});
