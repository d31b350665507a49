import type { Locale } from '@qiangji/contract';

/** The locale used when nothing on the page says otherwise. */
export const defaultLocale: Locale = 'zh-CN';

/**
 * Maps a BCP 47 tag (an element's `lang`, a provider's `locale`, `<html lang>`) to a shipped locale:
 * Traditional Chinese (zh-HK, zh-TW, zh-MO, zh-Hant-*) → zh-HK, other Chinese → zh-CN, English → en.
 * Returns undefined for an empty tag or a language we do not ship, so the caller can look further up.
 */
export function normalizeLocale(tag: string | null | undefined): Locale | undefined {
  const value = tag?.trim().toLowerCase().replace(/_/g, '-');
  if (!value) return undefined;
  const [language, ...rest] = value.split('-');
  if (language === 'en') return 'en';
  if (language !== 'zh') return undefined;
  const traditional = rest.some((subtag) => subtag === 'hant' || subtag === 'hk' || subtag === 'tw' || subtag === 'mo');
  const simplified = rest.includes('hans');
  return traditional && !simplified ? 'zh-HK' : 'zh-CN';
}
