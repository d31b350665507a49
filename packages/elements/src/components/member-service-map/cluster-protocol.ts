/** Messages between the map element and cluster.worker.ts (structured clone; typed arrays are transferred). */
import type { Aggregates, ClusterView, IndexOptions, PointColumns, PointFilter } from './cluster-index.js';

export type ClusterRequest =
  | { op: 'load'; columns: PointColumns; typeCount: number; options?: Partial<IndexOptions>; update?: UpdateRequest }
  | { op: 'filter'; filter: PointFilter }
  | { op: 'clusters'; bbox: [number, number, number, number]; zoom: number; countBbox?: [number, number, number, number] }
  | { op: 'expansion'; clusterId: number }
  | { op: 'leaves'; clusterId: number; limit: number; offset: number }
  | { op: 'aggregate'; scope: string }
  | ({ op: 'update' } & UpdateRequest);

/** Filter, aggregates and clusters in one round trip (each part optional, applied in that order). */
export interface UpdateRequest {
  filter?: PointFilter;
  scopes?: string[];
  view?: ViewQuery;
}
export interface UpdateResult {
  totals: { total: number; byType: Uint32Array } | null;
  aggregates: Aggregates[];
  view: ClusterView | null;
}

/** A view to cluster: `bbox` (padded for panning) at `zoom`; totals over `countBbox` (the exact view). */
export interface ViewQuery {
  bbox: [number, number, number, number];
  zoom: number;
  countBbox?: [number, number, number, number];
}

/** What each request answers. */
export interface ClusterResults {
  /** With `update` in the request, its result too (one round trip for the first view). */
  load: { size: number; update: UpdateResult | null };
  filter: { total: number; byType: Uint32Array };
  clusters: ClusterView;
  expansion: number;
  leaves: number[];
  aggregate: Aggregates;
  update: UpdateResult;
}

export type ClusterOp = ClusterRequest['op'];
export type RequestOf<O extends ClusterOp> = Omit<Extract<ClusterRequest, { op: O }>, 'op'>;

export type WorkerInbound = ClusterRequest & { id: number };
export type WorkerOutbound =
  | { id: number; ok: true; result: ClusterResults[ClusterOp] }
  | { id: number; ok: false; error: string }
  | { id: number; progress: { done: number; total: number } };

/** Buffers of the typed arrays inside a result (three levels deep), for the transfer list. */
export function transferablesOf(value: unknown, buffers = new Set<ArrayBuffer>(), depth = 0): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  } else if (value && typeof value === 'object' && depth < 3) {
    for (const item of Object.values(value)) transferablesOf(item, buffers, depth + 1);
  }
  return [...buffers];
}
