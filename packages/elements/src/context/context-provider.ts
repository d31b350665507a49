/**
 * The provider half of the Context Community Protocol, compatible with @lit/context (see protocol.ts): answers
 * `context-request` events for its context from below its host and stops them, keeps subscribers and calls them
 * with each new value, and on connecting dispatches `context-provider`, on which a provider above makes its
 * subscribers ask again, so consumers below a provider that connected after them move to it.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { ContextRequestEvent, requestWaiting, type Context, type ContextCallback } from './protocol.js';

/** Announces a provider that just connected (bubbles, crosses shadow roots). */
export class ContextProviderEvent extends Event {
  constructor(
    readonly context: unknown,
    readonly contextTarget: Element,
  ) {
    super('context-provider', { bubbles: true, composed: true });
  }
}

/** What a `context-request` or `context-provider` event carries (from our classes or another library's). */
type ContextEvent = Event & Partial<ContextRequestEvent<unknown>>;

/** Provides `value` for `context` to consumers below its host. */
export class ContextProvider<V> implements ReactiveController {
  /** Subscribed callbacks: each one's consumer host and the function that ends it (the same one every call). */
  private readonly subscribers = new Map<ContextCallback<V>, { host: Element; unsubscribe: () => void }>();

  constructor(
    private readonly host: ReactiveElement,
    private readonly context: Context<unknown, V>,
    public value: V,
  ) {
    host.addEventListener('context-request', this.onRequest);
    host.addEventListener('context-provider', this.onProvider);
    host.addController(this);
  }

  /** Sets the value and calls every subscriber when it changed. */
  setValue(value: V): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    this.subscribers.forEach(({ unsubscribe }, callback) => callback(value, unsubscribe));
  }

  hostConnected(): void {
    this.host.dispatchEvent(new ContextProviderEvent(this.context, this.host));
    requestWaiting();
  }

  /** The element an event speaks for, when it is about our context and does not come from our own host. */
  private target(event: ContextEvent): Element | undefined {
    const target = event.contextTarget ?? (event.composedPath()[0] as Element);
    return event.context === this.context && target !== this.host ? target : undefined;
  }

  private readonly onRequest = (event: ContextEvent): void => {
    const host = this.target(event);
    const callback = event.callback as ContextCallback<V> | undefined;
    if (!host || !callback) return;
    event.stopPropagation();
    if (!event.subscribe) return callback(this.value);
    let subscriber = this.subscribers.get(callback);
    if (!subscriber) this.subscribers.set(callback, (subscriber = { host, unsubscribe: () => this.subscribers.delete(callback) }));
    callback(this.value, subscriber.unsubscribe);
  };

  private readonly onProvider = (event: ContextEvent): void => {
    if (!this.target(event)) return;
    event.stopPropagation();
    // Each subscriber asks again from its own host: the provider that just connected answers those below it.
    this.subscribers.forEach(({ host }, callback) => host.dispatchEvent(new ContextRequestEvent(this.context, host, callback, true)));
  };
}
