/**
 * Queued submissions of one case form, persisted in IndexedDB beside the drafts (`outbox:<userId>:<localId>`), sent in
 * order when the network allows: at once when online, on the `online` event, and on retry with backoff after
 * network errors, timeouts and 5xx answers. Every operation carries its own idempotency key, created when it is
 * queued and kept across reloads, so a retry or a double click never creates a second case.
 */
import { del, get, set, type UseStore } from 'idb-keyval';
import type { MediationCase, MediationStepId, StepDraft } from '@qiangji/contract';
import { draftIdbStore, randomId } from './draft-store.js';

export type OutboxOpKind = 'create' | 'save' | 'advance' | 'back' | 'followUp';

export interface OutboxOp {
  id: string;
  kind: OutboxOpKind;
  /** The step the operation is about (the step saved, or left by advance/back). */
  step: MediationStepId;
  idempotencyKey: string;
  data?: StepDraft;
  reason?: string;
  orgUnitId?: string;
  attempts: number;
  queuedAt: string;
}

export type OutboxOpInput = Pick<OutboxOp, 'kind' | 'step'> & Partial<Pick<OutboxOp, 'data' | 'reason' | 'orgUnitId' | 'idempotencyKey'>>;

/** What the queue knows of the server side of the case. */
export interface OutboxEntry {
  userId: string;
  localId: string;
  caseId: string | null;
  version: number | null;
  /** The server's current step after the last confirmed operation. */
  serverStep: MediationStepId | null;
  ops: OutboxOp[];
}

export type OutboxState = 'idle' | 'queued' | 'sending' | 'sent' | 'retrying' | 'failed';
export interface OutboxStatus {
  state: OutboxState;
  pending: number;
  /** When `retrying`: epoch ms of the next try. */
  retryAt?: number;
  error?: unknown;
}

/** How a failure is handled: wait for the network, retry later, or stop and let the form decide. */
export type FailureKind = 'offline' | 'retry' | 'fail';

export interface OutboxOptions {
  userId: string;
  /** Step ids in workflow order (to know where the server will be once the queue is sent). */
  stepOrder: ReadonlyArray<MediationStepId>;
  localId: string;
  /** Sends one operation; resolves with the case as the server confirmed it. */
  execute: (op: OutboxOp, entry: Readonly<OutboxEntry>) => Promise<MediationCase>;
  classify: (error: unknown) => FailureKind;
  onStatus?: (status: OutboxStatus) => void;
  /** An operation was confirmed by the server. */
  onConfirmed?: (confirmed: MediationCase, op: OutboxOp, remaining: number) => void;
  /** A non-retryable failure; return 'drop' to discard the failed operation and everything queued after it. */
  onFailed?: (op: OutboxOp, error: unknown) => 'drop' | 'keep';
  store?: UseStore;
  isOnline?: () => boolean;
  /** Delay before retry number `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number): number => Math.min(30_000, 1000 * 2 ** (attempt - 1));

/** The queue of one form. Call `load()` first, `dispose()` when the form goes away. */
export class Outbox {
  private entry: OutboxEntry;
  private running: Promise<void> | undefined;
  private inFlightId: string | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private statusValue: OutboxStatus = { state: 'idle', pending: 0 };
  private readonly store: UseStore;
  private readonly onOnline = () => void this.flush();

  constructor(private readonly options: OutboxOptions) {
    this.store = options.store ?? draftIdbStore();
    this.entry = { userId: options.userId, localId: options.localId, caseId: null, version: null, serverStep: null, ops: [] };
    globalThis.addEventListener?.('online', this.onOnline);
  }

  get key(): string {
    return `outbox:${this.options.userId}:${this.options.localId}`;
  }
  get status(): OutboxStatus {
    return this.statusValue;
  }
  get pending(): number {
    return this.entry.ops.length;
  }
  get state(): Readonly<OutboxEntry> {
    return this.entry;
  }

  /** Restore the persisted queue (after a reload) and try to send it. */
  async load(): Promise<Readonly<OutboxEntry>> {
    const saved = await get<OutboxEntry>(this.key, this.store);
    if (saved) this.entry = { ...saved, ops: [...saved.ops] };
    if (this.entry.ops.length) void this.flush();
    return this.entry;
  }

  /** Record what is known of the server case (after a load or an outside refresh). */
  async setServerState(serverCase: Pick<MediationCase, 'id' | 'version' | 'currentStep'>): Promise<void> {
    this.entry.caseId = serverCase.id;
    this.entry.version = serverCase.version;
    this.entry.serverStep = serverCase.currentStep;
    if (this.entry.ops.length) await this.persist();
  }

