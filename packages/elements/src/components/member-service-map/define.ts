// The provider first, so a map inside <qj-provider> finds its context on upgrade whatever the script order.
import '../provider/define.js';
import { defineElement } from '../../base/define.js';
import { QjMemberServiceMap } from './map.js';

defineElement('qj-member-service-map', QjMemberServiceMap);

declare global {
  interface HTMLElementTagNameMap {
    'qj-member-service-map': QjMemberServiceMap;
  }
}
