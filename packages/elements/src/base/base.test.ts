import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { setHtmlLang, waitFor } from '../testing/helpers.js';
import { defineElement, definedVersion } from './define.js';
import { QjElement } from './qj-element.js';

/** A minimal QjElement that says "no task data" in its locale. */
class TestLocaleElement extends QjElement {
  protected override render() {
    return html`<p part="base">${this.t('task.empty')}</p>`;
  }
}
defineElement('qj-test-locale', TestLocaleElement);
declare global {
  interface HTMLElementTagNameMap {
    'qj-test-locale': TestLocaleElement;
  }
}

const text = (element: Element) => element.shadowRoot!.textContent!.trim();

describe('defineElement', () => {
  let warnings: unknown[][] = [];
  const originalWarn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('defines a tag once and stamps the version on the class', () => {
    class First extends LitElement {}
    expect(defineElement('qj-test-define-a', First, '1.0.0')).to.equal(First);
    expect(customElements.get('qj-test-define-a')).to.equal(First);
    expect(definedVersion('qj-test-define-a')).to.equal('1.0.0');
  });

  it('ignores the same version defined again (a second copy of the bundle), silently', () => {
    class First extends LitElement {}
    class SecondCopy extends LitElement {}
    defineElement('qj-test-define-b', First, '1.0.0');
    expect(() => defineElement('qj-test-define-b', SecondCopy, '1.0.0')).not.to.throw();
    expect(customElements.get('qj-test-define-b')).to.equal(First);
    expect(warnings).to.have.length(0);
  });

  it('keeps the first registration and warns once when another version comes along', () => {
    class Old extends LitElement {}
    class Newer extends LitElement {}
    defineElement('qj-test-define-c', Old, '1.0.0');
    expect(defineElement('qj-test-define-c', Newer, '2.0.0')).to.equal(Old);
    defineElement('qj-test-define-c', Newer, '2.0.0');
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('<qj-test-define-c> is already defined by @qiangji/elements 1.0.0');
  });

  it('does not throw when the tag belongs to someone else', () => {
    customElements.define('qj-test-define-d', class extends HTMLElement {});
    expect(() => defineElement('qj-test-define-d', class extends LitElement {})).not.to.throw();
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('another script');
  });
});

describe('QjElement', () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  it('defaults to zh-CN when nothing says otherwise', async () => {
    restore = setHtmlLang(null);
    const element = await fixture(html`<qj-test-locale></qj-test-locale>`);
    expect(text(element)).to.equal('暂无任务数据');
  });

  it('uses the closest [lang] ancestor, also across a shadow root, mapping zh-TW to zh-HK', async () => {
    restore = setHtmlLang('zh-CN');
    const wrapper = await fixture(html`<div lang="zh-TW"><section><qj-test-locale></qj-test-locale></section></div>`);
    const traditional = wrapper.querySelector('qj-test-locale')!;
    await traditional.updateComplete;
    expect(text(traditional)).to.equal('暫無任務數據');
    const host = await fixture(html`<div lang="en"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('qj-test-locale') as TestLocaleElement;
    root.append(inner);
    await inner.updateComplete;
    expect(text(inner)).to.equal('No task data');
  });

  it('re-renders when <html lang> changes, without being re-created', async () => {
    restore = setHtmlLang('zh-CN');
    const element = await fixture<TestLocaleElement>(html`<qj-test-locale></qj-test-locale>`);
    document.documentElement.setAttribute('lang', 'en');
    await waitFor(() => text(element) === 'No task data', 'did not follow <html lang>');
    document.documentElement.setAttribute('lang', 'zh-Hant-HK');
    await waitFor(() => text(element) === '暫無任務數據', 'did not follow <html lang>');
  });

  it('prefers its own lang, reflects lang and dir, and resolves dir from ancestors', async () => {
    restore = setHtmlLang('zh-CN');
    const wrapper = await fixture(html`<div dir="rtl"><qj-test-locale lang="en"></qj-test-locale></div>`);
    const element = wrapper.querySelector<TestLocaleElement>('qj-test-locale')!;
    await element.updateComplete;
    expect(text(element)).to.equal('No task data');
    expect(element.effectiveDir).to.equal('rtl');
    element.lang = 'zh-HK';
    element.dir = 'ltr';
    await element.updateComplete;
    expect(element.getAttribute('lang')).to.equal('zh-HK');
    expect(element.getAttribute('dir')).to.equal('ltr');
    expect(element.effectiveDir).to.equal('ltr');
    expect(text(element)).to.equal('暫無任務數據');
  });

  it('emits typed qj-* events that bubble out of shadow roots and can be cancelled', async () => {
    const element = await fixture<TestLocaleElement>(html`<qj-test-locale></qj-test-locale>`);
    let received: CustomEvent<{ taskId: string }> | undefined;
    document.addEventListener('qj-task-open', (event) => (received = event), { once: true });
    element.addEventListener('qj-task-open', (event) => event.preventDefault(), { once: true });
    const event = element.emit('qj-task-open', { taskId: 'T01' }, { cancelable: true });
    expect(received?.detail.taskId).to.equal('T01');
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.defaultPrevented).to.be.true;
  });

  it('mirrors the resolved theme and elder mode to data attributes', async () => {
    const element = await fixture<TestLocaleElement>(html`<qj-test-locale></qj-test-locale>`);
    expect(element.dataset.qjTheme).to.equal('light');
    expect(element.hasAttribute('data-qj-elder')).to.be.false;
    element.setAttribute('theme', 'dark');
    element.setAttribute('elder', '');
    await element.updateComplete;
    expect(element.dataset.qjTheme).to.equal('dark');
    expect(element.hasAttribute('data-qj-elder')).to.be.true;
  });

  it('resolves theme="auto" from prefers-color-scheme', async () => {
    const originalMatchMedia = window.matchMedia;
    let dark = false;
    window.matchMedia = ((query: string) => ({ ...originalMatchMedia.call(window, query), matches: query.includes('dark') && dark })) as typeof window.matchMedia;
    try {
      const element = await fixture<TestLocaleElement>(html`<qj-test-locale theme="auto"></qj-test-locale>`);
      expect(element.dataset.qjTheme).to.equal('light');
      dark = true;
      element.requestUpdate();
      await element.updateComplete;
      expect(element.dataset.qjTheme).to.equal('dark');
      expect(getComputedStyle(element).color).to.equal('rgb(243, 243, 243)');
    } finally {
      window.matchMedia = originalMatchMedia;
    }
  });
});
