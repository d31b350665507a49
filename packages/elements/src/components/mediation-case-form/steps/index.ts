import type { MediationStepId } from '@qiangji/contract';
import { awakenStep } from './awaken.js';
import { brewStep } from './brew.js';
import type { StepDefinition } from './field-types.js';
import { identifyStep } from './identify.js';
import { pourStep } from './pour.js';
import { reflectStep } from './reflect.js';
import { serveStep } from './serve.js';

export type { FieldDef, FieldKind, FieldOption, StepDefinition } from './field-types.js';
export { emptyParty, partyFields } from './identify.js';
export { agreementFields } from './serve.js';

/** Field descriptions of every step, by step id. */
export const stepDefinitions: Record<MediationStepId, StepDefinition> = {
  identify: identifyStep,
  awaken: awakenStep,
  brew: brewStep,
  pour: pourStep,
  serve: serveStep,
  reflect: reflectStep,
};
