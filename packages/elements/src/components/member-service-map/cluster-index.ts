/**
 * The clustering core of `<qj-member-service-map>`: supercluster's hierarchical greedy clustering, fed from columns
 * (typed arrays) instead of GeoJSON features, with filters applied by point index. Runs inside cluster.worker.ts;
 * pure (no DOM), so tests can also drive it directly.
 *
 * Differences from stock `Supercluster#load`, all for speed at 100k–1M points (see bench/map):
 * - no feature objects: the leaf level is a Float64Array built from lon/lat columns;
 * - each level is clustered with a uniform-grid radius search (neighbour-grid.ts) instead of a KD-tree, and the
 *   KD-trees (needed only to query a level) are built when first queried — the worker builds them after answering;
 * - the leaf KD-tree over ALL points is built once per data set and reused by every filter: filtered-out points are
 *   marked as already processed, so re-filtering only re-runs the clustering passes;
 * - neighbour ids go into a reused Uint32Array and each level is a preallocated Float64Array.
 * The clustering itself (`radius`, weighted centres, cluster ids, `getChildren`/`getLeaves`/`getClusterExpansionZoom`)
 * is supercluster's own code and semantics.
 */
import {
  ColumnarSupercluster,
  latY,
  lngX,
  OFFSET_ID,
  OFFSET_NUM,
  OFFSET_PARENT,
  OFFSET_ZOOM,
  project,
  STRIDE,
  xLng,
  yLat,
  type KDTree,
} from './columnar-supercluster.js';
import { bboxOf } from './geometry.js';

/** Where the columns of one point set live. lon/lat are WGS-84. */
export interface PointColumns {
  lon: Float64Array;
  lat: Float64Array;
  /** Index into the caller's type list. */
  type: Uint8Array;
  /** Index into `orgPaths`. */
  org: Uint32Array;
  /**
   * One path per org index: '/'-separated keys from the root, starting and ending with '/', e.g.
   * '/4451/445103/445103100/445103100201/' (division codes) or ids for units without a code. '' when unknown.
   */
  orgPaths: string[];
  /** Optional per-record columns enabling local record-kind and date-range filters. */
  recordPoint?: Uint32Array;
  recordKind?: Uint8Array;
  /** Days since 1970-01-01 (China date) of each record. */
  recordDay?: Int32Array;
}

/** A filter, by index. Absent fields do not filter. */
export interface PointFilter {
  /** Type indices to keep. */
  types?: number[] | null;
  /** Keep points whose org path contains `/${scope}/`. */
  scope?: string | null;
  /** Record kind indices: keep points with at least one such record (needs record columns). */
  kinds?: number[] | null;
  /** Inclusive day range: keep points with at least one record in it (needs record columns). */
  fromDay?: number | null;
  toDay?: number | null;
}

/** Clusters and single points in a bbox at a zoom, columnar. */
export interface ClusterView {
  zoom: number;
  size: number;
  lon: Float64Array;
  lat: Float64Array;
  count: Uint32Array;
  /** supercluster cluster id, or -1 for a single point. */
  clusterId: Float64Array;
  /** Original point index for a single point, else -1. */
  point: Int32Array;
  /** Type index for a single point, else 255. */
  type: Uint8Array;
  /** Filtered points inside the bbox, in total and by type index. */
  total: number;
  byType: Uint32Array;
}

/** Child units of a scope with their filtered counts and the centroid of all their points. */
export interface Aggregates {
  keys: string[];
  count: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  /** Points of the scope itself (not in any child). */
  direct: number;
  /** Filtered total of the scope. */
  total: number;
  /** [west, south, east, north] of all points of the scope, or null when it has none. */
  bbox: [number, number, number, number] | null;
}

export interface IndexOptions {
  radius: number;
  extent: number;
  minZoom: number;
  maxZoom: number;
  nodeSize: number;
}

/** Progress callback: `done` of `total` clustering levels built. */
export type ProgressListener = (done: number, total: number) => void;

/** Type index of a cluster (not a single point) in a ClusterView. */
const NOT_A_POINT = 255;

