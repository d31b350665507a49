/**
 * Local drafts of case forms in IndexedDB (idb-keyval), so nothing typed is lost on reload, crash or a dead network.
 * Keys: `draft:<userId|anonymous>:<caseId | new:<localId>>`. Drafts hold personal data: they are scoped to the signed-in
 * user, removed once the server confirms, and cleared for a user on logout (`clearUser`).
 */
import { createStore, del, entries, get, set, delMany, type UseStore } from 'idb-keyval';
import type { MediationStepId, StepDraft, Viewer } from '@qiangji/contract';

export const ANONYMOUS = 'anonymous';

/** One draft: everything needed to put the form back exactly as it was. */
export interface CaseDraft {
  userId: string;
  /** Stable per form session; names the draft and the outbox entry before a case id exists. */
  localId: string;
  caseId: string | null;
  currentStep: MediationStepId;
  /** Data per step, as typed. */
  steps: Partial<Record<MediationStepId, StepDraft>>;
  /** ISO time of the last local change. */
  updatedAt: string;
  /** Idempotency key of the case creation, stable across reloads so a retry never creates a second case. */
  idempotencyKey: string;
  /** Started as a blank form (then a blank form on reload resumes it). */
  startedBlank: boolean;
}

let defaultStore: UseStore | undefined;
/** The shared `qiangji` / `drafts` object store (created lazily so importing this module touches no storage). */
export function draftIdbStore(): UseStore {
  defaultStore ??= createStore('qiangji', 'drafts');
  return defaultStore;
}

export const draftKey = (userId: string, draft: Pick<CaseDraft, 'caseId' | 'localId'>): string =>
  `draft:${userId || ANONYMOUS}:${draft.caseId ?? `new:${draft.localId}`}`;

/** Random id for local ids and idempotency keys. */
export function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Reads and writes drafts; `scheduleSave` debounces, `flush` writes what is pending right away. */
export class DraftStore {
  private pending: CaseDraft | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Key the draft was last written under (a draft moves from new:<localId> to <caseId> once created). */
  private writtenKeys = new Set<string>();

  constructor(
    private readonly store: UseStore = draftIdbStore(),
    private readonly debounceMs = 500,
  ) {}

  async load(userId: string, caseIdOrNew: { caseId: string } | { localId: string }): Promise<CaseDraft | undefined> {
    const key = 'caseId' in caseIdOrNew ? `draft:${userId}:${caseIdOrNew.caseId}` : `draft:${userId}:new:${caseIdOrNew.localId}`;
    return get<CaseDraft>(key, this.store);
  }

  /** The user's most recent draft that began as a blank form (what a blank form resumes after a reload). */
  async latestResumable(userId: string): Promise<CaseDraft | undefined> {
    const all = await entries<string, CaseDraft>(this.store);
    return all
      .filter(([key, value]) => key.startsWith(`draft:${userId}:`) && value?.startedBlank)
      .map(([, value]) => value)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  }

  /** Save after `debounceMs` of quiet (typing), replacing any save still waiting. */
  scheduleSave(draft: CaseDraft): void {
    this.pending = draft;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Write the waiting draft now (page hidden, pagehide, before a submission). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const draft = this.pending;
    this.pending = undefined;
    if (draft) await this.save(draft);
  }

  get hasPending(): boolean {
    return this.pending !== undefined;
  }

  async save(draft: CaseDraft): Promise<void> {
    const key = draftKey(draft.userId, draft);
    await set(key, draft, this.store);
    // Once the case exists, the new:<localId> copy is superseded.
    if (draft.caseId) {
      const oldKey = `draft:${draft.userId}:new:${draft.localId}`;
      if (oldKey !== key) await del(oldKey, this.store);
    }
    this.writtenKeys.add(key);
  }

