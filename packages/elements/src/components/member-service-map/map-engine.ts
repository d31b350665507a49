/**
 * The map engine of `<qj-member-service-map>`, loaded with `import()` the first time an element connects, so
 * Leaflet, gcoord and the canvas markers land in a chunk of their own. Everything the element hands in is WGS-84;
 * the engine converts into the base layer's CRS (GCJ-02 for 高德) before placing, and converts the view back.
 */
import type { LatLngExpression, Layer } from 'leaflet';
import { Canvas, installLeafletParts, LatLngBounds, Map as LeafletMap, Point, Polygon, TileLayer } from './leaflet-lite.js';
import type { CoordinateSystem, DistrictBoundaries } from '@qiangji/contract';
import { chaozhouBbox, type BaseLayerSpec } from './base-layers.js';
import { BubbleMarker, ClusterMarker, PointMarker, type MarkerPalette } from './canvas-markers.js';
import type { ClusterView } from './cluster-index.js';
import { bboxToWgs, convert, convertRings } from './coords.js';
import type { Bbox } from './geometry.js';
import { typeAt, typeStyles } from './shapes.js';

export { normalisePoints } from './points.js';
export { convert } from './coords.js';

export type { Bbox } from './geometry.js';

/** Colours of the boundaries drawing. */
export interface BoundaryPalette {
  stroke: string;
  fill: string;
  highlight: string;
}

export interface EnginePalette extends MarkerPalette {
  boundary: BoundaryPalette;
  dark: boolean;
}

/** A division bubble to draw. */
export interface BubbleItem {
  key: string;
  name: string;
  countLabel: string;
  lon: number;
  lat: number;
}

export interface EngineCallbacks {
  /** The view settled after a pan or zoom. */
  viewChanged(): void;
  /** A cluster or point of the last rendered view was clicked: its index in that view. */
  itemClicked(index: number): void;
  /** A division (bubble or district polygon) was clicked. */
  divisionClicked(key: string): void;
  /** The map got a size after having none (a hidden tab or closed dialog opened): its view needs fitting again. */
  shown(): void;
}


export class MapEngine {
  readonly map: LeafletMap;
  private readonly renderer: Canvas;
  private crs: CoordinateSystem = 'WGS84';
  private tiles: TileLayer[] = [];
  private boundaryLayers: Polygon[] = [];
  private markers: Layer[] = [];
  private bubbles: BubbleMarker[] = [];
  private readonly resizeObserver: ResizeObserver;
  private readonly measure: CanvasRenderingContext2D;

  constructor(
    readonly container: HTMLElement,
    private readonly callbacks: EngineCallbacks,
  ) {
    installLeafletParts();
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.renderer = new Canvas({ padding: 0.2, tolerance: 4 });
    this.map = new LeafletMap(container, {
      renderer: this.renderer,
      preferCanvas: true,
      zoomControl: false,
      attributionControl: false,
      keyboard: true,
      keyboardPanDelta: 120,
      minZoom: 6,
      maxZoom: 18,
      zoomSnap: 0.25,
      zoomDelta: 1,
      worldCopyJump: false,
      zoomAnimation: !still,
      fadeAnimation: !still,
      inertia: !still,
    });
    this.fitWgs(chaozhouBbox, false);
    this.map.on('moveend', () => this.callbacks.viewChanged());
    // Keeps the canvas and tiles sized right when the map is first shown in a tab or a dialog, or resized.
    const isEmpty = () => container.clientWidth === 0 || container.clientHeight === 0;
    let empty = isEmpty();
    this.resizeObserver = new ResizeObserver(() => {
      const wasEmpty = empty;
      empty = isEmpty();
      this.map.invalidateSize({ pan: false });
      if (wasEmpty && !empty) this.callbacks.shown();
    });
    this.resizeObserver.observe(container);
    this.measure = document.createElement('canvas').getContext('2d')!;
  }

  /** The CRS the map is drawn in (its base layer's). */
  get baseCrs(): CoordinateSystem {
    return this.crs;
  }

  /** Replaces the tiles; when the CRS changes the same WGS-84 view is kept. */
  setBaseLayer(spec: BaseLayerSpec, tiandituKey: string | null): void {
    const view = this.viewBbox();
    for (const layer of this.tiles) layer.remove();
    this.tiles = spec.tiles.map((source) =>
      new TileLayer(source.url, {
        subdomains: source.subdomains ?? 'abc',
        maxZoom: spec.maxZoom,
        maxNativeZoom: 18,
        key: tiandituKey ?? '',
        crossOrigin: false,
      } as ConstructorParameters<typeof TileLayer>[1]).addTo(this.map),
    );
    if (spec.crs !== this.crs) {
      this.crs = spec.crs;
      this.fitWgs(view, false);
    }
  }

