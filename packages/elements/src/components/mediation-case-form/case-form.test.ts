import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { waitFor } from '../../testing/helpers.js';
import { clear } from 'idb-keyval';
import { idNumberCheckChar, mediationWorkflow, type MediationStepId, type StepDraft } from '@qiangji/contract';
import './define.js';
import type { QjMediationCaseForm } from './case-form.js';
import { DraftStore, draftIdbStore } from './draft-store.js';
import { fakeCaseClient as fakeClient, mediator } from './test-client.js';

const validId = (first17: string) => first17 + idNumberCheckChar(first17);
const ID = validId('44510219800101123');

const party = (name: string, phone: string): Record<string, unknown> => ({
  name,
  sex: 'female',
  ethnicity: '汉族',
  age: 45,
  occupation: '茶农',
  phone,
  address: '潮州市湘桥区意溪镇某村三巷5号',
});
const complete: Record<MediationStepId, StepDraft> = {
  identify: { source: 'party_applied', disputeType: 'neighbourhood', parties: [party('陈柔燕', '13812341234'), party('林志明', '13923456789')], summary: '排水沟堵塞引发纠纷', crux: '排水沟归属不清' },
  awaken: { statements: [{ party: 0, statement: '对方堵了沟' }, { party: 1, statement: '沟是我家的' }], calming: '分别泡茶安抚' },
  brew: { facts: '沟为两家共用', evidence: ['现场照片'], lawAndReason: '民法典相邻关系' },
  pour: { proposal: '共同出资疏通', negotiationRecord: '双方同意' },
  serve: {
    outcome: 'agreement',
    agreement: { facts: '共用排水沟堵塞', disputedIssues: '疏通费用', responsibilities: '各担一半', terms: '各出200元', performanceMethod: '现金', performanceDeadline: '2026-12-31' },
    partiesSigned: true,
    mediatorSigned: true,
    committeeSealed: true,
    signedOn: '2026-11-20',
  },
  reflect: { followUpDate: '2026-12-20', performance: 'performed', satisfaction: 5, notes: '', judicialConfirmationReminded: true },
};

const networkError = () => Object.assign(new Error('offline'), { name: 'NetworkError', status: 0, code: 'network_error' });
const serverError = () => Object.assign(new Error('boom'), { name: 'QiangJiError', status: 500, code: 'internal', message: '服务器内部错误', messageEn: 'Internal server error' });

