/**
 * What the widgets need from an SDK client. `createClient()` from @qiangji/sdk satisfies it; tests may pass a
 * double. Kept structural (not the SDK class) so two bundles' clients and test doubles all fit.
 */
import type { BranchRating, EventType, Measure, Page, QjEvent, RatingScheme, TaskDetail } from '@qiangji/contract';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface QjClient {
  /** The plan's measures (titles for task cards); optional for clients that cannot list them. */
  measures?: {
    list(options?: RequestOptions): Promise<{ items: Measure[] }>;
  };
  tasks: {
    get(id: string, options?: RequestOptions): Promise<TaskDetail>;
  };
  ratings: {
    list(query: { orgUnitId?: string; year?: number }, options?: RequestOptions): Promise<Page<BranchRating>>;
    history(orgUnitId: string, options?: RequestOptions): Promise<{ items: BranchRating[] }>;
    scheme(options?: RequestOptions): Promise<RatingScheme>;
  };
  events: {
    /** Calls `listener` for each matching event until the returned function is called. */
    subscribe(
      filter: { types?: EventType[]; orgUnitId?: string },
      listener: (event: QjEvent) => void,
      options?: { onOpen?: () => void; onError?: (error: unknown) => void },
    ): () => void;
  };
  /** Swaps the bearer token without recreating the client (and its event stream). */
  setToken?(token: string | null): void;
}

/** How an SDK error looks to us: QiangJiError's `.status` and `.code` (ForbiddenError is 403, NotFoundError 404). */
export interface ErrorLike {
  status?: number;
  code?: string;
  name?: string;
}

const forbiddenCodes = new Set(['forbidden', 'out_of_scope', 'embed_origin_denied', 'unauthenticated']);

/** A 403 (or a code meaning "not yours to see"): render the forbidden state rather than an error. */
export function isForbidden(error: unknown): boolean {
  const { status, code, name } = (error ?? {}) as ErrorLike;
  return status === 403 || status === 401 || name === 'ForbiddenError' || (typeof code === 'string' && forbiddenCodes.has(code));
}

/** A 404: the thing does not exist, which the widgets show as their empty state. */
export function isNotFound(error: unknown): boolean {
  const { status, code, name } = (error ?? {}) as ErrorLike;
  return status === 404 || name === 'NotFoundError' || code === 'not_found';
}

/**
 * What `load` answers for `client`, asked once per client (e.g. the plan's measures, the rating scheme) and shared by
 * every widget using it. A failed answer gives `fallback` and is forgotten, so the next caller asks again.
 */
export function oncePerClient<T, F>(cache: WeakMap<QjClient, Promise<T | F>>, client: QjClient, load: () => Promise<T>, fallback: F): Promise<T | F> {
  let answer = cache.get(client);
  if (!answer) {
    answer = load().catch(() => {
      cache.delete(client);
      return fallback;
    });
    cache.set(client, answer);
  }
  return answer;
}

export function isAbort(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'AbortError';
}
