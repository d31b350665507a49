import type { Locale } from '@qiangji/contract';

/** `'剩余 {days} 天'` → `'days'`. */
type PlaceholderNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholderNames<Rest> : never;
/** The parameters a message with the (zh-CN) text `S` needs. */
export type ParamsOf<S extends string> = { [Name in PlaceholderNames<S>]: string | number };
/** `t()`'s arguments after the key: none for a message without placeholders, else its parameters. */
export type ParamArgs<S extends string> = [PlaceholderNames<S>] extends [never] ? [] : [params: ParamsOf<S>];

/** A catalog with the keys of the zh-CN source `Source`, each a (translated) string. */
export type CatalogOf<Source> = Record<keyof Source, string>;

/**
 * One set of messages: zh-CN built in (the source of keys and placeholders, and the fallback), the other locales
 * loaded on demand. The shared widget catalog is one; a component with many strings of its own (the map) keeps
 * its own set beside it, so pages without that component do not download its text.
 */
export interface Messages<Source extends Record<string, string>> {
  /** Whether `locale`'s catalog is ready. */
  has(locale: Locale): boolean;
  /** Loads `locale`'s catalog once; on failure `t()` keeps answering in zh-CN (and a later call tries again). */
  load(locale: Locale): Promise<void>;
  /** The message `key` in `locale` (zh-CN until that locale is loaded), with its `{placeholders}` filled. */
  t<K extends keyof Source & string>(locale: Locale, key: K, ...args: ParamArgs<Source[K]>): string;
}

/** Any message set, whatever its keys (what an element awaits before rendering). */
export interface Loadable {
  has(locale: Locale): boolean;
  load(locale: Locale): Promise<void>;
}

/** Messages from the zh-CN `source` and importers of the other locales' catalogs. */
export function createMessages<const Source extends Record<string, string>>(
  source: Source,
  importers: Record<Exclude<Locale, 'zh-CN'>, () => Promise<CatalogOf<Source>>>,
): Messages<Source> {
  const loaded: Partial<Record<Locale, CatalogOf<Source>>> = { 'zh-CN': source };
  const loading = new Map<Locale, Promise<void>>();
  return {
    has: (locale) => loaded[locale] !== undefined,
    load(locale) {
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
    },
    t(locale, key, ...args) {
      // Every catalog has every key of the source (CatalogOf), so the lookup cannot miss.
      const message = (loaded[locale]?.[key] ?? source[key]) as string;
      const params = args[0] as Record<string, string | number> | undefined;
      if (!params) return message;
      return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    },
  };
}
