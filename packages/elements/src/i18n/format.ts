/**
 * Dates and relative days. Numbers are in format-number.ts, a module of their own: the widgets that load first
 * (card, badge) show dates only, so number formatting comes with the map and the badge's details.
 */
import type { Locale } from '@qiangji/contract';

/** Intl tags per shipped locale; compact numbers use zh-Hant because CLDR's zh-HK compact form is 1.2K, not 1.2萬. */
export const intlTags: Record<Locale, { number: string; compact: string; date: string }> = {
  'zh-CN': { number: 'zh-CN', compact: 'zh-CN', date: 'zh-CN' },
  'zh-HK': { number: 'zh-HK', compact: 'zh-Hant', date: 'zh-HK' },
  en: { number: 'en', compact: 'en', date: 'en-GB' },
};
/** Deadlines and report times are China-local. */
const chinaTimeZone = 'Asia/Shanghai';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
/** One Intl formatter per key (they are costly to create). */
export function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter as T;
}

/**
 * A date in prose: 2026年11月26日 (zh-CN, zh-HK), 26 Nov 2026 (en). A calendar date (YYYY-MM-DD) is taken as is;
 * a timestamp is shown on its China-local day.
 */
export function formatDate(locale: Locale, value: string | Date): string {
  const calendarDate = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = typeof value === 'string' ? new Date(calendarDate ? `${value}T00:00:00Z` : value) : value;
  const tag = intlTags[locale].date;
  const timeZone = calendarDate ? 'UTC' : chinaTimeZone;
  const formatter = cached(`d:${tag}:${timeZone}`, () =>
    new Intl.DateTimeFormat(tag, { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric', timeZone }),
  );
  return formatter.format(date);
}

/** Days from today in words: 明天 / 3天后 / 3 天前 / in 3 days / yesterday. */
export function formatRelativeDays(locale: Locale, days: number): string {
  const tag = intlTags[locale].number;
  return cached(`r:${tag}`, () => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' })).format(days, 'day');
}
