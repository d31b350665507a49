/**
 * Service points on the map: bbox lists, server-side grid clusters (GROUP BY cell in SQL) and the columnar
 * export for client-side clustering of 100k+ points. Filters: type, org subtree, and service-record kind/date
 * (points with at least one matching record, answered from the activity summary: activity.ts).
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import { maskAddress, servicePointTypeIds, type ServicePoint, type ServicePointCluster, type ServicePointExport, type ServicePointType, type ServiceRecordKind } from '@qiangji/contract';
import { dialectOf, type Queryable } from '../db/connection.js';
import type { Database, ServicePointRow } from '../db/schema.js';
import { isWithin, within, type Viewer } from '../auth/scope.js';
import { ApiHttpError } from '../http/errors.js';
import { decodeCursor, DEFAULT_LIMIT, pageFrom } from './page.js';
import { scopedOrgPath } from './org.js';
import { matchesActivity, type MatchForm } from './activity.js';

export interface ServicePointFilter {
  bbox?: [number, number, number, number];
  type?: ServicePointType[];
  orgUnitId?: string;
  kind?: ServiceRecordKind[];
  from?: string;
  to?: string;
}

export function toServicePoint(viewer: Viewer, row: ServicePointRow): ServicePoint {
  return {
    id: row.id,
    name: row.name,
    type: row.type as ServicePointType,
    lon: row.lon,
    lat: row.lat,
    crs: 'WGS84',
    orgUnitId: row.org_unit_id,
    districtCode: row.district_code,
    address: viewer.seesPersonalData ? row.address : maskAddress(row.address),
    recordCount: row.record_count,
  };
}

type PointQuery = SelectQueryBuilder<Database, 'service_points', object>;

/** Up to this many candidate points, PostgreSQL probes per point; above, it reads the matching sets (activity.ts). */
const PROBE_MAX_POINTS = 300;

