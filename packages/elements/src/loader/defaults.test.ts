// The loader's global defaults (QiangJi.configure / data-* on the loader script) reach widgets as attributes:
// only outside a provider, never over the page's own attributes, and updated by a later configure().
import { expect } from '@open-wc/testing';
import { applyDefaults } from './defaults.js';

const pages: HTMLElement[] = [];
/** A detached-from-Lit piece of page built from markup (plain DOM: the tags here stay undefined on purpose). */
function pageOf(markup: string): HTMLElement {
  const container = document.createElement('div');
  container.append(document.createRange().createContextualFragment(markup));
  document.body.append(container);
  pages.push(container);
  return container;
}
afterEach(() => pages.splice(0).forEach((container) => container.remove()));

describe('loader defaults (applyDefaults)', () => {
  it('gives a widget outside any provider the configured attributes', () => {
    const page = pageOf('<qj-defaults-card></qj-defaults-card>');
    applyDefaults({ apiBase: 'https://api.example.gov.cn', embedKey: 'k', locale: 'zh-HK', elder: true, theme: 'dark' }, page);
    const card = page.querySelector('qj-defaults-card')!;
    expect(card.getAttribute('api-base')).to.equal('https://api.example.gov.cn');
    expect(card.getAttribute('embed-key')).to.equal('k');
    expect(card.getAttribute('lang')).to.equal('zh-HK');
    expect(card.hasAttribute('elder')).to.equal(true);
    expect(card.getAttribute('theme')).to.equal('dark');
  });

  it('configures a top-level provider (locale as `locale`) and leaves the widgets inside it to the provider', () => {
    const page = pageOf('<qj-provider><qj-defaults-card></qj-defaults-card></qj-provider>');
    applyDefaults({ apiBase: '/', locale: 'en' }, page);
    const provider = page.querySelector('qj-provider')!;
    expect(provider.getAttribute('api-base')).to.equal('/');
    expect(provider.getAttribute('locale')).to.equal('en');
    expect(provider.hasAttribute('lang')).to.equal(false);
    expect(page.querySelector('qj-defaults-card')!.attributes.length).to.equal(0);
  });

  it("never overrides the page's own attributes, but updates its own on the next configure()", () => {
    const page = pageOf('<qj-defaults-card api-base="/mine"></qj-defaults-card>');
    const card = page.querySelector('qj-defaults-card')!;
    applyDefaults({ apiBase: '/configured', embedKey: 'first', elder: true }, page);
    expect(card.getAttribute('api-base')).to.equal('/mine');
    expect(card.getAttribute('embed-key')).to.equal('first');
    applyDefaults({ apiBase: '/configured', embedKey: 'second', elder: false }, page);
    expect(card.getAttribute('api-base')).to.equal('/mine');
    expect(card.getAttribute('embed-key')).to.equal('second');
    expect(card.hasAttribute('elder')).to.equal(false);
  });

  it('ignores elements that are not QiangJi elements, and does nothing without a configuration', () => {
    const page = pageOf('<span></span><qj-defaults-card></qj-defaults-card>');
    applyDefaults({}, page);
    expect(page.querySelector('qj-defaults-card')!.attributes.length).to.equal(0);
    applyDefaults({ embedKey: 'k' }, page);
    expect(page.querySelector('span')!.attributes.length).to.equal(0);
  });
});
