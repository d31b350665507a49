/** Org units and Party organisations. */
import { sql } from 'kysely';
import { maskName, type OrgUnit, type OrgUnitKind, type PartyOrganization } from '@qiangji/contract';
import type { Queryable } from '../db/connection.js';
import type { OrgUnitRow } from '../db/schema.js';
import { isWithin, within, type Viewer } from '../auth/scope.js';
import { ApiHttpError } from '../http/errors.js';
import { decodeCursor, DEFAULT_LIMIT, pageFrom } from './page.js';

export function toOrgUnit(row: OrgUnitRow): OrgUnit {
  return {
    id: row.id,
    kind: row.kind as OrgUnitKind,
    name: row.name,
    code: row.code,
    parentId: row.parent_id,
    path: row.path,
    depth: row.depth,
    center: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
    childCount: row.child_count,
  };
}

export async function findOrgUnit(db: Queryable, id: string): Promise<OrgUnitRow | undefined> {
  return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The subtree a filter like `?orgUnitId=` narrows to: the unit's path when it lies inside the viewer's scope.
 * Missing → 404, outside → 403 out_of_scope; both name the field.
 */
export async function scopedOrgPath(db: Queryable, viewer: Viewer, orgUnitId: string | undefined, field: string): Promise<string> {
  if (orgUnitId === undefined) return viewer.scopePath;
  const unit = await db.selectFrom('org_units').select('path').where('id', '=', orgUnitId).executeTakeFirst();
  if (!unit) throw new ApiHttpError(404, 'not_found', { field });
  if (!isWithin(unit.path, viewer.scopePath)) throw new ApiHttpError(403, 'out_of_scope', { field });
  return unit.path;
}

/** LIKE pattern with %, _ and \ escaped (used with ESCAPE '\'). */
export const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export interface OrgUnitFilter {
  parentId?: string;
  subtreeOf?: string;
  q?: string;
  kind?: OrgUnitKind[];
  cursor?: string;
  limit?: number;
}

export async function listOrgUnits(db: Queryable, viewer: Viewer, filter: OrgUnitFilter) {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const cursor = decodeCursor(filter.cursor, 'string');
  const subtree = await scopedOrgPath(db, viewer, filter.subtreeOf, 'query.subtreeOf');
  let query = db.selectFrom('org_units').selectAll().where(within('path', subtree));
  if (filter.parentId !== undefined) {
    const parentPath = await scopedOrgPath(db, viewer, filter.parentId, 'query.parentId');
    query = query.where('parent_id', '=', filter.parentId).where(within('path', parentPath));
  }
  if (filter.q) {
    const pattern = likeEscape(filter.q);
    query = query.where((eb) => eb.or([sql<boolean>`${eb.ref('name')} like ${`%${pattern}%`} escape '\\'`, sql<boolean>`${eb.ref('code')} like ${`${pattern}%`} escape '\\'`]));
  }
  if (filter.kind) query = query.where('kind', 'in', filter.kind);
  if (cursor) query = query.where('path', '>', cursor[0]);
  const rows = await query.orderBy('path').limit(limit + 1).execute();
  return pageFrom(rows, limit, (row) => [row.path, row.id], toOrgUnit);
}

export async function getOrgUnit(db: Queryable, viewer: Viewer, id: string): Promise<OrgUnit> {
  const row = await findOrgUnit(db, id);
  if (!row) throw new ApiHttpError(404, 'not_found');
  if (!isWithin(row.path, viewer.scopePath)) throw new ApiHttpError(403, 'out_of_scope');
  return toOrgUnit(row);
}

export async function listPartyOrganizations(db: Queryable, viewer: Viewer, filter: { orgUnitId?: string; subtreeOf?: string; cursor?: string; limit?: number }) {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const cursor = decodeCursor(filter.cursor, 'string');
  const subtree = await scopedOrgPath(db, viewer, filter.subtreeOf, 'query.subtreeOf');
  let query = db.selectFrom('party_organizations').selectAll().where(within('org_path', subtree));
  if (filter.orgUnitId !== undefined) {
    await scopedOrgPath(db, viewer, filter.orgUnitId, 'query.orgUnitId');
    query = query.where('org_unit_id', '=', filter.orgUnitId);
  }
  if (cursor) query = query.where((eb) => eb.or([eb('org_path', '>', cursor[0]), eb.and([eb('org_path', '=', cursor[0]), eb('id', '>', cursor[1])])]));
  const rows = await query.orderBy('org_path').orderBy('id').limit(limit + 1).execute();
  return pageFrom(
    rows,
    limit,
    (row) => [row.org_path, row.id],
    (row): PartyOrganization => ({
      id: row.id,
      orgUnitId: row.org_unit_id,
      type: row.type as PartyOrganization['type'],
      name: row.name,
      secretaryName: viewer.seesPersonalData ? row.secretary_name : maskName(row.secretary_name),
      memberCount: row.member_count,
      field: row.field as PartyOrganization['field'],
    }),
  );
}
