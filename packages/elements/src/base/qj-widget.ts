import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { QjClient } from '../context/client.js';
import { clientContext } from '../context/contexts.js';
import { ContextConsumer } from '../context/protocol.js';
import { sharedClient } from '../context/shared-clients.js';
import type { ResourceState } from '../controllers/resource-controller.js';
import type { CatalogKey } from '../i18n/index.js';
import { QjElement } from './qj-element.js';

/**
 * Base of the data widgets (card, badge, and the map and forms to come): where the SDK client comes from, and the
 * shared loading / empty / error / forbidden states.
 *
 * Client, first found: the `client` property (tests, apps that own a client) → the widget's own `api-base`
 * (+ `embed-key`), shared with every widget using the same pair → the nearest `<qj-provider>`.
 */
export class QjWidget extends QjElement {

  /** Base URL of the Plan API, for a widget used outside `<qj-provider>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** Embed key issued to the host site, sent with every request. */
  @property({ attribute: 'embed-key' }) embedKey?: string;
  /** An SDK client to use instead of the provider's or the shared one (apps and tests). */
  @property({ attribute: false }) client?: QjClient;

  protected readonly clientConsumer = new ContextConsumer(this, clientContext);

  /** The client this widget loads through, or undefined when it has no data source. */
  get effectiveClient(): QjClient | undefined {
    if (this.client) return this.client;
    if (this.apiBase) return sharedClient(this.apiBase, this.embedKey || undefined);
    return this.clientConsumer.value;
  }

  /** Emits `qj-load` for a settled load: the state it ended in, and the error's HTTP status and code when it failed. */
  protected emitLoad(state: ResourceState, error?: unknown): void {
    const { status, code } = (error ?? {}) as { status?: number; code?: string };
    this.emit('qj-load', { state, ...(status !== undefined ? { status } : {}), ...(code ? { code } : {}) });
  }

  /** Skeleton, empty, error (with Retry) and forbidden renderings; undefined when the data is ready. */
  protected renderResourceState(
    resource: { readonly state: ResourceState; retry(): void },
    options: { empty: CatalogKey; idle?: CatalogKey; skeletonLines?: number },
  ): TemplateResult | undefined {
    switch (resource.state) {
      case 'ready':
        return undefined;
      case 'loading':
        return html`<div part="skeleton" class="state" aria-busy="true">
          <span class="visually-hidden" role="status">${this.t('state.loading')}</span>
          ${Array.from({ length: options.skeletonLines ?? 3 }, (_, index) => html`<span class="skeleton line-${index}" aria-hidden="true"></span>`)}
        </div>`;
      case 'empty':
        return html`<div part="empty" class="state"><p>${this.t(options.empty)}</p></div>`;
      case 'forbidden':
        return html`<div part="forbidden" class="state" role="status">
          <p><strong>${this.t('state.forbidden')}</strong></p>
          <p class="hint">${this.t('state.forbiddenHint')}</p>
        </div>`;
      case 'error':
        return html`<div part="error" class="state" role="alert">
          <p>${this.t('state.error')}</p>
          <button part="retry-button" class="button" type="button" @click=${() => resource.retry()}>${this.t('action.retry')}</button>
        </div>`;
      case 'idle':
        return html`<div part="empty" class="state"><p>${this.t(options.idle ?? options.empty)}</p></div>`;
      default:
        return html`${nothing}`;
    }
  }
}
