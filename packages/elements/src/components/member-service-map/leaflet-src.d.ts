// Leaflet's ES source modules (leaflet/src/**), typed with @types/leaflet. See leaflet-lite.ts.
declare module 'leaflet/src/map/Map.js' {
  export { Map } from 'leaflet';
}
declare module 'leaflet/src/map/handler/Map.Drag.js' {
  export const Drag: unknown;
}
declare module 'leaflet/src/map/handler/Map.Keyboard.js' {
  export const Keyboard: unknown;
}
declare module 'leaflet/src/map/handler/Map.ScrollWheelZoom.js' {
  export const ScrollWheelZoom: unknown;
}
declare module 'leaflet/src/map/handler/Map.DoubleClickZoom.js' {
  export const DoubleClickZoom: unknown;
}
declare module 'leaflet/src/map/handler/Map.TouchZoom.js' {
  export const TouchZoom: unknown;
}
declare module 'leaflet/src/map/handler/Map.BoxZoom.js' {
  export const BoxZoom: unknown;
}
declare module 'leaflet/src/layer/tile/TileLayer.js' {
  export { TileLayer } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Canvas.js' {
  export { Canvas } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/CircleMarker.js' {
  export { CircleMarker } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Polygon.js' {
  export { Polygon } from 'leaflet';
}
declare module 'leaflet/src/geo/LatLngBounds.js' {
  export { LatLngBounds } from 'leaflet';
}
declare module 'leaflet/src/geometry/Bounds.js' {
  export { Bounds } from 'leaflet';
}
declare module 'leaflet/src/geometry/Point.js' {
  export { Point } from 'leaflet';
}