const $ = <T extends Element = HTMLElement>(el: QjMediationCaseForm, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const control = (el: QjMediationCaseForm, step: MediationStepId, path: string) =>
  $<HTMLInputElement>(el, `#f-${step}-${path.replace(/\./g, '-')}`);

/** Types into a control the way a user does (input + change events). */
async function fill(el: QjMediationCaseForm, step: MediationStepId, path: string, value: string) {
  const input = control(el, step, path);
  if (!input) throw new Error(`no control for ${path}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}
async function choose(el: QjMediationCaseForm, step: MediationStepId, path: string, index: number) {
  const radio = $<HTMLInputElement>(el, `#f-${step}-${path.replace(/\./g, '-')}-${index}`)!;
  radio.checked = true;
  radio.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}
const button = (el: QjMediationCaseForm, text: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent?.trim() === text)!;

async function fillIdentify(el: QjMediationCaseForm) {
  await fill(el, 'identify', 'source', 'party_applied');
  await fill(el, 'identify', 'disputeType', 'neighbourhood');
  for (const [index, [name, phone]] of [['陈柔燕', '13812341234'], ['林志明', '13923456789']].entries()) {
    await fill(el, 'identify', `parties.${index}.name`, name!);
    await choose(el, 'identify', `parties.${index}.sex`, 1);
    await fill(el, 'identify', `parties.${index}.age`, '45');
    await fill(el, 'identify', `parties.${index}.occupation`, '茶农');
    await fill(el, 'identify', `parties.${index}.phone`, phone!);
    await fill(el, 'identify', `parties.${index}.address`, '潮州市湘桥区意溪镇某村');
  }
  await fill(el, 'identify', 'summary', '排水沟堵塞引发纠纷');
  await fill(el, 'identify', 'crux', '排水沟归属不清');
}

async function mount(template = html`<qj-mediation-case-form user-id="u-test"></qj-mediation-case-form>`) {
  const el = await fixture<QjMediationCaseForm>(template);
  await el.whenReady();
  return el;
}

beforeEach(async () => {
  await clear(draftIdbStore());
});

describe('qj-mediation-case-form: steps and validation', () => {
  it('renders the six tea steps with the current one marked in shape and words', async () => {
    const el = await mount();
    const items = el.shadowRoot!.querySelectorAll('.steps li');
    expect(items.length).to.equal(6);
    expect(items[0]!.getAttribute('aria-current')).to.equal('step');
    expect(items[0]!.textContent).to.contain('识茶').and.contain('当前步骤');
    expect(items[1]!.textContent).to.contain('未开始');
    expect(items[1]!.querySelector('svg path[stroke-dasharray], svg g[stroke-dasharray]')).to.not.equal(null);
  });

  it('shows the contract messages next to each field and focuses the first error on a failed Next', async () => {
    const el = await mount();
    expect(await el.next()).to.equal(false);
    await el.updateComplete;
    const source = control(el, 'identify', 'source')!;
    expect(source.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(source);
    const errorId = source.getAttribute('aria-describedby')!;
    expect($(el, `#${errorId}`)!.textContent).to.equal('此项为必填项');
    expect($(el, '.error-summary')!.textContent).to.contain('案件来源');
    expect($(el, '.error-summary')!.textContent).to.contain('当事人1 · 姓名');
    expect(el.shadowRoot!.querySelector('[aria-live]')!.textContent).to.contain('请修正以下');
  });

  it('validates phone and ID numbers on blur, in zh-HK and English too, keeping what was typed', async () => {
    const el = await mount();
    await fill(el, 'identify', 'parties.0.phone', '12345');
    expect($(el, '#f-identify-parties-0-phone-error')!.textContent).to.equal('请输入正确的11位手机号码');
    await fill(el, 'identify', 'parties.0.idNumber', '445102198001011230');
    expect($(el, '#f-identify-parties-0-idNumber-error')!.textContent).to.contain('身份证号码无效');
    expect(control(el, 'identify', 'parties.0.idNumber')!.value).to.equal('445102198001011230');
    await fill(el, 'identify', 'parties.0.idNumber', ID);
    expect($(el, '#f-identify-parties-0-idNumber-error')).to.equal(null);

    el.lang = 'zh-HK';
    await el.updateComplete;
    await fill(el, 'identify', 'parties.1.phone', '999');
    expect($(el, '#f-identify-parties-1-phone-error')!.textContent).to.equal('請輸入正確的11位手機號碼');
    el.lang = 'en';
    await el.updateComplete;
    await fill(el, 'identify', 'parties.1.phone', '998');
    expect($(el, '#f-identify-parties-1-phone-error')!.textContent).to.equal('Enter a valid 11-digit mainland mobile number');
  });

  it('treats an emptied optional ID number as absent', async () => {
    const el = await mount();
    await fillIdentify(el);
    await fill(el, 'identify', 'parties.0.idNumber', ID);
    await fill(el, 'identify', 'parties.0.idNumber', '');
    expect('idNumber' in (el.value.steps.identify!['parties'] as Array<Record<string, unknown>>)[0]!).to.equal(false);
    expect(await el.next()).to.equal(true);
  });

  it('moves on when the step is complete and announces the new step', async () => {
    const el = await mount();
    await fillIdentify(el);
    expect(await el.next()).to.equal(true);
    await el.updateComplete;
    expect(el.value.currentStep).to.equal('awaken');
    expect(el.shadowRoot!.querySelector('[aria-live]')!.textContent).to.equal('第2步：醒茶');
    expect(el.shadowRoot!.activeElement?.id).to.equal('step-heading');
    expect(control(el, 'awaken', 'statements.1.statement')).to.not.equal(null);
    expect($(el, 'label[for="f-awaken-statements-0-statement"]')!.textContent).to.contain('陈柔燕');
  });

  it('going back shows the same errors, then keeps every field', async () => {
    const el = await mount();
    await fillIdentify(el);
    await el.next();
    await fill(el, 'awaken', 'statements.0.statement', '对方堵了沟');
    button(el, '退回').click();
    await el.updateComplete;
    expect($(el, '.error-summary')!.textContent).to.contain('本步骤尚有');
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-awaken-statements-1-statement');
    await el.back();
    await el.updateComplete;
    expect(el.value.currentStep).to.equal('identify');
    expect(control(el, 'identify', 'summary')!.value).to.equal('排水沟堵塞引发纠纷');
    await el.next();
    await el.updateComplete;
    expect(control(el, 'awaken', 'statements.0.statement')!.value).to.equal('对方堵了沟');
  });

  it('keeps both branches of 敬茶 and requires signatures and seal for an agreement', async () => {
    const el = await mount();
    el.value = { caseId: null, currentStep: 'serve', steps: { ...complete, serve: { outcome: 'agreement' } } };
    await el.updateComplete;
    expect(await el.next()).to.equal(false);
    await el.updateComplete;
    expect($(el, '#f-serve-partiesSigned-error')!.textContent).to.equal('协议须经各方当事人签名、盖章或按指印');
    expect($(el, '#f-serve-agreement-performanceDeadline-error')).to.not.equal(null);
    await choose(el, 'serve', 'outcome', 1);
    await fill(el, 'serve', 'noAgreementReason', '双方分歧太大');
    await choose(el, 'serve', 'outcome', 0);
    expect(control(el, 'serve', 'agreement.facts')).to.not.equal(null);
    expect((el.value.steps.serve as Record<string, unknown>)['noAgreementReason']).to.equal('双方分歧太大');
  });
});

describe('qj-mediation-case-form: form association', () => {
  it('submits its value, reflects required steps in validity, resets and disables', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><qj-mediation-case-form name="case" user-id="u-form" required-steps="identify"></qj-mediation-case-form></form>`);
    const el = form.querySelector('qj-mediation-case-form')!;
    await el.whenReady();
    expect(el.form).to.equal(form);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    await fillIdentify(el);
    expect(form.checkValidity()).to.equal(true);
    const submitted = JSON.parse(String(new FormData(form).get('case')));
    expect(submitted.steps.identify.summary).to.equal('排水沟堵塞引发纠纷');
    expect(submitted.steps.identify.parties[1].phone).to.equal('13923456789');

    await fill(el, 'identify', 'parties.0.phone', '1');
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.customError).to.equal(true);
    expect(el.validationMessage).to.contain('手机号码');

    form.reset();
    await el.updateComplete;
    expect(control(el, 'identify', 'summary')!.value).to.equal('');
    expect(el.validity.valueMissing).to.equal(true);

    const fieldset = document.createElement('fieldset');
    form.append(fieldset);
    fieldset.append(el);
    fieldset.disabled = true;
    await el.updateComplete;
    await aTimeout(0);
    await el.updateComplete;
    expect(control(el, 'identify', 'summary')!.disabled).to.equal(true);
    expect(button(el, '下一步').disabled).to.equal(true);
  });
});

describe('qj-mediation-case-form: drafts and the outbox', () => {
  it('autosaves the draft to IndexedDB and restores it exactly with a notice', async () => {
    const el = await mount();
    await fillIdentify(el);
    await el.next();
    await fill(el, 'awaken', 'statements.0.statement', '对方堵了沟');
    await el.flushDraft();
    const before = el.value;
    el.remove();

    const again = await mount();
    expect($(again, '.restored')!.textContent).to.contain('已恢复草稿');
    expect(again.value).to.deep.equal(before);
    expect(control(again, 'awaken', 'statements.0.statement')!.value).to.equal('对方堵了沟');
  });

  it('debounces autosave and writes when the page is hidden', async () => {
    const el = await mount();
    await fill(el, 'identify', 'summary', '草稿内容');
    const store = new DraftStore();
    expect(await store.latestResumable('u-test')).to.equal(undefined);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(async () => (await store.latestResumable('u-test'))?.steps.identify?.['summary'] === '草稿内容');
    delete (document as unknown as Record<string, unknown>)['visibilityState'];
  });

  it('queues while offline, sends when the network is back: one case, then the draft is dropped', async () => {
    let online = false;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
    try {
      const { client, cases, calls } = fakeClient();
      const el = await mount(html`<qj-mediation-case-form .client=${client}></qj-mediation-case-form>`);
      await fillIdentify(el);
      await el.next();
      await el.updateComplete;
      expect(el.submitStatus.state).to.equal('queued');
      expect($(el, '.status')!.textContent).to.contain('已排队，网络恢复后自动提交');
      expect(calls.filter((call) => call.op === 'create').length).to.equal(0);
      expect(el.value.currentStep).to.equal('awaken');
      online = true;
      window.dispatchEvent(new Event('online'));
      await waitFor(() => el.submitStatus.state === 'sent');
      await el.updateComplete;
      expect($(el, '.status')!.textContent).to.contain('已提交');
      expect(cases.size).to.equal(1);
      expect([...cases.values()][0]!.currentStep).to.equal('awaken');
      await waitFor(async () => (await new DraftStore().latestResumable('u-mediator')) === undefined);
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['onLine'];
    }
  });

  it('a network error queues and a retry reuses the idempotency key: one case', async () => {
    const { client, cases, calls } = fakeClient({ failures: [{ on: 'create', error: networkError() }] });
    const el = await mount(html`<qj-mediation-case-form .client=${client}></qj-mediation-case-form>`);
    await fillIdentify(el);
    await el.next();
    await waitFor(() => el.submitStatus.state === 'queued');
    await el.retry();
    await waitFor(() => el.submitStatus.state === 'sent');
    expect(cases.size).to.equal(1);
    const creates = calls.filter((call) => call.op === 'create');
    expect(creates.length).to.equal(2);
    expect(creates[0]!.key).to.equal(creates[1]!.key);
  });

  it('a double click on Next creates one case', async () => {
    const { client, cases } = fakeClient();
    const el = await mount(html`<qj-mediation-case-form .client=${client}></qj-mediation-case-form>`);
    await fillIdentify(el);
    const next = button(el, '下一步');
    next.click();
    next.click();
    await waitFor(() => el.submitStatus.state === 'sent');
    expect(el.value.currentStep).to.equal('awaken');
    expect(cases.size).to.equal(1);
    expect([...cases.values()][0]!.currentStep).to.equal('awaken');
  });

  it('retries after a 500 with the same idempotency key: one case', async () => {
    const { client, cases, calls } = fakeClient({ failures: [{ on: 'create', error: serverError() }] });
    const el = await mount(html`<qj-mediation-case-form .client=${client}></qj-mediation-case-form>`);
    await fillIdentify(el);
    await el.next();
    await waitFor(() => el.submitStatus.state === 'retrying');
    await el.updateComplete;
    expect($(el, '.status')!.textContent).to.contain('自动重试');
    await waitFor(() => el.submitStatus.state === 'sent');
    expect(cases.size).to.equal(1);
    const creates = calls.filter((call) => call.op === 'create');
    expect(creates[0]!.key).to.equal(creates[1]!.key);
  });

  it('shows a server field error (422 step_incomplete) at its field and returns to that step', async () => {
    const refusal = Object.assign(new Error('step_incomplete'), {
      name: 'ValidationError',
      status: 422,
      code: 'step_incomplete',
      field: 'steps.identify.parties.0.phone',
      message: '当前步骤尚有必填项未完成',
      messageEn: 'The current step has required fields missing',
    });
    const { client } = fakeClient({ failures: [{ on: 'advance', error: refusal }] });
    const el = await mount(html`<qj-mediation-case-form .client=${client}></qj-mediation-case-form>`);
    await fillIdentify(el);
    await el.next();
    await waitFor(() => el.submitStatus.state === 'failed');
    await el.updateComplete;
    expect(el.value.currentStep).to.equal('identify');
    expect(control(el, 'identify', 'parties.0.phone')!.getAttribute('aria-invalid')).to.equal('true');
    expect(control(el, 'identify', 'summary')!.value).to.equal('排水沟堵塞引发纠纷');
  });

  it('clears the user\'s drafts on logout', async () => {
    const { client } = fakeClient();
    const el = await mount(html`<qj-mediation-case-form .client=${client}></qj-mediation-case-form>`);
    await fill(el, 'identify', 'summary', '个人信息');
    await el.flushDraft();
    expect((await new DraftStore().latestResumable('u-mediator'))?.steps.identify?.['summary']).to.equal('个人信息');
    client.logout();
    await waitFor(async () => (await new DraftStore().latestResumable('u-mediator')) === undefined);
    await el.updateComplete;
    expect(control(el, 'identify', 'summary')!.value).to.equal('');
  });
});

describe('qj-mediation-case-form: read-only case file', () => {
  it('lists every step, the timeline and the printable agreement, masking personal data for roles that may not see it', async () => {
    const { client, cases } = fakeClient({ viewer: { ...mediator, canSeePersonalData: false } });
    const created = await client.mediationCases.create({ orgUnitId: '445102', identify: complete.identify }, { idempotencyKey: 'k1' });
    cases.set(created.id, { ...created, steps: complete, status: 'closed', currentStep: 'reflect', judicialConfirmationDue: '2026-12-20' });
    const el = await mount(html`<qj-mediation-case-form case-id=${created.id} .client=${client}></qj-mediation-case-form>`);
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('案件卷宗').and.contain('本案已结案').and.contain('办理经过').and.contain('登记案件');
    expect(text).to.contain('138****1234').and.not.contain('13812341234');
    const agreement = $(el, '.agreement')!;
    for (const item of ['人民调解协议书', created.caseNumber, '意溪镇人民调解委员会', '共用排水沟堵塞', '疏通费用', '各担一半', '各出200元', '现金', '2026年12月31日', '2026年11月20日', '签名']) {
      expect(agreement.textContent).to.contain(item);
    }
    expect(el.shadowRoot!.querySelector('input, textarea, select')).to.equal(null);
  });
});

describe('qj-mediation-case-form: accessibility', () => {
  for (const variant of ['light', 'dark', 'elder'] as const) {
    it(`has no axe violations on any step (${variant})`, async () => {
      const el = await mount(
        variant === 'elder'
          ? html`<qj-mediation-case-form user-id="u-a11y" elder></qj-mediation-case-form>`
          : html`<qj-mediation-case-form user-id="u-a11y" theme=${variant}></qj-mediation-case-form>`,
      );
      await el.next(); // with the error summary shown
      await el.updateComplete;
      await expect(el).to.be.accessible();
      for (const step of mediationWorkflow.steps.map((candidate) => candidate.id)) {
        el.value = { caseId: null, currentStep: step, steps: complete };
        await el.updateComplete;
        await expect(el).to.be.accessible();
      }
      el.readonly = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('has 60px targets and 18px+ text in elder mode', async () => {
    const el = await mount(html`<qj-mediation-case-form user-id="u-a11y" elder></qj-mediation-case-form>`);
    const next = button(el, '下一步');
    expect(next.getBoundingClientRect().height).to.be.at.least(60);
    expect(parseFloat(getComputedStyle(control(el, 'identify', 'summary')!).fontSize)).to.be.at.least(18);
  });
});
