import type { FieldDef, StepDefinition } from './field-types.js';

const agreed = (data: Record<string, unknown>): boolean => data['outcome'] === 'agreement';
const notAgreed = (data: Record<string, unknown>): boolean => data['outcome'] === 'no_agreement';

/** Art. 29 contents: main facts, disputed issues, each party's responsibility, terms, how and by when performed. */
export const agreementFields: ReadonlyArray<FieldDef> = [
  { name: 'facts', kind: 'textarea', label: 'f_agreement_facts', required: true, maxLength: 4000, wide: true },
  { name: 'disputedIssues', kind: 'textarea', label: 'f_agreement_disputedIssues', required: true, maxLength: 4000, wide: true },
  { name: 'responsibilities', kind: 'textarea', label: 'f_agreement_responsibilities', required: true, maxLength: 4000, wide: true },
  { name: 'terms', kind: 'textarea', label: 'f_agreement_terms', required: true, maxLength: 4000, wide: true },
  { name: 'performanceMethod', kind: 'textarea', label: 'f_agreement_performanceMethod', required: true, maxLength: 1000, wide: true },
  { name: 'performanceDeadline', kind: 'date', label: 'f_agreement_performanceDeadline', required: true },
];

/** 敬茶 — the written agreement with signatures and seal (Art. 29), or why none was reached. */
export const serveStep: StepDefinition = {
  id: 'serve',
  fields: [
    {
      name: 'outcome',
      kind: 'radio',
      label: 'f_outcome',
      options: [
        { id: 'agreement', label: 'f_outcome_agreement' },
        { id: 'no_agreement', label: 'f_outcome_no_agreement' },
      ],
      wide: true,
    },
    { name: 'agreement', kind: 'group', label: 'f_agreement', fields: agreementFields, required: true, showWhen: agreed, wide: true },
    { name: 'partiesSigned', kind: 'checkbox', label: 'f_partiesSigned', required: true, showWhen: agreed, wide: true },
    { name: 'mediatorSigned', kind: 'checkbox', label: 'f_mediatorSigned', required: true, showWhen: agreed, wide: true },
    { name: 'committeeSealed', kind: 'checkbox', label: 'f_committeeSealed', required: true, showWhen: agreed, wide: true },
    { name: 'signedOn', kind: 'date', label: 'f_signedOn', required: true, showWhen: agreed },
    { name: 'noAgreementReason', kind: 'textarea', label: 'f_noAgreementReason', required: true, maxLength: 2000, showWhen: notAgreed, wide: true },
  ],
  initial: () => ({}),
};
