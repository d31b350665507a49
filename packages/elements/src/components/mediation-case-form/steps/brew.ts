import type { StepDefinition } from './field-types.js';

/** 泡茶 — facts found, the evidence list, the law and reasoning explained (泡茶明法理). */
export const brewStep: StepDefinition = {
  id: 'brew',
  fields: [
    { name: 'facts', kind: 'textarea', label: 'f_facts', maxLength: 4000, wide: true },
    {
      name: 'evidence',
      kind: 'list',
      label: 'f_evidence',
      item: { label: 'evidenceItem', add: 'addEvidence', remove: 'removeEvidence', min: 0, max: 100 },
      maxLength: 500,
      wide: true,
    },
    { name: 'lawAndReason', kind: 'textarea', label: 'f_lawAndReason', maxLength: 4000, wide: true },
  ],
  initial: () => ({ facts: '', evidence: [], lawAndReason: '' }),
};
