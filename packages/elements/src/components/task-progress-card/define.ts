// The provider first, so a card inside <qj-provider> finds its context on upgrade whatever the script order.
import '../provider/define.js';
import { defineElement } from '../../base/define.js';
import { QjTaskProgressCard } from './task-progress-card.js';

defineElement('qj-task-progress-card', QjTaskProgressCard);

declare global {
  interface HTMLElementTagNameMap {
    'qj-task-progress-card': QjTaskProgressCard;
  }
}
