// Smoke test for the browser pipeline (web-test-runner → esbuild TS + Lit decorators → Chromium and
// Firefox ESR): a tiny element defined here, rendered, queried through its shadow root and run through axe.
// Real component tests live next to their components; this file may go once they exist.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('qj-smoke-greeting')
class QjSmokeGreeting extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @property() name = '潮州';

  override render() {
    return html`<p role="status">你好，${this.name}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qj-smoke-greeting': QjSmokeGreeting;
  }
}

describe('browser test pipeline (smoke)', () => {
  it('renders a decorated Lit element into its shadow root', async () => {
    const el = await fixture<QjSmokeGreeting>(html`<qj-smoke-greeting name="湘桥区"></qj-smoke-greeting>`);

    expect(el).to.be.instanceOf(QjSmokeGreeting);
    expect(el.name).to.equal('湘桥区');
    expect(el.shadowRoot?.querySelector('p')?.textContent).to.equal('你好，湘桥区');
  });

  it('re-renders when a reactive property changes', async () => {
    const el = await fixture<QjSmokeGreeting>(html`<qj-smoke-greeting></qj-smoke-greeting>`);
    el.name = '饶平县';
    await el.updateComplete;

    expect(el.shadowRoot?.querySelector('p')?.textContent).to.equal('你好，饶平县');
  });

  it('passes an axe accessibility audit', async () => {
    const el = await fixture<QjSmokeGreeting>(html`<qj-smoke-greeting></qj-smoke-greeting>`);

    await expect(el).to.be.accessible();
  });
});