async function candidateCount(query: PointQuery): Promise<number> {
  const row = await query.select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface FilterOptions {
  /** Force how the record filter is asked (tests compare the forms); by default chosen per dialect and size. */
  form?: MatchForm;
}

async function filtered(db: Queryable, viewer: Viewer, filter: ServicePointFilter, options: FilterOptions = {}): Promise<PointQuery> {
  const subtree = await scopedOrgPath(db, viewer, filter.orgUnitId, 'query.orgUnitId');
  let query: PointQuery = db.selectFrom('service_points').where(within('service_points.org_path', subtree));
  if (filter.bbox) {
    const [west, south, east, north] = filter.bbox;
    query = query.where('service_points.lon', '>=', west).where('service_points.lon', '<=', east).where('service_points.lat', '>=', south).where('service_points.lat', '<=', north);
  }
  if (filter.type) query = query.where('service_points.type', 'in', filter.type);
  if (filter.kind || filter.from || filter.to) {
    const form = options.form ?? (dialectOf(db) === 'sqlite' ? 'records' : await candidateCount(query) <= PROBE_MAX_POINTS ? 'probe' : 'set');
    query = query.where((eb) => matchesActivity(eb, filter, form));
  }
  return query;
}

export async function listServicePoints(db: Queryable, viewer: Viewer, filter: ServicePointFilter & { cursor?: string; limit?: number }, options: FilterOptions = {}) {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const cursor = decodeCursor(filter.cursor, 'string');
  let query = (await filtered(db, viewer, filter, options)).selectAll('service_points');
  if (cursor) query = query.where('service_points.id', '>', cursor[1]);
  const rows = await query.orderBy('service_points.id').limit(limit + 1).execute();
  return pageFrom(rows, limit, (row) => [row.id, row.id], (row) => toServicePoint(viewer, row));
}

export async function getServicePoint(db: Queryable, viewer: Viewer, id: string): Promise<ServicePoint> {
  const row = await db.selectFrom('service_points').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiHttpError(404, 'not_found');
  if (!isWithin(row.org_path, viewer.scopePath)) throw new ApiHttpError(403, 'out_of_scope');
  return toServicePoint(viewer, row);
}

/** Cell size in degrees for a zoom: about 60 screen pixels of a 256-px Web-Mercator tile pyramid. */
export const cellSizeForZoom = (zoom: number): number => (60 * 360) / (256 * 2 ** zoom);

export async function clusterServicePoints(db: Queryable, viewer: Viewer, filter: ServicePointFilter & { bbox: [number, number, number, number]; zoom: number }, options: FilterOptions = {}) {
  const cell = cellSizeForZoom(filter.zoom);
  // Offsets keep the cell index positive, so integer truncation is floor on both dialects.
  const gx = sql<number>`cast((service_points.lon + 180) / ${sql.lit(cell)} as integer)`;
  const gy = sql<number>`cast((service_points.lat + 90) / ${sql.lit(cell)} as integer)`;
  const rows = await (await filtered(db, viewer, filter, options))
    .select([
      gx.as('gx'),
      gy.as('gy'),
      'service_points.type as type',
      sql<number>`cast(count(*) as integer)`.as('count'),
      sql<number>`cast(sum(service_points.lon) as double precision)`.as('sum_lon'),
      sql<number>`cast(sum(service_points.lat) as double precision)`.as('sum_lat'),
      sql<string>`min(service_points.id)`.as('some_id'),
    ])
    .groupBy([gx, gy, 'service_points.type'])
    .execute();
  const cells = new Map<string, { gx: number; gy: number; count: number; lon: number; lat: number; byType: Record<string, number>; someId: string }>();
  for (const row of rows) {
    const key = `${row.gx}/${row.gy}`;
    const entry = cells.get(key) ?? { gx: Number(row.gx), gy: Number(row.gy), count: 0, lon: 0, lat: 0, byType: {}, someId: row.some_id };
    entry.count += row.count;
    entry.lon += row.sum_lon;
    entry.lat += row.sum_lat;
    entry.byType[row.type] = (entry.byType[row.type] ?? 0) + row.count;
    if (row.some_id < entry.someId) entry.someId = row.some_id;
    cells.set(key, entry);
  }
  const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
  const clusters: ServicePointCluster[] = [...cells.values()]
    .sort((a, b) => a.gy - b.gy || a.gx - b.gx)
    .map((entry) => ({
      id: `${filter.zoom}/${entry.gx}/${entry.gy}`,
      lon: round6(entry.lon / entry.count),
      lat: round6(entry.lat / entry.count),
      count: entry.count,
      byType: entry.byType,
      pointId: entry.count === 1 ? entry.someId : null,
    }));
  return { zoom: filter.zoom, total: clusters.reduce((sum, cluster) => sum + cluster.count, 0), clusters };
}

function base64Of(length: number, bytesPerItem: number, write: (buffer: Buffer, index: number) => void): string {
  const buffer = Buffer.alloc(length * bytesPerItem);
  for (let index = 0; index < length; index += 1) write(buffer, index);
  return buffer.toString('base64');
}

/** Columns as little-endian typed arrays in base64 (people.ts ServicePointExportSchema). */
export async function exportServicePoints(db: Queryable, viewer: Viewer, filter: ServicePointFilter, options: FilterOptions = {}): Promise<ServicePointExport> {
  const rows = await (await filtered(db, viewer, filter, options))
    .select(['service_points.id as id', 'service_points.lon as lon', 'service_points.lat as lat', 'service_points.type as type', 'service_points.org_unit_id as org', 'service_points.record_count as records'])
    .orderBy('service_points.id')
    .execute();
  const types = [...servicePointTypeIds];
  const orgUnitIds: string[] = [];
  const orgIndex = new Map<string, number>();
  const orgs = rows.map((row) => {
    let index = orgIndex.get(row.org);
    if (index === undefined) {
      index = orgUnitIds.push(row.org) - 1;
      orgIndex.set(row.org, index);
    }
    return index;
  });
  return {
    count: rows.length,
    crs: 'WGS84',
    types,
    orgUnitIds,
    ids: rows.map((row) => row.id),
    lon: base64Of(rows.length, 8, (buffer, index) => buffer.writeDoubleLE(rows[index]!.lon, index * 8)),
    lat: base64Of(rows.length, 8, (buffer, index) => buffer.writeDoubleLE(rows[index]!.lat, index * 8)),
    type: base64Of(rows.length, 1, (buffer, index) => buffer.writeUInt8(Math.max(0, types.indexOf(rows[index]!.type as ServicePointType)), index)),
    org: base64Of(rows.length, 4, (buffer, index) => buffer.writeUInt32LE(orgs[index]!, index * 4)),
    records: base64Of(rows.length, 4, (buffer, index) => buffer.writeUInt32LE(rows[index]!.records, index * 4)),
  };
}
