import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defaultRatingScheme, type BranchRating } from '@qiangji/contract';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { FOREVER_MS, orgWithRating, RATING_YEAR, ratingHistory } from './support/fixtures.js';
import { hostIn, renderElement, type ElementArgs } from './support/render.js';
import { expectDarkSurface, findPart, inShadow, part, parts, SETTLE_MS, textOf, waitForLoadState } from './support/shadow.js';

const tag = 'qj-branch-rating-badge';
type Args = ElementArgs<typeof tag>;

/** Fixture branches (机关党支部 of a town) by their 2025 rating. */
const fourStars = orgWithRating({ stars: 4 });
const weak = orgWithRating({ flag: 'weak' });
const modelOrgan = orgWithRating({ brand: 'model_organ' });
const starLevels = [0, 1, 2, 3, 4, 5].map((stars) => orgWithRating({ stars }));

/**
 * 星级评定徽章. Connected stories pass `org-id` of a fixture town and load its branch's rating (and, with `details`, the
 * scheme and the year-by-year history) through the provider's fixtures client.
 */
const meta = {
  title: 'Widgets/Branch rating badge 星级评定徽章',
  component: tag,
  render: (args) => renderElement(tag, args),
  args: { orgId: fourStars.orgUnitId, year: RATING_YEAR, onQjLoad: fn(), onQjPopoverToggle: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const badge = (canvasElement: HTMLElement) => hostIn(canvasElement, tag);
const starsOn = (host: Element) => parts(host, 'star-on').length;

export const Loaded: Story = {
  name: 'Loaded (4 stars)',
  play: async ({ canvasElement, args }) => {
    const host = badge(canvasElement);
    await waitForLoadState(host, 'ready');
    await expect(starsOn(host)).toBe(4);
    await expect(parts(host, 'star')).toHaveLength(5);
    await expect(inShadow(host).getByRole('img')).toHaveAccessibleName(`四星级党支部 · ${RATING_YEAR}年度`);
    await expect(args.onQjLoad).toHaveBeenCalledWith(expect.objectContaining({ detail: { state: 'ready' } }));
  },
};

export const StarLevels: Story = {
  name: 'Stars 0–5',
  render: (args) => html`<div class="qj-sb-row">${starLevels.map((rating) => renderElement(tag, { ...args, orgId: rating.orgUnitId }))}</div>`,
  play: async ({ canvasElement }) => {
    const hosts = [...canvasElement.querySelectorAll(tag)];
    await expect(hosts).toHaveLength(6);
    for (const [stars, host] of hosts.entries()) {
      await waitForLoadState(host, 'ready');
      await expect(starsOn(host)).toBe(stars);
      const level = defaultRatingScheme.levels.find((candidate) => candidate.stars === stars)!;
      await expect(textOf(part(host, 'level'))).toBe(level.name.replace(/党组织$/, '党支部'));
    }
  },
};

export const FlagWeak: Story = {
  name: 'Flag: 软弱涣散 (weak)',
  args: { orgId: weak.orgUnitId },
  play: async ({ canvasElement }) => {
    const host = badge(canvasElement);
    await waitForLoadState(host, 'ready');
    const flags = inShadow(host).getByRole('list', { name: '预警标记' });
    await expect(flags).toHaveTextContent('软弱涣散');
    await expect(starsOn(host)).toBe(weak.stars);
  },
};

/** No fixture branch is under rectification yet: this one shows a fixture rating with the flag added. */
export const FlagUnderRectification: Story = {
  name: 'Flags: 软弱涣散 + 整顿中',
  args: { orgId: undefined, rating: { ...weak, flags: ['weak', 'under_rectification'] } satisfies BranchRating },
  play: async ({ canvasElement }) => {
    const host = badge(canvasElement);
    await findPart(host, 'flags');
    await expect(parts(host, 'flag').map(textOf)).toEqual(['软弱涣散', '整顿中']);
  },
};

export const Brands: Story = {
  name: 'Field brand (模范机关)',
  args: { orgId: modelOrgan.orgUnitId },
  play: async ({ canvasElement }) => {
    const host = badge(canvasElement);
    await waitForLoadState(host, 'ready');
    await expect(inShadow(host).getByRole('list', { name: '领域品牌' })).toHaveTextContent('模范机关');
    await expect(starsOn(host)).toBe(modelOrgan.stars);
  },
};

export const Sizes: Story = {
  name: 'Sizes sm / md / lg',
  render: (args) => html`<div class="qj-sb-row">${(['sm', 'md', 'lg'] as const).map((size) => renderElement(tag, { ...args, size }))}</div>`,
  play: async ({ canvasElement }) => {
    const hosts = [...canvasElement.querySelectorAll(tag)];
    for (const host of hosts) await waitForLoadState(host, 'ready');
    const widths = hosts.map((host) => part(host, 'stars')!.getBoundingClientRect().width);
    await expect(widths[0]).toBeLessThan(widths[1]!);
    await expect(widths[1]).toBeLessThan(widths[2]!);
  },
};

export const DetailsOpen: Story = {
  name: 'Details popover open',
  args: { details: true, open: true },
  play: async ({ canvasElement, args }) => {
    const host = badge(canvasElement);
    await waitForLoadState(host, 'ready');
    const popover = await findPart(host, 'popover');
    await expect(popover).toBeVisible();
    const breakdownRows = part(host, 'breakdown')!.querySelectorAll('tbody tr');
    await expect(breakdownRows).toHaveLength(defaultRatingScheme.breakdownItems.length);
    await waitFor(() => expect(part(host, 'history')!.querySelectorAll('tbody tr')).toHaveLength(ratingHistory(fourStars).length), { timeout: SETTLE_MS });
    // Escape closes it (and says so); the trigger opens it again.
    const trigger = inShadow(host).getByRole('button', { name: /评定详情/ });
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    popover.focus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(popover).not.toBeVisible());
    await expect(args.onQjPopoverToggle).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { open: false } }));
    await userEvent.click(trigger);
    await waitFor(() => expect(popover).toBeVisible());
    await expect(args.onQjPopoverToggle).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { open: true } }));
  },
};