  /**
   * Queue operations and start sending. Stale repeats are dropped: an operation about a step other than the one the
   * server will be on once the queue is through (a double click on Next) is ignored, a second `create` becomes a save,
   * and a save of the step replaces a queued, not yet sending one.
   */
  async enqueue(inputs: ReadonlyArray<OutboxOpInput>): Promise<void> {
    for (const input of inputs) {
      if (input.step !== this.expectedStep()) continue;
      if (input.kind === 'create' && (this.entry.caseId || this.entry.ops.some((op) => op.kind === 'create'))) {
        if (input.data) this.upsertSave(input.step, input.data);
        continue;
      }
      if (input.kind === 'save' && input.data) {
        this.upsertSave(input.step, input.data);
        continue;
      }
      this.entry.ops.push(this.makeOp(input));
    }
    await this.persist();
    if (this.entry.ops.length) {
      this.report(this.isOnline() ? 'sending' : 'queued');
      void this.flush();
    }
  }

  /** The step the server will be on after everything queued went through. */
  expectedStep(): MediationStepId {
    const order = this.options.stepOrder;
    let step = this.entry.serverStep ?? order[0]!;
    for (const op of this.entry.ops) {
      const index = order.indexOf(step);
      if (op.kind === 'advance') step = order[index + 1] ?? step;
      else if (op.kind === 'back') step = order[index - 1] ?? step;
    }
    return step;
  }

  /**
   * Replace the data of a queued, never tried save/create of the same step at the tail, else queue a save. A tried
   * operation keeps its body: the server may have stored it under its idempotency key, and a retry must match.
   */
  private upsertSave(step: MediationStepId, data: StepDraft): void {
    const last = this.entry.ops[this.entry.ops.length - 1];
    if (last && (last.kind === 'save' || last.kind === 'create') && last.step === step && last.attempts === 0 && last.id !== this.inFlightId) {
      last.data = data;
      return;
    }
    this.entry.ops.push(this.makeOp({ kind: 'save', step, data }));
  }

  private makeOp(input: OutboxOpInput): OutboxOp {
    return {
      id: randomId(),
      kind: input.kind,
      step: input.step,
      idempotencyKey: input.idempotencyKey ?? randomId(),
      ...(input.data !== undefined ? { data: input.data } : {}),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      ...(input.orgUnitId !== undefined ? { orgUnitId: input.orgUnitId } : {}),
      attempts: 0,
      queuedAt: new Date().toISOString(),
    };
  }

  /** Send what is queued, one at a time, in order. Concurrent calls share one run. */
  flush(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Retry at once (the user pressed "retry now"). */
  retryNow(): Promise<void> {
    return this.flush();
  }

  private async run(): Promise<void> {
    let sent = 0;
    while (this.entry.ops.length) {
      if (!this.isOnline()) {
        this.report('queued');
        return;
      }
      const op = this.entry.ops[0]!;
      this.report('sending');
      op.attempts += 1;
      let confirmed: MediationCase;
      this.inFlightId = op.id;
      try {
        confirmed = await this.options.execute(op, this.entry);
      } catch (error) {
        this.inFlightId = undefined;
        const kind = this.options.classify(error);
        if (kind === 'fail') {
          const decision = this.options.onFailed?.(op, error) ?? 'keep';
          if (decision === 'drop') this.entry.ops = [];
          await this.persist();
          this.report('failed', { error });
          return;
        }
        await this.persist();
        // No answer: queued until the `online` event, with a backoff retry too (navigator.onLine can be wrong).
        const delay = (this.options.backoffMs ?? defaultBackoff)(op.attempts);
        this.retryTimer = setTimeout(() => void this.flush(), delay);
        this.report(kind === 'offline' ? 'queued' : 'retrying', { retryAt: Date.now() + delay, error });
        return;
      }
      this.inFlightId = undefined;
      sent += 1;
      this.entry.caseId = confirmed.id;
      this.entry.version = confirmed.version;
      this.entry.serverStep = confirmed.currentStep;
      this.entry.ops = this.entry.ops.filter((queued) => queued.id !== op.id);
      await this.persist();
      this.options.onConfirmed?.(confirmed, op, this.entry.ops.length);
    }
    this.report(sent ? 'sent' : this.statusValue.state === 'sent' ? 'sent' : 'idle');
  }

  /** Forget everything queued (logout, discard). */
  async clear(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.entry.ops = [];
    await del(this.key, this.store);
    this.report('idle');
  }

  dispose(): void {
    clearTimeout(this.retryTimer);
    globalThis.removeEventListener?.('online', this.onOnline);
  }

  private async persist(): Promise<void> {
    if (this.entry.ops.length) await set(this.key, this.entry, this.store);
    else await del(this.key, this.store);
  }

  private isOnline(): boolean {
    return this.options.isOnline ? this.options.isOnline() : globalThis.navigator?.onLine !== false;
  }

  private report(state: OutboxState, extra: Partial<OutboxStatus> = {}): void {
    this.statusValue = { state, pending: this.entry.ops.length, ...extra };
    this.options.onStatus?.(this.statusValue);
  }
}
