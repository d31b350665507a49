/**
 * Web Worker of `<qj-member-service-map>`: owns the point columns and the supercluster index, so loading 1M points,
 * filtering and re-clustering never block the page. Loaded as a module file
 * (`new Worker(new URL('./cluster.worker.js', import.meta.url), { type: 'module' })`): no `blob:` URL, CSP-safe.
 */
import { ClusterIndex } from './cluster-index.js';
import { transferablesOf, type ClusterRequest, type WorkerInbound, type WorkerOutbound } from './cluster-protocol.js';
import { handleClusterRequest, warmUp } from './cluster-handler.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerInbound>) => void) | null;
  postMessage(message: WorkerOutbound | { ready: true }, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const state: { index: ClusterIndex | null } = { index: null };

scope.onmessage = (event) => {
  const { id, ...request } = event.data;
  try {
    const result = handleClusterRequest(state, request as ClusterRequest, (done, total) =>
      scope.postMessage({ id, progress: { done, total } }),
    );
    scope.postMessage({ id, ok: true, result }, transferablesOf(result));
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};

// Tells the element the module loaded (a failed load fires `error` on the Worker instead), then warms the JIT up
// while the element is still preparing its points (messages queue behind it).
scope.postMessage({ ready: true });
warmUp();
