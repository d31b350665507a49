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

/** Progress reports at most this often: each one re-renders the element, and a 100k index is built in less. */
const PROGRESS_INTERVAL_MS = 100;
/** The idle work queued (warm-up or trees): a request cancels it. */
let idleWork: ReturnType<typeof setTimeout> | undefined;

scope.onmessage = (event) => {
  clearTimeout(idleWork);
  const { id, ...request } = event.data;
  let reported = performance.now();
  try {
    const result = handleClusterRequest(state, request as ClusterRequest, (done, total) => {
      const now = performance.now();
      if (now - reported < PROGRESS_INTERVAL_MS) return;
      reported = now;
      scope.postMessage({ id, progress: { done, total } });
    });
    scope.postMessage({ id, ok: true, result }, transferablesOf(result));
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
  buildTreesWhileIdle();
};

/**
 * The KD-trees an answer did not need (deeper zooms, cluster children) are built after it is on its way, one per
 * task, so that a request arriving meanwhile waits for one tree at most.
 */
function buildTreesWhileIdle(): void {
  idleWork = setTimeout(() => {
    if (state.index?.buildNextTree()) buildTreesWhileIdle();
  }, 0);
}

/**
 * JIT warm-up until the first request: in small steps, so that a request waits for one step at most (points given
 * to the element arrive within milliseconds; points from the SDK after a fetch, by when the warm-up is done).
 */
function warmUpWhileIdle(step = 1): void {
  idleWork = setTimeout(() => {
    warmUp(400, step);
    if (step < 8) warmUpWhileIdle(step + 1);
  }, 0);
}

// Tells the element the module loaded (a failed load fires `error` on the Worker instead).
scope.postMessage({ ready: true });
warmUpWhileIdle();
