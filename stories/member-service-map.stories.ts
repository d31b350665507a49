import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { servicePointTypes } from '@qiangji/contract';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { FOREVER_MS } from './support/fixtures.js';
import { hostIn, renderElement, type ElementArgs } from './support/render.js';
import { expectDarkSurface, inShadow, SETTLE_MS, textOf } from './support/shadow.js';

const tag = 'qj-member-service-map';
type Args = ElementArgs<typeof tag>;

/**
 * 党员服务群众地图. The points are the fixtures' 3,000 service points around Chaozhou's 51 towns, exported by the
 * provider's fixtures client (`client.servicePoints.export()`) and clustered in a worker. The base layer is the offline
 * district drawing (`base-layer="none"`), so no tile is fetched.
 */
const meta = {
  title: 'Widgets/Member service map 党员服务地图',
  component: tag,
  render: (args) => renderElement(tag, args),
  args: { baseLayer: 'none', onQjPointSelect: fn(), onQjViewChange: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

type MapElement = HTMLElementTagNameMap[typeof tag];
const map = (canvasElement: HTMLElement) => hostIn(canvasElement, tag);
const shadowQuery = <T extends Element = HTMLElement>(host: Element, selector: string) => host.shadowRoot?.querySelector<T>(selector) ?? null;

/** Waits for the first clustered view and returns the number of points the summary reports. */
async function viewCount(host: MapElement): Promise<number> {
  await host.ready;
  const summary = await waitFor(
    () => {
      const text = textOf(shadowQuery(host, '[part~="summary"]'));
      const match = /([\d,]+)/.exec(text);
      if (!match) throw new Error(`summary not ready: "${text}"`);
      return { text, count: Number(match[1]!.replace(/,/g, '')) };
    },
    { timeout: SETTLE_MS },
  );
  return summary.count;
}

export const Loaded: Story = {
  name: 'Points from the fixtures',
  play: async ({ canvasElement, args }) => {
    const host = map(canvasElement);
    const count = await viewCount(host);
    await expect(count).toBeGreaterThan(0);
    await expect(textOf(shadowQuery(host, '[part~="summary"]'))).toMatch(/^本视图共 [\d,]+ 个服务点$/);
    await expect(inShadow(host).getByRole('application')).toHaveAccessibleName(/潮州市党员服务群众地图/);
    await expect(inShadow(host).getAllByRole('option').length).toBeGreaterThan(0);
    await expect(args.onQjViewChange).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.objectContaining({ level: 'city', count }) }));
  },
};

export const FilterTypes: Story = {
  name: 'Filter: types',
  args: { types: 'elder_canteen,tea_mediation_room' },
  play: async ({ canvasElement }) => {
    const host = map(canvasElement);
    await viewCount(host);
    const legend = host.shadowRoot!.querySelectorAll('[part~="legend-item"]');
    const names = [...legend].map((item) => textOf(item));
    const allowed = servicePointTypes.filter((type) => ['elder_canteen', 'tea_mediation_room'].includes(type.id)).map((type) => type.label['zh-CN']);
    await expect(names.length).toBe(2);
    for (const [index, name] of names.entries()) await expect(name).toContain(allowed[index]);
  },
};

export const FilterRecords: Story = {
  name: 'Filter: record kinds and dates',
  args: { kinds: 'visit', from: '2025-01-01', to: '2025-03-31' },
  play: async ({ canvasElement }) => {
    const host = map(canvasElement);
    const filtered = await viewCount(host);
    // Only points with a matching record in the quarter: far fewer than the 3,000 in all.
    await expect(filtered).toBeGreaterThan(0);
    await expect(filtered).toBeLessThan(3000);
  },
};

