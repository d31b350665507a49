/**
 * Coordinate conversion with gcoord: WGS-84 (= CGCS2000 at map scale) ↔ GCJ-02 (高德/腾讯) ↔ BD-09 (百度).
 * Data is kept and clustered in WGS-84; what is drawn is converted into the base layer's CRS, and the view's
 * bounds are converted back to query the index.
 */
import gcoord from 'gcoord';
import type { CoordinateSystem } from '@qiangji/contract';

const gcoordCrs = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/** [lon, lat] in `from` → [lon, lat] in `to`. */
export function convert(lon: number, lat: number, from: CoordinateSystem, to: CoordinateSystem): [number, number] {
  if (from === to) return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], gcoordCrs[from], gcoordCrs[to]) as [number, number];
  return [x, y];
}

/** A WGS-84 bbox covering `bbox` (in `from`), padded by the conversion's non-linearity at the corners. */
export function bboxToWgs(bbox: [number, number, number, number], from: CoordinateSystem): [number, number, number, number] {
  if (from === 'WGS84') return bbox;
  const [west, south, east, north] = bbox;
  const corners = [
    convert(west, south, from, 'WGS84'),
    convert(west, north, from, 'WGS84'),
    convert(east, south, from, 'WGS84'),
    convert(east, north, from, 'WGS84'),
  ];
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Converts the rings of a GeoJSON Polygon/MultiPolygon's coordinates (any nesting) into a new array. */
export function convertRings<T>(coordinates: T, from: CoordinateSystem, to: CoordinateSystem): T {
  if (from === to) return coordinates;
  const walk = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === 'number'
      ? convert(value[0] as number, value[1] as number, from, to)
      : (value as unknown[]).map(walk);
  return walk(coordinates) as T;
}
