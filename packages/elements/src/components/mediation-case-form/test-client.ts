/**
 * Test double of the SDK client slice the case form uses (not of our server): an in-memory case store that honours
 * idempotency keys and versions, can fail chosen operations once, and records every call. Browser tests only.
 */
import { mediationWorkflow, type MediationCase, type Viewer } from '@qiangji/contract';
import type { CallOptions, CaseFormClient } from './client.js';

/** The signed-in viewer the double answers `auth.me()` with unless told otherwise. */
export const mediator: Viewer = {
  kind: 'user',
  user: { id: 'u-mediator', username: 'mediator', displayName: '调解员', role: 'mediator', orgUnitId: '445102' },
  orgUnitId: '445102',
  canSeePersonalData: true,
};

export interface FakeCaseClientOptions {
  viewer?: Viewer;
  /** Each entry fails the next call of `on` (create | save | advance) with `error`, once. */
  failures?: Array<{ on: string; error: unknown }>;
}

export interface FakeCaseClient {
  client: CaseFormClient & { logout(): void };
  cases: Map<string, MediationCase>;
  /** Every call in order: workflow, me, get, create, save, advance, back, followUp (with its idempotency key). */
  calls: Array<{ op: string; key?: string | false | undefined; id?: string }>;
}

/** A fresh double with an empty case store. */
export function fakeCaseClient(options: FakeCaseClientOptions = {}): FakeCaseClient {
  const cases = new Map<string, MediationCase>();
  const byKey = new Map<string, MediationCase>();
  const calls: FakeCaseClient['calls'] = [];
  const failures = [...(options.failures ?? [])];
  const logoutListeners = new Set<() => void>();
  const maybeFail = (op: string) => {
    const index = failures.findIndex((failure) => failure.on === op);
    if (index >= 0) throw failures.splice(index, 1)[0]!.error;
  };
  const order = mediationWorkflow.steps.map((step) => step.id);
  const write = (id: string, version: number, change: (current: MediationCase) => Partial<MediationCase>): MediationCase => {
    const current = cases.get(id)!;
    if (current.version !== version) throw Object.assign(new Error('conflict'), { name: 'ConflictError', status: 409, code: 'conflict' });
    const next = { ...current, ...change(current), version: current.version + 1 };
    cases.set(id, next);
    return structuredClone(next);
  };
  const client: FakeCaseClient['client'] = {
    mediationCases: {
      workflow: async () => {
        calls.push({ op: 'workflow' });
        return mediationWorkflow;
      },
      create: async (body, opts?: CallOptions) => {
        calls.push({ op: 'create', key: opts?.idempotencyKey });
        maybeFail('create');
        const key = String(opts?.idempotencyKey);
        if (byKey.has(key)) return structuredClone(byKey.get(key)!);
        const id = `case-${cases.size + 1}`;
        const created: MediationCase = {
          id,
          caseNumber: `潮湘调〔2026〕${String(cases.size + 1).padStart(4, '0')}号`,
          orgUnitId: body.orgUnitId,
          committee: '意溪镇人民调解委员会',
          mediatorName: '调解员',
          status: 'open',
          currentStep: 'identify',
          steps: { identify: body.identify ?? {} },
          masked: false,
          version: 1,
          history: [{ at: '2026-11-01T02:00:00.000Z', actorName: '调解员', action: 'create', from: null, to: 'identify', reason: null }],
          judicialConfirmationDue: null,
          createdAt: '2026-11-01T02:00:00.000Z',
          updatedAt: '2026-11-01T02:00:00.000Z',
        };
        cases.set(id, created);
        byKey.set(key, created);
        return structuredClone(created);
      },
      get: async (id) => {
        calls.push({ op: 'get', id });
        const found = cases.get(id);
        if (!found) throw Object.assign(new Error('not found'), { name: 'NotFoundError', status: 404, code: 'not_found' });
        return structuredClone(found);
      },
      updateStep: async (id, body) => {
        calls.push({ op: 'save' });
        maybeFail('save');
        return write(id, body.version, (current) => ({ steps: { ...current.steps, [current.currentStep]: body.data } }));
      },
      advance: async (id, body, opts) => {
        calls.push({ op: 'advance', key: opts?.idempotencyKey });
        maybeFail('advance');
        return write(id, body.version, (current) => ({ currentStep: order[order.indexOf(current.currentStep) + 1]! }));
      },
      back: async (id, body, opts) => {
        calls.push({ op: 'back', key: opts?.idempotencyKey });
        return write(id, body.version, (current) => ({ currentStep: order[order.indexOf(current.currentStep) - 1]! }));
      },
      followUp: async (id, body) => {
        calls.push({ op: 'followUp' });
        return write(id, body.version, (current) => ({ status: 'closed', steps: { ...current.steps, reflect: body.data } }));
      },
      agreement: async () => '<!doctype html><title>协议</title>',
    },
    auth: {
      me: async () => {
        calls.push({ op: 'me' });
        return options.viewer ?? mediator;
      },
      onLogout: (listener: () => void) => {
        logoutListeners.add(listener);
        return () => logoutListeners.delete(listener);
      },
    } as CaseFormClient['auth'],
    logout: () => logoutListeners.forEach((listener) => listener()),
  };
  return { client, cases, calls };
}
