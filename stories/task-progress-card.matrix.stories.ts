import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { FIXTURES_TODAY, FOREVER_MS, fixtureMeasure, fixtureTask, taskAsOf, type TaskTimeline } from './support/fixtures.js';
import { matrixStory, type Localized } from './support/matrix.js';
import { renderElement } from './support/render.js';
import { findPart, part, textOf, waitForLoadState } from './support/shadow.js';

const tag = 'qj-task-progress-card';
type Card = HTMLElementTagNameMap[typeof tag];

/** Every state of the task progress card in zh-CN / zh-HK / en × light / dark × standard / elder mode. */
const meta = {
  title: 'Matrix/Task progress card 任务进度卡',
  component: tag,
  parameters: { layout: 'fullscreen' },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const connected = (extra: Record<string, unknown> = {}) => () => renderElement(tag, { taskId: 'T04', today: FIXTURES_TODAY, ...extra });

/** Fixture task T02 shown presentationally as the 督办 rule sees it on `today`. */
function t02(today: string, timeline: TaskTimeline): Pick<Story, 'loaders'> & { cell: (look: unknown, context: StoryContext) => Card } {
  return {
    loaders: [
      async () => {
        const detail = await fixtureTask('T02');
        return { task: taskAsOf(detail.task, today, timeline), updates: detail.updates, measure: await fixtureMeasure(detail.task.measureId) };
      },
    ],
    cell: (_look, context) => renderElement(tag, { today, ...context.loaded }),
  };
}

const text = (key: 'atRisk' | 'loading' | 'empty' | 'error' | 'forbidden' | 'red' | 'blue' | 'done'): Localized =>
  ({
    atRisk: { 'zh-CN': '进度滞后', 'zh-HK': '進度滯後', en: 'Behind schedule' },
    loading: { 'zh-CN': '正在加载…', 'zh-HK': '正在載入…', en: 'Loading…' },
    empty: { 'zh-CN': '暂无任务数据', 'zh-HK': '暫無任務數據', en: 'No task data' },
    error: { 'zh-CN': '加载失败，请稍后重试', 'zh-HK': '載入失敗，請稍後重試', en: 'Could not load the data. Please try again.' },
    forbidden: { 'zh-CN': '无权查看', 'zh-HK': '無權查看', en: 'You may not view this' },
    red: { 'zh-CN': '红色督办 · 已逾期', 'zh-HK': '紅色督辦 · 已逾期', en: 'Red alert · overdue' },
    blue: { 'zh-CN': '蓝色督办 · 临近截止', 'zh-HK': '藍色督辦 · 臨近截止', en: 'Blue alert · deadline near' },
    done: { 'zh-CN': '已完成', 'zh-HK': '已完成', en: 'Done' },
  })[key];

export const Loaded: Story = matrixStory<Card>({
  tag,
  cell: connected(),
  check: async (card, look) => {
    await waitForLoadState(card, 'ready');
    await expect(part(card, 'base')).toHaveAttribute('lang', look.locale);
    await expect(textOf(part(card, 'status'))).toContain(text('atRisk')[look.locale]);
    await expect(part(card, 'milestones')).not.toBeNull();
  },
});

export const Compact: Story = matrixStory<Card>({
  tag,
  cell: connected({ variant: 'compact' }),
  check: async (card, look) => {
    await waitForLoadState(card, 'ready');
    await expect(textOf(part(card, 'status'))).toContain(text('atRisk')[look.locale]);
    await expect(part(card, 'milestones')).toBeNull();
  },
});

export const Loading: Story = matrixStory<Card>({
  tag,
  fixtures: { latencyMs: FOREVER_MS },
  cell: connected(),
  check: async (card, look) => {
    await expect(textOf(await findPart(card, 'skeleton'))).toBe(text('loading')[look.locale]);
  },
});

export const Empty: Story = matrixStory<Card>({
  tag,
  fixtures: { empty: ['getTask'] },
  cell: connected(),
  check: async (card, look) => {
    await waitForLoadState(card, 'empty');
    await expect(textOf(part(card, 'empty'))).toBe(text('empty')[look.locale]);
  },
});

export const ErrorState: Story = {
  ...matrixStory<Card>({
    tag,
    fixtures: { fail: { route: 'getTask', status: 500 } },
    cell: connected(),
    check: async (card, look) => {
      await waitForLoadState(card, 'error');
      await expect(textOf(part(card, 'error'))).toContain(text('error')[look.locale]);
      await expect(part(card, 'retry-button')).toBeVisible();
    },
  }),
  name: 'Error',
};

export const Forbidden: Story = matrixStory<Card>({
  tag,
  fixtures: { forbidden: ['getTask'] },
  cell: connected(),
  check: async (card, look) => {
    await waitForLoadState(card, 'forbidden');
    await expect(textOf(part(card, 'forbidden'))).toContain(text('forbidden')[look.locale]);
  },
});

const red = t02('2026-01-20', 'as-reported');
export const WarningRed: Story = {
  ...matrixStory<Card>({
    tag,
    cell: red.cell,
    check: async (card, look) => {
      await expect(textOf(await findPart(card, 'warning'))).toBe(text('red')[look.locale]);
    },
  }),
  name: 'Warning: red',
  loaders: red.loaders,
};

const blue = t02('2025-12-10', 'on-plan');
export const WarningBlue: Story = {
  ...matrixStory<Card>({
    tag,
    cell: blue.cell,
    check: async (card, look) => {
      await expect(textOf(await findPart(card, 'warning'))).toBe(text('blue')[look.locale]);
    },
  }),
  name: 'Warning: blue',
  loaders: blue.loaders,
};

const done = t02('2025-12-20', 'finished');
export const Done: Story = {
  ...matrixStory<Card>({
    tag,
    cell: done.cell,
    check: async (card, look) => {
      await expect(textOf(await findPart(card, 'status'))).toContain(text('done')[look.locale]);
      await expect(part(card, 'warning')).toBeNull();
    },
  }),
  loaders: done.loaders,
};
