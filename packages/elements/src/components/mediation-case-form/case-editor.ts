/**
 * The editing side of `<qj-mediation-case-form>` as a Lit reactive controller: the data typed per step, which step is
 * current and which is shown, the errors shown (after Next / 退回, and live on blur), the 退回 panel, what the live
 * region announces, and where focus goes after a render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale, MediationStepId, StepDraft } from '@qiangji/contract';
import type { CaseFormValue } from './form-value.js';
import { stepName, type WorkflowStep } from './step-indicator.js';
import * as edits from './step-edits.js';
import type { FieldDef } from './steps/index.js';
import { controlId, type Translate } from './steps/render.js';
import { localizeFieldError, type StepErrors } from './validation.js';

export interface EditorState {
  steps: edits.Steps;
  currentIndex: number;
  /** The step shown: the current one, or a done one opened from the indicator. */
  viewIndex: number;
  errors: StepErrors;
  /** How the errors were asked for (the summary's wording); undefined: no summary. */
  errorMode: 'next' | 'back' | undefined;
  back: { open: boolean; reason: string; error: string };
  /** What the polite live region says. */
  announcement: string;
}

export interface CaseEditorOptions {
  workflowSteps(): ReadonlyArray<WorkflowStep>;
  locale(): Locale;
  t: Translate;
  /** The user changed the data (autosave, form value, `qj-case-change`). */
  edited(): void;
  /** The step shown changed by navigation (`qj-case-step`). */
  stepped(step: MediationStepId, index: number): void;
}

type FocusTarget = 'error' | 'heading' | 'reason';

