/**
 * Point input of `<qj-member-service-map>`: an array of objects or the columnar (typed-array) export form, as the
 * SDK's `client.servicePoints.export()` returns it. Normalised into columns in WGS-84 with type and record-kind
 * indices from the contract's order; a copy of the coordinate columns is transferred to the worker (the caller's
 * arrays are never detached).
 */
import {
  servicePointTypeIds,
  serviceRecordKindIds,
  type CoordinateSystem,
  type ServicePointType,
  type ServiceRecordKind,
} from '@qiangji/contract';
import { convert } from './coords.js';
import type { PointColumns } from './cluster-index.js';
import { bboxOf } from './geometry.js';

/** One service point as an object. */
export interface ServicePointInput {
  id: string;
  lon: number;
  lat: number;
  type: ServicePointType;
  orgUnitId: string;
  /** CRS of lon/lat (default WGS-84). */
  crs?: CoordinateSystem;
  name?: string;
  address?: string;
  /** Service record count. */
  records?: number;
  /** Names of members who served here; masked with the contract's maskName unless `personalData` is true. */
  memberNames?: string[];
  /** The data is cleared for showing personal data unmasked (the viewer's role and scope allow it). */
  personalData?: boolean;
  /** Records, for local record-kind and date-range filters. `at` is an ISO date or timestamp. */
  serviceRecords?: ReadonlyArray<{ kind: ServiceRecordKind; at: string }>;
}

/** The columnar form (the SDK's decoded `/service-points/export`), optionally with per-record columns. */
export interface ServicePointColumnsInput {
  count: number;
  ids: readonly string[];
  lon: Float64Array;
  lat: Float64Array;
  /** Index into `types`. */
  type: Uint8Array;
  types: readonly ServicePointType[];
  /** Index into `orgUnitIds`. */
  org: Uint32Array;
  orgUnitIds: readonly string[];
  records?: Uint32Array;
  /** CRS of lon/lat (the export is WGS-84). */
  crs?: CoordinateSystem;
  /** Per-record columns: point index, kind (index into `recordKinds`, default the contract's order), day. */
  recordPoint?: Uint32Array;
  recordKind?: Uint8Array;
  recordKinds?: readonly ServiceRecordKind[];
  /** Days since 1970-01-01 of each record (China date). */
  recordDay?: Int32Array;
}

export type PointsInput = readonly ServicePointInput[] | ServicePointColumnsInput;

/** What the element keeps of the points on its side (the worker has the coordinates). */
export interface PointTable {
  size: number;
  ids: readonly string[];
  /** Index into servicePointTypeIds. */
  type: Uint8Array;
  /** Index into orgUnitIds. */
  org: Uint32Array;
  orgUnitIds: readonly string[];
  records: Uint32Array | null;
  /** The input objects, when the points came as objects (names, addresses, members for popups). */
  objects: readonly ServicePointInput[] | null;
  /** Whether kind/date filters can run locally. */
  hasRecords: boolean;
  /** [west, south, east, north] of all points (WGS-84), null when there are none. */
  bbox: [number, number, number, number] | null;
}

export interface NormalisedPoints {
  table: PointTable;
  /** For the worker (transferred); orgPaths are filled in by the caller. */
  columns: Omit<PointColumns, 'orgPaths'>;
}

export function isColumnsInput(points: PointsInput): points is ServicePointColumnsInput {
  return !Array.isArray(points);
}

const typeIndex = new Map<string, number>(servicePointTypeIds.map((id, index) => [id, index]));
const kindIndex = new Map<string, number>(serviceRecordKindIds.map((id, index) => [id, index]));
const OTHER = typeIndex.get('other')!;
const OTHER_KIND = kindIndex.get('other')!;

/** Days since 1970-01-01 of an ISO date or timestamp, on its China-local (UTC+8) day. */
export function chinaDay(iso: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
  return Math.floor((Date.parse(iso) + 8 * 3_600_000) / 86_400_000);
}

export function normalisePoints(points: PointsInput): NormalisedPoints {
  const normalised = isColumnsInput(points) ? fromColumns(points) : fromObjects(points);
  normalised.table.bbox = bboxOf(normalised.columns.lon, normalised.columns.lat, null);
  if (!Number.isFinite(normalised.table.bbox[0])) normalised.table.bbox = null;
  return normalised;
}

