import type { Locale } from '@qiangji/contract';

/** Intl tags per shipped locale; compact numbers use zh-Hant because CLDR's zh-HK compact form is 1.2K, not 1.2萬. */
const intlTags: Record<Locale, { number: string; compact: string; date: string }> = {
  'zh-CN': { number: 'zh-CN', compact: 'zh-CN', date: 'zh-CN' },
  'zh-HK': { number: 'zh-HK', compact: 'zh-Hant', date: 'zh-HK' },
  en: { number: 'en', compact: 'en', date: 'en-GB' },
};
/** Deadlines and report times are China-local. */
const chinaTimeZone = 'Asia/Shanghai';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter as T;
}

/** 10,000 and 100,000,000 counted in 万/萬 and 亿/億 when Intl's compact notation is missing or Latin. */
function chineseCompact(value: number, locale: Locale): string {
  const traditional = locale === 'zh-HK';
  const [divisor, unit] = Math.abs(value) >= 1e8 ? [1e8, traditional ? '億' : '亿'] : [1e4, traditional ? '萬' : '万'];
  const scaled = Math.round((value / divisor) * 10) / 10;
  return `${scaled}${unit}`;
}

/**
 * A count for people: 123,456.7 as such, and with `compact` large counts shortened (zh: 1.2万 / 3.4亿,
 * zh-HK: 1.2萬, en: 12K). Counts below 10,000 are never shortened.
 */
export function formatNumber(locale: Locale, value: number, options: { compact?: boolean } = {}): string {
  const tags = intlTags[locale];
  if (options.compact && Math.abs(value) >= 1e4) {
    let compact: string | undefined;
    try {
      compact = cached(`nc:${tags.compact}`, () => new Intl.NumberFormat(tags.compact, { notation: 'compact', maximumFractionDigits: 1 })).format(value);
    } catch {
      compact = undefined;
    }
    if (locale === 'en') return compact ?? cached('n:en', () => new Intl.NumberFormat('en')).format(value);
    return compact && /[万萬亿億]/.test(compact) ? compact : chineseCompact(value, locale);
  }
  return cached(`n:${tags.number}`, () => new Intl.NumberFormat(tags.number, { maximumFractionDigits: 1 })).format(value);
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
