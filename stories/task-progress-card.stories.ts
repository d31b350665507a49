import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Measure, TaskDetail } from '@qiangji/contract';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { FIXTURES_TODAY, FOREVER_MS, fixtureMeasure, fixtureTask, taskAsOf, type TaskTimeline } from './support/fixtures.js';
import { hostIn, renderElement, type ElementArgs } from './support/render.js';
import { expectDarkSurface, findPart, inShadow, part, parts, SETTLE_MS, textOf, waitForLoadState } from './support/shadow.js';

const tag = 'qj-task-progress-card';
type Args = ElementArgs<typeof tag>;

/**
 * 重点任务进度卡. Connected stories load task T04 (措施二 · 2.1, behind plan: yellow 督办) through the provider's
 * fixtures client; the warning stories show fixture task T02 presentationally (`.task`) as the 督办 rule sees it on
 * another day, since the fixtures' own "today" (2025-06-30) has no red or blue task.
 */
const meta = {
  title: 'Widgets/Task progress card 任务进度卡',
  component: tag,
  render: (args) => renderElement(tag, args),
  args: { taskId: 'T04', today: FIXTURES_TODAY, onQjTaskOpen: fn(), onQjLoad: fn(), onQjLiveUpdate: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const card = (canvasElement: HTMLElement) => hostIn(canvasElement, tag);

/** Loaders for the presentational stories: fixture task T02 and its measure, as of `today`. */
function t02AsOf(today: string, timeline: TaskTimeline): Story['loaders'] {
  return [
    async () => {
      const detail: TaskDetail = await fixtureTask('T02');
      const measure: Measure = await fixtureMeasure(detail.task.measureId);
      return { task: taskAsOf(detail.task, today, timeline), updates: detail.updates, measure };
    },
  ];
}

const presentational: Story['render'] = (args, { loaded }) => renderElement(tag, { ...args, taskId: undefined, ...loaded });

export const Loaded: Story = {
  name: 'Loaded (full)',
  play: async ({ canvasElement, args }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'ready');
    const { task } = await fixtureTask('T04');
    await expect(textOf(part(host, 'title'))).toBe(task.title);
    await expect(textOf(part(host, 'code'))).toBe('任务 2.1');
    await expect(textOf(part(host, 'warning'))).toBe('黄色督办 · 进度滞后');
    const bar = inShadow(host).getByRole('progressbar');
    await expect(bar).toHaveAttribute('aria-valuenow', String(task.progress));
    await expect(parts(host, 'milestone')).toHaveLength(task.milestones.length);
    await expect(args.onQjLoad).toHaveBeenCalledWith(expect.objectContaining({ detail: { state: 'ready' } }));
    await userEvent.click(inShadow(host).getByRole('button', { name: task.title }));
    await expect(args.onQjTaskOpen).toHaveBeenCalledWith(expect.objectContaining({ detail: { taskId: 'T04' } }));
  },
};

export const Compact: Story = {
  args: { variant: 'compact' },
  play: async ({ canvasElement }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'ready');
    await expect(part(host, 'progress-bar')).not.toBeNull();
    await expect(part(host, 'deadline')).not.toBeNull();
    // Compact drops milestones, history and the last report.
    await expect(part(host, 'milestones')).toBeNull();
    await expect(part(host, 'sparkline')).toBeNull();
    await expect(part(host, 'last-update')).toBeNull();
  },
};

export const Loading: Story = {
  parameters: { fixtures: { latencyMs: FOREVER_MS } },
  play: async ({ canvasElement, args }) => {
    const host = card(canvasElement);
    await findPart(host, 'skeleton');
    await expect(host.loadState).toBe('loading');
    await expect(textOf(part(host, 'skeleton'))).toBe('正在加载…');
    await expect(part(host, 'base')).toHaveAttribute('aria-busy', 'true');
    await expect(args.onQjLoad).not.toHaveBeenCalled();
  },
};

export const Empty: Story = {
  parameters: { fixtures: { empty: ['getTask'] } },
  play: async ({ canvasElement, args }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'empty');
    await expect(textOf(part(host, 'empty'))).toBe('暂无任务数据');
    await expect(args.onQjLoad).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.objectContaining({ state: 'empty', status: 404 }) }));
  },
};

export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  parameters: { fixtures: { fail: { route: 'getTask', status: 500 } } },
  play: async ({ canvasElement, args }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'error');
    const alert = inShadow(host).getByRole('alert');
    await expect(alert).toHaveTextContent('加载失败，请稍后重试');
    await expect(args.onQjLoad).toHaveBeenCalledTimes(1);
    // Retry loads again (the fixtures keep failing, so it settles in the error state a second time).
    await userEvent.click(inShadow(host).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(args.onQjLoad).toHaveBeenCalledTimes(2), { timeout: SETTLE_MS });
    await expect(args.onQjLoad).toHaveBeenLastCalledWith(expect.objectContaining({ detail: expect.objectContaining({ state: 'error', status: 500 }) }));
  },
};

