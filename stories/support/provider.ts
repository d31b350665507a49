/**
 * Every story renders inside `<qj-provider>` with a fixtures client and the toolbar's locale, theme and elder mode
 * (the preview's decorator), on a stage painted in the theme's page colours. Matrix stories call `providerCell()`
 * themselves, once per combination.
 */
import type { Locale } from '@qiangji/contract';
import type { QiangJiClient } from '@qiangji/sdk';
import type { Decorator } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { fixturesClient, type StoryFixtures } from './fixtures.js';

export type ThemeName = 'light' | 'dark';

export interface Look {
  locale: Locale;
  theme: ThemeName;
  elder: boolean;
}

export const locales: readonly Locale[] = ['zh-CN', 'zh-HK', 'en'];
export const themes: readonly ThemeName[] = ['light', 'dark'];

/** The toolbar globals as a look (unknown values fall back to the defaults). */
export function lookFromGlobals(globals: Record<string, unknown>): Look {
  const locale = locales.find((candidate) => candidate === globals['locale']) ?? 'zh-CN';
  const theme: ThemeName = globals['theme'] === 'dark' ? 'dark' : 'light';
  return { locale, theme, elder: globals['elder'] === 'on' };
}

/** A provider on a stage (page colours of its theme) around `content`. */
export function providerStage(look: Look, client: QiangJiClient, content: unknown, label?: TemplateResult): TemplateResult {
  return html`<div class="qj-sb-stage" data-theme=${look.theme} lang=${look.locale}>
    ${label ?? ''}
    <qj-provider .client=${client} locale=${look.locale} theme=${look.theme} ?elder=${look.elder}>${content}</qj-provider>
  </div>`;
}

/** Parameters this decorator reads. */
export interface QiangJiParameters {
  /** State of the fixtures transport for this story. */
  fixtures?: StoryFixtures;
  /** `false`: the story renders its own providers (matrix and provider stories). */
  provider?: boolean;
}

/**
 * One fixtures client per story (and fixtures state): switching the locale, theme or elder mode in the toolbar then
 * re-renders the same provider with new attributes, which is what a portal does, instead of starting over.
 */
const clients = new Map<string, QiangJiClient>();
export function storyClient(storyId: string, fixtures: StoryFixtures | undefined): QiangJiClient {
  const key = `${storyId} ${JSON.stringify(fixtures ?? {})}`;
  let client = clients.get(key);
  if (!client) {
    client = fixturesClient(fixtures);
    clients.set(key, client);
  }
  return client;
}

/** Wraps the story in a provider whose client answers from the fixtures transport. */
export const withFixturesProvider: Decorator = (story, context) => {
  const parameters = context.parameters as QiangJiParameters;
  if (parameters.provider === false) return story();
  return providerStage(lookFromGlobals(context.globals), storyClient(context.id, parameters.fixtures), story());
};
