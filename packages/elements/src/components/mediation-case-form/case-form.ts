import { ContextConsumer } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { get as idbGet, set as idbSet, del as idbDel } from 'idb-keyval';
import { mediationWorkflow, type Locale, type MediationCase, type MediationStepId, type MediationWorkflow, type StepDraft, type Viewer } from '@qiangji/contract';
import { QjElement } from '../../base/qj-element.js';
import { clientContext } from '../../context/contexts.js';
import { formatMessage, type CaseFormMessageKey } from './case-form.i18n.js';
import { caseFormStyles } from './case-form.styles.js';
import { renderBackPanel, renderErrorSummary, renderRestoredNotice, renderStatusNotice, renderStepExtras, singleClick } from './editor-parts.js';
import { asApiError, classifyFailure, isConflict, isValidation, type CaseFormClient } from './client.js';
import { ANONYMOUS, clearUser, draftIdbStore, DraftStore, randomId, type CaseDraft } from './draft-store.js';
import { firstIncompleteStep, hasContent, parseFormState, parseRequiredSteps, type CaseFormValue } from './form-value.js';
import { Outbox, type OutboxOp, type OutboxOpInput, type OutboxStatus } from './outbox.js';
import { renderReadonly } from './readonly-view.js';
import { renderStepIndicator, stepName, type WorkflowStep } from './step-indicator.js';
import { emptyParty, stepDefinitions, type FieldDef } from './steps/index.js';
import { controlId, getPath, labelForPath, renderFields, setPath, type StepRenderContext } from './steps/render.js';
import { makeExecutor, StepMismatchError } from './sync.js';
import { alignStatements, localizeFieldError, normalizeStep, serverFieldToLocal, validatePersonal, validateStep, type StepErrors } from './validation.js';

export type { CaseFormValue } from './form-value.js';
export type { CaseFormClient } from './client.js';

type Steps = Partial<Record<MediationStepId, StepDraft>>;
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

const META_VIEWER = 'meta:lastViewer';
const hasMediationCases = (client: unknown): client is CaseFormClient =>
  Boolean(client && typeof client === 'object' && 'mediationCases' in client && 'auth' in client);

/**
 * `<qj-mediation-case-form>` — the 茶文化六步调解法 case form: 识茶 → 醒茶 → 泡茶 → 斟茶 → 敬茶 → 悟茶.
 *
 * Form-associated (`name`, `value` = the case JSON, validity from `required-steps`, reset/restore/disabled), and
 * standalone it sends through the SDK client (property `client`, or a `<qj-provider>`'s), queueing offline.
 * Drafts autosave to IndexedDB per user and case and are restored after a reload with a visible notice.
 *
 * @fires qj-case-change - the data changed (detail: the value)
 * @fires qj-case-step - the step shown changed
 * @fires qj-case-status - the submission queue changed state (queued / sending / sent / retrying / failed)
 * @fires qj-case-confirmed - the server confirmed an operation (detail: the case as saved)
 * @fires qj-case-complete - local mode: the last step passed validation
 */
export class QjMediationCaseForm extends QjElement {
  static override styles = [...QjElement.styles, caseFormStyles];
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

  @state() private workflow: MediationWorkflow = mediationWorkflow;
  @state() private steps: Steps = { identify: stepDefinitions.identify.initial({ ethnicity: '汉族' }) };
  @state() private currentIndex = 0;
  @state() private viewIndex = 0;
  @state() private errors: StepErrors = new Map();
  @state() private errorMode: 'next' | 'back' | undefined;
  @state() private backOpen = false;
  @state() private backReason = '';
  @state() private backReasonError = '';
  @state() private serverCase: MediationCase | null = null;
  @state() private restoredAt: string | undefined;
  @state() private status: OutboxStatus = { state: 'idle', pending: 0 };
  @state() private notice: { kind: 'info' | 'error'; text: string } | undefined;
  @state() private announcement = '';
  @state() private formDisabled = false;
  @state() private agreementOpen = false;
  @state() private viewer: Viewer | undefined;
  @state() private loading = false;

