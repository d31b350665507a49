import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Locale, MediationCase, MediationStepId } from '@qiangji/contract';
import { QjElement } from '../../base/qj-element.js';
import { clientContext } from '../../context/contexts.js';
import { ContextConsumer } from '../../context/protocol.js';
import { formatMessage, type CaseFormMessageKey } from './case-form.i18n.js';
import { caseFileStyles } from './case-file.styles.js';
import { caseFormStyles } from './case-form.styles.js';
import { CaseEditor, focusableIn } from './case-editor.js';
import { CaseSession } from './case-session.js';
import { errorMessage, isCaseFormClient, type CaseFormClient } from './client.js';
import { renderEditor, renderHeader } from './editor-view.js';
import { formInvalidity, parseFormState, parseRequiredSteps, type CaseFormValue } from './form-value.js';
import type { OutboxOpInput, OutboxStatus } from './outbox.js';
import { renderReadonly } from './readonly-view.js';
import { controlId } from './steps/render.js';

export type { CaseFormValue } from './form-value.js';
export type { CaseFormClient } from './client.js';

/** How the form sends: through the SDK (server), or only as a form value / events (local). */
export type CaseFormMode = 'auto' | 'local' | 'server';

declare global {
  interface GlobalEventHandlersEventMap {
    'qj-case-change': CustomEvent<CaseFormValue>;
    'qj-case-step': CustomEvent<{ step: MediationStepId; index: number }>;
    'qj-case-status': CustomEvent<OutboxStatus>;
    'qj-case-confirmed': CustomEvent<{ case: MediationCase }>;
    'qj-case-complete': CustomEvent<CaseFormValue>;
  }
}

type CaseEvent = 'qj-case-change' | 'qj-case-step' | 'qj-case-status' | 'qj-case-confirmed' | 'qj-case-complete';

/**
 * `<qj-mediation-case-form>` — the 茶文化六步调解法 case form: 识茶 → 醒茶 → 泡茶 → 斟茶 → 敬茶 → 悟茶.
 *
 * Form-associated (`name`, `value` = the case JSON, validity from `required-steps`, reset/restore/disabled), and
 * standalone it sends through the SDK client (property `client`, or a `<qj-provider>`'s, also one handed down after
 * the form connected), queueing offline. Drafts autosave to IndexedDB per user and case and are restored after a
 * reload with a visible notice. Colours follow the shared `--qj-sys-*` tokens.
 *
 * @fires qj-case-change - the data changed (detail: the value)
 * @fires qj-case-step - the step shown changed
 * @fires qj-case-status - the submission queue changed state (queued / sending / sent / retrying / failed)
 * @fires qj-case-confirmed - the server confirmed an operation (detail: the case as saved)
 * @fires qj-case-complete - local mode: the last step passed validation
 *
 * @csspart header - Title and notices above the form.
 * @csspart title - The form's heading (案件登记, or the case number).
 * @csspart notice - A notice: restored draft, load or conflict error, viewing a done step, the 司法确认 reminder.
 * @csspart status - The submission status notice (queued / sending / sent / retrying / failed); also a `notice`.
 * @csspart loading - The loading line.
 * @csspart step-indicator - The six tea steps with their state.
 * @csspart step - One step of the indicator (`data-state` done | current | remaining).
 * @csspart step-panel - The step shown: heading, gloss, error summary and fields.
 * @csspart error-summary - The list of the step's errors shown after Next or 退回.
 * @csspart field - One field: label, control, hint and error.
 * @csspart back-panel - The 退回 panel with the reason.
 * @csspart actions - A row of action buttons.
 * @csspart button - An action button (退回, 保存, 下一步, retry, add or remove an item …).
 * @csspart primary-button - The main action of a row (下一步 / 回访结案, 确认退回, print); also a `button`.
 * @csspart case-file - The read-only case file.
 * @csspart timeline - The case's history in the read-only case file.
 * @csspart agreement - The printable 调解协议书.
 *
 * @cssprop [--qj-mediation-accent=var(--qj-sys-color-green)] - Accent: current step, primary buttons, notices.
 * @cssprop [--qj-mediation-tea=var(--qj-sys-color-yellow)] - Tea colour: step cups, queued status, 退回 panel, timeline.
 */
