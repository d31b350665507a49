/** Executes one cluster request against the index state: shared by the worker and the in-page fallback. */
import { ClusterIndex, type ProgressListener } from './cluster-index.js';
import type { ClusterRequest, ClusterResults, UpdateRequest, UpdateResult } from './cluster-protocol.js';

export interface ClusterState {
  index: ClusterIndex | null;
}

function update(index: ClusterIndex, request: UpdateRequest, onProgress: ProgressListener): UpdateResult {
  if (request.filter) index.applyFilter(request.filter, onProgress);
  const { view } = request;
  return {
    totals: request.filter ? { total: index.total, byType: index.byType.slice() } : null,
    aggregates: (request.scopes ?? []).map((scope) => index.aggregate(scope)),
    view: view ? index.getClusters(view.bbox, view.zoom, view.countBbox ?? view.bbox) : null,
  };
}

export function handleClusterRequest(
  state: ClusterState,
  request: ClusterRequest,
  onProgress: ProgressListener,
): ClusterResults[ClusterRequest['op']] {
  if (request.op === 'load') {
    state.index = new ClusterIndex(request.columns, request.typeCount, request.options);
    return { size: state.index.size, update: request.update ? update(state.index, request.update, onProgress) : null };
  }
  const index = state.index;
  if (!index) throw new Error('No points loaded');
  switch (request.op) {
    case 'filter':
      index.applyFilter(request.filter, onProgress);
      return { total: index.total, byType: index.byType.slice() };
    case 'clusters':
      return index.getClusters(request.bbox, request.zoom, request.countBbox ?? request.bbox);
    case 'expansion':
      return index.expansionZoom(request.clusterId);
    case 'leaves':
      return index.leaves(request.clusterId, request.limit, request.offset);
    case 'aggregate':
      return index.aggregate(request.scope);
    case 'update':
      return update(index, request, onProgress);
  }
}

/**
 * Clusters `size` synthetic points, so the worker's hot loops are compiled by the time real data arrives (the
 * worker calls it in small steps while idle).
 */
export function warmUp(size: number, seed = 1): void {
  const lon = new Float64Array(size);
  const lat = new Float64Array(size);
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < size; i++) {
    lon[i] = 116.6 + random() * 0.4;
    lat[i] = 23.6 + random() * 0.4;
  }
  const index = new ClusterIndex({ lon, lat, type: new Uint8Array(size), org: new Uint32Array(size), orgPaths: ['/4451/'] }, 1);
  index.applyFilter({ types: [0] });
  index.aggregate('4451');
  index.getClusters([116.5, 23.5, 117.1, 24.1], 11, [116.6, 23.6, 117, 24]);
}
