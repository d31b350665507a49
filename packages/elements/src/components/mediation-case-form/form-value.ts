/**
 * The form-associated value of the case form and its validity: the JSON of the case data, valid when every
 * required step passes the contract's complete-step schema.
 */
import { mediationStepIds, type Locale, type MediationStepId, type StepDraft } from '@qiangji/contract';
import { stepName, type WorkflowStep } from './step-indicator.js';
import { stepDefinitions } from './steps/index.js';
import { labelForPath, type Translate } from './steps/render.js';
import { validateStep, type StepErrors } from './validation.js';

/** What the form submits (JSON) and what `value` returns. */
export interface CaseFormValue {
  caseId: string | null;
  currentStep: MediationStepId;
  steps: Partial<Record<MediationStepId, StepDraft>>;
}

/** `required-steps="identify awaken"` (spaces or commas) → known step ids. */
export function parseRequiredSteps(attribute: string | null | undefined): MediationStepId[] {
  return (attribute ?? '')
    .split(/[\s,]+/)
    .filter((id): id is MediationStepId => (mediationStepIds as readonly string[]).includes(id));
}

/** Whether a value holds anything typed (empty strings, empty lists and untouched defaults do not count). */
export function hasContent(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return false;
  if (Array.isArray(value)) return value.some(hasContent);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).some(hasContent);
  return true;
}

export interface StepValidity {
  step: MediationStepId;
  errors: StepErrors;
}

/** The first required step that is not complete, with its errors; undefined when all are complete. */
export function firstIncompleteStep(
  value: CaseFormValue,
  required: ReadonlyArray<MediationStepId>,
  locale: Locale,
): StepValidity | undefined {
  const partyCount = Array.isArray(value.steps.identify?.['parties']) ? (value.steps.identify['parties'] as unknown[]).length : 0;
  for (const step of required) {
    const errors = validateStep(step, value.steps[step] ?? {}, locale, { partyCount });
    if (errors.size) return { step, errors };
  }
  return undefined;
}

/** Why the form is invalid: the validity flags, the message a host form shows, and the field it points at. */
export interface FormInvalidity {
  flags: ValidityStateFlags;
  message: string;
  step: MediationStepId;
  path: string;
}

/**
 * The form's validity for `ElementInternals.setValidity`: undefined when every required step is complete;
 * `valueMissing` while nothing was typed in any required step, else `customError` naming the first offending field.
 */
export function formInvalidity(
  value: CaseFormValue,
  required: ReadonlyArray<MediationStepId>,
  context: { locale: Locale; t: Translate; workflowSteps: ReadonlyArray<WorkflowStep> },
): FormInvalidity | undefined {
  const { locale, t } = context;
  const incomplete = firstIncompleteStep(value, required, locale);
  if (!incomplete) return undefined;
  const stepInfo = context.workflowSteps.find((step) => step.id === incomplete.step);
  const [path, message] = [...incomplete.errors][0]!;
  const label = labelForPath(stepDefinitions[incomplete.step].fields, path, t);
  const ethnicity = t('defaultEthnicity');
  const typed = required.some((step) => hasTypedContent(step, value.steps[step], ethnicity));
  return {
    flags: typed ? { customError: true } : { valueMissing: true },
    message: `${stepInfo ? stepName(stepInfo, locale) : incomplete.step} · ${label}：${message}`,
    step: incomplete.step,
    path,
  };
}

/** Whether anything was typed in a step (the initial empty parties and default ethnicity do not count). */
function hasTypedContent(step: MediationStepId, data: StepDraft | undefined, ethnicity: string): boolean {
  const initial = stepDefinitions[step].initial({ ethnicity });
  return JSON.stringify(data ?? {}) !== JSON.stringify(initial) && hasContent(data ?? {});
}

/** Parse a form state (as given to `setFormValue`) back into a value; undefined when it is not ours. */
export function parseFormState(state: unknown): CaseFormValue | undefined {
  if (typeof state !== 'string') return undefined;
  try {
    const parsed = JSON.parse(state) as Partial<CaseFormValue>;
    if (!parsed || typeof parsed !== 'object' || typeof parsed.steps !== 'object') return undefined;
    const currentStep = (mediationStepIds as readonly string[]).includes(parsed.currentStep ?? '') ? parsed.currentStep! : 'identify';
    return { caseId: typeof parsed.caseId === 'string' ? parsed.caseId : null, currentStep, steps: parsed.steps ?? {} };
  } catch {
    return undefined;
  }
}
