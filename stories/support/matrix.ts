/**
 * Matrix stories: one state of a widget in every locale × theme × elder combination (3 × 2 × 2 = 12 cells), each cell
 * its own `<qj-provider>` on a stage of its theme, all sharing the story's fixtures client. The `play` checks every
 * cell: the widget reached the state, follows its cell's theme and elder mode, and speaks its cell's language.
 */
import type { Locale } from '@qiangji/contract';
import type { StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import type { StoryFixtures } from './fixtures.js';
import { locales, providerStage, storyClient, themes, type Look } from './provider.js';

export const looks: readonly Look[] = locales.flatMap((locale) =>
  themes.flatMap((theme) => [false, true].map((elder) => ({ locale, theme, elder }))),
);

const elderLabel: Record<Locale, string> = { 'zh-CN': '长者模式', 'zh-HK': '長者模式', en: 'elder mode' };
const lookLabel = (look: Look) => [look.locale, look.theme, look.elder ? elderLabel[look.locale] : null].filter(Boolean).join(' · ');

/** Text per locale, for what a cell must say. */
export type Localized = Record<Locale, string>;

export interface MatrixSpec<E extends HTMLElement> {
  /** The widget of one cell (a new element per cell). */
  cell: (look: Look, context: StoryContext) => E;
  /** Fixtures state shared by every cell. */
  fixtures?: StoryFixtures;
  /** Checks one cell's widget once it rendered. */
  check: (element: E, look: Look) => Promise<void>;
  /** Tag of the widget (to find the cells). */
  tag: string;
}

export function matrixStory<E extends HTMLElement>(spec: MatrixSpec<E>): StoryObj {
  return {
    parameters: { provider: false, fixtures: spec.fixtures },
    render: (_args, context) => {
      const client = storyClient(context.id, spec.fixtures);
      return html`<div class="qj-sb-matrix">
        ${looks.map((look) =>
          providerStage(look, client, spec.cell(look, context), html`<p class="qj-sb-cell-label">${lookLabel(look)}</p>`),
        )}
      </div>`;
    },
    play: async ({ canvasElement }) => {
      const cells = [...canvasElement.querySelectorAll<E>(spec.tag)];
      await expect(cells).toHaveLength(looks.length);
      for (const [index, element] of cells.entries()) {
        const look = looks[index]!;
        await spec.check(element, look);
        await expect(element).toHaveAttribute('data-qj-theme', look.theme);
        await expect(element.hasAttribute('data-qj-elder')).toBe(look.elder);
      }
    },
  };
}