export const defaultIndexOptions: IndexOptions = { radius: 56, extent: 256, minZoom: 0, maxZoom: 16, nodeSize: 64 };

/** A loaded point set with its current filter and cluster hierarchy. */
export class ClusterIndex {
  readonly size: number;
  readonly typeCount: number;
  private readonly columns: PointColumns;
  private readonly options: IndexOptions;
  private readonly identity: Uint32Array;
  private readonly x: Float32Array;
  private readonly y: Float32Array;
  /** Points passing the filter without its scope (drill counts of any level), and with it (the clusters). */
  private matching: Uint8Array;
  private keep: Uint8Array;
  private clusters: ColumnarSupercluster | null = null;
  /** Filtered totals. */
  total = 0;
  byType: Uint32Array;

  constructor(columns: PointColumns, typeCount: number, options: Partial<IndexOptions> = {}) {
    this.columns = columns;
    this.options = { ...defaultIndexOptions, ...options };
    this.size = columns.lon.length;
    this.typeCount = typeCount;
    this.byType = new Uint32Array(typeCount);
    this.identity = new Uint32Array(this.size);
    for (let i = 0; i < this.size; i++) this.identity[i] = i;
    [this.x, this.y] = project(columns.lon, columns.lat);
    this.keep = new Uint8Array(this.size).fill(1);
    this.matching = this.keep;
  }

  private leafTreeCache: KDTree | null = null;
  /** The KD-tree over all points (ids = point indices), built once per data set when a query first needs it. */
  private leafTree = (): KDTree => {
    if (!this.leafTreeCache) {
      const items = new Float64Array(this.size * STRIDE);
      for (let i = 0; i < this.size; i++) {
        items[i * STRIDE] = this.x[i]!;
        items[i * STRIDE + 1] = this.y[i]!;
      }
      this.leafTreeCache = new ColumnarSupercluster(this.options).tree(items);
    }
    return this.leafTreeCache;
  };

  /** Builds one KD-tree that no query has needed yet (for idle time); false when all are built. */
  buildNextTree(): boolean {
    return this.clusters?.buildNextTree() ?? false;
  }

  /** Compute the keep mask for `filter` and rebuild the cluster hierarchy. */
  applyFilter(filter: PointFilter, onLevel?: ProgressListener): void {
    this.matching = this.mask({ ...filter, scope: null });
    this.keep = filter.scope ? this.scoped(this.matching, filter.scope) : this.matching;
    const leaves = new Float64Array(this.size * STRIDE);
    const byType = new Uint32Array(this.typeCount);
    let total = 0;
    const { type } = this.columns;
    for (let i = 0; i < this.size; i++) {
      const k = i * STRIDE;
      leaves[k] = this.x[i]!;
      leaves[k + 1] = this.y[i]!;
      leaves[k + OFFSET_ID] = i;
      leaves[k + OFFSET_PARENT] = -1;
      if (this.keep[i]) {
        leaves[k + OFFSET_ZOOM] = Infinity;
        leaves[k + OFFSET_NUM] = 1;
        total++;
        byType[type[i]!]!++;
      } else {
        // Marked as processed at every zoom: clustering skips it and never copies it upwards.
        leaves[k + OFFSET_ZOOM] = -Infinity;
        leaves[k + OFFSET_NUM] = 0;
      }
    }
    this.total = total;
    this.byType = byType;
    const clusters = new ColumnarSupercluster(this.options);
    clusters.build(leaves, this.x, this.y, this.leafTree, this.identity, onLevel);
    this.clusters = clusters;
  }

  /** `mask` narrowed to the points whose org path contains `/${scope}/`. */
  private scoped(mask: Uint8Array, scope: string): Uint8Array {
    const { org, orgPaths } = this.columns;
    const needle = `/${scope}/`;
    const orgOk = Uint8Array.from(orgPaths, (path) => (path.includes(needle) ? 1 : 0));
    const keep = new Uint8Array(this.size);
    for (let i = 0; i < this.size; i++) keep[i] = mask[i]! & orgOk[org[i]!]!;
    return keep;
  }

