/**
 * Declarative field lists: each step is described once (name, label key, input kind, options) and rendered,
 * read back and shown read-only from that description. Completeness rules stay in the contract's step schemas.
 */
import type { LocalizedLabel, MediationStepId } from '@qiangji/contract';
import type { CaseFormMessageKey } from '../case-form.i18n.js';

export type FieldKind = 'text' | 'textarea' | 'select' | 'radio' | 'number' | 'date' | 'tel' | 'checkbox' | 'group' | 'list' | 'statements';

export interface FieldOption {
  id: string | number;
  /** Either a localized label from the contract or a catalog key. */
  label: LocalizedLabel | CaseFormMessageKey;
}

export interface FieldDef {
  /** Key inside the parent object (the step data, a group or a list item). */
  name: string;
  kind: FieldKind;
  label: CaseFormMessageKey;
  hint?: CaseFormMessageKey;
  options?: ReadonlyArray<FieldOption>;
  /** Required inside a group or list item (top-level fields take `required` from the workflow). */
  required?: boolean;
  autocomplete?: 'off' | 'on' | 'name' | 'tel' | 'street-address';
  inputmode?: 'numeric' | 'text' | 'tel';
  maxLength?: number;
  min?: number;
  max?: number;
  /** Sub-fields of a group, or of each item of an object list. */
  fields?: ReadonlyArray<FieldDef>;
  /** For a list: label of one item ("当事人{n}"), add/remove button labels, bounds. */
  item?: { label: CaseFormMessageKey; add: CaseFormMessageKey; remove: CaseFormMessageKey; min: number; max: number };
  /** Shown only when this returns true for the current step data (variant branches). */
  showWhen?: (data: Record<string, unknown>) => boolean;
  /** Personal data: masked in read-only views unless the viewer may see it; validated live on blur. */
  personal?: 'phone' | 'id';
  /** Wide field (spans the whole grid row). */
  wide?: boolean;
}

export interface StepDefinition {
  id: MediationStepId;
  fields: ReadonlyArray<FieldDef>;
  /** A fresh, empty step (e.g. two empty parties). */
  initial: (defaults: { ethnicity: string }) => Record<string, unknown>;
}
