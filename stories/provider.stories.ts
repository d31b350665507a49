import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import { FIXTURES_TODAY, orgWithRating, RATING_YEAR } from './support/fixtures.js';
import { storyClient } from './support/provider.js';
import { hostIn } from './support/render.js';
import { part, textOf, waitForLoadState } from './support/shadow.js';

const tag = 'qj-provider';
const rated = orgWithRating({ stars: 4 });

interface ProviderArgs {
  locale: 'zh-CN' | 'zh-HK' | 'en';
  theme: 'light' | 'dark' | 'auto';
  elder: boolean;
  onQjLoad: (event: Event) => void;
}

/** A card and a badge, the widgets a portal page typically puts under one provider. */
const widgets = (extra: { cardTheme?: string; badgeLang?: string } = {}) =>
  html`<div class="qj-sb-row">
    <qj-task-progress-card task-id="T04" today=${FIXTURES_TODAY} theme=${extra.cardTheme ?? nothing}></qj-task-progress-card>
    <qj-branch-rating-badge org-id=${rated.orgUnitId} year=${RATING_YEAR} lang=${extra.badgeLang ?? nothing}></qj-branch-rating-badge>
  </div>`;

/** The page's own stage, dark when the provider is: the provider colours only its widgets, never the page. */
const stage = (args: ProviderArgs, content: TemplateResult) =>
  html`<div class="qj-sb-stage" data-theme=${args.theme === 'dark' ? 'dark' : 'light'} lang=${args.locale} @qj-load=${args.onQjLoad}>${content}</div>`;

const provided = (args: ProviderArgs, context: { id: string }, content: TemplateResult) =>
  stage(
    args,
    html`<qj-provider .client=${storyClient(context.id, undefined)} locale=${args.locale} theme=${args.theme} ?elder=${args.elder}>${content}</qj-provider>`,
  );

/**
 * `<qj-provider>` gives every widget inside it one SDK client (here: the fixtures transport) and the page's locale,
 * theme and elder mode. These stories render their own provider (its attributes are the controls); the toolbar does
 * not apply to them.
 */
const meta = {
  title: 'Widgets/Provider 提供者',
  component: tag,
  parameters: { provider: false },
  args: { locale: 'zh-CN', theme: 'light', elder: false, onQjLoad: fn() },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'zh-HK', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args, context) => provided(args, context, widgets()),
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

const card = (canvas: HTMLElement) => hostIn(canvas, 'qj-task-progress-card');
const badge = (canvas: HTMLElement) => hostIn(canvas, 'qj-branch-rating-badge');

async function bothReady(canvas: HTMLElement): Promise<void> {
  await waitForLoadState(card(canvas), 'ready');
  await waitForLoadState(badge(canvas), 'ready');
}

export const Default: Story = {
  name: 'One client for every widget',
  play: async ({ canvasElement, args }) => {
    await bothReady(canvasElement);
    const provider = hostIn(canvasElement, tag);
    await expect(card(canvasElement).effectiveClient).toBe(provider.client);
    await expect(badge(canvasElement).effectiveClient).toBe(provider.client);
    await expect(args.onQjLoad).toHaveBeenCalledTimes(2);
    await expect(card(canvasElement)).toHaveAttribute('data-qj-theme', 'light');
    await expect(part(card(canvasElement), 'base')).toHaveAttribute('lang', 'zh-CN');
  },
};

export const DarkTheme: Story = {
  name: 'Theme: dark',
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await bothReady(canvasElement);
    await expect(card(canvasElement)).toHaveAttribute('data-qj-theme', 'dark');
    await expect(badge(canvasElement)).toHaveAttribute('data-qj-theme', 'dark');
  },
};

export const ElderMode: Story = {
  name: 'Elder mode 长者模式',
  args: { elder: true },
  play: async ({ canvasElement }) => {
    await bothReady(canvasElement);
    for (const widget of [card(canvasElement), badge(canvasElement)]) {
      await expect(widget).toHaveAttribute('data-qj-elder');
      await expect(getComputedStyle(widget).getPropertyValue('--qj-sys-target-size').trim()).toBe('60px');
    }
  },
};

export const English: Story = {
  name: 'Locale: en',
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await bothReady(canvasElement);
    await expect(textOf(part(card(canvasElement), 'progress-label'))).toBe('Progress');
    await expect(part(badge(canvasElement), 'base')).toHaveAttribute('lang', 'en');
  },
};

export const SwitchWhileShown: Story = {
  name: 'Switching locale and theme live',
  play: async ({ canvasElement, args }) => {
    await bothReady(canvasElement);
    const provider = hostIn(canvasElement, tag);
    provider.setAttribute('locale', 'zh-HK');
    provider.setAttribute('theme', 'dark');
    provider.toggleAttribute('elder', true);
    await waitFor(() => expect(textOf(part(card(canvasElement), 'progress-label'))).toBe('完成進度'));
    await expect(card(canvasElement)).toHaveAttribute('data-qj-theme', 'dark');
    await expect(badge(canvasElement)).toHaveAttribute('data-qj-elder');
    // The widgets re-render; they do not load again.
    await expect(args.onQjLoad).toHaveBeenCalledTimes(2);
  },
};

export const WidgetOverrides: Story = {
  name: "A widget's own attributes win",
  args: { theme: 'dark', locale: 'en' },
  render: (args, context) => provided(args, context, widgets({ cardTheme: 'light', badgeLang: 'zh-HK' })),
  play: async ({ canvasElement }) => {
    await bothReady(canvasElement);
    await expect(card(canvasElement)).toHaveAttribute('data-qj-theme', 'light');
    await expect(textOf(part(card(canvasElement), 'progress-label'))).toBe('Progress');
    await expect(badge(canvasElement)).toHaveAttribute('data-qj-theme', 'dark');
    await expect(textOf(part(badge(canvasElement), 'level'))).toBe('四星級黨支部');
  },
};

export const Nested: Story = {
  name: 'Nested providers',
  render: (args, context) =>
    provided(
      args,
      context,
      html`<qj-task-progress-card task-id="T04" today=${FIXTURES_TODAY}></qj-task-progress-card>
        <div class="qj-sb-stage" data-theme="dark" lang="en">
          <qj-provider .client=${storyClient(context.id, undefined)} locale="en" theme="dark">
            <qj-branch-rating-badge org-id=${rated.orgUnitId} year=${RATING_YEAR}></qj-branch-rating-badge>
          </qj-provider>
        </div>`,
    ),
  play: async ({ canvasElement }) => {
    await bothReady(canvasElement);
    // The inner provider sets its own look for what is inside it (it is handed the same client: a provider without
    // one gives its widgets none, rather than passing the outer provider's through).
    await expect(badge(canvasElement)).toHaveAttribute('data-qj-theme', 'dark');
    await expect(part(badge(canvasElement), 'base')).toHaveAttribute('lang', 'en');
    await expect(card(canvasElement)).toHaveAttribute('data-qj-theme', 'light');
    await expect(part(card(canvasElement), 'base')).toHaveAttribute('lang', 'zh-CN');
  },
};

export const NoDataSource: Story = {
  name: 'No data source',
  render: (args) => stage(args, html`<qj-provider locale=${args.locale} theme=${args.theme} ?elder=${args.elder}>${widgets()}</qj-provider>`),
  play: async ({ canvasElement }) => {
    const host = card(canvasElement);
    await waitForLoadState(host, 'idle');
    await expect(textOf(part(host, 'empty'))).toContain('未配置数据源');
  },
};
