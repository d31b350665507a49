/**
 * The map's record-activity summary: per service point, record counts by kind and by China-time month
 * (`YYYY-MM`), with `*` rollup rows for "any kind" and "all time". It answers the map's kind/date filter ("points
 * with at least one matching record") without visiting a point's records: whole months come from the summary;
 * only the partial months at the edges of a date range read service_records, through an index. PostgreSQL uses
 * it (a probe per point costs it too much with thousands of points in view); SQLite, in process, answers fastest
 * with the straightforward EXISTS through its (service_point_id, kind, at) index. Results are exactly those of
 * the straightforward query in every form (test/activity.test.ts compares them).
 *
 * Service records are written by the seed and by bulk loads only (no API writes them); each rebuilds the summary
 * in the transaction that wrote the records, with the statements the migration backfills with.
 */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DialectName, Queryable } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { dayEndUtc, dayStartUtc } from './people.js';

/** The rollup value of `kind` (any kind) and `month` (all time); sorts before every kind and month. */
export const ALL = '*';
/** Lower bound of real months in range conditions, so that a range never includes the `*` rows. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const FIRST_MONTH = '0000-01';
const LAST_MONTH = '9999-12';

/** SQL that recomputes the whole summary from service_records (migration backfill, seed, bulk loads). */
export function activityRebuildStatements(dialect: DialectName): string[] {
  // Records carry UTC instants; months are China time (UTC+8), like the API's from/to dates.
  const month = dialect === 'postgres' ? `to_char((at::timestamptz at time zone 'UTC') + interval '8 hours', 'YYYY-MM')` : `strftime('%Y-%m', at, '+8 hours')`;
  const into = 'insert into service_point_activity (service_point_id, kind, month, records)';
  return [
    'delete from service_point_activity',
    `${into} select service_point_id, kind, ${month}, count(*) from service_records group by 1, 2, 3`,
    `${into} select service_point_id, '${ALL}', month, sum(records) from service_point_activity group by 1, 3`,
    `${into} select service_point_id, kind, '${ALL}', sum(records) from service_point_activity group by 1, 2`,
  ];
}

export async function rebuildActivity(db: Queryable, dialect: DialectName): Promise<void> {
  for (const statement of activityRebuildStatements(dialect)) await sql.raw(statement).execute(db);
}

export interface RecordFilter {
  kind?: string[] | undefined;
  /** China dates, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** How a record filter splits: whole months from the summary, the rest (UTC instants, [from, to)) from records. */
export interface ActivityPlan {
  kinds: string[] | null;
  months: { from: string; to: string } | typeof ALL | null;
  edges: Array<{ from: string; to: string }>;
}

const monthOf = (date: string): string => date.slice(0, 7);
const shiftMonth = (month: string, by: number): string => {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + (index - 1) + by;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
};
/** The UTC instant China's `month` starts at; by arithmetic, since '10000-01' (after a `to` of 9999-12-31) does not parse. */
const monthStartUtc = (month: string): string => {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const utcMidnight = new Date(0);
  utcMidnight.setUTCFullYear(year, index - 1, 1); // not Date.UTC: it reads years 0–99 as 1900–1999
  return new Date(utcMidnight.getTime() - CHINA_OFFSET_MS).toISOString();
};
const isLastDayOfMonth = (date: string): boolean => dayEndUtc(date) === monthStartUtc(shiftMonth(monthOf(date), 1));

export function activityPlan(filter: RecordFilter): ActivityPlan {
  const kinds = filter.kind && filter.kind.length > 0 ? filter.kind : null;
  if (!filter.from && !filter.to) return { kinds, months: ALL, edges: [] };
  const firstFull = filter.from ? (filter.from.endsWith('-01') ? monthOf(filter.from) : shiftMonth(monthOf(filter.from), 1)) : FIRST_MONTH;
  const lastFull = filter.to ? (isLastDayOfMonth(filter.to) ? monthOf(filter.to) : shiftMonth(monthOf(filter.to), -1)) : LAST_MONTH;
  const start = filter.from ? dayStartUtc(filter.from) : null;
  const end = filter.to ? dayEndUtc(filter.to) : null;
  if (firstFull > lastFull) return { kinds, months: null, edges: [{ from: start ?? '', to: end ?? '\uffff' }] };
  const edges: ActivityPlan['edges'] = [];
  if (start && start < monthStartUtc(firstFull)) edges.push({ from: start, to: monthStartUtc(firstFull) });
  if (end && end > monthStartUtc(shiftMonth(lastFull, 1))) edges.push({ from: monthStartUtc(shiftMonth(lastFull, 1)), to: end });
  return { kinds, months: { from: firstFull, to: lastFull }, edges };
}

type PointsEb = ExpressionBuilder<Database, 'service_points'>;

/**
 * How "the point has a matching record" is asked:
 *   - `records`: the straightforward EXISTS over service_records — SQLite, in process, probes its
 *     (service_point_id, kind, at) index fastest;
 *   - `probe`: a correlated probe per candidate point into the summary (whole months) and the records (edges) —
 *     PostgreSQL with few candidate points;
 *   - `set`: each side read once as a set (`id IN (…)`, hashed) — PostgreSQL with many candidates, where a probe
 *     per point costs more than reading the summary's rows for the range.
 */
export type MatchForm = 'records' | 'probe' | 'set';

export function matchesActivity(eb: PointsEb, filter: RecordFilter, form: MatchForm): Expression<SqlBool> {
  if (form === 'records') {
    let records = eb.selectFrom('service_records').select(sql<number>`1`.as('one')).whereRef('service_records.service_point_id', '=', 'service_points.id');
    if (filter.kind && filter.kind.length > 0) records = records.where('service_records.kind', 'in', filter.kind);
    if (filter.from) records = records.where('service_records.at', '>=', dayStartUtc(filter.from));
    if (filter.to) records = records.where('service_records.at', '<', dayEndUtc(filter.to));
    return eb.exists(records);
  }
  const plan = activityPlan(filter);
  const correlated = form === 'probe';
  // A probe must stay a probe: PostgreSQL turns a plain EXISTS into a join it may answer by reading every
  // matching record; an OFFSET in the subquery keeps it a per-point subplan (LIMIT 1 too, for SQLite's syntax).
  const probe = <Q extends { limit(n: number): Q; offset(n: number): Q }>(subquery: Q): Q => subquery.limit(1).offset(0);
  const parts: Array<Expression<SqlBool>> = [];
  if (plan.months) {
    let summary = eb.selectFrom('service_point_activity').select('service_point_activity.service_point_id').where('service_point_activity.kind', 'in', plan.kinds ?? [ALL]);
    const months = plan.months;
    summary = months === ALL ? summary.where('service_point_activity.month', '=', ALL) : summary.where('service_point_activity.month', '>=', months.from).where('service_point_activity.month', '<=', months.to);
    parts.push(correlated ? eb.exists(probe(summary.whereRef('service_point_activity.service_point_id', '=', 'service_points.id'))) : eb('service_points.id', 'in', summary));
  }
  // One subquery per edge: a plain range, which an index answers without visiting table rows.
  for (const edge of plan.edges) {
    let records = eb.selectFrom('service_records').select('service_records.service_point_id');
    if (plan.kinds) records = records.where('service_records.kind', 'in', plan.kinds);
    records = records.where('service_records.at', '>=', edge.from).where('service_records.at', '<', edge.to);
    parts.push(correlated ? eb.exists(probe(records.whereRef('service_records.service_point_id', '=', 'service_points.id'))) : eb('service_points.id', 'in', records));
  }
  return parts.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(parts);
}
