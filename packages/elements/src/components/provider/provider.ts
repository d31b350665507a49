import type { Locale } from '@qiangji/contract';
import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { QjElement } from '../../base/qj-element.js';
import type { QjClient } from '../../context/client.js';
import { ContextProvider } from '../../context/context-provider.js';
import { clientContext, settingsContext, type Settings } from '../../context/contexts.js';
import { ContextConsumer } from '../../context/protocol.js';
import { makeClient } from '../../context/shared-clients.js';
import { normalizeLocale } from '../../i18n/index.js';
import { providerStyles } from './provider.styles.js';

/**
 * Gives the widgets inside it one SDK client and shared settings (locale, theme, elder mode).
 *
 * @summary One API connection and one look for every QiangJi widget inside it.
 * @status stable
 * @since 0.1.0
 *
 * @slot - Any content; QiangJi widgets anywhere below use this provider's client and settings.
 *
 * @cssprop [--qj-sys-color-surface] - Surface colour of the widgets (and any other `--qj-sys-*` token; see README).
 *
 * @attr api-base - Base URL of the Plan API (the client is recreated when it changes).
 * @attr embed-key - Embed key issued to this site (the client is recreated when it changes).
 * @attr token - Bearer token of a signed-in user; changing it keeps the client and calls `client.setToken()`.
 * @attr locale - `zh-CN` (default), `zh-HK` (zh-TW / zh-Hant map here) or `en`.
 * @attr theme - `light` (default), `dark` or `auto` (follows the operating system).
 * @attr elder - 适老化 elder mode for every widget inside.
 */
export class QjProvider extends QjElement {
  static override styles = [...QjElement.styles, providerStyles];

  /** Base URL of the Plan API. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** Embed key issued to this site. */
  @property({ attribute: 'embed-key' }) embedKey?: string;
  /** Bearer token of a signed-in user. */
  @property() token?: string;
  /** Locale for every widget inside (a widget's own `lang` wins). */
  @property({ reflect: true }) locale?: string;

  /**
   * The client given to descendants, instead of one built from `api-base`. With neither, an enclosing provider's
   * client is handed down (a nested provider that only sets locale, theme or elder mode).
   */
  @property({ attribute: false }) client?: QjClient;

  private ownClient: QjClient | undefined;
  private ownClientKey = '';
  private readonly clientProvider = new ContextProvider<QjClient | undefined>(this, clientContext, undefined);
  private readonly settingsProvider = new ContextProvider(this, settingsContext, {});
  /** An enclosing provider's client (this host's own requests pass its providers by). */
  private readonly outerClient = new ContextConsumer(this, clientContext);

  /** The client this provider gives its descendants. */
  get providedClient(): QjClient | undefined {
    return this.client ?? this.ownClient ?? this.outerClient.value;
  }

  /** Settings given to descendants: this provider's attributes, else an enclosing provider's. */
  get providedSettings(): Settings {
    const outer = this.inheritedSettings;
    const locale: Locale | undefined = normalizeLocale(this.lang) ?? normalizeLocale(this.locale) ?? outer.locale;
    const theme = this.theme ?? outer.theme;
    const elder = this.elder || outer.elder === true;
    return { ...(locale ? { locale } : {}), ...(theme ? { theme } : {}), ...(elder ? { elder } : {}) };
  }

  override get effectiveLocale(): Locale {
    return this.providedSettings.locale ?? super.effectiveLocale;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.updateOwnClient(changed);
    if (this.clientProvider.value !== this.providedClient) this.clientProvider.setValue(this.providedClient);
    const settings = this.providedSettings;
    const current = this.settingsProvider.value;
    if (current.locale !== settings.locale || current.theme !== settings.theme || current.elder !== settings.elder) {
      this.settingsProvider.setValue(settings);
    }
  }

  /** One client per (api-base, embed-key); a new token is handed to the existing client. */
  private updateOwnClient(changed: PropertyValues<this>): void {
    const key = this.apiBase ? `${this.apiBase}\n${this.embedKey ?? ''}` : '';
    if (key !== this.ownClientKey) {
      this.ownClientKey = key;
      this.ownClient = this.apiBase
        ? makeClient({ apiBase: this.apiBase, embedKey: this.embedKey || undefined, token: this.token || undefined, locale: this.effectiveLocale })
        : undefined;
    } else if (changed.has('token')) {
      this.ownClient?.setToken?.(this.token || null);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
