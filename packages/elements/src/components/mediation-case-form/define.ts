/** Registers `<qj-mediation-case-form>`. */
import { defineElement } from '../../base/define.js';
import { QjMediationCaseForm } from './case-form.js';

defineElement('qj-mediation-case-form', QjMediationCaseForm);

export { QjMediationCaseForm };

declare global {
  interface HTMLElementTagNameMap {
    'qj-mediation-case-form': QjMediationCaseForm;
  }
}