export class CaseEditor implements ReactiveController {
  private view: EditorState = {
    steps: { identify: edits.initialStep('identify', '汉族') },
    currentIndex: 0,
    viewIndex: 0,
    errors: new Map(),
    errorMode: undefined,
    back: { open: false, reason: '', error: '' },
    announcement: '',
  };
  private focusAfterRender: FocusTarget | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly options: CaseEditorOptions,
  ) {
    host.addController(this);
  }

  get state(): Readonly<EditorState> {
    return this.view;
  }

  get stepIds(): MediationStepId[] {
    return this.options.workflowSteps().map((step) => step.id);
  }

  get currentStep(): MediationStepId {
    return this.stepIds[this.view.currentIndex] ?? 'identify';
  }

  get viewStep(): MediationStepId {
    return this.stepIds[this.view.viewIndex] ?? 'identify';
  }

  get isLastStep(): boolean {
    return this.view.currentIndex === this.stepIds.length - 1;
  }

  hostUpdated(): void {
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    if (focus === 'error') this.focusFirstError();
    else if (focus === 'heading') this.query('#step-heading')?.focus();
    else if (focus === 'reason') this.query('#back-reason, #back-confirm')?.focus();
  }

  // ---- data ---------------------------------------------------------------------------------------------------------

  /** What is sent for a step (as validated). */
  normalized(step: MediationStepId): StepDraft {
    return edits.normalizedStep(this.view.steps, step);
  }

  /** Show loaded or given data at its current step. */
  apply(value: Pick<CaseFormValue, 'currentStep' | 'steps'>): void {
    this.patch({ steps: { ...value.steps } });
    this.show(Math.max(0, this.stepIds.indexOf(value.currentStep)));
    this.clearErrors();
  }

  /** Start over: the server's case if there is one, else empty. */
  reset(start: Pick<CaseFormValue, 'currentStep' | 'steps'> | undefined): void {
    this.patch({ steps: start ? { ...start.steps } : {}, back: { ...this.view.back, open: false } });
    this.show(start ? Math.max(0, this.stepIds.indexOf(start.currentStep)) : 0);
    this.clearErrors();
  }

  setField(path: string, value: unknown): void {
    const step = this.viewStep;
    this.edit({ ...this.view.steps, [step]: edits.withField(this.view.steps, step, path, value) });
    if (this.view.errorMode && this.view.errors.size) this.patch({ errors: edits.revalidateShown(this.view.errors, this.view.steps, step, this.locale) });
  }

  blur(path: string, field: FieldDef): void {
    this.patch({ errors: edits.errorsOnBlur(this.view.errors, this.view.steps[this.viewStep], path, field, this.locale) });
  }

  addItem(path: string, field: FieldDef): void {
    const step = this.viewStep;
    const added = edits.withItemAdded(this.view.steps[step] ?? {}, path, field, this.options.t('defaultEthnicity'));
    this.edit({ ...this.view.steps, [step]: added.data });
    void this.host.updateComplete.then(() => this.query(`#${controlId(step, added.focusPath)}`)?.focus());
  }

  removeItem(path: string, index: number): void {
    this.edit(edits.withItemRemoved(this.view.steps, this.viewStep, path, index));
    this.patch({ errors: edits.errorsOutside(this.view.errors, path) });
  }

  // ---- navigation ---------------------------------------------------------------------------------------------------

  /** Show the current step again (after looking at a done one). */
  viewCurrent(): void {
    if (this.view.viewIndex !== this.view.currentIndex) this.patch({ viewIndex: this.view.currentIndex });
  }

  /** Validate the current step; false with its errors shown the way `mode` asks. */
  checkCurrent(mode: 'next' | 'back'): boolean {
    const errors = edits.stepErrors(this.view.steps, this.currentStep, this.locale);
    if (errors.size) this.showErrors(errors, mode);
    else this.clearErrors();
    return errors.size === 0;
  }

  /** Make step `index` current and shown, announce it and move focus to its heading. */
  goTo(index: number): void {
    this.show(index);
    this.announce(index);
    this.focusAfterRender = 'heading';
    this.options.stepped(this.stepIds[index]!, index);
  }

  /** Show a done step without making it current (server mode: changes go through 退回). */
  viewDone(index: number): void {
    this.clearErrors();
    this.patch({ viewIndex: index });
    this.announce(index);
    this.focusAfterRender = 'heading';
  }

  /** The server is on `step` (after a refusal or a conflict). */
  moveTo(step: MediationStepId): void {
    const index = this.stepIds.indexOf(step);
    if (index >= 0) this.patch({ currentIndex: index, viewIndex: index });
  }

  showErrors(errors: StepErrors, mode: 'next' | 'back'): void {
    this.patch({ errors, errorMode: mode, announcement: this.options.t(mode === 'next' ? 'errorSummary' : 'errorSummaryBack', { count: errors.size }) });
    this.focusAfterRender = 'error';
  }

  clearErrors(): void {
    this.patch({ errors: new Map(), errorMode: undefined });
  }

  // ---- the 退回 panel -----------------------------------------------------------------------------------------------

  /** Open the panel: the step's errors as on Next (nothing is discarded), else focus on the reason. */
  openBack(): void {
    const complete = this.checkCurrent('back');
    this.patch({ back: { ...this.view.back, open: true, error: '' } });
    if (complete) this.focusAfterRender = 'reason';
  }

  closeBack(): void {
    this.patch({ back: { ...this.view.back, open: false } });
    this.clearErrors();
  }

  setBackReason(reason: string): void {
    this.patch({ back: { ...this.view.back, reason } });
  }

  /** Server mode: 退回 without a reason is refused at the reason field. */
  requireBackReason(): void {
    const error = localizeFieldError({ message: '此项为必填项', messageEn: 'This field is required' }, this.locale);
    this.patch({ back: { ...this.view.back, open: true, error } });
    this.focusAfterRender = 'reason';
  }

  /** After 退回 went through: the panel closes and empties. */
  backDone(): void {
    this.patch({ back: { open: false, reason: '', error: '' } });
    this.clearErrors();
  }

  // ---- focus --------------------------------------------------------------------------------------------------------

  focusField(path: string): void {
    const element = this.query(`#${controlId(this.viewStep, path)}`);
    if (element) focusableIn(element).focus();
  }

  /** Focus the first field with an error, in document order. */
  private focusFirstError(): void {
    const elements = [...this.view.errors.keys()]
      .map((path) => this.query(`#${controlId(this.viewStep, path)}`))
      .filter((element): element is HTMLElement => Boolean(element));
    elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const first = elements[0];
    if (first) focusableIn(first).focus();
    else this.query('#error-summary-heading')?.focus();
  }

  // ---- helpers ------------------------------------------------------------------------------------------------------

  private get locale(): Locale {
    return this.options.locale();
  }

  /** Changes state and renders again (nothing when nothing changes). */
  private patch(change: Partial<EditorState>): void {
    if (Object.entries(change).every(([key, value]) => Object.is(this.view[key as keyof EditorState], value))) return;
    this.view = { ...this.view, ...change };
    this.host.requestUpdate();
  }

  private edit(steps: edits.Steps): void {
    this.patch({ steps });
    this.options.edited();
  }

  private show(index: number): void {
    const step = this.stepIds[index]!;
    const steps = this.view.steps[step] ? this.view.steps : { ...this.view.steps, [step]: edits.initialStep(step, this.options.t('defaultEthnicity')) };
    this.patch({ currentIndex: index, viewIndex: index, steps });
  }

  private announce(index: number): void {
    const step = this.options.workflowSteps()[index];
    if (step) this.patch({ announcement: this.options.t('stepOf', { n: index + 1, name: stepName(step, this.locale) }) });
  }

  private query(selector: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(selector);
  }
}

/** The control to focus for a field (the element itself, or the first enabled control inside a fieldset). */
export function focusableIn(element: HTMLElement): HTMLElement {
  if (element.matches('input, select, textarea, button')) return element;
  return element.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])') ?? element;
}