  private readonly internals: ElementInternals;
  private readonly drafts = new DraftStore(draftIdbStore());
  private outbox: Outbox | undefined;
  private localId = randomId();
  private idempotencyKey = randomId();
  private startedBlank = true;
  private draftUser = ANONYMOUS;
  /** Local changes not yet captured by a queued submission. */
  private dirty = false;
  private generation = 0;
  private initPromise: Promise<void> = Promise.resolve();
  private focusAfterRender: 'error' | 'heading' | 'reason' | undefined;
  private unsubscribeLogout: (() => void) | undefined;
  private readonly clientConsumer = new ContextConsumer(this, { context: clientContext, subscribe: true });
  private readonly onHidden = () => {
    if (document.visibilityState === 'hidden') void this.drafts.flush();
  };
  private readonly onPageHide = () => void this.drafts.flush();

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  // ---- public API -------------------------------------------------------------------------------------------------

  /** The case data (as submitted by a host form). */
  get value(): CaseFormValue {
    return { caseId: this.serverCase?.id ?? this.outbox?.state.caseId ?? null, currentStep: this.stepIds[this.currentIndex]!, steps: this.steps };
  }
  set value(value: CaseFormValue | string) {
    const parsed = typeof value === 'string' ? parseFormState(value) : value;
    if (!parsed) return;
    this.applyValue(parsed);
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
    return this.outbox?.pending ?? 0;
  }
  /** The submission queue's state. */
  get submitStatus(): OutboxStatus {
    return this.status;
  }

  /** Save the current step (server mode: queued to the server; local mode: to the device). */
  async save(): Promise<void> {
    await this.updateComplete;
    if (this.isServerMode) await this.enqueue([this.saveOp(this.currentStep)]);
    await this.drafts.flush();
    if (!this.isServerMode) this.notice = { kind: 'info', text: this.t$('statusDraftSaved') };
  }

  /** Validate the current step and move on (server mode: saved and advanced through the queue). */
  async next(): Promise<boolean> {
    if (this.viewIndex !== this.currentIndex) this.viewIndex = this.currentIndex;
    const step = this.currentStep;
    const errors = this.validateCurrent();
    if (errors.size) {
      this.showErrors(errors, 'next');
      return false;
    }
    this.clearErrors();
    const last = this.currentIndex === this.stepIds.length - 1;
    const ops: OutboxOpInput[] = last
      ? [{ kind: 'followUp', step, data: this.normalizedData(step) }]
      : [this.saveOp(step), { kind: 'advance', step }];
    // Local first: move on at once (a second click then validates the next step instead of repeating this one).
    if (!last) this.goTo(this.currentIndex + 1);
    else if (!this.isServerMode) this.dispatch('qj-case-complete', this.value);
    this.changed();
    if (this.isServerMode) await this.enqueue(ops);
    return true;
  }

  /** Open the 退回 panel (validation shown the same way as on Next; nothing is discarded). */
  requestBack(): void {
    if (this.currentIndex === 0) return;
    const errors = this.validateCurrent();
    this.backOpen = true;
    this.backReasonError = '';
    if (errors.size) this.showErrors(errors, 'back');
    else {
      this.clearErrors();
      this.focusAfterRender = 'reason';
    }
  }

  private cancelBack(): void {
    this.backOpen = false;
    this.clearErrors();
  }

  /** Go back one step (退回), keeping every field. Server mode needs a reason. */
  async back(reason = this.backReason): Promise<boolean> {
    if (this.currentIndex === 0) return false;
    const step = this.currentStep;
    if (this.isServerMode && !reason.trim()) {
      this.backOpen = true;
      this.backReasonError = localizeFieldError({ message: '此项为必填项', messageEn: 'This field is required' }, this.locale);
      this.focusAfterRender = 'reason';
      return false;
    }
    const ops: OutboxOpInput[] = [this.saveOp(step), { kind: 'back', step, reason: reason.trim() }];
    this.backOpen = false;
    this.backReason = '';
    this.backReasonError = '';
    this.clearErrors();
    this.goTo(this.currentIndex - 1);
    this.changed();
    if (this.isServerMode) await this.enqueue(ops);
    return true;
  }

  /** Send queued submissions now. */
  retry(): Promise<void> {
    return this.outbox?.retryNow() ?? Promise.resolve();
  }

  /** Write the pending draft to IndexedDB now. */
  flushDraft(): Promise<void> {
    return this.drafts.flush();
  }

  /** Remove this form's local draft (e.g. once a host form's server confirmed the submission). */
  async clearDraft(): Promise<void> {
    this.dirty = false;
    await this.drafts.remove({ userId: this.draftUser, caseId: this.outbox?.state.caseId ?? this.caseId ?? null, localId: this.localId });
  }

