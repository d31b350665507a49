/** Decoding of the columnar service-point export (base64 of little-endian typed arrays), without Buffer. */
import type { ServicePointExport } from '@qiangji/contract';

/** The export with its numeric columns decoded; `ids[i]`, `lon[i]`, `lat[i]`, … describe point i. */
export type DecodedServicePointExport = Omit<ServicePointExport, 'lon' | 'lat' | 'type' | 'org' | 'records'> & {
  /** WGS-84 longitudes. */
  lon: Float64Array;
  /** WGS-84 latitudes. */
  lat: Float64Array;
  /** Index into `types`. */
  type: Uint8Array;
  /** Index into `orgUnitIds`. */
  org: Uint32Array;
  /** Service record count per point. */
  records: Uint32Array;
};

/** Bytes of a base64 string (atob exists in browsers and Node ≥ 16). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function column<T extends Float64Array | Uint32Array>(
  base64: string,
  Type: { new (length: number): T; BYTES_PER_ELEMENT: number },
  read: 'getFloat64' | 'getUint32',
): T {
  const view = new DataView(base64ToBytes(base64).buffer);
  const size = Type.BYTES_PER_ELEMENT;
  const values = new Type(view.byteLength / size);
  for (let i = 0; i < values.length; i++) values[i] = view[read](i * size, true);
  return values;
}

/** Decodes the numeric columns of an export answer into typed arrays. */
export function decodeServicePointExport(raw: ServicePointExport): DecodedServicePointExport {
  return {
    ...raw,
    lon: column(raw.lon, Float64Array, 'getFloat64'),
    lat: column(raw.lat, Float64Array, 'getFloat64'),
    type: base64ToBytes(raw.type),
    org: column(raw.org, Uint32Array, 'getUint32'),
    records: column(raw.records, Uint32Array, 'getUint32'),
  };
}
