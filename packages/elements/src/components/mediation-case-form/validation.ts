/**
 * Step validation with the contract's complete-step schemas — the very schemas the server checks on advance —
 * turned into localized messages keyed by dotted path (`parties.0.phone`).
 */
import {
  MobileSchema,
  ResidentIdSchema,
  mediationStepSchemas,
  validate,
  type FieldError,
  type Locale,
  type MediationStepId,
  type StepDraft,
} from '@qiangji/contract';
import { fieldMessagesZhHk } from './case-form.i18n.js';
import type { ApiErrorLike } from './client.js';
import { stepDefinitions, type FieldDef } from './steps/index.js';

/** Path → message, in schema order. */
export type StepErrors = Map<string, string>;

/** The message of a contract field error in the given locale (the English text loses valibot's detail). */
export function localizeFieldError(error: Pick<FieldError, 'message' | 'messageEn'>, locale: Locale): string {
  if (locale === 'en') return error.messageEn.replace(/ \(.*\)$/s, '');
  if (locale === 'zh-HK') return fieldMessagesZhHk[error.message] ?? error.message;
  return error.message;
}

/** Fill what the inputs leave implicit: unchecked boxes are `false`; the statement list follows the parties. */
export function normalizeStep(step: MediationStepId, data: StepDraft, context: { partyCount: number }): StepDraft {
  const out: StepDraft = { ...data };
  const fillBooleans = (fields: ReadonlyArray<FieldDef>, target: Record<string, unknown>) => {
    for (const field of fields) {
      if (field.showWhen && !field.showWhen(out)) continue;
      if (field.kind === 'checkbox' && typeof target[field.name] !== 'boolean') target[field.name] = false;
      // A shown group reports its own missing fields rather than one "group required".
      if (field.kind === 'group' && (typeof target[field.name] !== 'object' || target[field.name] === null)) target[field.name] = {};
    }
  };
  fillBooleans(stepDefinitions[step].fields, out);
  if (step === 'awaken') out['statements'] = alignStatements(out['statements'], context.partyCount);
  if (step === 'identify' && Array.isArray(out['parties'])) {
    out['parties'] = (out['parties'] as unknown[]).map((party) => {
      if (!party || typeof party !== 'object' || (party as Record<string, unknown>)['idNumber'] !== '') return party;
      const { idNumber: _empty, ...rest } = party as Record<string, unknown>;
      return rest;
    });
  }
  return out;
}

/** One statement per registered party, in party order (keeps what was typed for each index). */
export function alignStatements(value: unknown, partyCount: number): Array<{ party: number; statement: string }> {
  const existing = Array.isArray(value) ? (value as Array<{ party?: unknown; statement?: unknown }>) : [];
  return Array.from({ length: partyCount }, (_, party) => {
    const found = existing.find((entry) => entry && entry.party === party);
    return { party, statement: typeof found?.statement === 'string' ? found.statement : '' };
  });
}

/** Validate a step as the server will on advance. Empty map = complete. */
export function validateStep(step: MediationStepId, data: StepDraft, locale: Locale, context: { partyCount: number }): StepErrors {
  const result = validate(mediationStepSchemas[step], normalizeStep(step, data, context));
  const errors: StepErrors = new Map();
  if (result.ok) return errors;
  for (const error of result.errors) {
    if (!errors.has(error.field)) errors.set(error.field, localizeFieldError(error, locale));
  }
  return errors;
}

/** Live check of one personal-data input on blur; undefined when fine or empty (emptiness is checked on Next). */
export function validatePersonal(kind: 'phone' | 'id', value: unknown, locale: Locale): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const result = validate(kind === 'phone' ? MobileSchema : ResidentIdSchema, value);
  return result.ok ? undefined : localizeFieldError(result.errors[0]!, locale);
}

/** Maps a server field path (`steps.identify.parties.0.phone`, `body.data.parties.0.phone`) to a step and a local path. */
export function serverFieldToLocal(field: string | undefined, fallbackStep: MediationStepId): { step: MediationStepId; path: string } | undefined {
  if (!field) return undefined;
  const parts = field.split('.');
  while (parts[0] === 'body' || parts[0] === 'data') parts.shift();
  if (parts[0] === 'steps' && parts[1] && parts[1] in mediationStepSchemas) {
    return { step: parts[1] as MediationStepId, path: parts.slice(2).join('.') };
  }
  if (parts[0] && parts[0] in mediationStepSchemas) return { step: parts[0] as MediationStepId, path: parts.slice(1).join('.') };
  return { step: fallbackStep, path: parts.join('.') };
}

/**
 * A refusal of the server (400/422) as the step it is about and its errors by local path (`fallback` when the server
 * named a field but listed no details); undefined when it named no field.
 */
export function refusedStep(
  api: ApiErrorLike,
  sentStep: MediationStepId,
  locale: Locale,
  fallback: string,
): { step: MediationStepId; errors: StepErrors } | undefined {
  const target = serverFieldToLocal(api.field, sentStep);
  if (!target) return undefined;
  const errors: StepErrors = new Map();
  for (const detail of api.details ?? []) {
    const local = serverFieldToLocal(detail.field, target.step);
    if (local?.step === target.step) errors.set(local.path, localizeFieldError(detail, locale));
  }
  if (!errors.size) errors.set(target.path, fallback);
  return { step: target.step, errors };
}
