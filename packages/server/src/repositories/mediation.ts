/**
 * Mediation cases of the 茶文化六步调解法. Each step's data is a draft (saved as typed) until the case advances:
 * advancing validates the current step with its complete-step schema (422 step_incomplete naming the field);
 * going back needs a reason and keeps every step's data; the follow-up on the last step closes the case.
 * Writes carry the version they read (409 conflict when stale).
 */
import {
  MobileSchema,
  ResidentIdSchema,
  mediationStepIds,
  mediationStepSchemas,
  validate,
  type CaseHistoryEntry,
  type CaseStatus,
  type MediationCase,
  type MediationStepId,
} from '@qiangji/contract';
import type * as v from 'valibot';
import { chinaToday } from '@qiangji/contract';
import type { Queryable } from '../db/connection.js';
import type { MediationCaseRow } from '../db/schema.js';
import { assertCanWriteCases, isWithin, within, type Viewer } from '../auth/scope.js';
import { ApiHttpError, validationError } from '../http/errors.js';
import type { WriteScope } from '../http/write.js';
import { nowIso } from '../lib/canonical.js';
import { caseNumberPrefix, committeeName, formatCaseNumber, judicialConfirmationDue, maskSteps, nextStep, previousStep, type StepData } from '../mediation/rules.js';
import { decodeCursor, DEFAULT_LIMIT, pageFrom } from './page.js';
import { scopedOrgPath } from './org.js';

const caseUnitKinds = new Set(['town', 'street', 'village', 'community']);

