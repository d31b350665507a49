import * as v from 'valibot';

/** Locales every user-facing text ships in; zh-CN first. */
export const locales = ['zh-CN', 'zh-HK', 'en'] as const;
export type Locale = (typeof locales)[number];
export const LocaleSchema = v.picklist(locales);

/** Identifiers are short, URL-safe strings (statistical codes, ULIDs, seed ids). */
export const IdSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(64),
  v.regex(/^[A-Za-z0-9_.:-]+$/, 'invalid id'),
);
/**
 * Whether a string starting YYYY-MM-DD names a day that exists. valibot's isoDate/isoTimestamp regexes accept
 * 2025-02-30, which JavaScript dates silently roll over to 2 March.
 */
export function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC: it reads years 0–99 as 1900–1999
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
/** Calendar date, YYYY-MM-DD, that exists (no 02-30). */
export const IsoDateSchema = v.pipe(v.string(), v.isoDate('iso_date'), v.check(isCalendarDate, 'iso_date'));
/** Instant, ISO 8601 with time zone, on a day that exists. */
export const IsoDateTimeSchema = v.pipe(v.string(), v.isoTimestamp('iso_timestamp'), v.check(isCalendarDate, 'iso_timestamp'));
/** Bounded free text (trimmed); `max` keeps payloads and storage sane. */
export const text = (min: number, max: number) => v.pipe(v.string(), v.trim(), v.minLength(min), v.maxLength(max));
export const PercentSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));
export const YearSchema = v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100));

/**
 * Query-string integers arrive as text. Accept digits only (so the OpenAPI type stays a string pattern)
 * and convert after validation.
 */
export const queryInt = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,9}$/, 'must be a whole number'),
    v.transform(Number),
    v.minValue(min),
    v.maxValue(max),
  );
export const queryNumber = () =>
  v.pipe(v.string(), v.regex(/^-?\d{1,4}(\.\d{1,12})?$/, 'must be a number'), v.transform(Number));
/** Comma-separated list of picklist values, e.g. `status=on_track,at_risk`. */
export const queryList = <const T extends readonly [string, ...string[]]>(options: T) =>
  v.pipe(
    v.string(),
    v.transform((value) => value.split(',').filter(Boolean)),
    v.array(v.picklist(options)),
    v.minLength(1),
  );

/** Body of every 4xx/5xx answer: stable code, zh-CN and English message, offending field path. */
export const ApiErrorSchema = v.object({
  code: v.string(),
  message: v.string(),
  messageEn: v.string(),
  field: v.optional(v.string()),
  requestId: v.string(),
  details: v.optional(v.array(v.object({ field: v.string(), message: v.string(), messageEn: v.string() }))),
});
export type ApiError = v.InferOutput<typeof ApiErrorSchema>;

/** Cursor pagination: `nextCursor` is opaque; null when there is no further page. */
export const pageOf = <T extends v.GenericSchema>(item: T) =>
  v.object({ items: v.array(item), nextCursor: v.nullable(v.string()) });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export const PageQueryEntries = {
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(queryInt(1, 500)),
};

export const LngLatSchema = v.object({
  lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
});
export type LngLat = v.InferOutput<typeof LngLatSchema>;

/** A label in every shipped locale. */
export interface LocalizedLabel {
  'zh-CN': string;
  'zh-HK': string;
  en: string;
}
