/**
 * A test double of the SDK client interface the widgets use (not of our server): answers from in-memory data,
 * can fail a method with an HTTP-like status, hold answers back (loading), and lets the test push live events.
 * Every request honours its AbortSignal, like the real client.
 */
import type { BranchRating, EventType, Measure, QjEvent, RatingScheme, TaskDetail } from '@qiangji/contract';
import type { QjClient, RequestOptions } from '../context/client.js';
import { sampleDetail, sampleHistory, sampleMeasure, sampleScheme } from './sample-data.js';

export type FakeMethod = 'tasks.get' | 'ratings.list' | 'ratings.history' | 'ratings.scheme' | 'measures.list';

/** Shaped like the SDK's QiangJiError (status + code). */
export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`);
    this.name = status === 403 ? 'ForbiddenError' : status === 404 ? 'NotFoundError' : 'QiangJiError';
  }
}

const codes: Record<number, string> = { 403: 'forbidden', 404: 'not_found', 500: 'internal', 503: 'service_unavailable' };

export class FakeClient implements QjClient {
  tasksById = new Map<string, TaskDetail>([['task-1-1', sampleDetail()]]);
  ratingList: BranchRating[] = [...sampleHistory];
  scheme: RatingScheme = sampleScheme;
  measureList: Measure[] = [sampleMeasure];
  /** Methods that fail with this status until changed. */
  failures: Partial<Record<FakeMethod, number>> = {};
  /** When true, answers wait until `release()`. */
  hold = false;
  /** Every call, e.g. `tasks.get task-1-1`. */
  calls: string[] = [];
  /** Requests aborted by their signal. */
  aborted = 0;
  tokens: Array<string | null> = [];

  private waiting: Array<() => void> = [];
  private listeners = new Set<{ types: readonly EventType[]; listener: (event: QjEvent) => void }>();

  readonly measures = { list: (options?: RequestOptions) => this.answer('measures.list', '', options, () => ({ items: this.measureList })) };

  readonly tasks = {
    get: (id: string, options?: RequestOptions) =>
      this.answer('tasks.get', id, options, () => {
        const detail = this.tasksById.get(id);
        if (!detail) throw new FakeApiError(404, 'not_found');
        return structuredClone(detail);
      }),
  };

  readonly ratings = {
    list: (query: { orgUnitId?: string; year?: number }, options?: RequestOptions) =>
      this.answer('ratings.list', `${query.orgUnitId ?? ''} ${query.year ?? ''}`.trim(), options, () => ({
        items: this.ratingList.filter((rating) => (!query.orgUnitId || rating.orgUnitId === query.orgUnitId) && (query.year === undefined || rating.year === query.year)),
        nextCursor: null,
      })),
    history: (orgUnitId: string, options?: RequestOptions) =>
      this.answer('ratings.history', orgUnitId, options, () => ({ items: this.ratingList.filter((rating) => rating.orgUnitId === orgUnitId) })),
    scheme: (options?: RequestOptions) => this.answer('ratings.scheme', '', options, () => this.scheme),
  };

  readonly events = {
    subscribe: (filter: { types?: readonly EventType[] }, listener: (event: QjEvent) => void, options?: { onOpen?: () => void }) => {
      const entry = { types: filter.types ?? [], listener };
      this.listeners.add(entry);
      queueMicrotask(() => options?.onOpen?.());
      return () => {
        this.listeners.delete(entry);
      };
    },
  };

  setToken(token: string | null): void {
    this.tokens.push(token);
  }

  /** Number of open event subscriptions. */
  get subscriptions(): number {
    return this.listeners.size;
  }

  /** Delivers a live event to matching subscribers, as the SDK's event stream would. */
  push(event: QjEvent): void {
    for (const { types, listener } of this.listeners) if (types.length === 0 || types.includes(event.type)) listener(event);
  }

  /** Lets held answers through. */
  release(): void {
    this.hold = false;
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((resume) => resume());
  }

  private async answer<T>(method: FakeMethod, argument: string, options: RequestOptions | undefined, produce: () => T): Promise<T> {
    this.calls.push(argument ? `${method} ${argument}` : method);
    const signal = options?.signal;
    await new Promise<void>((resolve, reject) => {
      const abort = () => {
        this.aborted += 1;
        reject(new DOMException('aborted', 'AbortError'));
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      const go = () => {
        signal?.removeEventListener('abort', abort);
        resolve();
      };
      if (this.hold) this.waiting.push(go);
      else queueMicrotask(go);
    });
    const status = this.failures[method];
    if (status) throw new FakeApiError(status, codes[status] ?? 'internal');
    return produce();
  }
}