export const DrillDown: Story = {
  name: 'Drill-down city → district → town',
  play: async ({ canvasElement, args }) => {
    const host = map(canvasElement);
    const cityCount = await viewCount(host);
    const shadow = inShadow(host);
    await userEvent.click(shadow.getByRole('button', { name: /湘桥区/ }));
    await waitFor(() => expect(textOf(shadowQuery(host, '[part~="breadcrumb"]'))).toContain('湘桥区'), { timeout: SETTLE_MS });
    await waitFor(() => expect(args.onQjViewChange).toHaveBeenLastCalledWith(expect.objectContaining({ detail: expect.objectContaining({ level: 'district' }) })), { timeout: SETTLE_MS });
    const districtCount = args.onQjViewChange!.mock.lastCall![0].detail.count as number;
    await expect(districtCount).toBeLessThan(cityCount);
    await userEvent.click(shadow.getByRole('button', { name: '回到全市' }));
    await waitFor(() => expect(args.onQjViewChange).toHaveBeenLastCalledWith(expect.objectContaining({ detail: expect.objectContaining({ level: 'city' }) })), { timeout: SETTLE_MS });
  },
};

export const StartInDistrict: Story = {
  name: 'Start in a district (org-unit)',
  args: { orgUnit: '445103' },
  play: async ({ canvasElement }) => {
    const host = map(canvasElement);
    await viewCount(host);
    await expect(textOf(shadowQuery(host, '[part~="breadcrumb"]'))).toContain('潮安区');
  },
};

export const SelectFromList: Story = {
  name: 'Keyboard: choose a point from the list',
  args: { orgUnit: '445102' },
  play: async ({ canvasElement, args }) => {
    const host = map(canvasElement);
    await viewCount(host);
    const shadow = inShadow(host);
    // Enter on a cluster zooms in; repeat until the first entry is a single point, then Enter selects it.
    let opener: HTMLElement | undefined;
    await waitFor(
      async () => {
        const first = (opener = shadow.getAllByRole('option')[0]!);
        first.focus();
        await userEvent.keyboard('{Enter}');
        await expect(args.onQjPointSelect).toHaveBeenCalled();
      },
      { timeout: SETTLE_MS, interval: 400 },
    );
    await waitFor(() => expect(shadow.getByRole('dialog')).toBeVisible());
    const detail = args.onQjPointSelect!.mock.lastCall![0].detail as { id: string; lon: number; lat: number };
    await expect(detail.id).toMatch(/^sp-/);
    // Escape in the popup closes it and gives focus back to the list entry that opened it.
    await waitFor(() => expect(shadow.getByRole('dialog')).toContainElement(host.shadowRoot!.activeElement as HTMLElement));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(shadow.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(host.shadowRoot!.activeElement).toHaveAttribute('data-key', opener!.dataset['key']));
  },
};

export const Loading: Story = {
  parameters: { fixtures: { latencyMs: FOREVER_MS } },
  play: async ({ canvasElement }) => {
    const host = map(canvasElement);
    const progress = await waitFor(() => inShadow(host).getByRole('progressbar', { name: '服务点加载进度' }), { timeout: SETTLE_MS });
    await expect(progress).toHaveTextContent('正在加载服务点');
    await expect(textOf(shadowQuery(host, '[part~="summary"]'))).toBe('正在加载服务点…');
  },
};

export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  parameters: { fixtures: { fail: { route: 'exportServicePoints', status: 500 } } },
  play: async ({ canvasElement }) => {
    const host = map(canvasElement);
    const shadow = inShadow(host);
    await waitFor(() => expect(shadow.getByRole('alert')).toHaveTextContent('服务点加载失败，请稍后重试'), { timeout: SETTLE_MS });
    await expect(shadow.getByRole('button', { name: '重试' })).toBeVisible();
  },
};

export const Elder: Story = {
  name: 'Elder mode 长者模式',
  globals: { elder: 'on' },
  play: async ({ canvasElement }) => {
    const host = map(canvasElement);
    await viewCount(host);
    await expect(host).toHaveAttribute('data-qj-elder');
    const zoomIn = inShadow(host).getByRole('button', { name: '放大' });
    await expect(zoomIn.getBoundingClientRect().height).toBeGreaterThanOrEqual(60);
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const host = map(canvasElement);
    await viewCount(host);
    await expectDarkSurface(host, shadowQuery(host, '[part~="panel"]'));
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const host = map(canvasElement);
    await viewCount(host);
    await expect(textOf(shadowQuery(host, '[part~="summary"]'))).toMatch(/point/i);
    await expect(inShadow(host).getByRole('button', { name: /zoom in/i })).toBeTruthy();
  },
};