  /** 1 for each point that passes `filter`. */
  mask(filter: PointFilter): Uint8Array {
    const { type, org, orgPaths } = this.columns;
    const keep = new Uint8Array(this.size);
    const typeOk = new Uint8Array(256);
    if (filter.types) for (const t of filter.types) typeOk[t] = 1;
    else typeOk.fill(1);
    const orgOk = new Uint8Array(orgPaths.length);
    const needle = filter.scope ? `/${filter.scope}/` : null;
    for (let o = 0; o < orgPaths.length; o++) orgOk[o] = needle === null || orgPaths[o]!.includes(needle) ? 1 : 0;
    for (let i = 0; i < this.size; i++) keep[i] = typeOk[type[i]!]! & orgOk[org[i]!]!;
    const recordFilter = (filter.kinds && filter.kinds.length > 0) || filter.fromDay != null || filter.toDay != null;
    const { recordPoint, recordKind, recordDay } = this.columns;
    if (recordFilter && recordPoint && recordKind && recordDay) {
      const kindOk = new Uint8Array(256);
      if (filter.kinds && filter.kinds.length > 0) for (const k of filter.kinds) kindOk[k] = 1;
      else kindOk.fill(1);
      const from = filter.fromDay ?? -Infinity;
      const to = filter.toDay ?? Infinity;
      const served = new Uint8Array(this.size);
      for (let r = 0; r < recordPoint.length; r++) {
        const day = recordDay[r]!;
        if (kindOk[recordKind[r]!] && day >= from && day <= to) served[recordPoint[r]!] = 1;
      }
      for (let i = 0; i < this.size; i++) keep[i] = keep[i]! & served[i]!;
    }
    return keep;
  }

  /**
   * Clusters and points whose centres fall in `bbox` [west, south, east, north] (WGS-84) at `zoom`; the totals count
   * the filtered points inside `countBbox` (default: `bbox`), e.g. the exact view when `bbox` is padded for panning.
   */
  getClusters(bbox: readonly [number, number, number, number], zoom: number, countBbox = bbox): ClusterView {
    const clusters = this.requireClusters();
    const z = clusters.limitZoom(zoom);
    const tree = clusters.treeAt(z);
    const [west, south, east, north] = bbox;
    const ids = tree.range(lngX(west), latY(north), lngX(east), latY(south));
    const data = tree.data;
    const size = ids.length;
    const view: ClusterView = {
      zoom: z,
      size: 0,
      lon: new Float64Array(size),
      lat: new Float64Array(size),
      count: new Uint32Array(size),
      clusterId: new Float64Array(size),
      point: new Int32Array(size),
      type: new Uint8Array(size),
      total: 0,
      byType: new Uint32Array(this.typeCount),
    };
    let n = 0;
    for (const id of ids) {
      const k = id * STRIDE;
      const count = data[k + OFFSET_NUM]!;
      if (count < 1) continue; // filtered-out leaf
      if (count > 1) {
        view.lon[n] = xLng(data[k]!);
        view.lat[n] = yLat(data[k + 1]!);
        view.clusterId[n] = data[k + OFFSET_ID]!;
        view.point[n] = -1;
        view.type[n] = NOT_A_POINT;
      } else {
        const index = data[k + OFFSET_ID]!;
        view.lon[n] = this.columns.lon[index]!;
        view.lat[n] = this.columns.lat[index]!;
        view.clusterId[n] = -1;
        view.point[n] = index;
        view.type[n] = this.columns.type[index]!;
      }
      view.count[n] = count;
      n++;
    }
    view.size = n;
    const counts = this.countIn(countBbox);
    view.total = counts.total;
    view.byType = counts.byType;
    return view;
  }

