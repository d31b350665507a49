/**
 * Edits of the form's step data as pure functions (the element only stores their results): setting a field,
 * adding and removing list items, and keeping the shown errors in step with what is typed.
 */
import type { Locale, MediationStepId, StepDraft } from '@qiangji/contract';
import { hasContent } from './form-value.js';
import { emptyParty, stepDefinitions, type FieldDef } from './steps/index.js';
import { getPath, setPath } from './steps/render.js';
import { alignStatements, normalizeStep, validatePersonal, validateStep, type StepErrors } from './validation.js';

/** The data of every step, as typed. */
export type Steps = Partial<Record<MediationStepId, StepDraft>>;

/** Parties registered in 识茶 (醒茶 has one statement per party). */
export function partyCount(steps: Steps): number {
  const parties = steps.identify?.['parties'];
  return Array.isArray(parties) ? parties.length : 0;
}

/** A step's empty data (identify starts with two parties of the default ethnicity). */
export const initialStep = (step: MediationStepId, ethnicity: string): StepDraft => stepDefinitions[step].initial({ ethnicity });

/** What is sent for a step: as validated (statements per party, unchecked boxes false, no empty optional ID). */
export const normalizedStep = (steps: Steps, step: MediationStepId): StepDraft => normalizeStep(step, steps[step] ?? {}, { partyCount: partyCount(steps) });

/** The step's errors as the server would report them on advance (empty = complete). */
export const stepErrors = (steps: Steps, step: MediationStepId, locale: Locale): StepErrors =>
  validateStep(step, steps[step] ?? {}, locale, { partyCount: partyCount(steps) });

/** The step's data with `value` at `path` (a statement edit first lines the statements up with the parties). */
export function withField(steps: Steps, step: MediationStepId, path: string, value: unknown): StepDraft {
  const data = { ...(steps[step] ?? {}) };
  if (step === 'awaken' && path.startsWith('statements.')) data['statements'] = alignStatements(data['statements'], partyCount(steps));
  return setPath(data, path, value);
}

/** After a failed Next/Back, errors disappear as they are fixed (and messages follow the input). */
export function revalidateShown(shown: StepErrors, steps: Steps, step: MediationStepId, locale: Locale): StepErrors {
  const fresh = stepErrors(steps, step, locale);
  const next: StepErrors = new Map();
  for (const [path, message] of fresh) if (shown.has(path)) next.set(path, message);
  for (const [path, message] of shown) if (!next.has(path) && fresh.has(path)) next.set(path, message);
  return next;
}

/** Errors after leaving a field: phone and ID numbers are checked live; other fields wait for Next. */
export function errorsOnBlur(shown: StepErrors, data: StepDraft | undefined, path: string, field: FieldDef, locale: Locale): StepErrors {
  if (!field.personal) return shown;
  const value = getPath(data, path);
  const message = validatePersonal(field.personal, value, locale);
  const errors = new Map(shown);
  if (message) errors.set(path, message);
  else if (hasContent(value)) errors.delete(path);
  return errors;
}

/** The step's data with one more item in the list at `path`, and the path of the control to focus in it. */
export function withItemAdded(data: StepDraft, path: string, field: FieldDef, ethnicity: string): { data: StepDraft; focusPath: string } {
  const items = Array.isArray(getPath(data, path)) ? [...(getPath(data, path) as unknown[])] : [];
  items.push(field.fields ? emptyParty(ethnicity) : '');
  const index = items.length - 1;
  return { data: setPath(data, path, items), focusPath: field.fields ? `${path}.${index}.${field.fields[0]!.name}` : `${path}.${index}` };
}

/** Every step's data without item `index` of the list at `path`; a removed party's statement goes with it. */
export function withItemRemoved(steps: Steps, step: MediationStepId, path: string, index: number): Steps {
  const data = steps[step] ?? {};
  const items = (getPath(data, path) as unknown[] | undefined) ?? [];
  const next: Steps = { ...steps, [step]: setPath(data, path, items.filter((_, i) => i !== index)) };
  if (step === 'identify' && path === 'parties' && next.awaken) {
    // Statements follow their party: drop the removed one, renumber those after it.
    const statements = alignStatements(next.awaken['statements'], items.length)
      .filter((entry) => entry.party !== index)
      .map((entry) => ({ party: entry.party > index ? entry.party - 1 : entry.party, statement: entry.statement }));
    next.awaken = { ...next.awaken, statements };
  }
  return next;
}

/** Shown errors without those inside the list at `path` (after an item was removed, their indices are stale). */
export const errorsOutside = (errors: StepErrors, path: string): StepErrors => new Map([...errors].filter(([key]) => !key.startsWith(`${path}.`)));
