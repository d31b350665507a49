/**
 * Localisation: typed catalogs (zh-CN is the source of keys), `t()` with `{placeholder}` parameters typed from the
 * zh-CN text, and Intl formatters. Enum labels come from @qiangji/contract (`ratingFlagLabels`, …) via `label()`.
 *
 * zh-CN ships with the widgets; zh-HK and en are separate chunks loaded the first time an element needs them
 * (`QjElement` waits for them before rendering), which keeps the drop-in bundle small.
 */
import type { Locale, LocalizedLabel } from '@qiangji/contract';
import { zhCN, type Catalog, type CatalogKey } from './zh-CN.js';

export type { Catalog, CatalogKey } from './zh-CN.js';
export { defaultLocale, normalizeLocale } from './locale.js';
export { formatDate, formatRelativeDays } from './format.js';
export { formatNumber } from './format-number.js';

const loaded: Partial<Record<Locale, Catalog>> = { 'zh-CN': zhCN };
const loading = new Map<Locale, Promise<void>>();
const importers: Record<Exclude<Locale, 'zh-CN'>, () => Promise<Catalog>> = {
  'zh-HK': () => import('./zh-HK.js').then((module) => module.zhHK),
  en: () => import('./en.js').then((module) => module.en),
};

/** Whether `locale`'s catalog is ready for `t()`. */
export function hasCatalog(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

/** Loads `locale`'s catalog once; on failure `t()` keeps answering in zh-CN. */
export function loadCatalog(locale: Locale): Promise<void> {
  if (locale === 'zh-CN' || loaded[locale]) return Promise.resolve();
  const pending =
    loading.get(locale) ??
    importers[locale]().then(
      (catalog) => {
        loaded[locale] = catalog;
      },
      () => {
        loading.delete(locale);
      },
    );
  loading.set(locale, pending);
  return pending;
}

/** `'剩余 {days} 天'` → `'days'`. */
type PlaceholderNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholderNames<Rest> : never;
/** The parameters a message needs, from its zh-CN text. */
export type MessageParams<K extends CatalogKey> = { [Name in PlaceholderNames<(typeof zhCN)[K]>]: string | number };
type ParamArgs<K extends CatalogKey> = [PlaceholderNames<(typeof zhCN)[K]>] extends [never] ? [] : [params: MessageParams<K>];

/** The message `key` in `locale` (zh-CN until that locale is loaded), with its `{placeholders}` filled from `params`. */
export function t<K extends CatalogKey>(locale: Locale, key: K, ...args: ParamArgs<K>): string {
  const message = loaded[locale]?.[key] ?? zhCN[key];
  const params = args[0] as Record<string, string | number> | undefined;
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The text of a contract label (`{ 'zh-CN', 'zh-HK', en }`) in `locale`. */
export function label(value: LocalizedLabel, locale: Locale): string {
  return value[locale];
}
