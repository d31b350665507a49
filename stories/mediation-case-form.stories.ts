import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import type { MediationCase, MediationStepId } from '@qiangji/contract';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { fixtureCase } from './support/fixtures.js';
import { hostIn, renderElement, type ElementArgs } from './support/render.js';
import { inShadow, luminance, SETTLE_MS, textOf } from './support/shadow.js';

const tag = 'qj-mediation-case-form';
type Args = ElementArgs<typeof tag>;

/**
 * 茶文化六步调解法 case form: 识茶 → 醒茶 → 泡茶 → 斟茶 → 敬茶 → 悟茶. Server-mode stories work on the fixtures' cases
 * through the provider's (signed-in) fixtures client: case-0001 is at 识茶, case-0002 at 醒茶, case-0003 at 悟茶 with a
 * signed agreement. Steps 3–5 have no fixture case standing on them, so those stories show case-0003's data in local
 * mode (`mode="local"`, `.value`) at that step. Drafts are kept per story (`user-id`), so stories never restore each
 * other's.
 */
const meta = {
  title: 'Widgets/Mediation case form 调解案件表单',
  component: tag,
  parameters: { fixtures: { signedIn: true } },
  render: (args, context) => renderElement(tag, { userId: `storybook-${context.id}`, ...args }),
  args: { onQjCaseStep: fn(), onQjCaseConfirmed: fn(), onQjCaseChange: fn(), onQjCaseStatus: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

type FormElement = HTMLElementTagNameMap[typeof tag];
const form = (canvasElement: HTMLElement) => hostIn(canvasElement, tag);

async function ready(canvasElement: HTMLElement): Promise<FormElement> {
  const host = form(canvasElement);
  await host.whenReady();
  return host;
}

const heading = (host: FormElement) => textOf(host.shadowRoot!.querySelector('#step-heading'));
const control = <T extends HTMLElement = HTMLInputElement>(host: FormElement, step: MediationStepId, path: string) =>
  host.shadowRoot!.querySelector<T>(`#f-${step}-${path.replace(/\./g, '-')}`);

/** case-0003's data standing at `step` (local mode): what a mediator sees arriving at that step. */
function atStep(step: MediationStepId): Story['loaders'] {
  return [
    async () => {
      const saved: MediationCase = await fixtureCase('case-0003');
      return { value: { caseId: null, currentStep: step, steps: saved.steps } };
    },
  ];
}
const localAtStep: Story['render'] = (args, context: StoryContext) =>
  renderElement(tag, { userId: `storybook-${context.id}`, mode: 'local', ...args, value: context.loaded['value'] });

async function expectStep(host: FormElement, n: number, name: string): Promise<void> {
  await waitFor(() => expect(heading(host)).toBe(`第${n}步：${name}`), { timeout: SETTLE_MS });
  const steps = host.shadowRoot!.querySelectorAll('.steps li');
  await expect(steps).toHaveLength(6);
  await expect(steps[n - 1]).toHaveAttribute('aria-current', 'step');
}

export const Step1Identify: Story = {
  name: 'Step 1 识茶 (new case)',
  play: async ({ canvasElement }) => {
    const host = await ready(canvasElement);
    await expectStep(host, 1, '识茶');
    await expect(textOf(host.shadowRoot!.querySelector('h2'))).toBe('茶文化六步调解 · 案件登记');
    await expect(inShadow(host).getByRole('combobox', { name: /案件来源/ })).toBeVisible();
  },
};

export const ValidationErrors: Story = {
  name: 'Validation errors',
  play: async ({ canvasElement, args }) => {
    const host = await ready(canvasElement);
    const shadow = inShadow(host);
    await userEvent.click(shadow.getByRole('button', { name: '下一步' }));
    await waitFor(() => expect(host.shadowRoot!.querySelector('.error-summary')).not.toBeNull());
    const summary = host.shadowRoot!.querySelector('.error-summary')!;
    await expect(textOf(summary)).toContain('案件来源');
    await expect(textOf(summary)).toContain('当事人1 · 姓名');
    const source = control(host, 'identify', 'source')!;
    await expect(source).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(host.shadowRoot!.activeElement).toBe(source));
    // Still on step 1: nothing moved, nothing was sent.
    await expect(heading(host)).toBe('第1步：识茶');
    await expect(args.onQjCaseStep).not.toHaveBeenCalled();
    await expect(args.onQjCaseConfirmed).not.toHaveBeenCalled();
  },
};

export const RegisterCase: Story = {
  name: 'Register a case (识茶 → 醒茶 on the server)',
  play: async ({ canvasElement, args }) => {
    const host = await ready(canvasElement);
    const type = (path: string, text: string) => userEvent.type(control<HTMLInputElement | HTMLTextAreaElement>(host, 'identify', path)!, text);
    await userEvent.selectOptions(control<HTMLSelectElement>(host, 'identify', 'source')!, 'party_applied');
    await userEvent.selectOptions(control<HTMLSelectElement>(host, 'identify', 'disputeType')!, 'neighbourhood');
    for (const [index, [name, phone]] of [['陈柔燕', '13812341234'], ['林志明', '13923456789']].entries()) {
      await type(`parties.${index}.name`, name!);
      await userEvent.click(host.shadowRoot!.querySelector<HTMLInputElement>(`#f-identify-parties-${index}-sex-1`)!);
      await type(`parties.${index}.age`, '45');
      await type(`parties.${index}.occupation`, '茶农');
      await type(`parties.${index}.phone`, phone!);
      await type(`parties.${index}.address`, '潮州市湘桥区意溪镇某村');
    }
    await type('summary', '排水沟堵塞引发纠纷（故事演示）');
    await type('crux', '排水沟归属不清');
    await userEvent.click(inShadow(host).getByRole('button', { name: '下一步' }));
    await expectStep(host, 2, '醒茶');
    await expect(args.onQjCaseStep).toHaveBeenCalledWith(expect.objectContaining({ detail: { step: 'awaken', index: 1 } }));
    // The fixtures server registered it and confirmed the advance.
    await waitFor(() => expect(args.onQjCaseConfirmed).toHaveBeenCalled(), { timeout: SETTLE_MS });
    const confirmed = args.onQjCaseConfirmed!.mock.lastCall![0].detail.case as MediationCase;
    await waitFor(() => expect(textOf(host.shadowRoot!.querySelector('h2'))).toBe(`调解案件 ${confirmed.caseNumber}`), { timeout: SETTLE_MS });
  },
};

export const Step2Awaken: Story = {
  name: 'Step 2 醒茶 (case-0002)',
  args: { caseId: 'case-0002' },
  play: async ({ canvasElement }) => {
    const host = await ready(canvasElement);
    await expectStep(host, 2, '醒茶');
    const saved = await fixtureCase('case-0002');
    await expect(textOf(host.shadowRoot!.querySelector('h2'))).toBe(`调解案件 ${saved.caseNumber}`);
    await expect(control<HTMLTextAreaElement>(host, 'awaken', 'statements.0.statement')).toHaveValue('对方长期不清理排水沟');
  },
};

export const Step3Brew: Story = {
  name: 'Step 3 泡茶',
  loaders: atStep('brew'),
  render: localAtStep,
  play: async ({ canvasElement }) => {
    const host = await ready(canvasElement);
    await expectStep(host, 3, '泡茶');
    await expect(control<HTMLTextAreaElement>(host, 'brew', 'facts')).toHaveValue('双方签订买卖合同，部分货物有瑕疵');
  },
};

export const Step4Pour: Story = {
  name: 'Step 4 斟茶',
  loaders: atStep('pour'),
  render: localAtStep,
  play: async ({ canvasElement }) => {
    const host = await ready(canvasElement);
    await expectStep(host, 4, '斟茶');
    await expect(control<HTMLTextAreaElement>(host, 'pour', 'proposal')).toHaveValue('扣减部分货款后付清');
  },
};

export const Step5Serve: Story = {
  name: 'Step 5 敬茶 (agreement)',
  loaders: atStep('serve'),
  render: localAtStep,
  play: async ({ canvasElement }) => {
    const host = await ready(canvasElement);
    await expectStep(host, 5, '敬茶');
    await expect(control<HTMLTextAreaElement>(host, 'serve', 'agreement.terms')).toHaveValue('扣减一成货款后一次付清');
    await expect(control<HTMLInputElement>(host, 'serve', 'partiesSigned')).toBeChecked();
  },
};

export const Step6Reflect: Story = {
  name: 'Step 6 悟茶 (case-0003)',
  args: { caseId: 'case-0003' },
  play: async ({ canvasElement }) => {
    const host = await ready(canvasElement);
    await expectStep(host, 6, '悟茶');
    await expect(inShadow(host).getByRole('note')).toHaveTextContent('司法确认申请期限');
    await expect(inShadow(host).getByRole('button', { name: '回访结案' })).toBeVisible();
  },
};

export const ReadOnlyWithTimeline: Story = {
  name: 'Read-only with timeline',
  args: { caseId: 'case-0003', readonly: true },
  play: async ({ canvasElement }) => {
    const host = await ready(canvasElement);
    const shadow = inShadow(host);
    const saved = await fixtureCase('case-0003');
    await waitFor(() => expect(shadow.getByRole('heading', { name: `案件卷宗 · ${saved.caseNumber}` })).toBeVisible(), { timeout: SETTLE_MS });
    await expect(shadow.getByRole('heading', { name: '办理经过' })).toBeVisible();
    await expect(host.shadowRoot!.querySelectorAll('.timeline li')).toHaveLength(saved.history.length);
    // Nothing to type into.
    await expect(host.shadowRoot!.querySelector('input, select, textarea')).toBeNull();
  },
};

export const Elder: Story = {
  name: 'Elder mode 长者模式',
  globals: { elder: 'on' },
  play: async ({ canvasElement }) => {
    const host = await ready(canvasElement);
    await expect(host).toHaveAttribute('data-qj-elder');
    const next = inShadow(host).getByRole('button', { name: '下一步' });
    await expect(next.getBoundingClientRect().height).toBeGreaterThanOrEqual(60);
    await expect(Number.parseFloat(getComputedStyle(control(host, 'identify', 'summary')!).fontSize)).toBeGreaterThanOrEqual(18);
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const host = await ready(canvasElement);
    await expect(host).toHaveAttribute('data-qj-theme', 'dark');
    await expect(luminance(getComputedStyle(control(host, 'identify', 'summary')!).color)).toBeGreaterThan(0.5);
  },
};

export const TraditionalChinese: Story = {
  name: '繁體中文 zh-HK',
  globals: { locale: 'zh-HK' },
  play: async ({ canvasElement }) => {
    const host = await ready(canvasElement);
    await expect(textOf(host.shadowRoot!.querySelector('h2'))).toBe('茶文化六步調解 · 案件登記');
    await expect(inShadow(host).getByRole('combobox', { name: /案件來源/ })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const host = await ready(canvasElement);
    await expect(heading(host)).toMatch(/^Step 1: /);
    await expect(inShadow(host).getByRole('button', { name: 'Next' })).toBeVisible();
  },
};
