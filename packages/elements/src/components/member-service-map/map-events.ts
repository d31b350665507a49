/** The events of `<qj-member-service-map>`, added to the shared event map so `emit()` and listeners are typed. */
import type { ServicePointType } from '@qiangji/contract';
import type { DrillLevel } from './divisions.js';

export interface PointSelectDetail {
  id: string;
  /** WGS-84. */
  lon: number;
  lat: number;
  type: ServicePointType;
}

export interface ViewChangeDetail {
  /** [west, south, east, north], WGS-84. */
  bbox: [number, number, number, number];
  zoom: number;
  /** Drill level of the current scope. */
  level: DrillLevel;
  /** The org unit the map is drilled to (its id when known, else its 统计用区划代码). */
  orgUnitId: string;
  /** Points in view (after filters). */
  count: number;
}

declare module '../../base/events.js' {
  interface QjEventMap {
    'qj-point-select': PointSelectDetail;
    'qj-view-change': ViewChangeDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'qj-point-select': CustomEvent<PointSelectDetail>;
    'qj-view-change': CustomEvent<ViewChangeDetail>;
  }
}
