/**
 * Base layers of `<qj-member-service-map>`: tile URL templates, the coordinate system each one is drawn in, and
 * the hosts a page's CSP must allow (`img-src`). Every point and boundary is converted from its data CRS into the
 * layer's CRS before it is placed, so markers sit on the right spot of a GCJ-02 (高德) base as well as a
 * WGS-84 / CGCS2000 (天地图, OSM) one.
 */
import type { CoordinateSystem } from '@qiangji/contract';

/** Chaozhou (the district boundaries' extent), WGS-84 [west, south, east, north]: the city view. */
export const chaozhouBbox: [number, number, number, number] = [116.37, 23.42, 117.2, 24.24];

export const baseLayerIds = ['none', 'tianditu-vec', 'tianditu-img', 'amap', 'osm'] as const;
export type BaseLayerId = (typeof baseLayerIds)[number];

export interface TileSource {
  url: string;
  subdomains?: string;
}

export interface BaseLayerSpec {
  id: BaseLayerId;
  /** The CRS the tiles are drawn in. 天地图 uses CGCS2000, within centimetres of WGS-84 at map scale. */
  crs: CoordinateSystem;
  /** Background tiles, then label tiles on top (天地图's cva/cia annotation layers). */
  tiles: TileSource[];
  /** Needs `tianditu-key`. */
  needsKey: boolean;
  /** Attribution text shown in the lower left (the host's 审图号 goes in the `attribution` slot beside it). */
  attribution: string;
  /** Tile hosts for the page's CSP `img-src`. */
  hosts: string[];
  maxZoom: number;
}

const tianditu = (layer: string): TileSource => ({
  url:
    `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
    '&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
  subdomains: '01234567',
});

export const baseLayers: Record<BaseLayerId, BaseLayerSpec> = {
  none: { id: 'none', crs: 'WGS84', tiles: [], needsKey: false, attribution: '', hosts: [], maxZoom: 18 },
  'tianditu-vec': {
    id: 'tianditu-vec',
    crs: 'WGS84',
    tiles: [tianditu('vec'), tianditu('cva')],
    needsKey: true,
    attribution: '© 天地图',
    hosts: ['https://*.tianditu.gov.cn'],
    maxZoom: 18,
  },
  'tianditu-img': {
    id: 'tianditu-img',
    crs: 'WGS84',
    tiles: [tianditu('img'), tianditu('cia')],
    needsKey: true,
    attribution: '© 天地图',
    hosts: ['https://*.tianditu.gov.cn'],
    maxZoom: 18,
  },
  amap: {
    id: 'amap',
    crs: 'GCJ02',
    tiles: [{ url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}', subdomains: '1234' }],
    needsKey: false,
    attribution: '© 高德地图',
    hosts: ['https://*.is.autonavi.com'],
    maxZoom: 18,
  },
  osm: {
    id: 'osm',
    crs: 'WGS84',
    tiles: [{ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' }],
    needsKey: false,
    attribution: '© OpenStreetMap contributors',
    hosts: ['https://tile.openstreetmap.org'],
    maxZoom: 19,
  },
};

export function isBaseLayerId(value: string | null | undefined): value is BaseLayerId {
  return (baseLayerIds as readonly string[]).includes(value ?? '');
}

/**
 * The layer to draw: `tile-url` (with `tile-crs`) replaces the preset's tiles, e.g. a portal's own approved tile
 * server or a local test server; a 天地图 preset without a key falls back to no tiles.
 */
export function resolveBaseLayer(
  id: BaseLayerId,
  options: { tiandituKey?: string | null; tileUrl?: string | null; tileCrs?: CoordinateSystem | null },
): BaseLayerSpec & { missingKey: boolean } {
  const preset = baseLayers[id];
  if (options.tileUrl) {
    return {
      ...preset,
      crs: options.tileCrs ?? preset.crs,
      tiles: [{ url: options.tileUrl }],
      needsKey: false,
      missingKey: false,
    };
  }
  if (preset.needsKey && !options.tiandituKey) return { ...preset, tiles: [], missingKey: true };
  return { ...preset, missingKey: false };
}