export const Forbidden: Story = {
  parameters: { fixtures: { forbidden: ['getTask'] } },
  play: async ({ canvasElement }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'forbidden');
    await expect(textOf(part(host, 'forbidden'))).toContain('无权查看');
    await expect(part(host, 'title')).toBeNull();
  },
};

export const WarningRed: Story = {
  name: 'Warning: red (overdue)',
  args: { today: '2026-01-20' },
  loaders: t02AsOf('2026-01-20', 'as-reported'),
  render: presentational,
  play: async ({ canvasElement }) => {
    const host = card(canvasElement);
    const warning = await findPart(host, 'warning');
    await expect(warning).toHaveAttribute('data-level', 'red');
    await expect(textOf(warning)).toBe('红色督办 · 已逾期');
    await expect(textOf(part(host, 'days-left'))).toBe('已逾期 20 天');
  },
};

export const WarningYellow: Story = {
  name: 'Warning: yellow (behind plan)',
  args: { taskId: 'T05' },
  play: async ({ canvasElement }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'ready');
    await expect(part(host, 'warning')).toHaveAttribute('data-level', 'yellow');
    await expect(textOf(part(host, 'status'))).toContain('进度滞后');
  },
};

export const WarningBlue: Story = {
  name: 'Warning: blue (deadline near)',
  args: { today: '2025-12-10' },
  loaders: t02AsOf('2025-12-10', 'on-plan'),
  render: presentational,
  play: async ({ canvasElement }) => {
    const host = card(canvasElement);
    const warning = await findPart(host, 'warning');
    await expect(warning).toHaveAttribute('data-level', 'blue');
    await expect(textOf(warning)).toBe('蓝色督办 · 临近截止');
    await expect(textOf(part(host, 'days-left'))).toBe('剩余 21 天');
  },
};

export const Done: Story = {
  name: 'Done (100 %)',
  args: { today: '2025-12-20' },
  loaders: t02AsOf('2025-12-20', 'finished'),
  render: presentational,
  play: async ({ canvasElement }) => {
    const host = card(canvasElement);
    await findPart(host, 'status');
    await expect(textOf(part(host, 'status'))).toContain('已完成');
    await expect(part(host, 'warning')).toBeNull();
    await expect(inShadow(host).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  },
};

export const LiveUpdate: Story = {
  name: 'Live update (event stream)',
  parameters: { fixtures: { signedIn: true } },
  play: async ({ canvasElement, args }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'ready');
    const provider = hostIn(canvasElement, 'qj-provider');
    // A colleague reports 77 % through the same API; the card hears it on the event stream.
    await waitFor(
      async () => {
        await (provider.client as import('@qiangji/sdk').QiangJiClient).tasks.updateProgress('T04', { percent: 77, note: '故事演示报送', evidence: [] });
        await expect(args.onQjLiveUpdate).toHaveBeenCalled();
      },
      { timeout: SETTLE_MS, interval: 300 },
    );
    await waitFor(() => expect(inShadow(host).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '77'));
    await expect(textOf(part(host, 'live'))).toContain('77%');
  },
};

export const Elder: Story = {
  name: 'Elder mode 长者模式',
  globals: { elder: 'on' },
  play: async ({ canvasElement }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'ready');
    await expect(host).toHaveAttribute('data-qj-elder');
    await expect(getComputedStyle(host).getPropertyValue('--qj-sys-target-size').trim()).toBe('60px');
    const title = part(host, 'title-button')!;
    await expect(Number.parseFloat(getComputedStyle(title).fontSize)).toBeGreaterThanOrEqual(18);
    await expect(title.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'ready');
    await expectDarkSurface(host, part(host, 'base'));
  },
};

export const TraditionalChinese: Story = {
  name: '繁體中文 zh-HK',
  globals: { locale: 'zh-HK' },
  play: async ({ canvasElement }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'ready');
    await expect(part(host, 'base')).toHaveAttribute('lang', 'zh-HK');
    await expect(textOf(part(host, 'status'))).toContain('進度滯後');
    await expect(textOf(part(host, 'progress-label'))).toBe('完成進度');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'ready');
    const { task } = await fixtureTask('T04');
    await expect(part(host, 'base')).toHaveAttribute('lang', 'en');
    await expect(textOf(part(host, 'title'))).toBe(task.titleEn ?? task.title);
    await expect(textOf(part(host, 'progress-label'))).toBe('Progress');
  },
};