  /** Draws the district boundaries (or removes them with null); `highlight` is the district in focus. */
  setBoundaries(data: DistrictBoundaries | null, highlight: string | null, palette: BoundaryPalette): void {
    for (const layer of this.boundaryLayers) layer.remove();
    this.boundaryLayers = [];
    if (!data) return;
    const toLatLngs = (value: unknown): unknown =>
      Array.isArray(value) && typeof value[0] === 'number' ? [value[1], value[0]] : (value as unknown[]).map(toLatLngs);
    for (const feature of data.features) {
      const focused = highlight === null || feature.id === highlight;
      const rings = convertRings(feature.geometry.coordinates, 'WGS84', this.crs);
      const polygon = new Polygon(toLatLngs(rings) as LatLngExpression[][], {
        renderer: this.renderer,
        color: focused ? palette.highlight : palette.stroke,
        weight: focused && highlight !== null ? 3 : 1.5,
        opacity: 1,
        fillColor: palette.fill,
        fillOpacity: focused ? 0.16 : 0.05,
        bubblingMouseEvents: false,
      });
      polygon.on('click', () => this.callbacks.divisionClicked(feature.id));
      polygon.addTo(this.map);
      polygon.bringToBack();
      this.boundaryLayers.push(polygon);
    }
  }

  /** Draws the clusters and points of `view` (WGS-84). `selected` is a point index to ring. */
  renderClusters(view: ClusterView, palette: EnginePalette, formatCount: (count: number) => string, selected: number): void {
    for (const marker of this.markers) marker.remove();
    this.markers = [];
    for (let i = 0; i < view.size; i++) {
      const [lon, lat] = convert(view.lon[i]!, view.lat[i]!, 'WGS84', this.crs);
      const count = view.count[i]!;
      let marker: Layer;
      if (count > 1) {
        marker = new ClusterMarker([lat, lon], count, formatCount(count), palette);
      } else {
        const style = typeStyles[typeAt(view.type[i]!)];
        marker = new PointMarker([lat, lon], style.shape, palette.dark ? style.dark : style.light, palette, view.point[i] === selected);
      }
      marker.on('click', () => this.callbacks.itemClicked(i));
      marker.addTo(this.map);
      this.markers.push(marker);
    }
    // Division labels stay readable over the clusters.
    for (const bubble of this.bubbles) bubble.bringToFront();
  }

  /** Draws the division bubbles (over the clusters). */
  renderBubbles(items: readonly BubbleItem[], palette: EnginePalette): void {
    for (const bubble of this.bubbles) bubble.remove();
    this.bubbles = items.map((item) => {
      const [lon, lat] = convert(item.lon, item.lat, 'WGS84', this.crs);
      const bubble = new BubbleMarker([lat, lon], item.name, item.countLabel, palette, this.measure);
      bubble.on('click', () => this.callbacks.divisionClicked(item.key));
      return bubble.addTo(this.map);
    });
  }

  /** The view as a WGS-84 bbox [west, south, east, north]. */
  viewBbox(): Bbox {
    const bounds = this.map.getBounds();
    return bboxToWgs([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], this.crs);
  }

  get zoom(): number {
    return this.map.getZoom();
  }

  get maxZoom(): number {
    return this.map.getMaxZoom();
  }

  /**
   * Fits a WGS-84 bbox. The centre is converted as a point (not derived from converted corners), so maps over
   * bases in different CRSs show exactly the same place in the middle.
   */
  fitWgs(bbox: Bbox, animate = true, maxZoom = 16): void {
    const [west, south] = convert(bbox[0], bbox[1], 'WGS84', this.crs);
    const [east, north] = convert(bbox[2], bbox[3], 'WGS84', this.crs);
    const padding = new Point(32, 32);
    const zoom = Math.min(this.map.getBoundsZoom(new LatLngBounds([south, west], [north, east]), false, padding), maxZoom);
    // The middle in Web Mercator, as fitBounds takes it, computed on the WGS-84 corners.
    const middle = this.map.unproject(this.map.project([bbox[1], bbox[0]], zoom).add(this.map.project([bbox[3], bbox[2]], zoom)).divideBy(2), zoom);
    const [lon, lat] = convert(middle.lng, middle.lat, 'WGS84', this.crs);
    this.map.setView([lat, lon], zoom, { animate });
  }

  /** Centres on a WGS-84 point, optionally at a zoom. */
  centreOn(lon: number, lat: number, zoom?: number, animate = true): void {
    const [x, y] = convert(lon, lat, 'WGS84', this.crs);
    this.map.setView([y, x], zoom ?? this.map.getZoom(), { animate });
  }

  /** Where a WGS-84 point is, in container pixels. */
  containerPoint(lon: number, lat: number): { x: number; y: number } {
    const [x, y] = convert(lon, lat, 'WGS84', this.crs);
    const point = this.map.latLngToContainerPoint([y, x]);
    return { x: point.x, y: point.y };
  }

  zoomBy(delta: number): void {
    this.map.setZoom(this.map.getZoom() + delta);
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    // Leaflet's remove() leaves a zoom animation's end timer running, which then touches the removed panes:
    // end the animation first (a no-op when none runs).
    const internals = this.map as unknown as { _animatingZoom?: boolean; _onZoomTransitionEnd?: () => void };
    if (internals._animatingZoom) internals._onZoomTransitionEnd?.();
    // Paths before their renderer: removing them afterwards would queue a redraw on a renderer without a canvas.
    for (const layer of [...this.markers, ...this.bubbles, ...this.boundaryLayers]) layer.remove();
    this.renderer.remove();
    this.map.remove();
  }
}