  /** Remove a draft (after the server confirmed everything in it, or on an explicit discard/reset). */
  async remove(draft: Pick<CaseDraft, 'userId' | 'caseId' | 'localId'>): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    const keys = [`draft:${draft.userId}:new:${draft.localId}`];
    if (draft.caseId) keys.push(`draft:${draft.userId}:${draft.caseId}`);
    await delMany(keys, this.store);
  }

  /** Cancel a waiting save without writing it. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}

/** Remove every draft and queued submission of a user (logout: drafts hold personal data). */
export async function clearUser(userId: string, store: UseStore = draftIdbStore()): Promise<void> {
  const all = await entries<string, unknown>(store);
  const mine = all.map(([key]) => key).filter((key) => key.startsWith(`draft:${userId}:`) || key.startsWith(`outbox:${userId}:`));
  if (mine.length) await delMany(mine, store);
}

/** What a form's draft holds besides its identity. */
export type DraftContent = Pick<CaseDraft, 'caseId' | 'currentStep' | 'steps'>;

/**
 * One form's draft: whose it is, the ids that name it and its case creation, whether the form holds changes not yet
 * queued for the server (`dirty`), and its debounced autosave.
 */
export class FormDraft {
  /** Local changes not yet captured by a queued submission. */
  dirty = false;
  /** Whose draft it is: the `user-id` attribute, else the signed-in user, else anonymous. */
  user = ANONYMOUS;
  localId = randomId();
  /** Idempotency key of the case creation. */
  idempotencyKey = randomId();
  startedBlank = true;

  constructor(
    private readonly content: () => DraftContent,
    private readonly store: DraftStore = new DraftStore(),
  ) {}

  /** Autosave (debounced), if anything changed since the last submission. */
  autosave(): void {
    if (this.dirty) this.save();
  }

  /** Save what the form holds (debounced). */
  save(): void {
    this.store.scheduleSave(this.snapshot());
  }

  flush(): Promise<void> {
    return this.store.flush();
  }

  /** Drop a waiting save. */
  cancel(): void {
    this.store.cancel();
  }

  /** The stored draft the form resumes: the case's, or the user's latest unsent new case. */
  find(caseId: string | undefined): Promise<CaseDraft | undefined> {
    return (caseId ? this.store.load(this.user, { caseId }) : this.store.latestResumable(this.user)).catch(() => undefined);
  }

  /** Continue a stored draft, with its ids (so a retry never creates a second case). */
  adopt(draft: CaseDraft): void {
    this.localId = draft.localId;
    this.idempotencyKey = draft.idempotencyKey;
    this.startedBlank = draft.startedBlank;
    this.dirty = true;
  }

  /** Remove the stored draft (of `caseId`, and the new-case copy); `user`: a copy stored before the user changed. */
  remove(caseId: string | null, user = this.user): Promise<void> {
    return this.store.remove({ userId: user, caseId, localId: this.localId });
  }

  /** New ids: the next case is a new one. */
  renew(): void {
    this.localId = randomId();
    this.idempotencyKey = randomId();
  }

  snapshot(): CaseDraft {
    return {
      ...this.content(),
      userId: this.user,
      localId: this.localId,
      updatedAt: new Date().toISOString(),
      idempotencyKey: this.idempotencyKey,
      startedBlank: this.startedBlank,
    };
  }
}

const META_VIEWER = 'meta:lastViewer';

/** Remember the signed-in viewer on this device (offline, their drafts are still found); forget a signed-out one. */
export const rememberViewer = (viewer: Viewer): Promise<void> =>
  (viewer.user ? set(META_VIEWER, viewer, draftIdbStore()) : del(META_VIEWER, draftIdbStore())).catch(() => undefined);

/** The viewer last seen on this device. */
export const lastViewer = (): Promise<Viewer | undefined> => get<Viewer>(META_VIEWER, draftIdbStore()).catch(() => undefined);

export const forgetViewer = (): Promise<void> => del(META_VIEWER, draftIdbStore()).catch(() => undefined);
