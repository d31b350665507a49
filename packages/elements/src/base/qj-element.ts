import type { Locale } from '@qiangji/contract';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { settingsContext, type Settings, type Theme } from '../context/contexts.js';
import { ContextConsumer } from '../context/protocol.js';
import { defaultLocale, messages, normalizeLocale, t, type CatalogKey, type Loadable, type MessageParams } from '../i18n/index.js';
import { sharedStyles } from '../styles/shared.js';
import { tokens } from '../styles/tokens.js';
import type { QjEventMap } from './events.js';

/**
 * Every connected QiangJi element, re-rendered when `<html lang>` or the colour-scheme preference changes
 * (one observer and one media query listener for all of them).
 */
const watchers = new Set<QjElement>();
let htmlLangObserver: MutationObserver | undefined;
let darkScheme: MediaQueryList | undefined;
const refreshAll = () => watchers.forEach((watcher) => watcher.requestUpdate());

function watch(element: QjElement): void {
  watchers.add(element);
  if (!htmlLangObserver) {
    htmlLangObserver = new MutationObserver(refreshAll);
    htmlLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    darkScheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    darkScheme?.addEventListener?.('change', refreshAll);
  }
}

function unwatch(element: QjElement): void {
  watchers.delete(element);
  if (watchers.size === 0 && htmlLangObserver) {
    htmlLangObserver.disconnect();
    htmlLangObserver = undefined;
    darkScheme?.removeEventListener?.('change', refreshAll);
    darkScheme = undefined;
  }
}

/** Whether the operating system asks for a dark colour scheme (what `theme="auto"` follows). */
function prefersDark(): boolean {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
}

/** The closest ancestor (crossing shadow roots) carrying `attribute`, not counting `from` itself. */
function closestAncestorWith(from: Element, attribute: string): Element | null {
  let node: Node | null = from;
  while (node) {
    const parent: Node | null = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
    if (parent instanceof Element && parent.hasAttribute(attribute) && parent.getAttribute(attribute)) return parent;
    node = parent;
  }
  return null;
}

const themes: readonly Theme[] = ['light', 'dark', 'auto'];

/**
 * Base of every QiangJi element: reactive `lang` / `dir`, the effective locale (element `lang` → provider locale →
 * closest `[lang]` ancestor / `<html lang>`), theme and elder mode (element attribute → provider; `auto` follows
 * `prefers-color-scheme`) mirrored to `data-qj-theme` (light | dark) / `data-qj-elder` for the token styles,
 * a typed `emit()` for `qj-*` events, and `t()` bound to the effective locale.
 */
export class QjElement extends LitElement {
  static override styles = [tokens, sharedStyles];

  /** Language of this element's text; overrides the provider and the page. zh-TW / zh-Hant map to zh-HK. */
  @property({ reflect: true }) override lang!: string;
  /** Text direction (all shipped locales are left-to-right). */
  @property({ reflect: true }) override dir!: string;
  /** Colour theme: `light` (default), `dark`, or `auto` (follows `prefers-color-scheme`). Overrides the provider. */
  @property({ reflect: true }) theme?: Theme;
  /** 适老化 elder mode: text ≥ 18px, targets ≥ 60×60px, line height 1.6, stronger contrast. Also set by the provider. */
  @property({ type: Boolean, reflect: true }) elder = false;

  /** The settings of the nearest `<qj-provider>`, if any. */
  protected readonly settingsConsumer = new ContextConsumer(this, settingsContext);

  /** Settings inherited from an enclosing provider (empty outside one). */
  protected get inheritedSettings(): Settings {
    return this.settingsConsumer.value ?? {};
  }

  /** The locale this element renders in. */
  get effectiveLocale(): Locale {
    return (
      normalizeLocale(this.lang) ??
      this.inheritedSettings.locale ??
      normalizeLocale(closestAncestorWith(this, 'lang')?.getAttribute('lang')) ??
      defaultLocale
    );
  }

  /** The theme this element renders in. */
  get effectiveTheme(): Theme {
    const own = this.theme && themes.includes(this.theme) ? this.theme : undefined;
    return own ?? this.inheritedSettings.theme ?? 'light';
  }

  /** Whether elder mode applies (own attribute or the provider's). */
  get effectiveElder(): boolean {
    return this.elder || this.inheritedSettings.elder === true;
  }

  /** Text direction for the rendered content. */
  get effectiveDir(): 'ltr' | 'rtl' {
    const dir = this.dir || closestAncestorWith(this, 'dir')?.getAttribute('dir');
    return dir === 'rtl' ? 'rtl' : 'ltr';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watch(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatch(this);
  }

  /** The message sets this element renders with: the shared one, plus a component's own (the map adds its own). */
  protected static catalogs: readonly Loadable[] = [messages];

  /** Renders only once the effective locale's catalogs are loaded (so no zh-CN flash, and `updateComplete` waits). */
  protected override async scheduleUpdate(): Promise<void> {
    const locale = this.effectiveLocale;
    const missing = (this.constructor as typeof QjElement).catalogs.filter((catalog) => !catalog.has(locale));
    if (missing.length > 0) await Promise.all(missing.map((catalog) => catalog.load(locale)));
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    // Token styles key off these: they hold the resolved values (auto → light or dark), so a provider's theme
    // reaches its widgets and the dark palette is written once.
    const theme = this.effectiveTheme;
    this.setAttribute('data-qj-theme', theme === 'auto' ? (prefersDark() ? 'dark' : 'light') : theme);
    this.toggleAttribute('data-qj-elder', this.effectiveElder);
  }

  /** A message in this element's locale. */
  protected t<K extends CatalogKey>(key: K, ...params: [MessageParams<K>] | []): string {
    return (t as (locale: Locale, key: K, ...rest: unknown[]) => string)(this.effectiveLocale, key, ...params);
  }

  /**
   * Dispatches a typed `qj-*` event that bubbles and crosses shadow roots. Returns the event, so the caller can
   * check `defaultPrevented` when it passed `cancelable`.
   */
  emit<K extends keyof QjEventMap>(name: K, detail: QjEventMap[K], options: { cancelable?: boolean } = {}): CustomEvent<QjEventMap[K]> {
    const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    this.dispatchEvent(event);
    return event;
  }
}
