/**
 * Global defaults set with `QiangJi.configure()` (or `data-*` attributes on the loader script), applied to the page's
 * QiangJi elements as attributes: a widget outside any `<qj-provider>` (and a top-level provider) that lacks an
 * attribute gets the configured value. Attributes the page wrote itself always win; values the loader wrote are
 * updated by the next `configure()`. Working through attributes keeps the loader independent of the elements'
 * internals and visible in the DOM inspector.
 */

/** Global defaults. */
export interface QiangJiConfig {
  /** Base URL of the Plan API (`api-base`). */
  apiBase?: string;
  /** Embed key issued to the site (`embed-key`). */
  embedKey?: string;
  /** `zh-CN`, `zh-HK` or `en` (a widget's `lang`, a provider's `locale`). */
  locale?: string;
  /** 适老化 elder mode (`elder`). */
  elder?: boolean;
  /** `light`, `dark` or `auto` (`theme`). */
  theme?: string;
}

type Key = keyof QiangJiConfig;
const keys: Key[] = ['apiBase', 'embedKey', 'locale', 'elder', 'theme'];

function attributeFor(element: Element, key: Key): string {
  if (key === 'locale') return element.localName === 'qj-provider' ? 'locale' : 'lang';
  return key === 'apiBase' ? 'api-base' : key === 'embedKey' ? 'embed-key' : key;
}

/** Attributes the loader wrote, per element (only those may be changed or removed again). */
const written = new WeakMap<Element, Set<string>>();

function applyTo(element: Element, config: QiangJiConfig): void {
  // Inside a provider the provider's settings apply (it got the defaults itself when it is top-level).
  if (element.parentElement?.closest('qj-provider')) return;
  let ours = written.get(element);
  for (const key of keys) {
    const value = config[key];
    if (value === undefined || value === '') continue;
    const name = attributeFor(element, key);
    if (element.hasAttribute(name) && !ours?.has(name)) continue;
    if (!ours) written.set(element, (ours = new Set()));
    ours.add(name);
    if (typeof value === 'boolean') element.toggleAttribute(name, value);
    else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
}

/** Applies `config` to `root` (when it is a qj-* element) and every qj-* element below it. */
export function applyDefaults(config: QiangJiConfig, root: Element | Document = document): void {
  if (!keys.some((key) => config[key] !== undefined && config[key] !== '')) return;
  if (root instanceof Element && root.localName.startsWith('qj-')) applyTo(root, config);
  root.querySelectorAll('*').forEach((element) => {
    if (element.localName.startsWith('qj-')) applyTo(element, config);
  });
}
