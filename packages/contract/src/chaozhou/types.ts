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
export interface DistrictBoundaries {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    id: string;
    properties: { name: string; cp: [number, number]; childNum: number };
    geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
  }>;
}
