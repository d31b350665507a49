import type { EventType, QjEvent } from '@qiangji/contract';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QjClient } from '../context/client.js';

export interface EventsOptions {
  /** The client to listen to, read before every host update; undefined means no subscription. */
  client: () => QjClient | undefined;
  /** Event types to receive; undefined or empty means no subscription. */
  types: () => readonly EventType[] | undefined;
  onEvent: (event: QjEvent) => void;
}

/**
 * Keeps one subscription to `client.events` while the host is connected and has a client: re-subscribes when the
 * client or the types change, unsubscribes on disconnect.
 */
export class EventsController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private subscribedClient: QjClient | undefined;
  private subscribedTypes = '';
  private opened = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: EventsOptions,
  ) {
    host.addController(this);
  }

  /** Whether a subscription exists (it may still be connecting). */
  get active(): boolean {
    return this.unsubscribe !== undefined;
  }

  /** Whether the event stream is connected (the client reported it open, and no error since). */
  get connected(): boolean {
    return this.active && this.opened;
  }

  hostConnected(): void {
    // Lit does not update on reconnect by itself; an update re-subscribes.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const client = this.options.client();
    const types = this.options.types() ?? [];
    const typesKey = types.join(',');
    if (client === this.subscribedClient && typesKey === this.subscribedTypes && (this.active || !client || !typesKey)) return;
    this.stop();
    if (!client || !typesKey) return;
    this.subscribedClient = client;
    this.subscribedTypes = typesKey;
    this.unsubscribe = client.events.subscribe({ types: [...types] }, (event) => this.options.onEvent(event), {
      onOpen: () => this.setOpened(true),
      onError: () => this.setOpened(false),
    });
  }

  hostDisconnected(): void {
    this.stop();
  }

  private setOpened(opened: boolean): void {
    if (this.opened === opened) return;
    this.opened = opened;
    this.host.requestUpdate();
  }

  private stop(): void {
    this.opened = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedClient = undefined;
    this.subscribedTypes = '';
  }
}
