/**
 * The drop-in loader, `dist/cdn/qiangji/<version>/loader.js`: one classic script a portal adds to any page.
 *
 *   <script src="https://cdn.example.gov.cn/qiangji/0.1.0/loader.js" nonce="…"
 *           data-api-base="https://api.example.gov.cn" data-embed-key="…"></script>
 *
 * - Defines each `qj-*` tag on first use: scans the page once, then watches it (MutationObserver), and imports the
 *   tag's ES module from next to this script (its static chunks are preloaded first, so there is no waterfall).
 * - `window.QiangJi`: `version`, `nonce`, `config`, `configure(options)`, `ready()`, `load(tag)`. Calls queued on
 *   the stub snippet before this script arrived (`window.QiangJi = { q: [...] }`) are replayed.
 * - CSP: the `nonce` of this script is put on every element it creates (and given to Lit as `window.litNonce`
 *   for its fallback <style> elements); `import()` inherits the nonce of this script by the HTML fetch rules, so
 *   nonce-only `script-src` policies work too.
 *
 * Built by `vite build --mode loader` (vite.config.ts), which replaces `__QJ_VERSION__` and `__QJ_TAGS__`.
 */
import { applyDefaults, type QiangJiConfig } from './defaults.js';

declare const __QJ_VERSION__: string;
/** tag → [entry file, static chunks to preload…], relative to this script. */
declare const __QJ_TAGS__: Record<string, string[]>;

/** The global API. */
export interface QiangJiApi {
  readonly version: string;
  /** Nonce of the loader script, applied to every element the loader creates (empty when none). */
  readonly nonce: string;
  /** Base URL of this version's files (ends with `/`). */
  readonly base: string;
  /** Global defaults, read by widgets outside a `<qj-provider>`. */
  readonly config: Readonly<QiangJiConfig>;
  /** Merges global defaults (apiBase, embedKey, locale, elder, theme) and applies them to the page's widgets. */
  configure(options: QiangJiConfig): void;
  /** Resolves when every `qj-*` element in the page is defined; rejects when one cannot be loaded. */
  ready(): Promise<void>;
  /** Loads (once) the module defining `tag`; resolves when the tag is defined. */
  load(tag: string): Promise<void>;
}

type QueuedCall = [method: 'configure' | 'ready', args: ArrayLike<unknown>];
type Stub = { q?: QueuedCall[]; version?: string } & Record<string, unknown>;
type QiangJiWindow = Window & { QiangJi?: Stub };

const tags = __QJ_TAGS__;
const version = __QJ_VERSION__;
const win = window as QiangJiWindow;
const existing = win.QiangJi;

if (existing && existing.version) {
  // A second copy of the loader on the page: the first one already watches it.
  if (existing.version !== version) console.warn(`[qiangji] loader ${existing.version} is already running; ignoring ${version}.`);
} else {
  start(existing ?? {});
}

function start(target: Stub): void {
  const script = document.currentScript as HTMLScriptElement | null;
  const base = new URL('.', script?.src || location.href).href;
  const nonce = script?.nonce || script?.getAttribute('nonce') || '';
  const config: QiangJiConfig = {};
  const loads = new Map<string, Promise<void>>();
  const preloaded = new Set<string>();
  const warned = new Set<string>();

  const url = (file: string) => new URL(file, base).href;
  // Where adoptedStyleSheets are missing (Safari < 16.4) Lit writes <style> elements: they need the nonce too.
  const litWindow = win as QiangJiWindow & { litNonce?: string };
  if (nonce && litWindow.litNonce === undefined) litWindow.litNonce = nonce;

  function preload(file: string): void {
    if (preloaded.has(file)) return;
    preloaded.add(file);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = url(file);
    if (nonce) link.nonce = nonce;
    (document.head || document.documentElement).append(link);
  }

  function load(tag: string): Promise<void> {
    tag = tag.toLowerCase();
    let loading = loads.get(tag);
    if (!loading) {
      const files = tags[tag];
      if (customElements.get(tag)) {
        loading = Promise.resolve();
      } else if (!files) {
        loading = Promise.reject(new Error(`[qiangji] unknown element <${tag}> (this is QiangJi ${version})`));
      } else {
        files.slice(1).forEach(preload);
        loading = import(/* @vite-ignore */ url(files[0]!)).then(() => customElements.whenDefined(tag)).then(() => undefined);
      }
      loads.set(tag, loading);
    }
    return loading;
  }

  /** Undefined qj-* tags in `root` (and `root` itself). */
  function pendingTags(root: Element | Document = document): string[] {
    const found = new Set<string>();
    const check = (element: Element) => {
      if (element.localName.startsWith('qj-')) found.add(element.localName);
    };
    if (root instanceof Element && root.matches(':not(:defined)')) check(root);
    root.querySelectorAll(':not(:defined)').forEach(check);
    return [...found];
  }

  /** Loads what `root` needs and gives its widgets the global defaults. */
  function visit(root: Element | Document): void {
    for (const tag of pendingTags(root)) {
      load(tag).catch((error: unknown) => {
        if (!warned.has(tag)) {
          warned.add(tag);
          console.warn(error instanceof Error ? error.message : error);
        }
      });
    }
    applyDefaults(config, root);
  }

  // Only added subtrees are looked at, so a busy page costs little.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => {
        if (node instanceof Element) visit(node);
      });
    }
  });

  const domReady = new Promise<void>((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });

  async function ready(): Promise<void> {
    await domReady;
    for (let pending = pendingTags(); pending.length > 0; pending = pendingTags()) {
      await Promise.all(pending.map(load));
    }
  }

  function configure(options: QiangJiConfig): void {
    Object.assign(config, options);
    applyDefaults(config);
  }

  const queued = target.q ?? [];
  delete target.q;
  const api: QiangJiApi = { version, nonce, base, config, configure, ready, load };
  Object.assign(target, api);
  win.QiangJi = target;

  // Global defaults from the script tag, then the calls made before we arrived.
  const data = script?.dataset ?? {};
  const fromScript: QiangJiConfig = {};
  if (data.apiBase) fromScript.apiBase = data.apiBase;
  if (data.embedKey) fromScript.embedKey = data.embedKey;
  if (data.locale) fromScript.locale = data.locale;
  if (data.theme) fromScript.theme = data.theme;
  if (data.elder !== undefined) fromScript.elder = data.elder !== 'false';
  Object.assign(config, fromScript);
  for (const [method, args] of queued) {
    if (method === 'configure') configure(args[0] as QiangJiConfig);
    else if (method === 'ready') void ready().then(args[0] as () => void, args[1] as ((error: unknown) => void) | undefined);
  }

  observer.observe(document, { childList: true, subtree: true });
  visit(document);
}
