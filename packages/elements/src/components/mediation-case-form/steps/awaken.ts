import type { StepDefinition } from './field-types.js';

/** 醒茶 — each party's statement (one per registered party) and the calming done. */
export const awakenStep: StepDefinition = {
  id: 'awaken',
  fields: [
    { name: 'statements', kind: 'statements', label: 'f_statements', maxLength: 4000, wide: true },
    { name: 'calming', kind: 'textarea', label: 'f_calming', maxLength: 2000, wide: true },
  ],
  initial: () => ({ statements: [], calming: '' }),
};
