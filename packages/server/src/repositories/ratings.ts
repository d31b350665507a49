/** Branch star ratings: lists, one unit's history, and summary counts for any subtree. */
import { sql } from 'kysely';
import type { BranchRating, RatingSummary } from '@qiangji/contract';
import type { Queryable } from '../db/connection.js';
import type { RatingRow } from '../db/schema.js';
import { within, type Viewer } from '../auth/scope.js';
import { decodeCursor, DEFAULT_LIMIT, pageFrom } from './page.js';
import { scopedOrgPath } from './org.js';

export function toRating(row: RatingRow): BranchRating {
  return {
    id: row.id,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    partyOrganizationId: row.party_organization_id,
    partyOrganizationName: row.party_organization_name,
    year: row.year,
    score: row.score,
    stars: row.stars,
    level: row.level,
    flags: JSON.parse(row.flags) as BranchRating['flags'],
    brands: JSON.parse(row.brands) as BranchRating['brands'],
    stage: row.stage as BranchRating['stage'],
    breakdown: JSON.parse(row.breakdown) as BranchRating['breakdown'],
  };
}

export interface RatingFilter {
  orgUnitId?: string;
  subtreeOf?: string;
  year?: number;
  stars?: number;
  cursor?: string;
  limit?: number;
}

export async function listRatings(db: Queryable, viewer: Viewer, filter: RatingFilter) {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const cursor = decodeCursor(filter.cursor, 'string');
  const subtree = await scopedOrgPath(db, viewer, filter.subtreeOf, 'query.subtreeOf');
  let query = db.selectFrom('ratings').selectAll().where(within('org_path', subtree));
  if (filter.orgUnitId !== undefined) {
    await scopedOrgPath(db, viewer, filter.orgUnitId, 'query.orgUnitId');
    query = query.where('org_unit_id', '=', filter.orgUnitId);
  }
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.stars !== undefined) query = query.where('stars', '=', filter.stars);
  if (cursor) query = query.where((eb) => eb.or([eb('org_path', '>', cursor[0]), eb.and([eb('org_path', '=', cursor[0]), eb('id', '>', cursor[1])])]));
  const rows = await query.orderBy('org_path').orderBy('id').limit(limit + 1).execute();
  return pageFrom(rows, limit, (row) => [row.org_path, row.id], toRating);
}

export async function ratingHistory(db: Queryable, viewer: Viewer, orgUnitId: string): Promise<{ items: BranchRating[] }> {
  await scopedOrgPath(db, viewer, orgUnitId, 'params.id');
  const rows = await db.selectFrom('ratings').selectAll().where('org_unit_id', '=', orgUnitId).orderBy('year').orderBy('id').execute();
  return { items: rows.map(toRating) };
}

export async function ratingSummary(db: Queryable, viewer: Viewer, orgUnitId: string | undefined, year: number): Promise<RatingSummary> {
  const subtree = await scopedOrgPath(db, viewer, orgUnitId, 'query.orgUnitId');
  const base = db.selectFrom('ratings').where(within('org_path', subtree)).where('year', '=', year);
  const byStars = await base.select(['stars', sql<number>`cast(count(*) as integer)`.as('count')]).groupBy('stars').execute();
  const totals = await base
    .select([
      sql<number>`cast(count(*) as integer)`.as('total'),
      sql<number>`cast(coalesce(sum(weak), 0) as integer)`.as('weak'),
      sql<number>`cast(coalesce(sum(under_rectification), 0) as integer)`.as('under_rectification'),
      sql<number | null>`cast(avg(score) as double precision)`.as('average'),
    ])
    .executeTakeFirstOrThrow();
  const counts = { '0': 0, '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const row of byStars) counts[String(row.stars) as keyof typeof counts] = row.count;
  return {
    orgUnitId: orgUnitId ?? viewer.scopeOrgUnitId,
    year,
    total: totals.total,
    byStars: counts,
    flags: { weak: totals.weak, under_rectification: totals.under_rectification },
    averageScore: totals.average === null ? null : Math.round(totals.average * 10) / 10,
  };
}
