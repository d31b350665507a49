/** Numbers for people (counts, scores), in the shipped locales; dates are in format.ts. */
import type { Locale } from '@qiangji/contract';
import { cached, intlTags } from './format.js';

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
