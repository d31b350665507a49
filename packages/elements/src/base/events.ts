/**
 * The `qj-*` DOM events our widgets emit, with their `detail` types. Declared on GlobalEventHandlersEventMap so
 * `element.addEventListener('qj-task-open', (event) => event.detail.taskId)` is typed for users.
 */
import type { ResourceState } from '../controllers/resource-controller.js';

export interface QjEventMap {
  /** A task card's title was activated (click, Enter or Space). Cancelable: cancel it to stop `href` navigation. */
  'qj-task-open': { taskId: string };
  /** A badge's details popover opened or closed. */
  'qj-popover-toggle': { open: boolean };
  /** A widget's data finished loading, or failed: `state` is the state it ended in. */
  'qj-load': { state: ResourceState; status?: number; code?: string };
  /** A live update from the event stream changed what the widget shows. */
  'qj-live-update': { type: string; id: string };
}

export type QjEventName = keyof QjEventMap;

declare global {
  interface GlobalEventHandlersEventMap {
    'qj-task-open': CustomEvent<QjEventMap['qj-task-open']>;
    'qj-popover-toggle': CustomEvent<QjEventMap['qj-popover-toggle']>;
    'qj-load': CustomEvent<QjEventMap['qj-load']>;
    'qj-live-update': CustomEvent<QjEventMap['qj-live-update']>;
  }
}
