import type { StepDefinition } from './field-types.js';

/** 斟茶 — a measured settlement proposal (斟茶适度) and the negotiation record. */
export const pourStep: StepDefinition = {
  id: 'pour',
  fields: [
    { name: 'proposal', kind: 'textarea', label: 'f_proposal', maxLength: 4000, wide: true },
    { name: 'negotiationRecord', kind: 'textarea', label: 'f_negotiationRecord', maxLength: 4000, wide: true },
  ],
  initial: () => ({ proposal: '', negotiationRecord: '' }),
};