export class QjMediationCaseForm extends QjElement {
  static override styles = [...QjElement.styles, caseFormStyles, caseFileStyles];
  static formAssociated = true;

  /** SDK client (else the enclosing provider's). */
  @property({ attribute: false }) client: CaseFormClient | undefined;
  /** Edit this existing case; without it the form registers a new one (or resumes the user's unsent draft). */
  @property({ attribute: 'case-id', reflect: true }) caseId: string | undefined;
  /** Org unit of a new case (default: the signed-in user's). */
  @property({ attribute: 'org-unit-id' }) orgUnitId: string | undefined;
  /** Scope of the local drafts (default: the signed-in user's id, or `anonymous`). */
  @property({ attribute: 'user-id' }) userId: string | undefined;
  /** Name under which a host `<form>` submits the value. */
  @property({ reflect: true }) name = '';
  /** Steps that must be complete for the form to be valid (spaces or commas). */
  @property({ attribute: 'required-steps' }) requiredSteps = 'identify';
  /** Read-only case file with the timeline and the printable agreement. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** `auto`: through the SDK when a client is there and the form is not inside a host `<form>`. */
  @property() mode: CaseFormMode = 'auto';

  @state() private formDisabled = false;
  @state() private agreementOpen = false;

  private readonly internals: ElementInternals;
  /**
   * The enclosing provider's client. A provider hands it down after the form connected (one update later, or whenever
   * a page sets it): every new value requests an update, and the session reloads when its inputs changed.
   */
  private readonly clientConsumer = new ContextConsumer(this, clientContext);
  private readonly session: CaseSession = new CaseSession(this, {
    inputs: () => ({ client: this.isServerMode ? this.activeClient : undefined, caseId: this.caseId, userId: this.userId }),
    orgUnitId: () => this.orgUnitId,
    locale: () => this.locale,
    t: (key, values) => this.t$(key, values),
    data: () => ({ currentStep: this.editor.currentStep, steps: this.editor.state.steps }),
    apply: (value) => this.editor.apply(value),
    reset: () => this.resetData(),
    moveTo: (step) => this.editor.moveTo(step),
    refused: (step, errors) => {
      this.editor.moveTo(step);
      this.editor.showErrors(errors, 'next');
    },
    changed: (save) => this.changed(save),
    onStatus: (status) => this.dispatch('qj-case-status', status),
    onConfirmed: (confirmed) => this.dispatch('qj-case-confirmed', { case: confirmed }),
  });
  private readonly editor: CaseEditor = new CaseEditor(this, {
    workflowSteps: () => this.session.state.workflow.steps,
    locale: () => this.locale,
    t: (key, values) => this.t$(key, values),
    edited: () => {
      this.session.draft.dirty = true;
      this.changed();
    },
    stepped: (step, index) => this.dispatch('qj-case-step', { step, index }),
  });

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  // ---- public API -------------------------------------------------------------------------------------------------

