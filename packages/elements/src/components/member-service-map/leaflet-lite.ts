/**
 * The part of Leaflet 1.9 this map uses, imported from Leaflet's ES source modules (shipped in the leaflet
 * package's `src/`) instead of its full build: the map with its pan/zoom/keyboard handlers, tile layers, the canvas
 * renderer and canvas paths. Markers, popups, tooltips, controls, the SVG renderer, GeoJSON and image overlays are
 * left out, which keeps the lazy map chunk well inside its budget. Types are @types/leaflet's (leaflet-src.d.ts).
 */
import type { Layer, Renderer } from 'leaflet';
import { Map } from 'leaflet/src/map/Map.js';
// Each handler module registers itself on Map when it runs (Map.addInitHook('addHandler', …)).
import { BoxZoom } from 'leaflet/src/map/handler/Map.BoxZoom.js';
import { DoubleClickZoom } from 'leaflet/src/map/handler/Map.DoubleClickZoom.js';
import { Drag } from 'leaflet/src/map/handler/Map.Drag.js';
import { Keyboard } from 'leaflet/src/map/handler/Map.Keyboard.js';
import { ScrollWheelZoom } from 'leaflet/src/map/handler/Map.ScrollWheelZoom.js';
import { TouchZoom } from 'leaflet/src/map/handler/Map.TouchZoom.js';
import { Canvas } from 'leaflet/src/layer/vector/Canvas.js';

let installed = false;

/**
 * Call before creating a map. Installs `getRenderer` (Leaflet's own, in layer/vector/Renderer.getRenderer.js, would
 * pull in the SVG renderer as a fallback; every path here has the canvas renderer in its options or the map's),
 * and references the handlers so bundlers keep their self-registering modules (this package is marked
 * side-effect free, so bare side-effect imports from it may be dropped).
 */
export function installLeafletParts(): void {
  if (installed) return;
  Map.include({
    getRenderer(this: Map & { options: { renderer?: Renderer } }, layer: Layer & { options: { renderer?: Renderer } }): Renderer {
      const renderer = (layer.options.renderer ?? this.options.renderer)!;
      if (!this.hasLayer(renderer)) this.addLayer(renderer);
      return renderer;
    },
  });
  // A canvas redraw queued for the next frame can still run after its renderer left the map (seen in Firefox when a
  // map is removed while a pan or zoom animation ends): the 2D context is gone then and Leaflet's redraw throws.
  // Nothing is on screen to draw, so skip it.
  type CanvasRedraw = { _ctx?: CanvasRenderingContext2D; _redrawRequest: number | null; _redraw(): void };
  const redraw = (Canvas.prototype as unknown as CanvasRedraw)._redraw;
  Canvas.include({
    _redraw(this: CanvasRedraw): void {
      if (this._ctx) redraw.call(this);
      else this._redrawRequest = null;
    },
  });
  installed = [BoxZoom, DoubleClickZoom, Drag, Keyboard, ScrollWheelZoom, TouchZoom].every((handler) => handler !== undefined);
}

export { Map };
export { TileLayer } from 'leaflet/src/layer/tile/TileLayer.js';
export { Canvas };
export { CircleMarker } from 'leaflet/src/layer/vector/CircleMarker.js';
export { Polygon } from 'leaflet/src/layer/vector/Polygon.js';
export { LatLngBounds } from 'leaflet/src/geo/LatLngBounds.js';
export { Bounds } from 'leaflet/src/geometry/Bounds.js';
export { Point } from 'leaflet/src/geometry/Point.js';
