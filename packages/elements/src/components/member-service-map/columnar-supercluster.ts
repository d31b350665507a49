/**
 * supercluster fed from typed arrays: the leaf level is a Float64Array built from lon/lat columns (no GeoJSON
 * feature objects), the leaf KD-tree is shared by every filter, and each clustering pass writes into preallocated
 * typed buffers. Clustering semantics (radius, weighted centres, ids, getChildren/getLeaves/expansion zoom) are
 * supercluster's own; see cluster-index.ts for what uses it.
 */
import Supercluster from 'supercluster';

/** The KDBush (supercluster's spatial index) members used here. */
export interface KDTree {
  numItems: number;
  data: Float64Array;
  range(minX: number, minY: number, maxX: number, maxY: number): number[];
  within(x: number, y: number, r: number): number[];
  /** kdbush ≥ 4.1: writes ids into `out`, returns how many matched (may exceed out.length). */
  withinInto?(x: number, y: number, r: number, out: Uint32Array): number;
}

import type { IndexOptions, ProgressListener } from './cluster-index.js';

export const STRIDE = 6;
export const OFFSET_ZOOM = 2;
export const OFFSET_ID = 3;
export const OFFSET_PARENT = 4;
export const OFFSET_NUM = 5;

/** The parts of Supercluster's runtime that its typings do not declare. */
interface SuperclusterInternals {
  options: IndexOptions & { minPoints: number };
  trees: KDTree[];
  points: ArrayLike<number>;
  stride: number;
  getChildren(clusterId: number): Array<number | { properties: { cluster_id: number } }>;
  getClusterExpansionZoom(clusterId: number): number;
  getLeaves(clusterId: number, limit: number, offset: number): Array<number | object>;
  /** Builds a KDBush over [x, y, …] items of `stride` numbers (typed arrays work). */
  _createTree(data: Float64Array): KDTree;
}

export const lngX = (lng: number) => lng / 360 + 0.5;
export function latY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}
export const xLng = (x: number) => (x - 0.5) * 360;
export const yLat = (y: number) => (360 * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180))) / Math.PI - 90;


export class ColumnarSupercluster extends (Supercluster as unknown as new (options: Partial<IndexOptions>) => SuperclusterInternals) {
  private scratch = new Uint32Array(4096);

  /** Cluster the leaf level (one per point, in original order) of the shared leaf tree; `points` = identity. */
  build(leafTree: KDTree, leaves: Float64Array, identity: Uint32Array, onLevel?: ProgressListener): void {
    const { maxZoom, minZoom } = this.options;
    this.points = identity;
    const tree = leafTree;
    tree.data = leaves;
    this.trees[maxZoom + 1] = tree;
    let current = tree;
    const levels = maxZoom - minZoom + 1;
    for (let z = maxZoom; z >= minZoom; z--) {
      current = this.trees[z] = this._createTree(this.clusterLevel(current, z));
      onLevel?.(maxZoom - z + 1, levels);
    }
  }

  /** supercluster's `_cluster`, with typed buffers. Items already processed at this zoom (or filtered out) skip. */
  private clusterLevel(tree: KDTree, zoom: number): Float64Array {
    const { radius, extent, minPoints } = this.options;
    const r = radius / (extent * Math.pow(2, zoom));
    const data = tree.data;
    const next = new Float64Array(data.length);
    const base = this.points.length;
    let m = 0;
    for (let i = 0; i < data.length; i += STRIDE) {
      if (data[i + OFFSET_ZOOM]! <= zoom) continue;
      data[i + OFFSET_ZOOM] = zoom;
      const x = data[i]!;
      const y = data[i + 1]!;
      const found = this.within(tree, x, y, r);
      const neighbours = this.scratch;
      const originCount = data[i + OFFSET_NUM]!;
      let count = originCount;
      for (let q = 0; q < found; q++) {
        const k = neighbours[q]! * STRIDE;
        if (data[k + OFFSET_ZOOM]! > zoom) count += data[k + OFFSET_NUM]!;
      }
      if (count > originCount && count >= minPoints) {
        let wx = x * originCount;
        let wy = y * originCount;
        const id = (((i / STRIDE) | 0) << 5) + (zoom + 1) + base;
        for (let q = 0; q < found; q++) {
          const k = neighbours[q]! * STRIDE;
          if (data[k + OFFSET_ZOOM]! <= zoom) continue;
          data[k + OFFSET_ZOOM] = zoom;
          const n = data[k + OFFSET_NUM]!;
          wx += data[k]! * n;
          wy += data[k + 1]! * n;
          data[k + OFFSET_PARENT] = id;
        }
        data[i + OFFSET_PARENT] = id;
        next[m++] = wx / count;
        next[m++] = wy / count;
        next[m++] = Infinity;
        next[m++] = id;
        next[m++] = -1;
        next[m++] = count;
      } else {
        for (let j = 0; j < STRIDE; j++) next[m++] = data[i + j]!;
        if (count > 1) {
          for (let q = 0; q < found; q++) {
            const k = neighbours[q]! * STRIDE;
            if (data[k + OFFSET_ZOOM]! <= zoom) continue;
            data[k + OFFSET_ZOOM] = zoom;
            for (let j = 0; j < STRIDE; j++) next[m++] = data[k + j]!;
          }
        }
      }
    }
    return next.slice(0, m);
  }

  /** Neighbour ids into `this.scratch`; returns how many. */
  private within(tree: KDTree, x: number, y: number, r: number): number {
    if (!tree.withinInto) {
      const ids = tree.within(x, y, r);
      if (ids.length > this.scratch.length) this.scratch = new Uint32Array(ids.length * 2);
      this.scratch.set(ids);
      return ids.length;
    }
    let found = tree.withinInto(x, y, r, this.scratch);
    while (found > this.scratch.length) {
      this.scratch = new Uint32Array(Math.max(found, this.scratch.length * 2));
      found = tree.withinInto(x, y, r, this.scratch);
    }
    return found;
  }

  /** A KD-tree over [x, y, …] items (supercluster's own builder). */
  tree(data: Float64Array): KDTree {
    return this._createTree(data);
  }

  limitZoom(zoom: number): number {
    return Math.max(this.options.minZoom, Math.min(Math.floor(zoom), this.options.maxZoom + 1));
  }
}

