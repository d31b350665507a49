/**
 * Localisation: typed catalogs (zh-CN is the source of keys), `t()` with `{placeholder}` parameters typed from the
 * zh-CN text, and Intl formatters. Enum labels come from @qiangji/contract via `label()`, except those a
 * first render needs (the default rating levels, flags and brands), which the catalogs carry word for word (tested).
 *
 * zh-CN ships with the widgets; zh-HK and en are separate chunks loaded the first time an element needs them
 * (`QjElement` waits for them before rendering), which keeps the drop-in bundle small.
 */
import type { Locale, LocalizedLabel } from '@qiangji/contract';
import { createMessages, type Messages, type ParamsOf } from './messages.js';
import { zhCN, type CatalogKey } from './zh-CN.js';

export type { Catalog, CatalogKey } from './zh-CN.js';
export { defaultLocale, normalizeLocale } from './locale.js';
export { formatDate, formatRelativeDays } from './format.js';
export { formatNumber } from './format-number.js';
export { createMessages, type CatalogOf, type Loadable, type Messages } from './messages.js';

/** The widgets' shared messages (states, the card, the badge). */
export const messages: Messages<typeof zhCN> = createMessages(zhCN, {
  'zh-HK': () => import('./zh-HK.js').then((module) => module.zhHK),
  en: () => import('./en.js').then((module) => module.en),
});

/** Whether `locale`'s shared catalog is ready for `t()`. */
export const hasCatalog = (locale: Locale): boolean => messages.has(locale);

/** Loads `locale`'s shared catalog once; on failure `t()` keeps answering in zh-CN. */
export const loadCatalog = (locale: Locale): Promise<void> => messages.load(locale);

/** The parameters a message needs, from its zh-CN text. */
export type MessageParams<K extends CatalogKey> = ParamsOf<(typeof zhCN)[K]>;

/** The message `key` in `locale` (zh-CN until that locale is loaded), with its `{placeholders}` filled from `params`. */
export const t: Messages<typeof zhCN>['t'] = messages.t;

/** The text of a contract label (`{ 'zh-CN', 'zh-HK', en }`) in `locale`. */
export function label(value: LocalizedLabel, locale: Locale): string {
  return value[locale];
}
