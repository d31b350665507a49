/**
 * supercluster fed from typed arrays: the leaf level is a Float64Array built from lon/lat columns (no GeoJSON
 * feature objects), each clustering pass finds neighbours in a uniform grid (neighbour-grid.ts) instead of the
 * level's KD-tree and writes into typed buffers, and the KD-trees — only needed to query a level — are built when
 * first queried; the leaf tree is shared by every filter. Clustering semantics (radius, weighted centres, ids,
 * getChildren/getLeaves/expansion zoom) are supercluster's own; see cluster-index.ts for what uses it.
 */
import Supercluster from 'supercluster';
import type { IndexOptions, ProgressListener } from './cluster-index.js';
import { NeighbourGrid } from './neighbour-grid.js';

/** The KDBush (supercluster's spatial index) members used here. */
export interface KDTree {
  numItems: number;
  data: Float64Array;
  range(minX: number, minY: number, maxX: number, maxY: number): number[];
  within(x: number, y: number, r: number): number[];
}

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
/** Web Mercator x, y in [0, 1] of each point, rounded to float32 as supercluster's trees hold them. */
export function project(lon: Float64Array, lat: Float64Array): [Float32Array, Float32Array] {
  const size = lon.length;
  const x = new Float32Array(size);
  const y = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    x[i] = lngX(lon[i]!);
    y[i] = latY(lat[i]!);
  }
  return [x, y];
}

export const xLng = (x: number) => (x - 0.5) * 360;
export const yLat = (y: number) => (360 * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180))) / Math.PI - 90;


export class ColumnarSupercluster extends (Supercluster as unknown as new (options: Partial<IndexOptions>) => SuperclusterInternals) {
  private scratch = new Uint32Array(4096);
  /** Items of each level by zoom (maxZoom + 1: the leaves); their KD-trees are built when first queried. */
  private levels: Float64Array[] = [];
  private leafTree: (() => KDTree) | null = null;

  /**
   * Clusters the leaf level (one item per point, in original order; `leafX`/`leafY` its float32 coordinates) level
   * by level with grid neighbour searches; `leafTree` gives the shared leaf KD-tree when a query needs it.
   * `points` = identity.
   */
  build(leaves: Float64Array, leafX: Float32Array, leafY: Float32Array, leafTree: () => KDTree, identity: Uint32Array, onLevel?: ProgressListener): void {
    const { maxZoom, minZoom, radius, extent } = this.options;
    this.points = identity;
    this.leafTree = leafTree;
    this.trees = [];
    this.levels = [];
    this.levels[maxZoom + 1] = leaves;
    let current = leaves;
    let x = leafX;
    let y = leafY;
    const levels = maxZoom - minZoom + 1;
    for (let z = maxZoom; z >= minZoom; z--) {
      const r = radius / (extent * Math.pow(2, z));
      current = this.levels[z] = this.clusterLevel(current, new NeighbourGrid(x, y, r), z, r);
      [x, y] = float32Coordinates(current);
      onLevel?.(maxZoom - z + 1, levels);
    }
  }

  /** The KD-tree of a level (zoom, or maxZoom + 1 for the leaves), built on first use. */
  treeAt(zoom: number): KDTree {
    let tree = this.trees[zoom];
    if (!tree) {
      const data = this.levels[zoom]!;
      if (zoom === this.options.maxZoom + 1 && this.leafTree) {
        tree = this.leafTree();
        tree.data = data;
      } else {
        tree = this._createTree(data);
      }
      this.trees[zoom] = tree;
    }
    return tree;
  }

  /** Builds the coarsest level's tree not built yet (the leaves' last); false when there is none left. */
  buildNextTree(): boolean {
    for (let z = this.options.minZoom; z <= this.options.maxZoom + 1; z++) {
      if (this.trees[z] || !this.levels[z]) continue;
      this.treeAt(z);
      return true;
    }
    return false;
  }

  /** supercluster's, once the tree it searches exists (the cluster's origin zoom, from its id). */
  override getChildren(clusterId: number): Array<number | { properties: { cluster_id: number } }> {
    const originZoom = (clusterId - this.points.length) % 32;
    if (this.levels[originZoom]) this.treeAt(originZoom);
    return super.getChildren(clusterId);
  }

  /**
   * supercluster's `_cluster`, with typed buffers and the grid's radius search. Items already processed at this
   * zoom (or filtered out) skip.
   */
  private clusterLevel(data: Float64Array, grid: NeighbourGrid, zoom: number, r: number): Float64Array {
    const { minPoints } = this.options;
    const next = new Float64Array(data.length);
    const base = this.points.length;
    let m = 0;
    for (let i = 0; i < data.length; i += STRIDE) {
      if (data[i + OFFSET_ZOOM]! <= zoom) continue;
      data[i + OFFSET_ZOOM] = zoom;
      const x = data[i]!;
      const y = data[i + 1]!;
      const found = this.within(grid, x, y, r);
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
  private within(grid: NeighbourGrid, x: number, y: number, r: number): number {
    let found = grid.withinInto(x, y, r, this.scratch);
    while (found > this.scratch.length) {
      this.scratch = new Uint32Array(Math.max(found, this.scratch.length * 2));
      found = grid.withinInto(x, y, r, this.scratch);
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

/** The x, y of a level's items rounded to float32, as its KD-tree would store them. */
function float32Coordinates(data: Float64Array): [Float32Array, Float32Array] {
  const size = (data.length / STRIDE) | 0;
  const x = new Float32Array(size);
  const y = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    x[i] = data[i * STRIDE]!;
    y[i] = data[i * STRIDE + 1]!;
  }
  return [x, y];
}
