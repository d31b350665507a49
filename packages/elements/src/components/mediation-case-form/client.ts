/**
 * What the case form needs from the SDK client (`createClient` of @qiangji/sdk satisfies it structurally), and how
 * SDK errors are sorted into "wait for the network", "retry later" and "stop and show".
 */
import type { MediationCase, MediationWorkflow, StepDraft, Viewer } from '@qiangji/contract';
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
