/** Party members (masked unless role and scope allow, or it is the member's own record) and service records. */
import { sql } from 'kysely';
import { maskIdNumber, maskName, maskPhone, type Member, type ServiceRecord, type ServiceRecordKind } from '@qiangji/contract';
import type { Queryable } from '../db/connection.js';
import type { MemberRow, ServiceRecordRow } from '../db/schema.js';
import { within, type Viewer } from '../auth/scope.js';
import { decodeCursor, DEFAULT_LIMIT, pageFrom } from './page.js';
import { likeEscape, scopedOrgPath } from './org.js';

/** The single place where member data is masked for a viewer. */
export function maskMemberFor(viewer: Viewer, row: MemberRow): Member {
  const open = viewer.seesPersonalData || (viewer.user?.memberId !== null && viewer.user?.memberId === row.id);
  return {
    id: row.id,
    name: open ? row.name : maskName(row.name),
    sex: row.sex as Member['sex'],
    birthYear: open ? row.birth_year : null,
    phone: open ? row.phone : maskPhone(row.phone),
    idNumber: open ? row.id_number : maskIdNumber(row.id_number),
    orgUnitId: row.org_unit_id,
    partyOrganizationId: row.party_organization_id,
    joinedAt: row.joined_at,
    masked: !open,
  };
}

export async function listMembers(db: Queryable, viewer: Viewer, filter: { orgUnitId?: string; q?: string; cursor?: string; limit?: number }) {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const cursor = decodeCursor(filter.cursor, 'string');
  const subtree = await scopedOrgPath(db, viewer, filter.orgUnitId, 'query.orgUnitId');
  let query = db.selectFrom('members').selectAll().where(within('org_path', subtree));
  if (filter.q) {
    const pattern = likeEscape(filter.q);
    // Viewers who see masked data may not probe names: their search matches member ids only.
    query = viewer.seesPersonalData
      ? query.where((eb) => eb.or([sql<boolean>`${eb.ref('name')} like ${`%${pattern}%`} escape '\\'`, sql<boolean>`${eb.ref('id')} like ${`${pattern}%`} escape '\\'`]))
      : query.where((eb) => sql<boolean>`${eb.ref('id')} like ${`${pattern}%`} escape '\\'`);
  }
  if (cursor) query = query.where((eb) => eb.or([eb('org_path', '>', cursor[0]), eb.and([eb('org_path', '=', cursor[0]), eb('id', '>', cursor[1])])]));
  const rows = await query.orderBy('org_path').orderBy('id').limit(limit + 1).execute();
  return pageFrom(rows, limit, (row) => [row.org_path, row.id], (row) => maskMemberFor(viewer, row));
}

/** YYYY-MM-DD (China time) → the UTC instant its day starts. */
export const dayStartUtc = (date: string): string => new Date(`${date}T00:00:00+08:00`).toISOString();
/** YYYY-MM-DD (China time) → the UTC instant the next day starts. */
export const dayEndUtc = (date: string): string => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();

export function toServiceRecord(viewer: Viewer, row: ServiceRecordRow): ServiceRecord {
  const open = viewer.seesPersonalData || (viewer.user?.memberId !== null && viewer.user?.memberId === row.member_id);
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: open ? row.member_name : maskName(row.member_name),
    servicePointId: row.service_point_id,
    orgUnitId: row.org_unit_id,
    kind: row.kind as ServiceRecordKind,
    at: row.at,
    note: row.note,
  };
}

export interface ServiceRecordFilter {
  orgUnitId?: string;
  memberId?: string;
  servicePointId?: string;
  kind?: ServiceRecordKind[];
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export async function listServiceRecords(db: Queryable, viewer: Viewer, filter: ServiceRecordFilter) {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const cursor = decodeCursor(filter.cursor, 'string');
  const subtree = await scopedOrgPath(db, viewer, filter.orgUnitId, 'query.orgUnitId');
  let query = db.selectFrom('service_records').selectAll().where(within('org_path', subtree));
  if (filter.memberId !== undefined) query = query.where('member_id', '=', filter.memberId);
  if (filter.servicePointId !== undefined) query = query.where('service_point_id', '=', filter.servicePointId);
  if (filter.kind) query = query.where('kind', 'in', filter.kind);
  if (filter.from) query = query.where('at', '>=', dayStartUtc(filter.from));
  if (filter.to) query = query.where('at', '<', dayEndUtc(filter.to));
  // Newest first.
  if (cursor) query = query.where((eb) => eb.or([eb('at', '<', cursor[0]), eb.and([eb('at', '=', cursor[0]), eb('id', '<', cursor[1])])]));
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  return pageFrom(rows, limit, (row) => [row.at, row.id], (row) => toServiceRecord(viewer, row));
}
