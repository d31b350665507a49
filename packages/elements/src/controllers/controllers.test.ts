import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { QjClient } from '../context/client.js';
import { FakeClient } from '../testing/fake-client.js';
import { progressEvent } from '../testing/sample-data.js';
import { EventsController } from './events-controller.js';
import { ResourceController } from './resource-controller.js';

/** A bare host with a resource and an event subscription over a settable client and id. */
class ControllerHost extends LitElement {
  client: QjClient | undefined;
  taskId = 'task-1-1';
  received: string[] = [];
  readonly resource = new ResourceController(this, {
    args: () => (this.client ? ([this.client, this.taskId] as const) : undefined),
    load: ([client, id], signal) => client.tasks.get(id, { signal }),
  });
  readonly events = new EventsController(this, {
    client: () => this.client,
    types: () => ['task.progress'],
    onEvent: (event) => this.received.push(event.id),
  });
}
customElements.define('qj-test-controller-host', ControllerHost);

describe('ResourceController', () => {
  it('is idle without inputs, loads when they arrive, and settles ready', async () => {
    const host = await fixture<ControllerHost>(html`<qj-test-controller-host></qj-test-controller-host>`);
    expect(host.resource.state).to.equal('idle');
    const client = new FakeClient();
    host.client = client;
    host.requestUpdate();
    await host.updateComplete;
    expect(host.resource.state).to.equal('loading');
    await new Promise((resolve) => setTimeout(resolve));
    expect(host.resource.state).to.equal('ready');
    expect(host.resource.value?.task.id).to.equal('task-1-1');
  });

  it('aborts on disconnect and loads again on reconnect', async () => {
    const client = new FakeClient();
    client.hold = true;
    const host = await fixture<ControllerHost>(html`<qj-test-controller-host .client=${client}></qj-test-controller-host>`);
    expect(host.resource.state).to.equal('loading');
    const parent = host.parentElement!;
    host.remove();
    expect(client.aborted).to.equal(1);
    client.release();
    parent.append(host);
    await host.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    expect(host.resource.state).to.equal('ready');
    expect(client.calls).to.deep.equal(['tasks.get task-1-1', 'tasks.get task-1-1']);
  });

  it('keeps the value on screen when a background reload fails', async () => {
    const client = new FakeClient();
    const host = await fixture<ControllerHost>(html`<qj-test-controller-host .client=${client}></qj-test-controller-host>`);
    await new Promise((resolve) => setTimeout(resolve));
    client.failures['tasks.get'] = 500;
    await host.resource.reload();
    expect(host.resource.state).to.equal('ready');
    expect(host.resource.value).to.exist;
  });
});

describe('EventsController', () => {
  it('subscribes while connected, follows client changes and unsubscribes on disconnect', async () => {
    const first = new FakeClient();
    const host = await fixture<ControllerHost>(html`<qj-test-controller-host .client=${first}></qj-test-controller-host>`);
    expect(first.subscriptions).to.equal(1);
    first.push(progressEvent('task-1-1', 70));
    expect(host.received).to.deep.equal(['evt-70']);
    const second = new FakeClient();
    host.client = second;
    host.requestUpdate();
    await host.updateComplete;
    expect(first.subscriptions).to.equal(0);
    expect(second.subscriptions).to.equal(1);
    const parent = host.parentElement!;
    host.remove();
    expect(second.subscriptions).to.equal(0);
    parent.append(host);
    await host.updateComplete;
    expect(second.subscriptions).to.equal(1);
  });
});