  /** Filtered points inside `bbox`, in total and by type (exact: a scan of the coordinates, no tree needed). */
  countIn(bbox: readonly [number, number, number, number]): { total: number; byType: Uint32Array } {
    const [west, south, east, north] = bbox;
    if (this.size > 0 && west <= this.extent[0] && south <= this.extent[1] && east >= this.extent[2] && north >= this.extent[3]) {
      return { total: this.total, byType: this.byType.slice() };
    }
    const { lon, lat, type } = this.columns;
    const keep = this.keep;
    const byType = new Uint32Array(this.typeCount);
    let total = 0;
    for (let i = 0; i < this.size; i++) {
      const x = lon[i]!;
      const y = lat[i]!;
      if (keep[i] && x >= west && x <= east && y >= south && y <= north) {
        total++;
        byType[type[i]!]!++;
      }
    }
    return { total, byType };
  }

  private extentCache: [number, number, number, number] | null = null;
  /** [west, south, east, north] of all points. */
  get extent(): [number, number, number, number] {
    if (!this.extentCache) this.extentCache = bboxOf(this.columns.lon, this.columns.lat, null);
    return this.extentCache;
  }

  /** The zoom at which a cluster splits. */
  expansionZoom(clusterId: number): number {
    return this.requireClusters().getClusterExpansionZoom(clusterId);
  }

  /** Original indices of up to `limit` points in a cluster. */
  leaves(clusterId: number, limit = 10, offset = 0): number[] {
    return this.requireClusters()
      .getLeaves(clusterId, limit, offset)
      .filter((leaf): leaf is number => typeof leaf === 'number');
  }

  /**
   * Group the points of `scope` (a key of the org paths; '' = everything) by the next key in their org path.
   * Counts are of points passing the filter (whatever scope the clusters are drilled to); centroids and bbox are of
   * all points of the scope, so bubbles stay put when filters change.
   */
  aggregate(scope: string): Aggregates {
    const { org, orgPaths, lon, lat } = this.columns;
    const needle = scope ? `/${scope}/` : '/';
    const childOfOrg = new Int32Array(orgPaths.length).fill(-2); // -2: outside scope, -1: the scope itself
    const keys: string[] = [];
    const keyIndex = new Map<string, number>();
    for (let o = 0; o < orgPaths.length; o++) {
      const path = orgPaths[o]!;
      const at = path.indexOf(needle);
      if (at < 0) continue;
      const rest = path.slice(at + needle.length);
      const child = rest.slice(0, rest.indexOf('/'));
      if (!child) {
        childOfOrg[o] = -1;
        continue;
      }
      let index = keyIndex.get(child);
      if (index === undefined) {
        index = keys.length;
        keys.push(child);
        keyIndex.set(child, index);
      }
      childOfOrg[o] = index;
    }
    const count = new Uint32Array(keys.length);
    const all = new Float64Array(keys.length);
    const sumLon = new Float64Array(keys.length);
    const sumLat = new Float64Array(keys.length);
    let direct = 0;
    let total = 0;
    const scopeBox = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
    for (let i = 0; i < this.size; i++) {
      const child = childOfOrg[org[i]!]!;
      if (child === -2) continue;
      const x = lon[i]!;
      const y = lat[i]!;
      if (x < scopeBox[0]) scopeBox[0] = x;
      if (y < scopeBox[1]) scopeBox[1] = y;
      if (x > scopeBox[2]) scopeBox[2] = x;
      if (y > scopeBox[3]) scopeBox[3] = y;
      const kept = this.matching[i]!;
      total += kept;
      if (child === -1) {
        direct += kept;
        continue;
      }
      count[child]! += kept;
      all[child]!++;
      sumLon[child]! += x;
      sumLat[child]! += y;
    }
    const centreLon = new Float64Array(keys.length);
    const centreLat = new Float64Array(keys.length);
    for (let c = 0; c < keys.length; c++) {
      centreLon[c] = sumLon[c]! / all[c]!;
      centreLat[c] = sumLat[c]! / all[c]!;
    }
    return { keys, count, lon: centreLon, lat: centreLat, direct, total, bbox: scopeBox[0] === Infinity ? null : scopeBox };
  }

  private requireClusters(): ColumnarSupercluster {
    if (!this.clusters) this.applyFilter({});
    return this.clusters!;
  }
}
