/**
 * Sends queued operations through the SDK client. The server only saves its *current* step and checks `version`,
 * so each call uses the version of the last confirmed answer; a lost answer replayed under the same idempotency
 * key, or an advance/back that already took effect, counts as confirmed.
 */
import type { MediationCase, MediationStepId } from '@qiangji/contract';
import { isConflict, type CaseFormClient } from './client.js';
import type { OutboxEntry, OutboxOp } from './outbox.js';

/** The server is on another step than the queued operation expects: stop and let the form refresh. */
export class StepMismatchError extends Error {
  override name = 'StepMismatchError';
  constructor(
    readonly expected: MediationStepId,
    readonly actual: MediationStepId,
  ) {
    super(`server is on ${actual}, not ${expected}`);
  }
}

export interface ExecutorOptions {
  client: () => CaseFormClient | undefined;
  /** Org unit of a new case (the element's `org-unit-id`, else the signed-in user's). */
  orgUnitId: () => Promise<string>;
  stepOrder: () => ReadonlyArray<MediationStepId>;
}

export function makeExecutor(options: ExecutorOptions) {
  return async (op: OutboxOp, entry: Readonly<OutboxEntry>): Promise<MediationCase> => {
    const client = options.client();
    if (!client) throw Object.assign(new Error('no client'), { name: 'NetworkError' });
    const cases = client.mediationCases;
    const callOptions = { idempotencyKey: op.idempotencyKey };
    if (op.kind === 'create') {
      return cases.create({ orgUnitId: op.orgUnitId ?? (await options.orgUnitId()), ...(op.data ? { identify: op.data } : {}) }, callOptions);
    }
    if (!entry.caseId) throw new Error('no case to update');
    const caseId = entry.caseId;
    let version = entry.version;
    let serverStep = entry.serverStep;
    if (version === null || serverStep === null) {
      const fresh = await cases.get(caseId);
      version = fresh.version;
      serverStep = fresh.currentStep;
    }
    const order = options.stepOrder();
    const index = order.indexOf(op.step);
    const target = op.kind === 'advance' ? order[index + 1] : op.kind === 'back' ? order[index - 1] : op.step;
    if (serverStep !== op.step) {
      // An advance/back whose answer was lost already moved the case: that is a confirmation, not a conflict.
      if ((op.kind === 'advance' || op.kind === 'back') && serverStep === target) return cases.get(caseId);
      throw new StepMismatchError(op.step, serverStep);
    }
    try {
      switch (op.kind) {
        case 'save':
          return await cases.updateStep(caseId, { version, data: op.data ?? {} }, callOptions);
        case 'advance':
          return await cases.advance(caseId, { version }, callOptions);
        case 'back':
          return await cases.back(caseId, { version, reason: op.reason ?? '' }, callOptions);
        case 'followUp':
          return await cases.followUp(caseId, { version, data: op.data ?? {} }, callOptions);
      }
    } catch (error) {
      if (isConflict(error)) {
        // Our own earlier attempt may have gone through with its answer lost (a PUT has no idempotency replay).
        const fresh = await cases.get(caseId);
        const done =
          op.kind === 'save'
            ? fresh.currentStep === op.step && sameJson(fresh.steps[op.step], op.data ?? {})
            : op.kind === 'followUp'
              ? fresh.status === 'closed'
              : fresh.currentStep === target;
        if (done) return fresh;
      }
      throw error;
    }
  };
}

/** Deep equality of JSON data regardless of key order. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]))
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
