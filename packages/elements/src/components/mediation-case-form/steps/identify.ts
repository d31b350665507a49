import { caseSources, disputeTypes } from '@qiangji/contract';
import type { FieldDef, StepDefinition } from './field-types.js';

/** One party's basic details (人民调解 registration form; Art. 29 "the parties' basic details"). */
export const partyFields: ReadonlyArray<FieldDef> = [
  { name: 'name', kind: 'text', label: 'f_name', required: true, maxLength: 50, autocomplete: 'off' },
  { name: 'sex', kind: 'radio', label: 'f_sex', required: true, options: [{ id: 'male', label: 'sex_male' }, { id: 'female', label: 'sex_female' }] },
  { name: 'ethnicity', kind: 'text', label: 'f_ethnicity', required: true, maxLength: 20, autocomplete: 'off' },
  { name: 'age', kind: 'number', label: 'f_age', required: true, min: 0, max: 130, inputmode: 'numeric' },
  { name: 'occupation', kind: 'text', label: 'f_occupation', required: true, maxLength: 50, autocomplete: 'off' },
  { name: 'phone', kind: 'tel', label: 'f_phone', hint: 'f_phone_hint', required: true, maxLength: 11, inputmode: 'numeric', autocomplete: 'off', personal: 'phone' },
  { name: 'address', kind: 'text', label: 'f_address', required: true, maxLength: 200, autocomplete: 'off', wide: true },
  { name: 'idNumber', kind: 'text', label: 'f_idNumber', hint: 'f_idNumber_hint', required: false, maxLength: 18, autocomplete: 'off', personal: 'id' },
];

export const emptyParty = (ethnicity: string): Record<string, unknown> => ({ name: '', ethnicity, occupation: '', phone: '', address: '' });

/** 识茶 — registration: source, dispute type, parties, summary, crux. */
export const identifyStep: StepDefinition = {
  id: 'identify',
  fields: [
    { name: 'source', kind: 'select', label: 'f_source', options: caseSources },
    { name: 'disputeType', kind: 'select', label: 'f_disputeType', options: disputeTypes },
    {
      name: 'parties',
      kind: 'list',
      label: 'f_parties',
      fields: partyFields,
      item: { label: 'party', add: 'addParty', remove: 'removeParty', min: 2, max: 20 },
      wide: true,
    },
    { name: 'summary', kind: 'textarea', label: 'f_summary', maxLength: 4000, wide: true },
    { name: 'crux', kind: 'textarea', label: 'f_crux', maxLength: 2000, wide: true },
  ],
  initial: ({ ethnicity }) => ({ parties: [emptyParty(ethnicity), emptyParty(ethnicity)], summary: '', crux: '' }),
};
