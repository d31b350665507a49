/**
 * The data side of `<qj-mediation-case-form>` as a Lit reactive controller: loads the workflow, the viewer, the case
 * and the local draft for the form's client, case and user — again whenever one of them changes, which includes a
 * `<qj-provider>` handing its client down after the form connected — autosaves drafts, and sends submissions through
 * the outbox, reporting confirmations and refusals back to the form.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { mediationWorkflow, type Locale, type MediationCase, type MediationStepId, type MediationWorkflow, type StepDraft, type Viewer } from '@qiangji/contract';
import { asApiError, classifyFailure, errorMessage, isConflict, isValidation, loadViewer, loadWorkflow, type CaseFormClient } from './client.js';
import { ANONYMOUS, clearUser, forgetViewer, FormDraft } from './draft-store.js';
import type { CaseFormValue } from './form-value.js';
import { Outbox, type OutboxOp, type OutboxOpInput, type OutboxStatus } from './outbox.js';
import type { Translate } from './steps/render.js';
import { makeExecutor, StepMismatchError } from './sync.js';
import { refusedStep, type StepErrors } from './validation.js';

/** What the session loads for; a change of any of them loads again. */
export interface SessionInputs {
  /** The SDK client when the form works through the server; undefined in local mode. */
  client: CaseFormClient | undefined;
  caseId: string | undefined;
  /** The `user-id` attribute (drafts default to the signed-in user's id). */
  userId: string | undefined;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** What the form renders from the session. */
export interface SessionState {
  workflow: MediationWorkflow;
  viewer: Viewer | undefined;
  /** The case as the server last confirmed it. */
  serverCase: MediationCase | null;
  status: OutboxStatus;
  /** When the draft shown was saved (the 「已恢复草稿」 notice), if one was restored. */
  restoredAt: string | undefined;
  notice: Notice | undefined;
  loading: boolean;
}

/** How the session reads and changes the form. */
export interface CaseSessionOptions {
  inputs(): SessionInputs;
  orgUnitId(): string | undefined;
  locale(): Locale;
  t: Translate;
  /** The form's data now. */
  data(): Pick<CaseFormValue, 'currentStep' | 'steps'>;
  /** Show loaded data: the server's case, a restored draft, or what was typed before a reload. */
  apply(value: CaseFormValue): void;
  /** Start over from the server's case, or empty. */
  reset(): void;
  /** Show the step the server is on (after a conflict). */
  moveTo(step: MediationStepId): void;
  /** The server refused a step: show its errors there. */
  refused(step: MediationStepId, errors: StepErrors): void;
  /** The data changed: update the form value; `save` also autosaves and tells the page. */
  changed(save: boolean): void;
  onStatus(status: OutboxStatus): void;
  onConfirmed(confirmed: MediationCase): void;
}

/** A reload that keeps what was typed: whose draft it was until now. */
interface Carried {
  draftUser: string;
}

export class CaseSession implements ReactiveController {
  /** This form's draft (`draft.dirty`: the form holds changes not yet queued). */
  readonly draft = new FormDraft(() => ({
    ...this.options.data(),
    caseId: this.outbox?.state.caseId ?? this.view.serverCase?.id ?? this.options.inputs().caseId ?? null,
  }));

  private view: SessionState = {
    workflow: mediationWorkflow,
    viewer: undefined,
    serverCase: null,
    status: { state: 'idle', pending: 0 },
    restoredAt: undefined,
    notice: undefined,
    loading: false,
  };
  private outbox: Outbox | undefined;
  /** What the current load is for (undefined: load on the next update). */
  private loadedFor: SessionInputs | undefined;
  private generation = 0;
  private loading: Promise<void> = Promise.resolve();
  private unsubscribeLogout: (() => void) | undefined;
  private readonly onHidden = () => {
    if (document.visibilityState === 'hidden') void this.draft.flush();
  };
  private readonly onPageHide = () => void this.draft.flush();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CaseSessionOptions,
  ) {
    host.addController(this);
  }

  get state(): Readonly<SessionState> {
    return this.view;
  }

  /** The case's id once it exists on the server (or is known to the queue). */
  get caseId(): string | null {
    return this.view.serverCase?.id ?? this.outbox?.state.caseId ?? null;
  }

