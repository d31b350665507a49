/**
 * Markers drawn by Leaflet's canvas renderer: clusters (circle + count), single points (the type's shape + colour)
 * and division bubbles (a labelled pill: name + count). They subclass CircleMarker so the renderer's hit testing,
 * redraw regions and zoom animation apply; only the drawing and the hit area change.
 */
import type { LatLngExpression } from 'leaflet';
import { Bounds, CircleMarker, Point } from './leaflet-lite.js';
import { shapeVertices, type MarkerShape } from './shapes.js';

/** Colours and text settings for one render, read from the host's CSS custom properties. */
export interface MarkerPalette {
  cluster: string;
  clusterRing: string;
  onCluster: string;
  pointStroke: string;
  selected: string;
  bubble: string;
  onBubble: string;
  bubbleBorder: string;
  font: string;
  /** Text and marker scale (elder mode: 1.25). */
  scale: number;
}

/** Leaflet internals the canvas subclasses use. */
interface CanvasInternals {
  _renderer: { _drawing: boolean; _ctx: CanvasRenderingContext2D; _bounds: Bounds };
  _point: Point;
  _radius: number;
  _pxBounds: Bounds;
  _empty(): boolean;
  _clickTolerance(): number;
}
const internals = (marker: CircleMarker): CanvasInternals => marker as unknown as CanvasInternals;

function drawShape(ctx: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number, r: number): void {
  ctx.beginPath();
  const vertices = shapeVertices(shape, r);
  if (!vertices) {
    ctx.arc(x, y, r, 0, Math.PI * 2);
  } else {
    vertices.forEach(([dx, dy], i) => (i === 0 ? ctx.moveTo(x + dx, y + dy) : ctx.lineTo(x + dx, y + dy)));
    ctx.closePath();
  }
}

/** A single service point: its type's shape in its type's colour, white outline; a ring when selected. */
export class PointMarker extends CircleMarker {
  constructor(
    latlng: LatLngExpression,
    private readonly shape: MarkerShape,
    private readonly fill: string,
    private readonly palette: MarkerPalette,
    private readonly selected: boolean,
  ) {
    super(latlng, { radius: 7 * palette.scale + (selected ? 5 : 0), interactive: true, bubblingMouseEvents: false });
  }

  _updatePath(): void {
    const self = internals(this);
    if (!self._renderer._drawing || self._empty()) return;
    const ctx = self._renderer._ctx;
    const { x, y } = self._point;
    const r = 7 * this.palette.scale;
    ctx.save();
    if (this.selected) {
      ctx.beginPath();
      ctx.arc(x, y, r * 1.9, 0, Math.PI * 2);
      ctx.lineWidth = 3;
      ctx.strokeStyle = this.palette.selected;
      ctx.stroke();
    }
    drawShape(ctx, this.shape, x, y, r);
    ctx.fillStyle = this.fill;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = this.palette.pointStroke;
    ctx.stroke();
    ctx.restore();
  }
}

/** Cluster radius in px for a count (log scale). */
export const clusterRadius = (count: number, scale: number) => (13 + 4 * Math.log10(Math.max(count, 2))) * scale;

/** A cluster: a filled circle with a halo ring and its (abbreviated) count. */
export class ClusterMarker extends CircleMarker {
  constructor(
    latlng: LatLngExpression,
    readonly count: number,
    private readonly label: string,
    private readonly palette: MarkerPalette,
  ) {
    super(latlng, { radius: clusterRadius(count, palette.scale) + 4, interactive: true, bubblingMouseEvents: false });
  }

  _updatePath(): void {
    const self = internals(this);
    if (!self._renderer._drawing || self._empty()) return;
    const ctx = self._renderer._ctx;
    const { x, y } = self._point;
    const r = clusterRadius(this.count, this.palette.scale);
    ctx.save();
    ctx.beginPath();
    ctx.arc(x, y, r + 4, 0, Math.PI * 2);
    ctx.fillStyle = this.palette.clusterRing;
    ctx.fill();
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fillStyle = this.palette.cluster;
    ctx.fill();
    ctx.fillStyle = this.palette.onCluster;
    ctx.font = `600 ${Math.round(12 * this.palette.scale)}px ${this.palette.font}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(this.label, x, y + 0.5);
    ctx.restore();
  }
}

/** A division bubble: a pill with the division's name and its count, at its points' centroid. */
export class BubbleMarker extends CircleMarker {
  private width = 0;
  private height = 0;

  constructor(
    latlng: LatLngExpression,
    private readonly name: string,
    private readonly countLabel: string,
    private readonly palette: MarkerPalette,
    private readonly measure: CanvasRenderingContext2D,
  ) {
    super(latlng, { radius: 1, interactive: true, bubblingMouseEvents: false });
    const size = Math.round(13 * palette.scale);
    measure.font = `600 ${size}px ${palette.font}`;
    this.width = measure.measureText(`${name} ${countLabel}`).width + 18 * palette.scale;
    this.height = size * 1.9;
  }

  _updateBounds(): void {
    const self = internals(this);
    const half = new Point(this.width / 2, this.height / 2);
    self._pxBounds = new Bounds(self._point.subtract(half), self._point.add(half));
  }

  _containsPoint(p: Point): boolean {
    return internals(this)._pxBounds.contains(p);
  }

  _updatePath(): void {
    const self = internals(this);
    if (!self._renderer._drawing || !self._renderer._bounds.intersects(self._pxBounds)) return;
    const ctx = self._renderer._ctx;
    const { x, y } = self._point;
    const w = this.width;
    const h = this.height;
    const size = Math.round(13 * this.palette.scale);
    ctx.save();
    ctx.beginPath();
    ctx.roundRect(x - w / 2, y - h / 2, w, h, h / 2);
    ctx.fillStyle = this.palette.bubble;
    ctx.globalAlpha = 0.94;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = this.palette.bubbleBorder;
    ctx.stroke();
    ctx.fillStyle = this.palette.onBubble;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.font = `${size}px ${this.palette.font}`;
    const nameWidth = ctx.measureText(`${this.name} `).width;
    const left = x - w / 2 + 9 * this.palette.scale;
    ctx.fillText(`${this.name} `, left, y + 0.5);
    ctx.font = `700 ${size}px ${this.palette.font}`;
    ctx.fillText(this.countLabel, left + nameWidth, y + 0.5);
    ctx.restore();
  }
}
