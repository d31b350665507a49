import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort, isForbidden, isNotFound } from '../context/client.js';

/** What a data widget is showing. */
export type ResourceState = 'idle' | 'loading' | 'ready' | 'empty' | 'error' | 'forbidden';

export interface ResourceOptions<T, A extends readonly unknown[]> {
  /** The inputs of the load, read before every host update; `undefined` means nothing to load (idle). */
  args: () => A | undefined;
  /** Loads the value; must honour `signal`. */
  load: (args: A, signal: AbortSignal) => Promise<T>;
  /** A loaded value that means "nothing here" (e.g. an empty page). */
  isEmpty?: (value: T) => boolean;
  /** Called once a load settles (not when it is superseded or aborted). */
  onSettled?: (state: ResourceState, error?: unknown) => void;
}

const sameArgs = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean =>
  !!a && !!b && a.length === b.length && a.every((value, index) => Object.is(value, b[index]));

/**
 * Loads data for a widget: re-fetches when its inputs change, aborts the previous request, classifies failures
 * (403 → forbidden, 404 → empty, else error), offers `retry()` and quiet `reload()` for live updates, and aborts
 * on disconnect (loading again on reconnect). Reused by every connected widget.
 */
export class ResourceController<T, A extends readonly unknown[] = readonly unknown[]> implements ReactiveController {
  state: ResourceState = 'idle';
  value: T | undefined = undefined;
  error: unknown = undefined;

  private lastArgs: A | undefined;
  private inflight: AbortController | undefined;
  private stale = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ResourceOptions<T, A>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.stale) this.host.requestUpdate();
  }

  hostUpdate(): void {
    const args = this.options.args();
    if (!args) {
      this.inflight?.abort();
      this.inflight = undefined;
      this.lastArgs = undefined;
      this.state = 'idle';
      this.value = undefined;
      this.error = undefined;
      return;
    }
    if (this.stale || !sameArgs(args, this.lastArgs)) void this.run(args, false);
  }

  hostDisconnected(): void {
    if (this.inflight) {
      this.inflight.abort();
      this.inflight = undefined;
      this.stale = true;
    }
  }

  /** Loads again from scratch (the error state's Retry button). */
  retry(): void {
    this.stale = true;
    this.host.requestUpdate();
  }

  /** Refreshes in the background, keeping the current value on screen (live updates). */
  reload(): Promise<void> {
    const args = this.lastArgs;
    return args ? this.run(args, this.state === 'ready') : Promise.resolve();
  }

  /** Changes the current value in place (e.g. an event's new percent) until the next load replaces it. */
  patch(update: (value: T) => T): void {
    if (this.value === undefined) return;
    this.value = update(this.value);
    this.host.requestUpdate();
  }

  private async run(args: A, quiet: boolean): Promise<void> {
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    this.lastArgs = args;
    this.stale = false;
    if (!quiet) {
      this.state = 'loading';
      this.value = undefined;
      this.error = undefined;
    }
    let failure: unknown;
    try {
      const value = await this.options.load(args, controller.signal);
      if (controller.signal.aborted) return;
      this.value = value;
      this.error = undefined;
      this.state = this.options.isEmpty?.(value) ? 'empty' : 'ready';
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      failure = error;
      // A failed background refresh keeps what is on screen; a failed load shows why.
      if (!quiet) {
        this.error = error;
        this.state = isForbidden(error) ? 'forbidden' : isNotFound(error) ? 'empty' : 'error';
      }
    } finally {
      if (this.inflight === controller) this.inflight = undefined;
    }
    this.host.requestUpdate();
    this.options.onSettled?.(this.state, failure);
  }
}