function fromObjects(points: readonly ServicePointInput[]): NormalisedPoints {
  const size = points.length;
  const lon = new Float64Array(size);
  const lat = new Float64Array(size);
  const type = new Uint8Array(size);
  const org = new Uint32Array(size);
  const records = new Uint32Array(size);
  const ids = new Array<string>(size);
  const orgIndex = new Map<string, number>();
  const orgUnitIds: string[] = [];
  const recordPoint: number[] = [];
  const recordKind: number[] = [];
  const recordDay: number[] = [];
  // Points come grouped by unit more often than not: the last unit's index saves most map look-ups.
  let lastOrg = '';
  let lastIndex = -1;
  for (let i = 0; i < size; i++) {
    const point = points[i]!;
    ids[i] = point.id;
    if (point.crs && point.crs !== 'WGS84') [lon[i], lat[i]] = convert(point.lon, point.lat, point.crs, 'WGS84');
    else {
      lon[i] = point.lon;
      lat[i] = point.lat;
    }
    type[i] = typeIndex.get(point.type) ?? OTHER;
    const orgUnitId = point.orgUnitId;
    if (orgUnitId !== lastOrg || lastIndex < 0) {
      let o = orgIndex.get(orgUnitId);
      if (o === undefined) {
        o = orgUnitIds.length;
        orgUnitIds.push(orgUnitId);
        orgIndex.set(orgUnitId, o);
      }
      lastOrg = orgUnitId;
      lastIndex = o;
    }
    org[i] = lastIndex;
    const serviceRecords = point.serviceRecords;
    records[i] = point.records ?? serviceRecords?.length ?? 0;
    if (serviceRecords) {
      for (const record of serviceRecords) {
        recordPoint.push(i);
        recordKind.push(kindIndex.get(record.kind) ?? OTHER_KIND);
        recordDay.push(chinaDay(record.at));
      }
    }
  }
  const hasRecords = recordPoint.length > 0;
  return {
    table: { size, ids, type: type.slice(), org: org.slice(), orgUnitIds, records, objects: points, hasRecords, bbox: null },
    columns: {
      lon,
      lat,
      type,
      org,
      ...(hasRecords
        ? { recordPoint: Uint32Array.from(recordPoint), recordKind: Uint8Array.from(recordKind), recordDay: Int32Array.from(recordDay) }
        : {}),
    },
  };
}

function fromColumns(points: ServicePointColumnsInput): NormalisedPoints {
  const size = Math.min(points.count, points.lon.length, points.lat.length);
  const crs = points.crs ?? 'WGS84';
  const lon = points.lon.slice(0, size);
  const lat = points.lat.slice(0, size);
  if (crs !== 'WGS84') {
    for (let i = 0; i < size; i++) [lon[i], lat[i]] = convert(lon[i]!, lat[i]!, crs, 'WGS84');
  }
  // Remap the input's own type list onto the contract's order.
  const remap = Uint8Array.from(points.types, (id) => typeIndex.get(id) ?? OTHER);
  const type = new Uint8Array(size);
  for (let i = 0; i < size; i++) type[i] = remap[points.type[i]!] ?? OTHER;
  const org = points.org.slice(0, size);
  const hasRecords = Boolean(points.recordPoint && points.recordKind && points.recordDay);
  let recordKind = points.recordKind;
  if (recordKind && points.recordKinds) {
    const kindRemap = Uint8Array.from(points.recordKinds, (id) => kindIndex.get(id) ?? OTHER_KIND);
    recordKind = recordKind.map((kind) => kindRemap[kind]!);
  }
  return {
    table: {
      size,
      ids: points.ids,
      type: type.slice(),
      org: org.slice(),
      orgUnitIds: points.orgUnitIds,
      records: points.records ?? null,
      objects: null,
      hasRecords,
      bbox: null,
    },
    columns: {
      lon,
      lat,
      type,
      org,
      ...(hasRecords ? { recordPoint: points.recordPoint!.slice(), recordKind: recordKind!.slice(), recordDay: points.recordDay!.slice() } : {}),
    },
  };
}
