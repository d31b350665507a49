/**
 * Local drafts of case forms in IndexedDB (idb-keyval), so nothing typed is lost on reload, crash or a dead network.
 * Keys: `draft:<userId|anonymous>:<caseId | new:<localId>>`. Drafts hold personal data: they are scoped to the signed-in
 * user, removed once the server confirms, and cleared for a user on logout (`clearUser`).
 */
import { createStore, del, entries, get, set, delMany, type UseStore } from 'idb-keyval';
import type { MediationStepId, StepDraft } from '@qiangji/contract';

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
