import { defineElement } from '../../base/define.js';
import { QjProvider } from './provider.js';

defineElement('qj-provider', QjProvider);

declare global {
  interface HTMLElementTagNameMap {
    'qj-provider': QjProvider;
  }
}
