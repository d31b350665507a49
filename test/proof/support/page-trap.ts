/**
 * In-page instruments for the XSS suite, installed with `page.addInitScript` (before any page script):
 *   - the trap: `window.__xss` collects anything a payload ran (payloads call `__xss.push(n)`), and alert, confirm,
 *     prompt, print and `securitypolicyviolation` events are recorded there too;
 *   - `__proof.deepText(element)`: the text a widget rendered, through every open shadow root;
 *   - `__proof.dangerous(element)`: markup no widget template ever renders — inline `on*` handlers, `javascript:`
 *     or `data:text/html` URLs, srcdoc frames, script/iframe/object/embed/base/meta elements — anywhere in the
 *     composed tree, so an injection that did not fire (it needed a click) is caught as well.
 */
export interface ProofHelpers {
  deepText(root: Element): string;
  dangerous(root: Element): string[];
}

declare global {
  interface Window {
    __xss: unknown[];
    __proof: ProofHelpers;
  }
}

/** Plain JavaScript, run in the page by addInitScript. */
export const pageTrapScript = `
(() => {
  // tsx (esbuild keepNames) wraps named functions in __name(); page.evaluate callbacks carry those calls along.
  globalThis.__name = (target) => target;
  const hits = [];
  Object.defineProperty(window, '__xss', { value: hits, writable: false, configurable: false });
  for (const name of ['alert', 'confirm', 'prompt']) window[name] = (...args) => { hits.push(name + ':' + args.join(' ')); return null; };
  window.print = () => {};
  document.addEventListener('securitypolicyviolation', (event) => hits.push('csp:' + event.effectiveDirective + ' ' + (event.blockedURI || 'inline')));
  const children = (node) => [...(node.shadowRoot ? node.shadowRoot.childNodes : []), ...node.childNodes];
  const walk = (node, visit) => { visit(node); for (const child of children(node)) walk(child, visit); };
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background'];
  const forbiddenTags = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'APPLET', 'XSS', 'MARQUEE']);
  window.__proof = {
    deepText(root) {
      let text = '';
      walk(root, (node) => { if (node.nodeType === Node.TEXT_NODE) text += node.data; });
      return text;
    },
    dangerous(root) {
      const found = [];
      walk(root, (node) => {
        if (node.nodeType !== Node.ELEMENT_NODE) return;
        const where = node.tagName.toLowerCase();
        if (forbiddenTags.has(node.tagName)) found.push('<' + where + '> element');
        for (const attribute of node.attributes) {
          const name = attribute.name.toLowerCase();
          if (name.startsWith('on')) found.push(where + ' has ' + name + '="' + attribute.value.slice(0, 60) + '"');
          if (name === 'srcdoc') found.push(where + ' has srcdoc');
          if (urlAttributes.includes(name) && /^\\s*(javascript|vbscript|data:text\\/html)/i.test(attribute.value)) found.push(where + ' has ' + name + '="' + attribute.value.slice(0, 60) + '"');
        }
      });
      return found;
    },
  };
})();
`;
