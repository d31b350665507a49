import { expect, fixture, html } from '@open-wc/testing';
import { waitFor } from '../../testing/helpers.js';
import { clear } from 'idb-keyval';
import type { QjClient } from '../../context/client.js';
import '../provider/define.js';
import type { QjProvider } from '../provider/provider.js';
import './define.js';
import type { QjMediationCaseForm } from './case-form.js';
import { DraftStore, draftIdbStore } from './draft-store.js';
import { fakeCaseClient, type FakeCaseClient } from './test-client.js';

const $ = <T extends Element = HTMLElement>(el: QjMediationCaseForm, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const control = (el: QjMediationCaseForm, id: string) => $<HTMLInputElement>(el, `#${id}`)!;

async function type(el: QjMediationCaseForm, id: string, value: string) {
  const input = control(el, id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** A form inside a provider that has no client yet (as when a page sets `.client` after the markup is in). */
async function mountInProvider(form = html`<qj-mediation-case-form></qj-mediation-case-form>`) {
  const provider = await fixture<QjProvider>(html`<qj-provider>${form}</qj-provider>`);
  const el = provider.querySelector('qj-mediation-case-form')!;
  await el.whenReady();
  return { provider, el };
}

/** Hands `fake`'s client down through the provider and waits until the form has loaded with it. */
async function provide(provider: QjProvider, el: QjMediationCaseForm, fake: FakeCaseClient) {
  provider.client = fake.client as unknown as QjClient;
  await provider.updateComplete;
  await el.whenReady();
}

const count = (fake: FakeCaseClient, op: string) => fake.calls.filter((call) => call.op === op).length;

/** A case at 醒茶 in the fake's store. */
async function caseAtAwaken(fake: FakeCaseClient) {
  const created = await fake.client.mediationCases.create(
    { orgUnitId: '445102', identify: { summary: '排水沟堵塞引发纠纷', parties: [{ name: '陈柔燕' }, { name: '林志明' }] } },
    { idempotencyKey: 'k-provider' },
  );
  const saved = { ...created, currentStep: 'awaken' as const, steps: { ...created.steps, awaken: { statements: [{ party: 0, statement: '对方堵了沟' }] } } };
  fake.cases.set(created.id, saved);
  fake.calls.length = 0;
  return saved;
}

beforeEach(async () => {
  await clear(draftIdbStore());
});

describe('qj-mediation-case-form inside <qj-provider>', () => {
  it('switches to server mode and loads the case once the provider hands its client down after connecting', async () => {
    const fake = fakeCaseClient();
    const saved = await caseAtAwaken(fake);
    const { provider, el } = await mountInProvider(html`<qj-mediation-case-form case-id=${saved.id} user-id="u-provider"></qj-mediation-case-form>`);
    // No client yet: local mode, nothing of the case.
    expect($(el, 'h2')!.textContent).to.equal('茶文化六步调解 · 案件登记');
    expect($(el, '#step-heading')!.textContent).to.equal('第1步：识茶');

    await provide(provider, el, fake);
    expect($(el, 'h2')!.textContent).to.equal(`调解案件 ${saved.caseNumber}`);
    expect($(el, '#step-heading')!.textContent).to.equal('第2步：醒茶');
    expect(control(el, 'f-awaken-statements-0-statement').value).to.equal('对方堵了沟');
    // Loaded once: one workflow, one viewer, one read of the case.
    expect([count(fake, 'workflow'), count(fake, 'me'), count(fake, 'get')]).to.deep.equal([1, 1, 1]);

    // And it sends through that client.
    await type(el, 'f-awaken-calming', '分别泡茶安抚');
    await el.save();
    await waitFor(() => fake.cases.get(saved.id)!.steps.awaken?.['calming'] === '分别泡茶安抚', 'saved through the provided client');
  });

  it('keeps what was typed before the client arrived, as the signed-in user\'s draft', async () => {
    const fake = fakeCaseClient();
    const { provider, el } = await mountInProvider();
    await type(el, 'f-identify-summary', '来电登记的纠纷');
    await el.flushDraft();
    expect((await new DraftStore().latestResumable('anonymous'))?.steps.identify?.['summary']).to.equal('来电登记的纠纷');

    await provide(provider, el, fake);
    expect(control(el, 'f-identify-summary').value).to.equal('来电登记的纠纷');
    expect($(el, '.restored')).to.equal(null);
    await el.flushDraft();
    expect((await new DraftStore().latestResumable('u-mediator'))?.steps.identify?.['summary']).to.equal('来电登记的纠纷');
    expect(await new DraftStore().latestResumable('anonymous')).to.equal(undefined);
  });

  it('over a case that arrives with the client, earlier typing shows as a draft that can be discarded', async () => {
    const fake = fakeCaseClient();
    const saved = await caseAtAwaken(fake);
    const { provider, el } = await mountInProvider(html`<qj-mediation-case-form case-id=${saved.id} user-id="u-provider"></qj-mediation-case-form>`);
    await type(el, 'f-identify-summary', '本地输入');
    await provide(provider, el, fake);
    expect(control(el, 'f-identify-summary').value).to.equal('本地输入');
    expect($(el, '.restored')!.textContent).to.contain('已恢复草稿');

    await el.discardDraft();
    await el.updateComplete;
    expect($(el, '#step-heading')!.textContent).to.equal('第2步：醒茶');
    expect(el.value.steps.identify!['summary']).to.equal('排水沟堵塞引发纠纷');
  });

  it('loads again only when the client itself changes', async () => {
    const first = fakeCaseClient();
    const { provider, el } = await mountInProvider();
    await provide(provider, el, first);
    expect(count(first, 'workflow')).to.equal(1);

    // New settings re-render the form but do not reload it.
    provider.setAttribute('locale', 'zh-HK');
    await provider.updateComplete;
    await el.whenReady();
    expect($(el, 'h2')!.textContent).to.equal('茶文化六步調解 · 案件登記');
    expect(count(first, 'workflow')).to.equal(1);

    const second = fakeCaseClient();
    await provide(provider, el, second);
    expect([count(first, 'workflow'), count(second, 'workflow')]).to.deep.equal([1, 1]);
  });
});