  /** Submissions waiting to be sent. */
  get pending(): number {
    return this.outbox?.pending ?? 0;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onHidden);
    window.addEventListener('pagehide', this.onPageHide);
    this.loadedFor = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onHidden);
    window.removeEventListener('pagehide', this.onPageHide);
    this.generation += 1; // a load still running stops at its next step
    this.loadedFor = undefined;
    void this.draft.flush();
    this.outbox?.dispose();
    this.outbox = undefined;
    this.unsubscribeLogout?.();
    this.unsubscribeLogout = undefined;
  }

  /** Before each render: load when the client, the case or the user changed (once per change). */
  hostUpdate(): void {
    const inputs = this.options.inputs();
    const last = this.loadedFor;
    if (!last || last.client !== inputs.client || last.caseId !== inputs.caseId || last.userId !== inputs.userId) this.reload(inputs);
  }

  /** Resolves once the current load (and any load it was replaced by) is done and rendered. */
  async whenReady(): Promise<void> {
    for (;;) {
      const current = this.loading;
      await current;
      await this.host.updateComplete;
      if (current === this.loading) return;
    }
  }

  notify(notice: Notice | undefined): void {
    this.patch({ notice });
  }

  dismissRestored(): void {
    this.patch({ restoredAt: undefined });
  }

  /** Remove this form's local draft. */
  async clearDraft(): Promise<void> {
    this.draft.dirty = false;
    await this.draft.remove(this.outbox?.state.caseId ?? this.options.inputs().caseId ?? null);
  }

  /** A host form's reset: the draft goes, and the next case is a new one. */
  formReset(): void {
    void this.clearDraft();
    this.draft.renew();
    this.patch({ restoredAt: undefined });
  }

  /** Discard the restored draft and the queue, and load the server's data (or nothing) again. */
  async discardDraft(): Promise<void> {
    await this.clearDraft();
    await this.outbox?.clear();
    this.patch({ restoredAt: undefined });
    this.options.reset();
    this.reload(this.options.inputs());
    await this.loading;
  }

  /** Send queued submissions now. */
  retry(): Promise<void> {
    return this.outbox?.retryNow() ?? Promise.resolve();
  }

  /** Saving `data` of `step`: a case creation while the case does not exist yet, else a save. */
  saveOp(step: MediationStepId, data: StepDraft): OutboxOpInput {
    if (this.caseId || step !== 'identify') return { kind: 'save', step, data };
    const orgUnitId = this.options.orgUnitId();
    return { kind: 'create', step, data, idempotencyKey: this.draft.idempotencyKey, ...(orgUnitId ? { orgUnitId } : {}) };
  }

  /** Queue submissions (server mode); the draft is written first, so a crash mid-request loses nothing. */
  async enqueue(ops: OutboxOpInput[]): Promise<void> {
    if (!this.outbox) return;
    this.draft.dirty = false;
    this.draft.save();
    await this.draft.flush();
    await this.outbox.enqueue(ops);
  }

  /** The server's 调解协议书 document in a new window (a blob URL: no markup is written by script). */
  async openAgreement(caseId: string): Promise<void> {
    const client = this.loadedFor?.client;
    if (!client) return;
    try {
      const document = await client.mediationCases.agreement(caseId);
      const url = URL.createObjectURL(new Blob([document], { type: 'text/html' }));
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      this.patch({ notice: { kind: 'error', text: this.options.t('statusError', { message: errorMessage(error, this.options.locale()) }) } });
    }
  }

  // ---- loading ------------------------------------------------------------------------------------------------------

  private reload(inputs: SessionInputs): void {
    const previous = this.loadedFor;
    this.loadedFor = inputs;
    // Only the connection changed (e.g. the provider's client arrived): what was typed meanwhile stays.
    const carried =
      previous && this.draft.dirty && previous.caseId === inputs.caseId && previous.userId === inputs.userId
        ? { draftUser: this.draft.user }
        : undefined;
    this.loading = this.load(inputs, carried);
  }

  private async load({ client, caseId, userId }: SessionInputs, carried: Carried | undefined): Promise<void> {
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    const { t } = this.options;
    this.patch({ loading: true, notice: undefined, ...(carried ? {} : { restoredAt: undefined }) });
    this.outbox?.dispose();
    this.outbox = undefined;
    this.unsubscribeLogout?.();
    const auth = client?.auth as { onLogout?: (listener: () => void) => () => void } | undefined;
    this.unsubscribeLogout = auth?.onLogout?.(() => void this.logout());

    const [workflow, viewer] = await Promise.all([loadWorkflow(client), loadViewer(client)]);
    if (stale()) return;
    this.patch({ workflow, viewer });
    this.draft.user = userId || viewer?.user?.id || ANONYMOUS;

    let serverCase: MediationCase | null = null;
    if (client && caseId) {
      try {
        serverCase = await client.mediationCases.get(caseId);
      } catch (error) {
        if (classifyFailure(error) === 'fail') this.patch({ notice: { kind: 'error', text: t('loadFailed', { message: errorMessage(error, this.options.locale()) }) } });
      }
      if (stale()) return;
    }
    const draft = carried ? undefined : await this.draft.find(caseId);
    if (stale()) return;

    const typed = carried ? this.options.data() : undefined;
    this.patch({ serverCase });
    if (serverCase) this.options.apply({ caseId: serverCase.id, currentStep: serverCase.currentStep, steps: serverCase.steps });
    if (carried && typed) {
      this.options.apply({ caseId: serverCase?.id ?? caseId ?? null, ...typed });
      // Over a case that just arrived, the typing shows like a restored draft: noticed, and discardable.
      if (serverCase) this.patch({ restoredAt: new Date().toISOString() });
      // The draft moves with the typing when the user became known (anonymous → signed in).
      if (carried.draftUser !== this.draft.user) await this.draft.remove(caseId ?? null, carried.draftUser).catch(() => undefined);
      if (stale()) return;
      this.draft.save();
    } else if (draft) {
      this.draft.adopt(draft);
      this.options.apply({ caseId: draft.caseId, currentStep: draft.currentStep, steps: draft.steps });
      this.patch({ restoredAt: draft.updatedAt });
    } else {
      this.draft.startedBlank = !caseId;
    }
    if (client) {
      const outbox = this.createOutbox();
      this.outbox = outbox;
      const entry = await outbox.load();
      if (stale()) return;
      // The server's state is the truth for what the queue still has to do (a lost answer may have been applied).
      const id = serverCase?.id ?? entry.caseId ?? draft?.caseId;
      const fresh = serverCase ?? (id ? await client.mediationCases.get(id).catch(() => null) : null);
      if (stale()) return;
      if (fresh) {
        this.patch({ serverCase: fresh });
        await outbox.setServerState(fresh);
        if (stale()) return;
      }
    }
    this.patch({ loading: false });
    this.options.changed(false);
  }

  private createOutbox(): Outbox {
    return new Outbox({
      userId: this.draft.user,
      localId: this.draft.localId,
      stepOrder: this.stepIds,
      execute: makeExecutor({ client: () => this.loadedFor?.client, orgUnitId: () => this.resolveOrgUnitId(), stepOrder: () => this.stepIds }),
      classify: (error) => (error instanceof StepMismatchError ? 'fail' : classifyFailure(error)),
      onStatus: (status) => {
        this.patch({ status });
        this.options.onStatus(status);
      },
      onConfirmed: (confirmed, _op, remaining) => void this.confirmed(confirmed, remaining),
      onFailed: (op, error) => this.failed(op, error),
    });
  }

  private get stepIds(): MediationStepId[] {
    return this.view.workflow.steps.map((step) => step.id);
  }

  private async resolveOrgUnitId(): Promise<string> {
    const own = this.options.orgUnitId();
    if (own) return own;
    const viewer = this.view.viewer?.user ? this.view.viewer : await this.loadedFor?.client?.auth.me();
    const id = viewer?.user?.orgUnitId ?? viewer?.orgUnitId;
    if (!id) throw Object.assign(new Error('no org unit'), { status: 401, code: 'unauthenticated' });
    return id;
  }

  /** Drafts hold personal data: a logout removes the user's drafts and queue and empties the form. */
  private async logout(): Promise<void> {
    const user = this.draft.user;
    this.draft.cancel();
    await this.outbox?.clear();
    await clearUser(user).catch(() => undefined);
    await forgetViewer();
    this.draft.renew();
    this.patch({ viewer: undefined, serverCase: null, restoredAt: undefined });
    this.options.reset();
    this.options.changed(false);
  }

  // ---- submission results -------------------------------------------------------------------------------------------

  private async confirmed(confirmed: MediationCase, remaining: number): Promise<void> {
    this.patch({ serverCase: confirmed });
    this.options.onConfirmed(confirmed);
    if (remaining === 0 && !this.draft.dirty) {
      // Everything typed is on the server now.
      await this.draft.remove(confirmed.id);
      this.patch({ restoredAt: undefined });
    } else if (this.draft.dirty) {
      this.draft.save();
    }
  }

  private failed(op: OutboxOp, error: unknown): 'drop' | 'keep' {
    const locale = this.options.locale();
    this.draft.dirty = true;
    if (isValidation(error)) {
      // The server refused the step: its field errors go where they belong, on the server's step.
      const refusal = refusedStep(asApiError(error), op.step, locale, errorMessage(error, locale));
      if (refusal) this.options.refused(refusal.step, refusal.errors);
      this.options.changed(true);
      return 'drop';
    }
    if (isConflict(error) || error instanceof StepMismatchError) {
      this.patch({ notice: { kind: 'error', text: this.options.t('statusConflict') } });
      this.options.changed(true);
      const id = this.outbox?.state.caseId;
      const client = this.loadedFor?.client;
      if (id && client) {
        void client.mediationCases
          .get(id)
          .then(async (fresh) => {
            this.patch({ serverCase: fresh });
            await this.outbox?.setServerState(fresh);
            this.options.moveTo(fresh.currentStep);
          })
          .catch(() => undefined);
      }
      return 'drop';
    }
    this.options.changed(true);
    return 'keep';
  }

  // ---- helpers ------------------------------------------------------------------------------------------------------

  /** Changes state and renders again (nothing when nothing changes). */
  private patch(change: Partial<SessionState>): void {
    if (Object.entries(change).every(([key, value]) => Object.is(this.view[key as keyof SessionState], value))) return;
    this.view = { ...this.view, ...change };
    this.host.requestUpdate();
  }
}
