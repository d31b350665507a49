/**
 * The element's side of the cluster worker: promise-based requests, progress callbacks, and a same-page fallback
 * (the identical handler, run in this thread) for pages where the worker cannot start — a CSP without
 * `worker-src`/`script-src 'self'`, or a bundler that dropped the worker file.
 */
import type { ClusterOp, ClusterRequest, ClusterResults, RequestOf, WorkerOutbound } from './cluster-protocol.js';
import type { ClusterState } from './cluster-handler.js';

type Progress = (done: number, total: number) => void;
interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: Progress | undefined;
}

interface ScriptUrlPolicy {
  createScriptURL(input: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy;
}
let workerUrlPolicy: ScriptUrlPolicy | null | undefined;
/**
 * On pages enforcing `require-trusted-types-for 'script'` a Worker URL must be a TrustedScriptURL. The policy only
 * passes URLs beside this module (our own chunks), so it cannot be used to start arbitrary scripts.
 */
function trustedWorkerUrl(url: URL | string): URL | string {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return url;
  if (workerUrlPolicy === undefined) {
    const base = new URL('./', import.meta.url).href;
    try {
      workerUrlPolicy = factory.createPolicy('qiangji-worker', {
        createScriptURL: (input) => {
          if (!input.startsWith(base)) throw new TypeError(`qiangji-worker: refusing ${input}`);
          return input;
        },
      });
    } catch {
      workerUrlPolicy = null; // the page's trusted-types directive does not allow our policy name
    }
  }
  return workerUrlPolicy ? (workerUrlPolicy.createScriptURL(String(url)) as string) : url;
}

class TrustedUrlWorker extends globalThis.Worker {
  constructor(url: URL | string, options?: WorkerOptions) {
    super(trustedWorkerUrl(url), options);
  }
}

/** Creates the worker from its module file: bundlers (Vite) emit it as its own chunk; no blob: URL is involved. */
function startWorker(): Worker {
  // Shadowing keeps the literal `new Worker(new URL(…, import.meta.url))` that Vite rewrites to the worker chunk,
  // while the URL passes through the Trusted Types policy above.
  const Worker = TrustedUrlWorker;
  return new Worker(new URL('./cluster.worker.ts', import.meta.url), { type: 'module', name: 'qj-member-service-map-cluster' });
}

export class ClusterClient {
  /** True when the requests run in a worker (false: the in-page fallback). */
  inWorker = true;
  private worker: Worker | null = null;
  /** Resolves once the worker runs (or the in-page fallback took over). */
  readonly ready: Promise<void>;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private fallback: ClusterState | null = null;
  private terminated = false;

  constructor(createWorker: () => Worker = startWorker) {
    this.ready = new Promise<void>((resolve) => {
      try {
        const worker = createWorker();
        this.worker = worker;
        let started = false;
        worker.addEventListener('message', (event: MessageEvent<WorkerOutbound | { ready: true }>) => {
          if ('ready' in event.data) {
            started = true;
            resolve();
            return;
          }
          this.receive(event.data);
        });
        worker.addEventListener('error', (event) => {
          if (started) return;
          event.preventDefault();
          this.useFallback();
          resolve();
        });
      } catch {
        this.useFallback();
        resolve();
      }
    });
  }

  request<O extends ClusterOp>(op: O, payload: RequestOf<O>, options: { onProgress?: Progress; transfer?: Transferable[] } = {}): Promise<ClusterResults[O]> {
    return this.ready.then(
      () =>
        new Promise<ClusterResults[O]>((resolve, reject) => {
          if (this.terminated) return; // never settles: the element that asked is gone
          const request = { op, ...payload } as unknown as ClusterRequest;
          if (!this.worker) {
            void this.runInPage(request, options.onProgress).then(resolve as (value: unknown) => void, reject);
            return;
          }
          const id = this.nextId++;
          this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress: options.onProgress });
          this.worker.postMessage({ id, ...request }, options.transfer ?? []);
        }),
    );
  }

  /** Stops the worker. Pending requests never settle (their callers are gone with the element's map). */
  terminate(): void {
    this.terminated = true;
    this.worker?.terminate();
    this.worker = null;
    this.pending.clear();
  }

  private receive(message: WorkerOutbound): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if ('progress' in message) {
      pending.onProgress?.(message.progress.done, message.progress.total);
      return;
    }
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new Error(message.error));
  }

  private useFallback(): void {
    this.worker?.terminate();
    this.worker = null;
    this.inWorker = false;
    this.fallback = { index: null };
  }

  private async runInPage(request: ClusterRequest, onProgress?: Progress): Promise<unknown> {
    const { handleClusterRequest } = await import('./cluster-handler.js');
    return handleClusterRequest(this.fallback!, request, (done, total) => onProgress?.(done, total));
  }
}
