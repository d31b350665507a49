import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { FOREVER_MS, orgWithRating, RATING_YEAR } from './support/fixtures.js';
import { matrixStory, type Localized } from './support/matrix.js';
import { renderElement } from './support/render.js';
import { findPart, part, parts, textOf, waitForLoadState } from './support/shadow.js';

const tag = 'qj-branch-rating-badge';
type Badge = HTMLElementTagNameMap[typeof tag];

/** Every state of the rating badge in zh-CN / zh-HK / en × light / dark × standard / elder mode. */
const meta = {
  title: 'Matrix/Branch rating badge 星级评定徽章',
  component: tag,
  parameters: { layout: 'fullscreen' },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const fourStars = orgWithRating({ stars: 4 });
const weak = orgWithRating({ flag: 'weak' });
const modelOrgan = orgWithRating({ brand: 'model_organ' });

const connected = (orgId: string, extra: Record<string, unknown> = {}) => () => renderElement(tag, { orgId, year: RATING_YEAR, ...extra });

const words = {
  fourStarBranch: { 'zh-CN': '四星级党支部', 'zh-HK': '四星級黨支部', en: 'Four-star Party branch' },
  weak: { 'zh-CN': '软弱涣散', 'zh-HK': '軟弱渙散', en: 'Weak and lax' },
  modelOrgan: { 'zh-CN': '模范机关', 'zh-HK': '模範機關', en: 'Model Government Organ' },
  breakdown: { 'zh-CN': '得分明细', 'zh-HK': '得分明細', en: 'Score breakdown' },
  loading: { 'zh-CN': '正在加载…', 'zh-HK': '正在載入…', en: 'Loading…' },
  empty: { 'zh-CN': '暂无评定数据', 'zh-HK': '暫無評定數據', en: 'No rating data' },
  error: { 'zh-CN': '加载失败，请稍后重试', 'zh-HK': '載入失敗，請稍後重試', en: 'Could not load the data. Please try again.' },
  forbidden: { 'zh-CN': '无权查看', 'zh-HK': '無權查看', en: 'You may not view this' },
} satisfies Record<string, Localized>;

export const Loaded: Story = matrixStory<Badge>({
  tag,
  cell: connected(fourStars.orgUnitId),
  check: async (badge, look) => {
    await waitForLoadState(badge, 'ready');
    await expect(parts(badge, 'star-on')).toHaveLength(4);
    await expect(textOf(part(badge, 'level'))).toBe(words.fourStarBranch[look.locale]);
  },
});

export const Flags: Story = matrixStory<Badge>({
  tag,
  cell: connected(weak.orgUnitId),
  check: async (badge, look) => {
    await waitForLoadState(badge, 'ready');
    await expect(textOf(part(badge, 'flag'))).toBe(words.weak[look.locale]);
  },
});

export const Brands: Story = matrixStory<Badge>({
  tag,
  cell: connected(modelOrgan.orgUnitId),
  check: async (badge, look) => {
    await waitForLoadState(badge, 'ready');
    await expect(textOf(part(badge, 'brand'))).toBe(words.modelOrgan[look.locale]);
  },
});

/**
 * The details region is named after the level (「四星级党支部评定详情」), so two open panels of the same level on one
 * page would be indistinguishable landmarks: each cell of a locale shows another star level.
 */
const detailLevels = [5, 4, 3, 2].map((stars) => orgWithRating({ stars }));
export const DetailsOpen: Story = {
  ...matrixStory<Badge>({
    tag,
    cell: (look) => {
      const index = (look.theme === 'dark' ? 2 : 0) + (look.elder ? 1 : 0);
      return connected(detailLevels[index]!.orgUnitId, { details: true, open: true })();
    },
    check: async (badge, look) => {
      await waitForLoadState(badge, 'ready');
      const popover = await findPart(badge, 'popover');
      await expect(popover).toBeVisible();
      await expect(textOf(part(badge, 'breakdown')?.querySelector('caption'))).toBe(words.breakdown[look.locale]);
    },
  }),
  name: 'Details open',
};

export const Loading: Story = matrixStory<Badge>({
  tag,
  fixtures: { latencyMs: FOREVER_MS },
  cell: connected(fourStars.orgUnitId),
  check: async (badge, look) => {
    await expect(textOf(await findPart(badge, 'skeleton'))).toBe(words.loading[look.locale]);
  },
});

export const Empty: Story = matrixStory<Badge>({
  tag,
  fixtures: { empty: ['listRatings'] },
  cell: connected(fourStars.orgUnitId),
  check: async (badge, look) => {
    await waitForLoadState(badge, 'empty');
    await expect(textOf(part(badge, 'empty'))).toBe(words.empty[look.locale]);
  },
});

export const ErrorState: Story = {
  ...matrixStory<Badge>({
    tag,
    fixtures: { fail: { route: 'listRatings', status: 500 } },
    cell: connected(fourStars.orgUnitId),
    check: async (badge, look) => {
      await waitForLoadState(badge, 'error');
      await expect(textOf(part(badge, 'error'))).toContain(words.error[look.locale]);
    },
  }),
  name: 'Error',
};

export const Forbidden: Story = matrixStory<Badge>({
  tag,
  fixtures: { forbidden: ['listRatings'] },
  cell: connected(fourStars.orgUnitId),
  check: async (badge, look) => {
    await waitForLoadState(badge, 'forbidden');
    await expect(textOf(part(badge, 'forbidden'))).toContain(words.forbidden[look.locale]);
  },
});
