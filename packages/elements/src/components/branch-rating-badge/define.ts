// The provider first, so a badge inside <qj-provider> finds its context on upgrade whatever the script order.
import '../provider/define.js';
import { defineElement } from '../../base/define.js';
import { QjBranchRatingBadge } from './branch-rating-badge.js';

defineElement('qj-branch-rating-badge', QjBranchRatingBadge);

declare global {
  interface HTMLElementTagNameMap {
    'qj-branch-rating-badge': QjBranchRatingBadge;
  }
}
