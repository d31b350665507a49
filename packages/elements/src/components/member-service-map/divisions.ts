/**
 * Drill-down keys and names. Every point's org unit gets a path of keys from the city down
 * ('/4451/445103/445103100/445103100201/'): 统计用区划代码 for divisions (city 4 digits, district 6, town 9,
 * village 12) and the unit id for units without a code (enterprises, schools, …). The worker groups points by the
 * key after the current scope's key; names come from the contract's Chaozhou data (villages load on demand) or
 * from the org units the SDK returned.
 */
import { CHAOZHOU_CITY_CODE, chaozhouDistricts, chaozhouTowns, type OrgUnit } from '@qiangji/contract';

export type DrillLevel = 'city' | 'district' | 'town' | 'village' | 'unit';

/** What the map needs of an org unit. */
export type OrgUnitLike = Pick<OrgUnit, 'id' | 'code' | 'name'> & Partial<Pick<OrgUnit, 'path'>>;

const codeLengths = [4, 6, 9, 12];
const CODE = /^\d{4,12}$/;

export function levelOf(key: string): DrillLevel {
  if (!CODE.test(key)) return 'unit';
  switch (key.length) {
    case 4:
      return 'city';
    case 6:
      return 'district';
    case 9:
      return 'town';
    default:
      return 'village';
  }
}

/** '445103100201' → '/4451/445103/445103100/445103100201/'. */
export function codePath(code: string): string {
  const keys = codeLengths.filter((length) => length <= code.length).map((length) => code.slice(0, length));
  if (!codeLengths.includes(code.length)) keys.push(code);
  return `/${keys.join('/')}/`;
}

/** A division code inside an id ('445103100', 'ou-445103100201'), if any. */
export function codeInId(id: string): string | null {
  const match = /(?:^|\D)(\d{4}(?:\d{2}(?:\d{3}(?:\d{3})?)?)?)$/.exec(id);
  return match?.[1] ?? null;
}

/** The drill key of an org unit: its division code, else its id. */
export function keyOf(id: string, units: ReadonlyMap<string, OrgUnitLike>): string {
  const unit = units.get(id);
  if (unit) return unit.code ?? unit.id;
  return codeInId(id) ?? id;
}

/** The key path of an org unit id ('' when nothing is known about it). */
export function orgPathOf(id: string, units: ReadonlyMap<string, OrgUnitLike>): string {
  const unit = units.get(id);
  if (unit?.path) {
    const ids = unit.path.split('/').filter(Boolean);
    const keys = ids.map((ancestor) => keyOf(ancestor, units));
    // A path of ids whose top is not the city (e.g. a unit list scoped to a district): complete it from the codes.
    const firstCode = keys.find((key) => CODE.test(key));
    const prefix = firstCode && !keys[0]!.startsWith(CHAOZHOU_CITY_CODE) ? codePath(firstCode).split('/').filter(Boolean).slice(0, -1) : [];
    return `/${[...prefix, ...keys].join('/')}/`;
  }
  if (unit?.code) return codePath(unit.code);
  const code = codeInId(id);
  return code ? codePath(code) : '';
}

/** Org paths for the org index of a point set. */
export function orgPathsFor(orgUnitIds: readonly string[], units: ReadonlyMap<string, OrgUnitLike>): string[] {
  return orgUnitIds.map((id) => orgPathOf(id, units));
}

/** The keys from the city down to `key` (for the breadcrumb). */
export function ancestry(key: string, units: ReadonlyMap<string, OrgUnitLike>): string[] {
  if (CODE.test(key)) return codePath(key).split('/').filter(Boolean);
  const unit = [...units.values()].find((candidate) => candidate.id === key);
  return unit ? orgPathOf(unit.id, units).split('/').filter(Boolean) : [CHAOZHOU_CITY_CODE, key];
}

/** 文里村民委员会 → 文里村, 东湖社区居民委员会 → 东湖社区: the committee's place, as people call it. */
export function shortVillageName(name: string): string {
  return name.replace(/村民委员会$/, '村').replace(/社区居民委员会$/, '社区').replace(/居民委员会$/, '居委会');
}

type VillageNames = ReadonlyMap<string, string>;
let villageNames: VillageNames | null = null;
let villageNamesLoading: Promise<VillageNames> | null = null;

/** Loads the 1,034 village names (their own chunk, only when the drill reaches a town). */
export function loadVillageNames(): Promise<VillageNames> {
  villageNamesLoading ??= import('./villages.js').then(({ chaozhouVillages }) => {
    villageNames = new Map(chaozhouVillages.map((village) => [village.code, shortVillageName(village.name)]));
    return villageNames;
  });
  return villageNamesLoading;
}

const districtNames = new Map(chaozhouDistricts.map((district) => [district.code, district.name]));
const townNames = new Map(chaozhouTowns.map((town) => [town.code, town.name]));

/** The name of a key: org units first, then the contract's divisions; null when unknown (yet). */
export function nameOf(key: string, units: ReadonlyMap<string, OrgUnitLike>): string | null {
  const unit = units.get(key);
  if (unit) return unit.name;
  if (key === CHAOZHOU_CITY_CODE) return '潮州市';
  return districtNames.get(key) ?? townNames.get(key) ?? villageNames?.get(key) ?? null;
}

/** Index of units by id and by code, so keys of either kind find them. */
export function indexUnits(list: readonly OrgUnitLike[]): Map<string, OrgUnitLike> {
  const byKey = new Map<string, OrgUnitLike>();
  for (const unit of list) {
    byKey.set(unit.id, unit);
    if (unit.code && !byKey.has(unit.code)) byKey.set(unit.code, unit);
  }
  return byKey;
}
