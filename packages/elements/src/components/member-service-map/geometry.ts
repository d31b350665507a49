/** Bounding boxes, shared by the worker and the element (kept apart so neither pulls in the other's code). */

export type Bbox = [west: number, south: number, east: number, north: number];

/** [west, south, east, north] of the points (optionally only those with mask[i] = 1). */
export function bboxOf(lon: Float64Array, lat: Float64Array, mask: Uint8Array | null): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < lon.length; i++) {
    if (mask && !mask[i]) continue;
    const x = lon[i]!;
    const y = lat[i]!;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

/** [west, south, east, north] of GeoJSON coordinates of any nesting ([lon, lat] pairs). */
export function bboxOfCoordinates(coordinates: unknown): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      const [x, y] = value as [number, number];
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else if (Array.isArray(value)) value.forEach(walk);
  };
  walk(coordinates);
  return box;
}

/** `bbox` grown by `ratio` of its size on every side. */
export function padBbox([west, south, east, north]: Bbox, ratio: number): Bbox {
  const dx = (east - west) * ratio;
  const dy = (north - south) * ratio;
  return [west - dx, south - dy, east + dx, north + dy];
}
