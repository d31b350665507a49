import { expect, fixture, html } from '@open-wc/testing';
import { ContextConsumer as LitContextConsumer, ContextProvider as LitContextProvider } from '@lit/context';
import { ReactiveElement } from 'lit';
import '../components/provider/define.js';
import type { QjProvider } from '../components/provider/provider.js';
import { FakeClient } from '../testing/fake-client.js';
import type { QjClient } from './client.js';
import { ContextProvider } from './context-provider.js';
import { clientContext } from './contexts.js';
import { ContextConsumer, type Context } from './protocol.js';

const color = Symbol('test.color') as Context<symbol, string>;

class ColorConsumer extends ReactiveElement {
  readonly consumer = new ContextConsumer(this, color);
  updates = 0;
  protected override update(changed: Map<PropertyKey, unknown>): void {
    super.update(changed);
    this.updates++;
  }
}
customElements.define('test-color-consumer', ColorConsumer);

/** A provider of `color` (starting at the class's `initial`) that also consumes it, as `<qj-provider>` does its settings. */
class ColorProvider extends ReactiveElement {
  static initial = 'red';
  readonly provider = new ContextProvider(this, color, (this.constructor as typeof ColorProvider).initial);
  readonly outer = new ContextConsumer(this, color);
}
customElements.define('test-color-provider', ColorProvider);

let lateTags = 0;
/**
 * An element of a provider tag not defined yet, holding a consumer, and the function that defines the tag (the
 * element upgrades and connects then).
 */
function lateProvider(initial: string): { element: HTMLElement; consumer: ColorConsumer; define: () => void } {
  const tag = `test-late-provider-${++lateTags}`;
  const element = document.createElement(tag);
  const consumer = element.appendChild(document.createElement('test-color-consumer') as ColorConsumer);
  return {
    element,
    consumer,
    define: () =>
      customElements.define(
        tag,
        class extends ColorProvider {
          static override initial = initial;
        },
      ),
  };
}

describe('context protocol', () => {
  it('gives a consumer its provider value and every new one, requesting an update each time', async () => {
    const provider = await fixture<ColorProvider>(html`<test-color-provider><div><test-color-consumer></test-color-consumer></div></test-color-provider>`);
    const consumer = provider.querySelector<ColorConsumer>('test-color-consumer')!;
    expect(consumer.consumer.value).to.equal('red');
    await consumer.updateComplete;
    const updates = consumer.updates;
    provider.provider.setValue('blue');
    expect(consumer.consumer.value).to.equal('blue');
    await consumer.updateComplete;
    expect(consumer.updates).to.equal(updates + 1);
  });

  it('ends the subscription when the consumer disconnects, and subscribes again when it comes back', async () => {
    const provider = await fixture<ColorProvider>(html`<test-color-provider><test-color-consumer></test-color-consumer></test-color-provider>`);
    const consumer = provider.querySelector<ColorConsumer>('test-color-consumer')!;
    consumer.remove();
    provider.provider.setValue('blue');
    expect(consumer.consumer.value).to.equal('red');
    provider.append(consumer);
    expect(consumer.consumer.value).to.equal('blue');
  });

  it('answers from the nearest provider; a provider’s own consumer reaches the one above it', async () => {
    const outer = await fixture<ColorProvider>(html`<test-color-provider>
      <test-color-consumer id="outside"></test-color-consumer>
      <test-color-provider id="inner"><test-color-consumer id="inside"></test-color-consumer></test-color-provider>
    </test-color-provider>`);
    const inner = outer.querySelector<ColorProvider>('#inner')!;
    const inside = outer.querySelector<ColorConsumer>('#inside')!;
    const outside = outer.querySelector<ColorConsumer>('#outside')!;
    inner.provider.setValue('blue');
    expect(inside.consumer.value).to.equal('blue');
    expect(outside.consumer.value).to.equal('red');
    expect(inner.outer.value).to.equal('red');
    outer.provider.setValue('green');
    expect(outside.consumer.value).to.equal('green');
    expect(inner.outer.value).to.equal('green');
    expect(inside.consumer.value).to.equal('blue');
  });

  it('serves consumers that connected before their provider (no provider above)', async () => {
    const late = lateProvider('violet');
    (await fixture<HTMLElement>(html`<div></div>`)).append(late.element);
    const { consumer } = late;
    expect(consumer.consumer.value).to.equal(undefined);
    late.define();
    expect(consumer.consumer.value).to.equal('violet');
    (late.element as ColorProvider).provider.setValue('indigo');
    expect(consumer.consumer.value).to.equal('indigo');
  });

  it('moves consumers to a provider that connected after them below the one that answered', async () => {
    const late = lateProvider('violet');
    const outer = await fixture<ColorProvider>(html`<test-color-provider></test-color-provider>`);
    outer.append(late.element);
    const { consumer } = late;
    expect(consumer.consumer.value).to.equal('red');
    late.define();
    expect(consumer.consumer.value).to.equal('violet');
    outer.provider.setValue('green');
    expect(consumer.consumer.value, 'the outer subscription ended').to.equal('violet');
  });
});

class LitClientConsumer extends ReactiveElement {
  readonly consumer = new LitContextConsumer(this, { context: clientContext, subscribe: true });
}
customElements.define('test-lit-client-consumer', LitClientConsumer);

class LitColorProvider extends ReactiveElement {
  readonly provider = new LitContextProvider(this, { context: color, initialValue: 'teal' });
}
customElements.define('test-lit-color-provider', LitColorProvider);

describe('context protocol: interop with @lit/context', () => {
  it('a @lit/context ContextConsumer receives <qj-provider>’s client, and the next one', async () => {
    const first = new FakeClient() as QjClient;
    const provider = await fixture<QjProvider>(html`<qj-provider .client=${first}><test-lit-client-consumer></test-lit-client-consumer></qj-provider>`);
    const consumer = provider.querySelector<LitClientConsumer>('test-lit-client-consumer')!;
    expect(consumer.consumer.value).to.equal(first);
    const second = new FakeClient() as QjClient;
    provider.client = second;
    await provider.updateComplete;
    expect(consumer.consumer.value).to.equal(second);
  });

  it('our consumer subscribes to a @lit/context ContextProvider', async () => {
    const provider = await fixture<LitColorProvider>(html`<test-lit-color-provider><test-color-consumer></test-color-consumer></test-lit-color-provider>`);
    const consumer = provider.querySelector<ColorConsumer>('test-color-consumer')!;
    expect(consumer.consumer.value).to.equal('teal');
    provider.provider.setValue('navy');
    expect(consumer.consumer.value).to.equal('navy');
    consumer.remove();
    provider.provider.setValue('olive');
    expect(consumer.consumer.value).to.equal('navy');
  });
});