export function toCase(viewer: Viewer, row: MediationCaseRow): MediationCase {
  const steps = JSON.parse(row.steps) as StepData;
  const masked = !viewer.seesPersonalData;
  return {
    id: row.id,
    caseNumber: row.case_number,
    orgUnitId: row.org_unit_id,
    committee: row.committee,
    mediatorName: row.mediator_name,
    status: row.status as CaseStatus,
    currentStep: row.current_step as MediationStepId,
    steps: masked ? maskSteps(steps) : steps,
    masked,
    version: row.version,
    history: JSON.parse(row.history) as CaseHistoryEntry[],
    judicialConfirmationDue: row.judicial_confirmation_due,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Top-level fields a step's data may have (both outcomes for 敬茶). */
function stepFields(step: MediationStepId): Set<string> {
  const schema = mediationStepSchemas[step] as unknown as { entries?: Record<string, unknown>; options?: Array<{ entries: Record<string, unknown> }> };
  const entries = schema.entries ? [schema.entries] : (schema.options ?? []).map((option) => option.entries);
  return new Set(entries.flatMap((entry) => Object.keys(entry)));
}

/**
 * A draft may be incomplete, but what it holds must be plausible: only the step's own fields, and a party's phone
 * or ID number, when given, must be valid — bad personal data never lands in the database.
 */
export function checkDraft(step: MediationStepId, data: Record<string, unknown>, prefix: string): void {
  const allowed = stepFields(step);
  const unknown = Object.keys(data).filter((key) => !allowed.has(key));
  if (unknown.length > 0) throw validationError(unknown.map((key) => ({ field: `${prefix}.${key}`, message: '不支持的字段', messageEn: 'Unknown field' })));
  if (step !== 'identify' || data.parties === undefined) return;
  if (!Array.isArray(data.parties)) throw validationError([{ field: `${prefix}.parties`, message: '格式不正确', messageEn: 'Wrong format' }]);
  data.parties.forEach((party: unknown, index) => {
    if (!party || typeof party !== 'object' || Array.isArray(party)) throw validationError([{ field: `${prefix}.parties.${index}`, message: '格式不正确', messageEn: 'Wrong format' }]);
    const { phone, idNumber } = party as Record<string, unknown>;
    const checks: Array<[string, unknown, v.GenericSchema]> = [
      ['phone', phone, MobileSchema],
      ['idNumber', idNumber, ResidentIdSchema],
    ];
    for (const [field, value, schema] of checks) {
      if (value === undefined || value === '') continue;
      const result = validate(schema, value, `${prefix}.parties.${index}.${field}`);
      if (!result.ok) throw validationError(result.errors);
    }
  });
}

export interface CaseFilter {
  orgUnitId?: string;
  status?: CaseStatus[];
  step?: MediationStepId[];
  cursor?: string;
  limit?: number;
}

export async function listCases(db: Queryable, viewer: Viewer, filter: CaseFilter) {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const cursor = decodeCursor(filter.cursor, 'string');
  const subtree = await scopedOrgPath(db, viewer, filter.orgUnitId, 'query.orgUnitId');
  let query = db.selectFrom('mediation_cases').selectAll().where(within('org_path', subtree));
  if (filter.status) query = query.where('status', 'in', filter.status);
  if (filter.step) query = query.where('current_step', 'in', filter.step);
  if (cursor) query = query.where((eb) => eb.or([eb('created_at', '<', cursor[0]), eb.and([eb('created_at', '=', cursor[0]), eb('id', '<', cursor[1])])]));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  return pageFrom(rows, limit, (row) => [row.created_at, row.id], (row) => toCase(viewer, row));
}

async function loadCase(db: Queryable, viewer: Viewer, id: string): Promise<MediationCaseRow> {
  const row = await db.selectFrom('mediation_cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiHttpError(404, 'not_found');
  if (!isWithin(row.org_path, viewer.scopePath)) throw new ApiHttpError(403, 'out_of_scope');
  return row;
}

export async function getCase(db: Queryable, viewer: Viewer, id: string): Promise<MediationCase> {
  return toCase(viewer, await loadCase(db, viewer, id));
}

const historyEntry = (viewer: Viewer, action: CaseHistoryEntry['action'], from: MediationStepId | null, to: MediationStepId | null, reason: string | null = null): CaseHistoryEntry => ({
  at: nowIso(),
  actorName: viewer.user?.displayName ?? viewer.actor,
  action,
  from,
  to,
  reason,
});

export async function createCase(scope: WriteScope, viewer: Viewer, input: { orgUnitId: string; identify?: Record<string, unknown> | undefined }): Promise<MediationCase> {
  assertCanWriteCases(viewer);
  const { trx } = scope;
  await scopedOrgPath(trx, viewer, input.orgUnitId, 'body.orgUnitId');
  const unit = (await trx.selectFrom('org_units').selectAll().where('id', '=', input.orgUnitId).executeTakeFirst())!;
  if (!caseUnitKinds.has(unit.kind)) {
    throw validationError([{ field: 'body.orgUnitId', message: '该组织没有人民调解委员会，请选择镇（街道）或村（社区）', messageEn: 'Cases are registered with a town/street or village/community mediation committee' }]);
  }
  const identify = input.identify ?? {};
  checkDraft('identify', identify, 'body.identify');
  const districtCode = unit.path.split('/')[2] ?? '';
  const town = unit.kind === 'village' || unit.kind === 'community' ? await trx.selectFrom('org_units').select('name').where('id', '=', unit.parent_id ?? '').executeTakeFirst() : undefined;
  const year = Number(chinaToday().slice(0, 4));
  const prefix = caseNumberPrefix(districtCode);
  const counter = await trx.selectFrom('case_counters').select('last').where('prefix', '=', prefix).where('year', '=', year).executeTakeFirst();
  const serial = (counter?.last ?? 0) + 1;
  if (counter) await trx.updateTable('case_counters').set({ last: serial }).where('prefix', '=', prefix).where('year', '=', year).execute();
  else await trx.insertInto('case_counters').values({ prefix, year, last: serial }).execute();
  const at = nowIso();
  const row: MediationCaseRow = {
    id: `mc-${crypto.randomUUID()}`,
    case_number: formatCaseNumber(prefix, year, serial),
    org_unit_id: unit.id,
    org_path: unit.path,
    committee: committeeName(unit.name, town?.name ?? (unit.kind === 'town' || unit.kind === 'street' ? unit.name : null)),
    mediator_name: viewer.user?.displayName ?? '',
    status: 'open',
    current_step: 'identify',
    steps: JSON.stringify({ identify }),
    version: 1,
    history: JSON.stringify([historyEntry(viewer, 'create', null, 'identify')]),
    judicial_confirmation_due: null,
    created_by: viewer.user?.id ?? viewer.actor,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('mediation_cases').values(row).execute();
  await scope.audit({ action: 'create', entity: 'mediation_case', entityId: row.id, after: row });
  await scope.event({ type: 'case.created', orgUnitId: row.org_unit_id, orgPath: row.org_path, data: { caseId: row.id, step: 'identify' } });
  return toCase(viewer, row);
}

type CaseAction = 'update' | 'advance' | 'back' | 'follow_up';

/** Loads, checks role, scope, open status and version, applies `change`, saves with version + 1. */
async function changeCase(
  scope: WriteScope,
  viewer: Viewer,
  id: string,
  version: number,
  action: CaseAction,
  change: (row: MediationCaseRow, steps: StepData) => { steps: StepData; currentStep?: MediationStepId; status?: CaseStatus; history: CaseHistoryEntry[]; judicialConfirmationDue?: string | null },
): Promise<MediationCase> {
  assertCanWriteCases(viewer);
  const row = await loadCase(scope.trx, viewer, id);
  if (row.version !== version) throw new ApiHttpError(409, 'conflict', { field: 'body.version' });
  if (row.status !== 'open') throw new ApiHttpError(409, 'invalid_transition');
  const result = change(row, JSON.parse(row.steps) as StepData);
  const updated: MediationCaseRow = {
    ...row,
    steps: JSON.stringify(result.steps),
    current_step: result.currentStep ?? row.current_step,
    status: result.status ?? row.status,
    version: row.version + 1,
    history: JSON.stringify([...(JSON.parse(row.history) as CaseHistoryEntry[]), ...result.history]),
    judicial_confirmation_due: result.judicialConfirmationDue === undefined ? row.judicial_confirmation_due : result.judicialConfirmationDue,
    updated_at: nowIso(),
  };
  const { id: _id, ...changes } = updated;
  const saved = await scope.trx.updateTable('mediation_cases').set(changes).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(saved.numUpdatedRows) !== 1) throw new ApiHttpError(409, 'conflict', { field: 'body.version' });
  await scope.audit({ action, entity: 'mediation_case', entityId: id, before: row, after: updated });
  await scope.event({
    type: 'case.updated',
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
    data: { caseId: id, step: updated.current_step, action: updated.status === 'closed' ? 'close' : action },
  });
  return toCase(viewer, updated);
}

export function updateCurrentStep(scope: WriteScope, viewer: Viewer, id: string, input: { version: number; data: Record<string, unknown> }) {
  return changeCase(scope, viewer, id, input.version, 'update', (row, steps) => {
    const step = row.current_step as MediationStepId;
    checkDraft(step, input.data, 'body.data');
    return { steps: { ...steps, [step]: input.data }, history: [historyEntry(viewer, 'update', step, step)] };
  });
}

export function advanceCase(scope: WriteScope, viewer: Viewer, id: string, input: { version: number }) {
  return changeCase(scope, viewer, id, input.version, 'advance', (row, steps) => {
    const step = row.current_step as MediationStepId;
    const next = nextStep(step);
    if (!next) throw new ApiHttpError(409, 'invalid_transition');
    const result = validate(mediationStepSchemas[step], steps[step] ?? {}, `steps.${step}`);
    if (!result.ok) throw new ApiHttpError(422, 'step_incomplete', { field: result.errors[0]?.field, details: result.errors });
    const complete = result.value as Record<string, unknown>;
    return {
      steps: { ...steps, [step]: complete },
      currentStep: next,
      history: [historyEntry(viewer, 'advance', step, next)],
      ...(step === 'serve' ? { judicialConfirmationDue: judicialConfirmationDue(complete) } : {}),
    };
  });
}

export function backCase(scope: WriteScope, viewer: Viewer, id: string, input: { version: number; reason: string }) {
  return changeCase(scope, viewer, id, input.version, 'back', (row, steps) => {
    const step = row.current_step as MediationStepId;
    const previous = previousStep(step);
    if (!previous) throw new ApiHttpError(409, 'invalid_transition');
    // Every step's data stays as it is: going back is for correcting, not discarding.
    return { steps, currentStep: previous, history: [historyEntry(viewer, 'back', step, previous, input.reason)] };
  });
}

export function followUpCase(scope: WriteScope, viewer: Viewer, id: string, input: { version: number; data: Record<string, unknown> }) {
  return changeCase(scope, viewer, id, input.version, 'follow_up', (row, steps) => {
    const last = mediationStepIds[mediationStepIds.length - 1]!;
    if (row.current_step !== last) throw new ApiHttpError(409, 'invalid_transition');
    return {
      steps: { ...steps, [last]: input.data },
      status: 'closed',
      history: [historyEntry(viewer, 'follow_up', last, null), historyEntry(viewer, 'close', last, null)],
    };
  });
}

/** The case behind an agreement document: its serve step must hold a signed agreement. */
export async function caseForAgreement(db: Queryable, viewer: Viewer, id: string): Promise<{ case: MediationCase; row: MediationCaseRow }> {
  const row = await loadCase(db, viewer, id);
  const result = validate(mediationStepSchemas.serve, (JSON.parse(row.steps) as StepData).serve ?? {});
  if (!result.ok || result.value.outcome !== 'agreement') throw new ApiHttpError(404, 'not_found');
  return { case: toCase(viewer, row), row };
}
