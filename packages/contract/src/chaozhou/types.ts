export interface ChaozhouDistrict {
  /** 统计用区划代码, e.g. 445102 */
  code: string;
  name: string;
  kind: 'district' | 'county';
  /** Label point [lon, lat] from the boundary data. */
  labelPoint: [number, number];
}
export interface ChaozhouTown {
  code: string;
  name: string;
  districtCode: string;
}
export interface ChaozhouVillage {
  code: string;
  name: string;
  townCode: string;
  districtCode: string;
}
/**
 * District outlines as GeoJSON. The source data (ECharts) also carries `encodeOffsets` on each geometry, a foreign
 * member left over from ECharts' compressed format, and `UTF8Encoding: false` at the top says the coordinates are
 * plain (not compressed). Both are harmless GeoJSON foreign members: ignore them.
 */
export interface DistrictBoundaries {
  type: 'FeatureCollection';
  UTF8Encoding?: boolean;
  features: Array<{
    type: 'Feature';
    id: string;
    properties: { name: string; cp: [number, number]; childNum: number };
    geometry:
      | { type: 'Polygon'; coordinates: number[][][]; encodeOffsets?: unknown }
      | { type: 'MultiPolygon'; coordinates: number[][][][]; encodeOffsets?: unknown };
  }>;
}
