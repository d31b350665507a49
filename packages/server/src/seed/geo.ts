/** Point-in-polygon placement inside the district outlines (GeoJSON, ray casting, holes respected). */
import { chaozhouBoundaries } from '@qiangji/contract';
import type { Random } from './prng.js';

type Ring = number[][];
type Polygon = Ring[];

export interface DistrictShape {
  code: string;
  polygons: Polygon[];
  bbox: [west: number, south: number, east: number, north: number];
}

function ringContains(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function shapeContains(shape: DistrictShape, lon: number, lat: number): boolean {
  const [west, south, east, north] = shape.bbox;
  if (lon < west || lon > east || lat < south || lat > north) return false;
  return shape.polygons.some(([outer, ...holes]) => !!outer && ringContains(outer, lon, lat) && !holes.some((hole) => ringContains(hole, lon, lat)));
}

/** District outlines by district code. */
export function districtShapes(): Map<string, DistrictShape> {
  const shapes = new Map<string, DistrictShape>();
  for (const feature of chaozhouBoundaries.features) {
    const polygons: Polygon[] = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const points = polygons.flatMap((polygon) => polygon[0] ?? []);
    const lons = points.map((point) => point[0]!);
    const lats = points.map((point) => point[1]!);
    shapes.set(String(feature.id), {
      code: String(feature.id),
      polygons,
      bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
    });
  }
  return shapes;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** A uniformly random point inside the district (rejection sampling in its bounding box). */
export function randomPointIn(shape: DistrictShape, random: Random): [number, number] {
  const [west, south, east, north] = shape.bbox;
  for (;;) {
    const lon = round6(west + random.next() * (east - west));
    const lat = round6(south + random.next() * (north - south));
    if (shapeContains(shape, lon, lat)) return [lon, lat];
  }
}

/** A point scattered around `anchor` (normal, `spread` degrees) that still lies inside the district. */
export function pointNear(shape: DistrictShape, anchor: [number, number], spread: number, random: Random): [number, number] {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const lon = round6(random.normal(anchor[0], spread));
    const lat = round6(random.normal(anchor[1], spread));
    if (shapeContains(shape, lon, lat)) return [lon, lat];
  }
  return shapeContains(shape, anchor[0], anchor[1]) ? anchor : randomPointIn(shape, random);
}
