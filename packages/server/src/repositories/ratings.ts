/** Branch star ratings: lists, one unit's history, summary counts for any subtree, and recording a rating. */
import { sql } from 'kysely';
import { assessRating, type BranchRating, type RatingSummary, type RecordRating } from '@qiangji/contract';
import type { Queryable } from '../db/connection.js';
import type { RatingRow, RatingTable } from '../db/schema.js';
import { isWithin, within, type Viewer } from '../auth/scope.js';
import { ApiHttpError } from '../http/errors.js';
import type { WriteScope } from '../http/write.js';
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

/**
 * Records (creates or replaces) the rating of the unit's Party organisation for `year`. Only from above: the unit must
 * lie strictly below the assessor's own unit. Stars and level follow from the score; below the scheme's
 * `weakBelowStars` the 软弱涣散 flag is implied. Audited; emits `rating.updated`.
 */
export async function recordRating(scope: WriteScope, viewer: Viewer, orgUnitId: string, year: number, input: RecordRating): Promise<BranchRating> {
  const { trx } = scope;
  const unit = await trx.selectFrom('org_units').select(['id', 'name', 'path']).where('id', '=', orgUnitId).executeTakeFirst();
  if (!unit) throw new ApiHttpError(404, 'not_found', { field: 'params.id' });
  if (!isWithin(unit.path, viewer.scopePath) || unit.path === viewer.scopePath) throw new ApiHttpError(403, 'out_of_scope', { field: 'params.id' });
  const organization = await trx.selectFrom('party_organizations').select(['id', 'name']).where('org_unit_id', '=', orgUnitId).orderBy('id').executeTakeFirst();
  if (!organization) throw new ApiHttpError(404, 'not_found', { field: 'params.id' });

  const assessed = assessRating(input);
  const before = await trx.selectFrom('ratings').selectAll().where('org_unit_id', '=', orgUnitId).where('year', '=', year).executeTakeFirst();
  const row: RatingTable = {
    id: before?.id ?? `r${year}-${orgUnitId}`,
    org_unit_id: orgUnitId,
    org_unit_name: unit.name,
    org_path: unit.path,
    party_organization_id: organization.id,
    party_organization_name: organization.name,
    year,
    score: assessed.score,
    stars: assessed.stars,
    level: assessed.level,
    flags: JSON.stringify(assessed.flags),
    brands: JSON.stringify(assessed.brands),
    stage: assessed.stage,
    breakdown: JSON.stringify(assessed.breakdown),
    weak: assessed.flags.includes('weak') ? 1 : 0,
    under_rectification: assessed.flags.includes('under_rectification') ? 1 : 0,
  };
  if (before) await trx.updateTable('ratings').set(row).where('id', '=', before.id).execute();
  else await trx.insertInto('ratings').values(row).execute();
  await scope.audit({ action: 'record_rating', entity: 'rating', entityId: row.id, before: before ?? null, after: row });
  await scope.event({ type: 'rating.updated', orgUnitId, orgPath: unit.path, data: { ratingId: row.id, year, stars: assessed.stars } });
  return toRating(row);
}
