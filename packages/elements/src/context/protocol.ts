/**
 * The consumer half of the Context Community Protocol (github.com/webcomponents-cg/community-protocols,
 * `context.md`), as @lit/context speaks it, in the few lines our widgets need: the `context-request` event (`context`,
 * `contextTarget`, `callback`, `subscribe`) and a controller that subscribes its host. Same event names and shapes as
 * @lit/context, so its providers and consumers interoperate with ours (provider half: context-provider.ts).
 */
import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * A context key carrying the type of its value (the shape of @lit/context's `Context`, so the two mix). A
 * `Symbol.for(…)` key matches across bundles and libraries.
 */
export type Context<KeyType, ValueType> = KeyType & { __context__: ValueType };
/** The value type of a context key. */
export type ContextType<C> = C extends Context<unknown, infer V> ? V : never;
/** What a provider calls with the value; with a subscription, also with a function that ends it. */
export type ContextCallback<V> = (value: V, unsubscribe?: () => void) => void;

/** What `context-request` (and, without callback and subscribe, `context-provider`) events carry. */
export interface ContextEvent<V = unknown> extends Event {
  readonly context: unknown;
  readonly contextTarget: Element;
  readonly callback: ContextCallback<V>;
  readonly subscribe?: boolean;
}

/** A protocol event of `type` about `context` for `contextTarget`; it bubbles and crosses shadow roots. */
export const contextEvent = <V>(type: string, context: unknown, contextTarget: Element, callback?: ContextCallback<V>, subscribe?: boolean): ContextEvent<V> =>
  Object.assign(new Event(type, { bubbles: true, composed: true }), { context, contextTarget, callback, subscribe }) as ContextEvent<V>;

/** Consumers no provider has answered yet: a provider that connects later asks for them again. */
const waiting = new Set<ReactiveController>();

/** Consumers still waiting for a provider request again (a provider just connected; see ContextProvider). */
export const requestWaiting = (): void => waiting.forEach((consumer) => consumer.hostConnected?.());

/**
 * Subscribes its host to the nearest provider of `context` while connected; each new value sets `value` and
 * requests an update. A closer provider connecting later takes over (the old subscription ends).
 */
export class ContextConsumer<V> implements ReactiveController {
  /** The latest value provided; undefined until a provider answers. */
  value: V | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly context: Context<unknown, V>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    waiting.add(this);
    this.host.dispatchEvent(contextEvent('context-request', this.context, this.host, this.receive, true));
  }

  hostDisconnected(): void {
    waiting.delete(this);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private readonly receive: ContextCallback<V> = (value, unsubscribe) => {
    waiting.delete(this);
    // Another provider answers (a closer one connected): leave the one that answered before.
    if (this.unsubscribe !== unsubscribe) this.unsubscribe?.();
    this.unsubscribe = unsubscribe;
    this.value = value;
    this.host.requestUpdate();
  };
}
