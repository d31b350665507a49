/**
 * Deterministic service points around Chaozhou for tests, stories and the benchmark: points scattered around the
 * contract's towns, each town's points attached to its villages (org ids are village codes), types in a fixed mix.
 */
import { chaozhouDistricts, chaozhouTowns, chaozhouVillages, servicePointTypeIds, type ServicePointType } from '@qiangji/contract';
import { seededRandom } from '@qiangji/sdk/fixtures';
import type { ServicePointColumnsInput, ServicePointInput } from './points.js';

/** A centre per town: around its district's label point, spread deterministically. */
export function townCentres(seed = 7): Map<string, [number, number]> {
  const random = seededRandom(seed);
  const centres = new Map<string, [number, number]>();
  for (const town of chaozhouTowns) {
    const district = chaozhouDistricts.find((candidate) => candidate.code === town.districtCode)!;
    const [lon, lat] = district.labelPoint;
    const spread = town.districtCode === '445102' ? 0.05 : 0.16;
    centres.set(town.code, [lon + (random() - 0.5) * 2 * spread, lat + (random() - 0.5) * 2 * spread]);
  }
  return centres;
}

/** The real village codes of each town (the contract's divisions). */
function villagesByTown(): Map<string, string[]> {
  const byTown = new Map<string, string[]>();
  for (const village of chaozhouVillages) byTown.set(village.townCode, [...(byTown.get(village.townCode) ?? []), village.code]);
  return byTown;
}

/** `count` points in columnar form (ids `sp-<n>`, org = the code of a real village of the point's town). */
export function columnsAroundChaozhou(count: number, seed = 2024): ServicePointColumnsInput {
  const random = seededRandom(seed);
  const centres = [...townCentres().entries()];
  const villages = villagesByTown();
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  const type = new Uint8Array(count);
  const org = new Uint32Array(count);
  const records = new Uint32Array(count);
  const orgUnitIds: string[] = [];
  const orgIndex = new Map<string, number>();
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const [townCode, [x, y]] = centres[Math.floor(random() * centres.length)]!;
    const townVillages = villages.get(townCode) ?? [townCode];
    const slot = Math.floor(random() * townVillages.length);
    const village = townVillages[slot]!;
    // Villages sit on a grid around the town centre; points around their village.
    const side = Math.ceil(Math.sqrt(townVillages.length));
    lon[i] = x + ((slot % side) - side / 2) * 0.014 + (random() - 0.5) * 0.012;
    lat[i] = y + (Math.floor(slot / side) - side / 2) * 0.014 + (random() - 0.5) * 0.012;
    type[i] = Math.floor(random() * servicePointTypeIds.length);
    let o = orgIndex.get(village);
    if (o === undefined) {
      o = orgUnitIds.length;
      orgUnitIds.push(village);
      orgIndex.set(village, o);
    }
    org[i] = o;
    records[i] = Math.floor(random() * 40);
    ids[i] = `sp-${i + 1}`;
  }
  return { count, ids, lon, lat, type, types: [...servicePointTypeIds], org, orgUnitIds, records };
}

/** The same points as objects. */
export function objectsAroundChaozhou(count: number, seed = 2024): ServicePointInput[] {
  const columns = columnsAroundChaozhou(count, seed);
  return Array.from({ length: count }, (_, i) => ({
    id: columns.ids[i]!,
    lon: columns.lon[i]!,
    lat: columns.lat[i]!,
    type: columns.types[columns.type[i]!] as ServicePointType,
    orgUnitId: columns.orgUnitIds[columns.org[i]!]!,
    records: columns.records![i]!,
  }));
}
