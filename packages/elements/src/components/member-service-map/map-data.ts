/**
 * Data plumbing of `<qj-member-service-map>` that does not touch the DOM: what the element needs from an SDK client,
 * parsing its filter attributes, list entries of a cluster view, and popup details.
 */
import {
  maskName,
  servicePointTypeIds,
  serviceRecordKindIds,
  type OrgUnit,
  type ServicePoint,
  type ServicePointType,
  type ServiceRecord,
  type ServiceRecordKind,
} from '@qiangji/contract';
import type { ClusterView, PointFilter } from './cluster-index.js';
import { codeInId, keyOf, nameOf, type OrgUnitLike } from './divisions.js';
import type { PointTable, ServicePointColumnsInput } from './points.js';
import { typeAt } from './shapes.js';

interface Options {
  signal?: AbortSignal;
}

/**
 * What the map needs of an SDK client (`createClient()` from @qiangji/sdk has it all). `export` is required;
 * the rest improves popups (names, members) and drill-down names for org units without a division code.
 */
export interface MapClient {
  servicePoints: {
    export(query?: { kind?: readonly ServiceRecordKind[]; from?: string; to?: string }, options?: Options): Promise<ServicePointColumnsInput>;
    get?(id: string, options?: Options): Promise<ServicePoint>;
  };
  serviceRecords?: {
    list(query: { servicePointId?: string; limit?: number }, options?: Options): Promise<{ items: ServiceRecord[] }>;
  };
  orgUnits?: {
    iterate?(query: { subtreeOf?: string }, options?: Options): { toArray(options: { limit: number }): Promise<OrgUnit[]> };
  };
}

export function isMapClient(client: unknown): client is MapClient {
  return typeof (client as Partial<MapClient> | undefined)?.servicePoints?.export === 'function';
}

/** A comma-separated attribute of ids, validated against `allowed`; null when absent or empty. */
export function parseList<T extends string>(value: string | null | undefined, allowed: readonly T[]): T[] | null {
  if (!value) return null;
  const ids = value
    .split(',')
    .map((item) => item.trim())
    .filter((item): item is T => (allowed as readonly string[]).includes(item));
  return ids.length > 0 ? ids : null;
}

/** Days since 1970-01-01 of a YYYY-MM-DD attribute, or null. */
export function dayOf(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? null : Math.floor(time / 86_400_000);
}

/** The worker filter for the element's attributes and legend toggles. */
export function buildFilter(options: {
  types: ServicePointType[] | null;
  hidden: ReadonlySet<ServicePointType>;
  scope: string | null;
  kinds: ServiceRecordKind[] | null;
  from: string | null | undefined;
  to: string | null | undefined;
  localRecords: boolean;
}): PointFilter {
  const shown = (options.types ?? servicePointTypeIds).filter((type) => !options.hidden.has(type));
  const all = shown.length === servicePointTypeIds.length;
  return {
    types: all ? null : shown.map((type) => servicePointTypeIds.indexOf(type)),
    scope: options.scope,
    // Without record columns (SDK data) these filters were applied by the server's export instead.
    ...(options.localRecords
      ? {
          kinds: options.kinds?.map((kind) => serviceRecordKindIds.indexOf(kind)) ?? null,
          fromDay: dayOf(options.from),
          toDay: dayOf(options.to),
        }
      : {}),
  };
}

/** One entry of the in-view list. */
export interface ViewItem {
  /** Stable across re-renders: `c<clusterId>` or `p<pointIndex>`. */
  key: string;
  /** Index in the cluster view. */
  index: number;
  kind: 'cluster' | 'point';
  count: number;
  lon: number;
  lat: number;
  clusterId: number;
  point: number;
  type: ServicePointType | null;
}

/** The clusters and points of `view` inside `bbox`, largest clusters first, then points north to south. */
export function viewItems(view: ClusterView, bbox: readonly [number, number, number, number]): ViewItem[] {
  const [west, south, east, north] = bbox;
  const items: ViewItem[] = [];
  for (let i = 0; i < view.size; i++) {
    const lon = view.lon[i]!;
    const lat = view.lat[i]!;
    if (lon < west || lon > east || lat < south || lat > north) continue;
    const point = view.point[i]!;
    const cluster = point < 0;
    items.push({
      key: cluster ? `c${view.clusterId[i]}` : `p${point}`,
      index: i,
      kind: cluster ? 'cluster' : 'point',
      count: view.count[i]!,
      lon,
      lat,
      clusterId: view.clusterId[i]!,
      point,
      type: cluster ? null : typeAt(view.type[i]!),
    });
  }
  return items.sort((a, b) => b.count - a.count || b.lat - a.lat || a.lon - b.lon);
}

/** The name of a point's org unit. */
export function orgNameOf(orgUnitId: string | undefined, units: ReadonlyMap<string, OrgUnitLike>): string | null {
  if (!orgUnitId) return null;
  return units.get(orgUnitId)?.name ?? nameOf(keyOf(orgUnitId, units), units) ?? (codeInId(orgUnitId) ? null : orgUnitId);
}

/** What a popup shows. */
export interface PointDetails {
  id: string;
  name: string | null;
  type: ServicePointType;
  orgName: string | null;
  address: string | null;
  records: number | null;
  /** Masked unless the data cleared them for display. */
  members: string[];
  membersMasked: boolean;
}

/** Details from the point table alone (no request). */
export function localDetails(table: PointTable, index: number, units: ReadonlyMap<string, OrgUnitLike>): PointDetails {
  const input = table.objects?.[index];
  const orgUnitId = table.orgUnitIds[table.org[index]!];
  const unmasked = input?.personalData === true;
  return {
    id: table.ids[index] ?? String(index),
    name: input?.name ?? null,
    type: typeAt(table.type[index]!),
    orgName: orgNameOf(orgUnitId, units),
    address: input?.address ?? null,
    records: table.records ? table.records[index]! : null,
    members: (input?.memberNames ?? []).map((name) => (unmasked ? name : maskName(name))),
    membersMasked: !unmasked,
  };
}

/** Completes the details from the API (name, masked address, record count, members who served there). */
export async function fetchDetails(client: MapClient, details: PointDetails, signal: AbortSignal): Promise<PointDetails> {
  const [point, records] = await Promise.all([
    client.servicePoints.get?.(details.id, { signal }).catch(() => undefined),
    client.serviceRecords?.list({ servicePointId: details.id, limit: 20 }, { signal }).catch(() => undefined),
  ]);
  const members = [...new Set((records?.items ?? []).map((record) => maskName(record.memberName)))].slice(0, 6);
  return {
    ...details,
    name: point?.name ?? details.name,
    address: point?.address ?? details.address,
    records: point?.recordCount ?? details.records,
    members: members.length > 0 ? members : details.members,
    membersMasked: members.length > 0 ? true : details.membersMasked,
  };
}