  /** Discard the restored draft and start again from the server's data (or empty). */
  async discardDraft(): Promise<void> {
    await this.clearDraft();
    await this.outbox?.clear();
    this.restoredAt = undefined;
    this.resetData();
    this.initPromise = this.init();
    await this.initPromise;
  }

  /** Resolves once the workflow, the case and any draft are loaded and rendered. */
  async whenReady(): Promise<void> {
    let current: Promise<void> | undefined;
    while (current !== this.initPromise) {
      current = this.initPromise;
      await current;
    }
    await this.updateComplete;
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onHidden);
    window.addEventListener('pagehide', this.onPageHide);
    this.initPromise = this.init();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onHidden);
    window.removeEventListener('pagehide', this.onPageHide);
    void this.drafts.flush();
    this.outbox?.dispose();
    this.unsubscribeLogout?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('caseId') || changed.has('client') || changed.has('userId') || changed.has('mode'))) {
      this.initPromise = this.init();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.updateFormValue();
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    if (focus === 'error') this.focusFirstError();
    else if (focus === 'heading') this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
    else if (focus === 'reason') this.renderRoot.querySelector<HTMLElement>('#back-reason, #back-confirm')?.focus();
  }

  formResetCallback(): void {
    void this.clearDraft();
    this.localId = randomId();
    this.idempotencyKey = randomId();
    this.restoredAt = undefined;
    this.resetData();
    this.changed(false);
  }

  formStateRestoreCallback(state: unknown): void {
    const value = parseFormState(state);
    if (value) this.applyValue(value);
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  // ---- loading ------------------------------------------------------------------------------------------------------

  private get activeClient(): CaseFormClient | undefined {
    if (this.client) return this.client;
    const provided = this.clientConsumer.value;
    return hasMediationCases(provided) ? provided : undefined;
  }

  private get isServerMode(): boolean {
    if (this.mode === 'local') return false;
    if (this.mode === 'server') return Boolean(this.activeClient);
    return Boolean(this.activeClient) && !this.internals.form;
  }

  private get locale(): Locale {
    return this.effectiveLocale;
  }

  private get stepIds(): MediationStepId[] {
    return this.workflow.steps.map((step) => step.id);
  }

  private get currentStep(): MediationStepId {
    return this.stepIds[this.currentIndex] ?? 'identify';
  }

  private get viewStep(): MediationStepId {
    return this.stepIds[this.viewIndex] ?? 'identify';
  }

  /** Workflow, viewer, case and draft; reruns when case-id, client, user-id or mode change. */
  private async init(): Promise<void> {
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    const client = this.isServerMode ? this.activeClient : undefined;
    this.loading = true;
    this.notice = undefined;
    this.outbox?.dispose();
    this.outbox = undefined;
    this.unsubscribeLogout?.();
    this.unsubscribeLogout = (client as { auth?: { onLogout?: (listener: () => void) => () => void } } | undefined)?.auth?.onLogout?.(() => void this.onLogout());

    const [workflow, viewer] = await Promise.all([this.loadWorkflow(client), this.loadViewer(client)]);
    if (stale()) return;
    this.workflow = workflow;
    this.viewer = viewer;
    this.draftUser = this.userId || viewer?.user?.id || ANONYMOUS;

    let serverCase: MediationCase | null = null;
    if (client && this.caseId) {
      try {
        serverCase = await client.mediationCases.get(this.caseId);
      } catch (error) {
        if (classifyFailure(error) === 'fail') this.notice = { kind: 'error', text: this.t$('loadFailed', { message: this.errorText(error) }) };
      }
      if (stale()) return;
    }
    const draft = this.caseId
      ? await this.drafts.load(this.draftUser, { caseId: this.caseId }).catch(() => undefined)
      : await this.drafts.latestResumable(this.draftUser).catch(() => undefined);
    if (stale()) return;

    this.serverCase = serverCase;
    if (serverCase) this.applyValue({ caseId: serverCase.id, currentStep: serverCase.currentStep, steps: serverCase.steps });
    if (draft) {
      this.localId = draft.localId;
      this.idempotencyKey = draft.idempotencyKey;
      this.startedBlank = draft.startedBlank;
      this.applyValue({ caseId: draft.caseId, currentStep: draft.currentStep, steps: draft.steps });
      this.restoredAt = draft.updatedAt;
      this.dirty = true;
    } else {
      this.startedBlank = !this.caseId;
    }
    if (client) {
      const outbox = new Outbox({
        userId: this.draftUser,
        localId: this.localId,
        stepOrder: this.stepIds,
        execute: makeExecutor({ client: () => this.activeClient, orgUnitId: () => this.resolveOrgUnitId(), stepOrder: () => this.stepIds }),
        classify: (error) => (error instanceof StepMismatchError ? 'fail' : classifyFailure(error)),
        onStatus: (status) => this.onStatus(status),
        onConfirmed: (confirmed, op, remaining) => void this.onConfirmed(confirmed, op, remaining),
        onFailed: (op, error) => this.onFailed(op, error),
      });
      this.outbox = outbox;
      const entry = await outbox.load();
      if (stale()) return;
      // The server's state is the truth for what the queue still has to do (a lost answer may have been applied).
      const id = serverCase?.id ?? entry.caseId ?? draft?.caseId;
      const fresh = serverCase ?? (id ? await client.mediationCases.get(id).catch(() => null) : null);
      if (stale()) return;
      if (fresh) {
        this.serverCase = fresh;
        await outbox.setServerState(fresh);
      }
    }
    this.loading = false;
    this.changed(false);
  }

  private async loadWorkflow(client: CaseFormClient | undefined): Promise<MediationWorkflow> {
    if (!client) return mediationWorkflow;
    try {
      const workflow = await client.mediationCases.workflow();
      return workflow.steps.length ? workflow : mediationWorkflow;
    } catch {
      return mediationWorkflow;
    }
  }

  /** The signed-in viewer; offline, the last one seen on this device (so their drafts are found). */
  private async loadViewer(client: CaseFormClient | undefined): Promise<Viewer | undefined> {
    if (!client) return undefined;
    try {
      const viewer = await client.auth.me();
      if (viewer.user) await idbSet(META_VIEWER, viewer, draftIdbStore()).catch(() => undefined);
      else await idbDel(META_VIEWER, draftIdbStore()).catch(() => undefined);
      return viewer;
    } catch (error) {
      if (classifyFailure(error) !== 'offline') return undefined;
      return idbGet<Viewer>(META_VIEWER, draftIdbStore()).catch(() => undefined);
    }
  }

  private async resolveOrgUnitId(): Promise<string> {
    if (this.orgUnitId) return this.orgUnitId;
    const viewer = this.viewer?.user ? this.viewer : await this.activeClient?.auth.me();
    const id = viewer?.user?.orgUnitId ?? viewer?.orgUnitId;
    if (!id) throw Object.assign(new Error('no org unit'), { status: 401, code: 'unauthenticated' });
    return id;
  }

  private async onLogout(): Promise<void> {
    const user = this.draftUser;
    this.drafts.cancel();
    await this.outbox?.clear();
    await clearUser(user).catch(() => undefined);
    await idbDel(META_VIEWER, draftIdbStore()).catch(() => undefined);
    this.viewer = undefined;
    this.serverCase = null;
    this.restoredAt = undefined;
    this.localId = randomId();
    this.idempotencyKey = randomId();
    this.resetData();
    this.changed(false);
  }

  // ---- data ---------------------------------------------------------------------------------------------------------

  private applyValue(value: CaseFormValue): void {
    this.steps = { ...value.steps };
    const index = Math.max(0, this.stepIds.indexOf(value.currentStep));
    this.currentIndex = index;
    this.viewIndex = index;
    this.ensureStepInitialized(this.stepIds[index]!);
    this.clearErrors();
  }

  private resetData(): void {
    this.serverCase ??= null;
    const base: Steps = this.serverCase ? { ...this.serverCase.steps } : {};
    this.steps = base;
    const index = this.serverCase ? Math.max(0, this.stepIds.indexOf(this.serverCase.currentStep)) : 0;
    this.currentIndex = index;
    this.viewIndex = index;
    this.ensureStepInitialized(this.stepIds[index]!);
    this.clearErrors();
    this.backOpen = false;
    this.dirty = false;
  }

  private ensureStepInitialized(step: MediationStepId): void {
    if (this.steps[step]) return;
    this.steps = { ...this.steps, [step]: stepDefinitions[step].initial({ ethnicity: this.t$('defaultEthnicity') }) };
  }

  private get partyCount(): number {
    const parties = this.steps.identify?.['parties'];
    return Array.isArray(parties) ? parties.length : 0;
  }

  /** What is sent for a step: as validated (statements per party, unchecked boxes false, no empty optional ID). */
  private normalizedData(step: MediationStepId): StepDraft {
    return normalizeStep(step, this.steps[step] ?? {}, { partyCount: this.partyCount });
  }

  private validateCurrent(): StepErrors {
    return validateStep(this.currentStep, this.steps[this.currentStep] ?? {}, this.locale, { partyCount: this.partyCount });
  }

  private setStepData(step: MediationStepId, data: StepDraft): void {
    this.steps = { ...this.steps, [step]: data };
    this.dirty = true;
    this.changed();
  }

  private setField(path: string, value: unknown): void {
    const step = this.viewStep;
    let data = { ...(this.steps[step] ?? {}) };
    if (step === 'awaken' && path.startsWith('statements.')) data['statements'] = alignStatements(data['statements'], this.partyCount);
    data = setPath(data, path, value);
    this.setStepData(step, data);
    if (this.errorMode && this.errors.size) this.revalidateShown();
  }

  /** After a failed Next/Back, errors disappear as they are fixed (and messages follow the input). */
  private revalidateShown(): void {
    const fresh = validateStep(this.viewStep, this.steps[this.viewStep] ?? {}, this.locale, { partyCount: this.partyCount });
    const next: StepErrors = new Map();
    for (const [path, message] of fresh) if (this.errors.has(path)) next.set(path, message);
    for (const [path, message] of this.errors) if (!next.has(path) && fresh.has(path)) next.set(path, message);
    this.errors = next;
  }

  /** Live check of phone and ID numbers when leaving the field. */
  private onBlur(path: string, field: FieldDef): void {
    if (!field.personal) return;
    const message = validatePersonal(field.personal, getPath(this.steps[this.viewStep], path), this.locale);
    const errors = new Map(this.errors);
    if (message) errors.set(path, message);
    else if (hasContent(getPath(this.steps[this.viewStep], path))) errors.delete(path);
    this.errors = errors;
  }

  private addItem(path: string, field: FieldDef): void {
    const step = this.viewStep;
    const data = this.steps[step] ?? {};
    const items = Array.isArray(getPath(data, path)) ? [...(getPath(data, path) as unknown[])] : [];
    items.push(field.fields ? emptyParty(this.t$('defaultEthnicity')) : '');
    this.setStepData(step, setPath(data, path, items));
    const index = items.length - 1;
    void this.updateComplete.then(() => {
      const target = field.fields ? `${path}.${index}.${field.fields[0]!.name}` : `${path}.${index}`;
      this.renderRoot.querySelector<HTMLElement>(`#${controlId(step, target)}`)?.focus();
    });
  }

  private removeItem(path: string, index: number): void {
    const step = this.viewStep;
    const data = this.steps[step] ?? {};
    const items = (getPath(data, path) as unknown[] | undefined) ?? [];
    this.setStepData(step, setPath(data, path, items.filter((_, i) => i !== index)));
    if (step === 'identify' && path === 'parties' && this.steps.awaken) {
      // Statements follow their party: drop the removed one, renumber those after it.
      const statements = alignStatements(this.steps.awaken['statements'], items.length)
        .filter((entry) => entry.party !== index)
        .map((entry) => ({ party: entry.party > index ? entry.party - 1 : entry.party, statement: entry.statement }));
      this.steps = { ...this.steps, awaken: { ...this.steps.awaken, statements } };
    }
    this.errors = new Map([...this.errors].filter(([key]) => !key.startsWith(`${path}.`)));
  }

  /** Every change: autosave the draft (debounced), update the form value, tell the page. */
  private changed(save = true): void {
    if (save && this.dirty) this.drafts.scheduleSave(this.snapshot());
    this.updateFormValue();
    if (save) this.dispatch('qj-case-change', this.value);
  }

  private snapshot(): CaseDraft {
    return {
      userId: this.draftUser,
      localId: this.localId,
      caseId: this.outbox?.state.caseId ?? this.serverCase?.id ?? this.caseId ?? null,
      currentStep: this.currentStep,
      steps: this.steps,
      updatedAt: new Date().toISOString(),
      idempotencyKey: this.idempotencyKey,
      startedBlank: this.startedBlank,
    };
  }

  private updateFormValue(): void {
    const json = JSON.stringify(this.value);
    this.internals.setFormValue(json, json);
    const required = parseRequiredSteps(this.requiredSteps);
    const incomplete = firstIncompleteStep(this.value, required, this.locale);
    if (!incomplete) {
      this.internals.setValidity({});
      return;
    }
    const stepInfo = this.workflow.steps.find((step) => step.id === incomplete.step);
    const [path, message] = [...incomplete.errors][0]!;
    const label = labelForPath(stepDefinitions[incomplete.step].fields, path, this.t$);
    const text = `${stepInfo ? stepName(stepInfo, this.locale) : incomplete.step} · ${label}：${message}`;
    const anchor =
      (incomplete.step === this.viewStep ? this.renderRoot?.querySelector?.<HTMLElement>(`#${controlId(incomplete.step, path)}`) : null) ??
      this.renderRoot?.querySelector?.<HTMLElement>('#step-heading') ??
      undefined;
    const flags = !required.some((step) => this.stepHasTypedContent(step)) ? { valueMissing: true } : { customError: true };
    if (anchor && anchor.isConnected) this.internals.setValidity(flags, text, this.focusableIn(anchor));
    else this.internals.setValidity(flags, text);
  }

  /** Whether the user typed anything in a step (the initial empty parties and default ethnicity do not count). */
  private stepHasTypedContent(step: MediationStepId): boolean {
    const data = this.steps[step] ?? {};
    const initial = stepDefinitions[step].initial({ ethnicity: this.t$('defaultEthnicity') });
    return JSON.stringify(data) !== JSON.stringify(initial) && hasContent(data);
  }

  // ---- submission queue ---------------------------------------------------------------------------------------------

  private saveOp(step: MediationStepId): OutboxOpInput {
    const data = this.normalizedData(step);
    const exists = Boolean(this.outbox?.state.caseId ?? this.serverCase);
    return exists || step !== 'identify'
      ? { kind: 'save', step, data }
      : { kind: 'create', step, data, idempotencyKey: this.idempotencyKey, ...(this.orgUnitId ? { orgUnitId: this.orgUnitId } : {}) };
  }

  private async enqueue(ops: OutboxOpInput[]): Promise<void> {
    if (!this.outbox) return;
    this.dirty = false;
    // The draft is written before anything is sent: a crash mid-request loses nothing.
    this.drafts.scheduleSave(this.snapshot());
    await this.drafts.flush();
    await this.outbox.enqueue(ops);
  }

  private onStatus(status: OutboxStatus): void {
    this.status = status;
    this.dispatch('qj-case-status', status);
  }

  private async onConfirmed(confirmed: MediationCase, op: OutboxOp, remaining: number): Promise<void> {
    this.serverCase = confirmed;
    this.dispatch('qj-case-confirmed', { case: confirmed });
    if (remaining === 0 && !this.dirty) {
      // Everything typed is on the server now.
      await this.drafts.remove({ userId: this.draftUser, caseId: confirmed.id, localId: this.localId });
      this.restoredAt = undefined;
    } else if (this.dirty) {
      this.drafts.scheduleSave(this.snapshot());
    }
  }

  private onFailed(op: OutboxOp, error: unknown): 'drop' | 'keep' {
    if (isValidation(error)) {
      // The server refused the step: show its field error where it belongs and return to the server's step.
      const api = asApiError(error);
      const target = serverFieldToLocal(api.field, op.step);
      if (target) {
        const index = this.stepIds.indexOf(target.step);
        if (index >= 0) {
          this.currentIndex = index;
          this.viewIndex = index;
        }
        const errors: StepErrors = new Map();
        for (const detail of api.details ?? []) {
          const local = serverFieldToLocal(detail.field, target.step);
          if (local?.step === target.step) errors.set(local.path, localizeFieldError(detail, this.locale));
        }
        if (!errors.size) errors.set(target.path, this.errorText(error));
        this.showErrors(errors, 'next');
      }
      this.dirty = true;
      this.changed();
      return 'drop';
    }
    if (isConflict(error) || error instanceof StepMismatchError) {
      this.notice = { kind: 'error', text: this.t$('statusConflict') };
      this.dirty = true;
      this.changed();
      const id = this.outbox?.state.caseId;
      if (id) {
        void this.activeClient?.mediationCases
          .get(id)
          .then(async (fresh) => {
            this.serverCase = fresh;
            await this.outbox?.setServerState(fresh);
            const index = this.stepIds.indexOf(fresh.currentStep);
            if (index >= 0) {
              this.currentIndex = index;
              this.viewIndex = index;
            }
          })
          .catch(() => undefined);
      }
      return 'drop';
    }
    this.dirty = true;
    this.changed();
    return 'keep';
  }

  // ---- navigation and errors ----------------------------------------------------------------------------------------

  private goTo(index: number): void {
    this.currentIndex = index;
    this.viewIndex = index;
    this.ensureStepInitialized(this.stepIds[index]!);
    this.announceStep(index);
    this.focusAfterRender = 'heading';
    this.dispatch('qj-case-step', { step: this.stepIds[index]!, index });
  }

  /** Done steps: in server mode shown read-only (changes go through 退回); locally simply reopened. */
  private selectStep(index: number): void {
    if (this.isServerMode) {
      this.viewIndex = index;
      this.clearErrors();
      this.announceStep(index);
      this.focusAfterRender = 'heading';
      return;
    }
    this.clearErrors();
    this.goTo(index);
    this.changed();
  }

  private announceStep(index: number): void {
    const step = this.workflow.steps[index];
    if (step) this.announcement = this.t$('stepOf', { n: index + 1, name: stepName(step, this.locale) });
  }

  private showErrors(errors: StepErrors, mode: 'next' | 'back'): void {
    this.errors = errors;
    this.errorMode = mode;
    this.announcement = this.t$(mode === 'next' ? 'errorSummary' : 'errorSummaryBack', { count: errors.size });
    this.focusAfterRender = 'error';
  }

  private clearErrors(): void {
    this.errors = new Map();
    this.errorMode = undefined;
  }

  private focusableIn(element: HTMLElement): HTMLElement {
    if (element.matches('input, select, textarea, button')) return element;
    return element.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])') ?? element;
  }

  private focusField(path: string): void {
    const element = this.renderRoot.querySelector<HTMLElement>(`#${controlId(this.viewStep, path)}`);
    if (element) this.focusableIn(element).focus();
  }

  /** Focus the first field with an error, in document order. */
  private focusFirstError(): void {
    const elements = [...this.errors.keys()]
      .map((path) => this.renderRoot.querySelector<HTMLElement>(`#${controlId(this.viewStep, path)}`))
      .filter((element): element is HTMLElement => Boolean(element));
    elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const first = elements[0];
    if (first) this.focusableIn(first).focus();
    else this.renderRoot.querySelector<HTMLElement>('#error-summary-heading')?.focus();
  }

  // ---- helpers ------------------------------------------------------------------------------------------------------

  /** This element's own catalog (kept beside it until merged into the shared one). */
  private readonly t$ = (key: CaseFormMessageKey, values?: Record<string, string | number>): string => formatMessage(this.locale, key, values);

  private errorText(error: unknown): string {
    const api = asApiError(error);
    return (this.locale === 'en' ? api.messageEn : api.message) ?? String(error);
  }

  private dispatch<K extends 'qj-case-change' | 'qj-case-step' | 'qj-case-status' | 'qj-case-confirmed' | 'qj-case-complete'>(
    name: K,
    detail: GlobalEventHandlersEventMap[K]['detail'],
  ): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private get isReadonly(): boolean {
    return this.readonly || this.serverCase?.status === 'closed' || this.serverCase?.masked === true;
  }

  private get canSeePersonalData(): boolean {
    if (this.serverCase?.masked) return false;
    return this.viewer ? this.viewer.canSeePersonalData : !this.isServerMode;
  }

  // ---- rendering ----------------------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const t = this.t$;
    const title = this.serverCase ? t('formTitleCase', { caseNumber: this.serverCase.caseNumber }) : t('formTitle');
    return html`
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      <header class="screen-only">
        <h2 class="title">${title}</h2>
        ${renderRestoredNotice(this.restoredAt, this.locale, t, () => (this.restoredAt = undefined), () => void this.discardDraft())}
        ${renderStatusNotice(this.status, t, (error) => this.errorText(error), () => void this.retry())}
        ${this.notice ? html`<div class="notice" data-kind=${this.notice.kind} role=${this.notice.kind === 'error' ? 'alert' : 'status'}>${this.notice.text}</div>` : nothing}
      </header>
      ${this.loading ? html`<p role="status">${t('loading')}</p>` : nothing}
      ${this.isReadonly ? this.renderReadonlyView() : this.renderEditor()}
    `;
  }

  private renderReadonlyView(): TemplateResult {
    const client = this.activeClient;
    const caseId = this.serverCase?.id;
    return renderReadonly({
      steps: this.workflow.steps,
      data: this.steps,
      serverCase: this.serverCase,
      locale: this.locale,
      t: this.t$,
      canSeePersonalData: this.canSeePersonalData,
      agreementOpen: this.agreementOpen,
      onPrint: () => {
        this.agreementOpen = true;
        void this.updateComplete.then(() => window.print());
      },
      onOpenAgreement: client && caseId ? () => void this.openServerAgreement(client, caseId) : undefined,
    });
  }

  /** The server's 调解协议书 document in a new window (a blob URL: no markup is written by script). */
  private async openServerAgreement(client: CaseFormClient, caseId: string): Promise<void> {
    try {
      const document = await client.mediationCases.agreement(caseId);
      const url = URL.createObjectURL(new Blob([document], { type: 'text/html' }));
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      this.notice = { kind: 'error', text: this.t$('statusError', { message: this.errorText(error) }) };
    }
  }

  private renderEditor(): TemplateResult {
    const t = this.t$;
    const step = this.workflow.steps[this.viewIndex] as WorkflowStep | undefined;
    if (!step) return html``;
    const disabled = this.disabled || this.formDisabled;
    const viewingDone = this.viewIndex !== this.currentIndex;
    const last = this.currentIndex === this.stepIds.length - 1;
    const ctx: StepRenderContext = {
      locale: this.locale,
      t,
      step: step.id,
      data: this.steps[step.id] ?? {},
      errors: this.errors,
      required: new Set(step.required),
      disabled: disabled || viewingDone,
      parties: ((this.steps.identify?.['parties'] as Array<Record<string, unknown>>) ?? []).filter(Boolean),
      set: (path, value) => this.setField(path, value),
      blur: (path, field) => this.onBlur(path, field),
      addItem: (path, field) => this.addItem(path, field),
      removeItem: (path, index) => this.removeItem(path, index),
    };
    const gloss = this.glossOf(step);
    return html`
      ${renderStepIndicator({
        steps: this.workflow.steps,
        currentIndex: this.currentIndex,
        viewingIndex: this.viewIndex,
        locale: this.locale,
        t,
        interactive: !disabled,
        onSelect: (index) => this.selectStep(index),
      })}
      <section class="screen-only" aria-labelledby="step-heading">
        <h3 id="step-heading" tabindex="-1">${t('stepOf', { n: this.viewIndex + 1, name: stepName(step, this.locale) })}</h3>
        <p class="gloss">${gloss}${step.defaultReading ? t('defaultReading') : ''}</p>
        ${viewingDone
          ? html`<div class="notice" role="status">
              <span>${t('viewingDone')}</span>
              <button type="button" class="action" @click=${() => this.selectStep(this.currentIndex)}>${t('backToCurrent')}</button>
            </div>`
          : nothing}
        ${renderErrorSummary(step.id, this.errors, this.errorMode, t, (path) => this.focusField(path))}
        ${renderStepExtras({ step: step.id, parties: ctx.parties, serve: this.steps.serve ?? {}, judicialConfirmationDue: this.serverCase?.judicialConfirmationDue, locale: this.locale, t })}
        <div class="fields">${renderFields(ctx, stepDefinitions[step.id].fields)}</div>
        ${this.backOpen && !viewingDone
          ? renderBackPanel({
              t,
              needsReason: this.isServerMode,
              reason: this.backReason,
              reasonError: this.backReasonError,
              disabled,
              onReason: (reason) => (this.backReason = reason),
              onCancel: () => this.cancelBack(),
              onConfirm: () => void this.back(),
            })
          : nothing}
      </section>
      <div class="actions screen-only">
        <button type="button" ?disabled=${disabled || this.currentIndex === 0 || viewingDone} @click=${() => this.requestBack()}>${t('back')}</button>
        <span class="spacer"></span>
        <button type="button" ?disabled=${disabled || viewingDone} @click=${(event: MouseEvent) => singleClick(event) && void this.save()}>${t('save')}</button>
        <button type="button" class="primary" ?disabled=${disabled || viewingDone} @click=${(event: MouseEvent) => singleClick(event) && void this.next()}>
          ${last ? t('finish') : t('next')}
        </button>
      </div>
    `;
  }

  /** The step's gloss; the zh-HK wording of the default workflow comes from our catalog (the server sends zh-CN). */
  private glossOf(step: WorkflowStep): string {
    if (this.locale === 'en') return step.glossEn;
    const standard = mediationWorkflow.steps.find((candidate) => candidate.id === step.id);
    if (this.locale === 'zh-HK' && standard?.gloss === step.gloss) return this.t$(`gloss_${step.id}`);
    return step.gloss;
  }
}
