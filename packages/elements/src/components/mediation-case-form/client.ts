/**
 * What the case form needs from the SDK client (`createClient` of @qiangji/sdk satisfies it structurally), how
 * SDK errors are sorted into "wait for the network", "retry later" and "stop and show", and the workflow and viewer
 * a form loads first.
 */
import { mediationWorkflow, type Locale, type MediationCase, type MediationWorkflow, type StepDraft, type Viewer } from '@qiangji/contract';
import { lastViewer, rememberViewer } from './draft-store.js';
import type { FailureKind } from './outbox.js';

export interface CallOptions {
  idempotencyKey?: string | false;
  signal?: AbortSignal;
}

/** The slice of the SDK client the form calls. */
export interface CaseFormClient {
  mediationCases: {
    workflow(options?: CallOptions): Promise<MediationWorkflow>;
    create(body: { orgUnitId: string; identify?: StepDraft }, options?: CallOptions): Promise<MediationCase>;
    get(id: string, options?: CallOptions): Promise<MediationCase>;
    updateStep(id: string, body: { version: number; data: StepDraft }, options?: CallOptions): Promise<MediationCase>;
    advance(id: string, body: { version: number }, options?: CallOptions): Promise<MediationCase>;
    back(id: string, body: { version: number; reason: string }, options?: CallOptions): Promise<MediationCase>;
    followUp(id: string, body: { version: number; data: StepDraft }, options?: CallOptions): Promise<MediationCase>;
    agreement(id: string, options?: CallOptions): Promise<string>;
  };
  auth: { me(options?: CallOptions): Promise<Viewer> };
}

/** Shape of the SDK's `QiangJiError` as far as the form cares. */
export interface ApiErrorLike {
  name?: string;
  status?: number;
  code?: string;
  field?: string;
  message?: string;
  messageEn?: string;
  details?: ReadonlyArray<{ field: string; message: string; messageEn: string }>;
}

export const asApiError = (error: unknown): ApiErrorLike => (error && typeof error === 'object' ? (error as ApiErrorLike) : {});

/** The server's message of an error in the locale (English for `en`, else the zh-CN one). */
export function errorMessage(error: unknown, locale: Locale): string {
  const api = asApiError(error);
  return (locale === 'en' ? api.messageEn : api.message) ?? String(error);
}

/** Whether a value (e.g. what a `<qj-provider>` hands down) can serve the case form. */
export const isCaseFormClient = (client: unknown): client is CaseFormClient =>
  Boolean(client && typeof client === 'object' && 'mediationCases' in client && 'auth' in client);

/** Network errors and timeouts wait for the network; 5xx and 429 retry with backoff; the rest stop. */
export function classifyFailure(error: unknown): FailureKind {
  const api = asApiError(error);
  if (api.name === 'NetworkError' || api.name === 'TimeoutError' || api.code === 'network_error' || api.code === 'timeout') return 'offline';
  if (error instanceof TypeError) return 'offline';
  if (api.status === 0) return 'offline';
  if (typeof api.status === 'number' && (api.status >= 500 || api.status === 429 || api.status === 408)) return 'retry';
  return 'fail';
}

export const isConflict = (error: unknown): boolean => asApiError(error).status === 409 && asApiError(error).code !== 'idempotency_mismatch';
export const isValidation = (error: unknown): boolean => [400, 422].includes(asApiError(error).status ?? 0);

/** The client's workflow; the default one without a client, or when it cannot be had. */
export async function loadWorkflow(client: CaseFormClient | undefined): Promise<MediationWorkflow> {
  if (!client) return mediationWorkflow;
  try {
    const workflow = await client.mediationCases.workflow();
    return workflow.steps.length ? workflow : mediationWorkflow;
  } catch {
    return mediationWorkflow;
  }
}

/** The signed-in viewer; offline, the last one seen on this device (so their drafts are found). */
export async function loadViewer(client: CaseFormClient | undefined): Promise<Viewer | undefined> {
  if (!client) return undefined;
  try {
    const viewer = await client.auth.me();
    await rememberViewer(viewer);
    return viewer;
  } catch (error) {
    if (classifyFailure(error) !== 'offline') return undefined;
    return lastViewer();
  }
}