  /** The case data (as submitted by a host form). */
  get value(): CaseFormValue {
    return { caseId: this.session.caseId, currentStep: this.editor.currentStep, steps: this.editor.state.steps };
  }
  set value(value: CaseFormValue | string) {
    const parsed = typeof value === 'string' ? parseFormState(value) : value;
    if (!parsed) return;
    this.editor.apply(parsed);
    this.changed();
  }
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }
  /** Submissions waiting to be sent. */
  get pending(): number {
    return this.session.pending;
  }
  /** The submission queue's state. */
  get submitStatus(): OutboxStatus {
    return this.session.state.status;
  }

  /** Save the current step (server mode: queued to the server; local mode: to the device). */
  async save(): Promise<void> {
    await this.updateComplete;
    if (this.isServerMode) await this.session.enqueue([this.saveOp(this.editor.currentStep)]);
    await this.session.draft.flush();
    if (!this.isServerMode) this.session.notify({ kind: 'info', text: this.t$('statusDraftSaved') });
  }

  /** Validate the current step and move on (server mode: saved and advanced through the queue). */
  async next(): Promise<boolean> {
    const editor = this.editor;
    editor.viewCurrent();
    if (!editor.checkCurrent('next')) return false;
    const step = editor.currentStep;
    const last = editor.isLastStep;
    const ops: OutboxOpInput[] = last ? [{ kind: 'followUp', step, data: editor.normalized(step) }] : [this.saveOp(step), { kind: 'advance', step }];
    // Local first: move on at once (a second click then validates the next step instead of repeating this one).
    if (!last) editor.goTo(editor.state.currentIndex + 1);
    else if (!this.isServerMode) this.dispatch('qj-case-complete', this.value);
    this.changed();
    if (this.isServerMode) await this.session.enqueue(ops);
    return true;
  }

  /** Open the 退回 panel (validation shown the same way as on Next; nothing is discarded). */
  requestBack(): void {
    if (this.editor.state.currentIndex > 0) this.editor.openBack();
  }

  /** Go back one step (退回), keeping every field. Server mode needs a reason. */
  async back(reason = this.editor.state.back.reason): Promise<boolean> {
    const editor = this.editor;
    if (editor.state.currentIndex === 0) return false;
    const step = editor.currentStep;
    if (this.isServerMode && !reason.trim()) {
      editor.requireBackReason();
      return false;
    }
    const ops: OutboxOpInput[] = [this.saveOp(step), { kind: 'back', step, reason: reason.trim() }];
    editor.backDone();
    editor.goTo(editor.state.currentIndex - 1);
    this.changed();
    if (this.isServerMode) await this.session.enqueue(ops);
    return true;
  }

  /** Send queued submissions now. */
  retry(): Promise<void> {
    return this.session.retry();
  }

  /** Write the pending draft to IndexedDB now. */
  flushDraft(): Promise<void> {
    return this.session.draft.flush();
  }

  /** Remove this form's local draft (e.g. once a host form's server confirmed the submission). */
  clearDraft(): Promise<void> {
    return this.session.clearDraft();
  }

  /** Discard the restored draft and start again from the server's data (or empty). */
  discardDraft(): Promise<void> {
    return this.session.discardDraft();
  }

  /** Resolves once the workflow, the case and any draft are loaded and rendered. */
  whenReady(): Promise<void> {
    return this.session.whenReady();
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------------------

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.updateFormValue();
  }

  formResetCallback(): void {
    this.session.formReset();
    this.resetData();
    this.changed(false);
  }

  formStateRestoreCallback(state: unknown): void {
    const value = parseFormState(state);
    if (value) this.editor.apply(value);
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  // ---- state --------------------------------------------------------------------------------------------------------

  private get activeClient(): CaseFormClient | undefined {
    if (this.client) return this.client;
    const provided = this.clientConsumer.value;
    return isCaseFormClient(provided) ? provided : undefined;
  }

  private get isServerMode(): boolean {
    if (this.mode === 'local') return false;
    if (this.mode === 'server') return Boolean(this.activeClient);
    return Boolean(this.activeClient) && !this.internals.form;
  }

  private get locale(): Locale {
    return this.effectiveLocale;
  }

  private get isReadonly(): boolean {
    const serverCase = this.session.state.serverCase;
    return this.readonly || serverCase?.status === 'closed' || serverCase?.masked === true;
  }

  private get canSeePersonalData(): boolean {
    const { serverCase, viewer } = this.session.state;
    if (serverCase?.masked) return false;
    return viewer ? viewer.canSeePersonalData : !this.isServerMode;
  }

  /** This element's own catalog (kept beside it until merged into the shared one). */
  private readonly t$ = (key: CaseFormMessageKey, values?: Record<string, string | number>): string => formatMessage(this.locale, key, values);

  private saveOp(step: MediationStepId): OutboxOpInput {
    return this.session.saveOp(step, this.editor.normalized(step));
  }

  /** Start over from the server's case, or empty. */
  private resetData(): void {
    this.editor.reset(this.session.state.serverCase ?? undefined);
    this.session.draft.dirty = false;
  }

  /** Done steps: in server mode shown read-only (changes go through 退回); locally simply reopened. */
  private selectStep(index: number): void {
    if (this.isServerMode) {
      this.editor.viewDone(index);
      return;
    }
    this.editor.clearErrors();
    this.editor.goTo(index);
    this.changed();
  }

  /** Every change: autosave the draft (debounced), update the form value, tell the page. */
  private changed(save = true): void {
    if (save) this.session.draft.autosave();
    this.updateFormValue();
    if (save) this.dispatch('qj-case-change', this.value);
  }

  private updateFormValue(): void {
    const json = JSON.stringify(this.value);
    this.internals.setFormValue(json, json);
    const workflowSteps = this.session.state.workflow.steps;
    const invalid = formInvalidity(this.value, parseRequiredSteps(this.requiredSteps), { locale: this.locale, t: this.t$, workflowSteps });
    if (!invalid) {
      this.internals.setValidity({});
      return;
    }
    const anchor =
      (invalid.step === this.editor.viewStep ? this.renderRoot?.querySelector?.<HTMLElement>(`#${controlId(invalid.step, invalid.path)}`) : null) ??
      this.renderRoot?.querySelector?.<HTMLElement>('#step-heading');
    if (anchor?.isConnected) this.internals.setValidity(invalid.flags, invalid.message, focusableIn(anchor));
    else this.internals.setValidity(invalid.flags, invalid.message);
  }

  private dispatch<K extends CaseEvent>(name: K, detail: GlobalEventHandlersEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  // ---- rendering ----------------------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const t = this.t$;
    const { serverCase, restoredAt, status, notice, loading } = this.session.state;
    return html`
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.editor.state.announcement}</div>
      ${renderHeader({
        title: serverCase ? t('formTitleCase', { caseNumber: serverCase.caseNumber }) : t('formTitle'),
        locale: this.locale,
        t,
        restoredAt,
        status,
        notice,
        errorText: (error) => errorMessage(error, this.locale),
        onDismissRestored: () => this.session.dismissRestored(),
        onDiscardDraft: () => void this.discardDraft(),
        onRetry: () => void this.retry(),
      })}
      ${loading ? html`<p role="status" part="loading">${t('loading')}</p>` : nothing}
      ${this.isReadonly ? this.renderCaseFile() : this.renderStepEditor()}
    `;
  }

  private renderCaseFile(): TemplateResult {
    const { serverCase, workflow } = this.session.state;
    const caseId = serverCase?.id;
    return renderReadonly({
      steps: workflow.steps,
      data: this.editor.state.steps,
      serverCase,
      locale: this.locale,
      t: this.t$,
      canSeePersonalData: this.canSeePersonalData,
      agreementOpen: this.agreementOpen,
      onPrint: () => {
        this.agreementOpen = true;
        void this.updateComplete.then(() => window.print());
      },
      onOpenAgreement: this.activeClient && caseId ? () => void this.session.openAgreement(caseId) : undefined,
    });
  }

  private renderStepEditor(): TemplateResult {
    const editor = this.editor;
    const { steps, currentIndex, viewIndex, errors, errorMode, back } = editor.state;
    return renderEditor({
      locale: this.locale,
      t: this.t$,
      workflowSteps: this.session.state.workflow.steps,
      data: steps,
      currentIndex,
      viewIndex,
      errors,
      errorMode,
      disabled: this.disabled || this.formDisabled,
      serverMode: this.isServerMode,
      judicialConfirmationDue: this.session.state.serverCase?.judicialConfirmationDue,
      back,
      on: {
        set: (path, value) => editor.setField(path, value),
        blur: (path, field) => editor.blur(path, field),
        addItem: (path, field) => editor.addItem(path, field),
        removeItem: (path, index) => editor.removeItem(path, index),
        selectStep: (index) => this.selectStep(index),
        focusField: (path) => editor.focusField(path),
        backReason: (reason) => editor.setBackReason(reason),
        cancelBack: () => editor.closeBack(),
        confirmBack: () => void this.back(),
        requestBack: () => this.requestBack(),
        save: () => void this.save(),
        next: () => void this.next(),
      },
    });
  }
}