export const Loading: Story = {
  parameters: { fixtures: { latencyMs: FOREVER_MS } },
  play: async ({ canvasElement }) => {
    const host = badge(canvasElement);
    await expect(textOf(await findPart(host, 'skeleton'))).toBe('正在加载…');
    await expect(host.loadState).toBe('loading');
  },
};

export const Empty: Story = {
  name: 'Empty (not rated)',
  parameters: { fixtures: { empty: ['listRatings'] } },
  play: async ({ canvasElement }) => {
    const host = badge(canvasElement);
    await waitForLoadState(host, 'empty');
    await expect(textOf(part(host, 'empty'))).toBe('暂无评定数据');
  },
};

export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  parameters: { fixtures: { fail: { route: 'listRatings', status: 500 } } },
  play: async ({ canvasElement, args }) => {
    const host = badge(canvasElement);
    await waitForLoadState(host, 'error');
    await expect(inShadow(host).getByRole('alert')).toHaveTextContent('加载失败，请稍后重试');
    await userEvent.click(inShadow(host).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(args.onQjLoad).toHaveBeenCalledTimes(2), { timeout: SETTLE_MS });
  },
};

export const Forbidden: Story = {
  parameters: { fixtures: { forbidden: ['listRatings'] } },
  play: async ({ canvasElement }) => {
    const host = badge(canvasElement);
    await waitForLoadState(host, 'forbidden');
    await expect(textOf(part(host, 'forbidden'))).toContain('无权查看');
  },
};

export const Elder: Story = {
  name: 'Elder mode 长者模式',
  globals: { elder: 'on' },
  args: { details: true },
  play: async ({ canvasElement }) => {
    const host = badge(canvasElement);
    await waitForLoadState(host, 'ready');
    await expect(host).toHaveAttribute('data-qj-elder');
    await expect(part(host, 'trigger')!.getBoundingClientRect().height).toBeGreaterThanOrEqual(60);
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const host = badge(canvasElement);
    await waitForLoadState(host, 'ready');
    await expectDarkSurface(host, part(host, 'base'));
  },
};

export const TraditionalChinese: Story = {
  name: '繁體中文 zh-HK',
  globals: { locale: 'zh-HK' },
  play: async ({ canvasElement }) => {
    const host = badge(canvasElement);
    await waitForLoadState(host, 'ready');
    await expect(textOf(part(host, 'level'))).toBe('四星級黨支部');
    await expect(textOf(part(host, 'year'))).toBe(`${RATING_YEAR}年度`);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const host = badge(canvasElement);
    await waitForLoadState(host, 'ready');
    await expect(part(host, 'base')).toHaveAttribute('lang', 'en');
    await expect(textOf(part(host, 'level'))).toMatch(/^Four-star Party branch$/);
  },
};
