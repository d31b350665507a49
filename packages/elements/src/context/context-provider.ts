/**
 * The provider half of the Context Community Protocol, compatible with @lit/context (see protocol.ts): answers
 * `context-request` events for its context from below its host and stops them, keeps subscribers and calls them
 * with each new value, and on connecting dispatches `context-provider`, on which a provider above makes its
 * subscribers ask again, so consumers below a provider that connected after them move to it.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { contextEvent, requestWaiting, type Context, type ContextCallback, type ContextEvent } from './protocol.js';

/** Provides `value` for `context` to consumers below its host. */
export class ContextProvider<V> implements ReactiveController {
  /** Subscribed callbacks: each one's consumer host and the function that ends it (the same one every call). */
  private readonly subscribers = new Map<ContextCallback<V>, [host: Element, unsubscribe: () => void]>();

  constructor(
    private readonly host: ReactiveElement,
    private readonly context: Context<unknown, V>,
    public value: V,
  ) {
    host.addEventListener('context-request', this.onRequest as EventListener);
    host.addEventListener('context-provider', this.onProvider as EventListener);
    host.addController(this);
  }

  /** Sets the value and calls every subscriber when it changed. */
  setValue(value: V): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    this.subscribers.forEach(([, unsubscribe], callback) => callback(value, unsubscribe));
  }

  hostConnected(): void {
    this.host.dispatchEvent(contextEvent('context-provider', this.context, this.host));
    requestWaiting();
  }

  /** Whether an event is about our context and comes from below our host (not from the host itself). */
  private ours(event: ContextEvent<V>): boolean {
    return event.context === this.context && (event.contextTarget ?? event.composedPath()[0]) !== this.host;
  }

  private readonly onRequest = (event: ContextEvent<V>): void => {
    const { callback } = event;
    if (!this.ours(event) || !callback) return;
    event.stopPropagation();
    if (!event.subscribe) return callback(this.value);
    if (!this.subscribers.has(callback)) {
      this.subscribers.set(callback, [event.contextTarget ?? (event.composedPath()[0] as Element), () => this.subscribers.delete(callback)]);
    }
    callback(this.value, this.subscribers.get(callback)![1]);
  };

  private readonly onProvider = (event: ContextEvent<V>): void => {
    if (!this.ours(event)) return;
    event.stopPropagation();
    // Each subscriber asks again from its own host: the provider that just connected answers those below it.
    this.subscribers.forEach(([host], callback) => host.dispatchEvent(contextEvent('context-request', this.context, host, callback, true)));
  };
}
