import type { StepDefinition } from './field-types.js';

/** 悟茶 — follow-up visit (回访), performance, satisfaction, notes, the Art. 33 judicial-confirmation reminder. */
export const reflectStep: StepDefinition = {
  id: 'reflect',
  fields: [
    { name: 'followUpDate', kind: 'date', label: 'f_followUpDate' },
    {
      name: 'performance',
      kind: 'select',
      label: 'f_performance',
      options: [
        { id: 'performed', label: 'performance_performed' },
        { id: 'partly_performed', label: 'performance_partly_performed' },
        { id: 'not_performed', label: 'performance_not_performed' },
        { id: 'not_applicable', label: 'performance_not_applicable' },
      ],
    },
    {
      name: 'satisfaction',
      kind: 'radio',
      label: 'f_satisfaction',
      hint: 'satisfaction_hint',
      options: [1, 2, 3, 4, 5].map((n) => ({ id: n, label: 'satisfaction_n' as const })),
      wide: true,
    },
    { name: 'notes', kind: 'textarea', label: 'f_notes', maxLength: 2000, wide: true },
    { name: 'judicialConfirmationReminded', kind: 'checkbox', label: 'f_judicialConfirmationReminded', wide: true },
  ],
  initial: () => ({ notes: '', judicialConfirmationReminded: false }),
};
