/**
 * The real org tree of Chaozhou (city 4451 → 3 districts → 51 towns/streets → 1,034 villages/communities) plus
 * a few organs, enterprises, schools and hospitals per district, each unit with its Party organisation.
 */
import { chaozhouDistricts, chaozhouTowns, chaozhouVillages, CHAOZHOU_CITY_CODE, type OrgUnitKind, type PartyField, type PartyOrganizationType } from '@qiangji/contract';
import type { OrgUnitTable, PartyOrganizationTable } from '../db/schema.js';
import { personName } from './names.js';
import type { Random } from './prng.js';

export interface SeedOrgUnit extends OrgUnitTable {
  districtCode: string | null;
  townName: string | null;
}

const CITY_NAME = '潮州市';

/** 街道 → street, everything else at that level (镇, 林场, 开发区) → town. */
export const townKind = (name: string): OrgUnitKind => (name.endsWith('街道') ? 'street' : 'town');
/** 居委会 / 社区 / 生活区 → community, else village. */
export const villageKind = (name: string): OrgUnitKind => (/居委会|居民委员会|社区|生活区/.test(name) ? 'community' : 'village');

/** Short village name for display: 下津村民委员会 → 下津村, 桥东社区居民委员会 → 桥东社区. */
export function shortVillageName(name: string): string {
  return name
    .replace(/村民委员会$|村民委会$|村委会$/, '村')
    .replace(/社区居民委员会$|社区居委会$/, '社区')
    .replace(/居民委员会$|居委会$/, '社区');
}

/** Organs, enterprises, schools and hospitals added under each district (fictional names, plausible kinds). */
const fieldUnits: ReadonlyArray<{ kind: OrgUnitKind; names: (district: string) => string[] }> = [
  { kind: 'organ', names: (d) => [`${d}委办公室`, `${d}人民政府办公室`, `${d}委组织部`, `${d}司法局`] },
  { kind: 'enterprise', names: (d) => [`${d}凤城陶瓷有限公司`, `${d}韩江食品有限公司`, `${d}单丛茶业有限公司`, `${d}供销合作联社`] },
  { kind: 'school', names: (d) => [`${d}第一中学`, `${d}实验小学`, `${d}职业技术学校`] },
  { kind: 'hospital', names: (d) => [`${d}人民医院`, `${d}中医医院`] },
  { kind: 'social_organization', names: (d) => [`${d}志愿者协会`] },
];
const fieldPrefix: Partial<Record<OrgUnitKind, string>> = { organ: 'organ', enterprise: 'ent', school: 'school', hospital: 'hosp', social_organization: 'soc' };

export interface OrgTree {
  units: SeedOrgUnit[];
  byId: Map<string, SeedOrgUnit>;
  partyOrganizations: PartyOrganizationTable[];
}

function partyOrgFor(unit: SeedOrgUnit, random: Random): PartyOrganizationTable {
  let type: PartyOrganizationType = 'branch';
  let field: PartyField = 'traditional';
  let name: string;
  switch (unit.kind) {
    case 'city':
    case 'district':
      type = 'committee';
      name = `中共${unit.name}委员会`;
      break;
    case 'town':
    case 'street':
      type = 'committee';
      field = unit.kind === 'street' ? 'urban' : 'rural';
      name = unit.kind === 'street' ? `中共${unit.name}工作委员会` : `中共${unit.name}委员会`;
      break;
    case 'village':
    case 'community': {
      type = random.chance(0.35) ? 'general_branch' : 'branch';
      field = unit.kind === 'community' ? 'urban' : 'rural';
      name = `中共${unit.townName ?? ''}${unit.name}${type === 'general_branch' ? '总支部委员会' : '支部委员会'}`;
      break;
    }
    case 'hospital':
      type = 'committee';
      name = `中共${unit.name}委员会`;
      break;
    case 'school':
      type = 'general_branch';
      name = `中共${unit.name}总支部委员会`;
      break;
    case 'organ':
      type = 'branch';
      name = `中共${unit.name}支部委员会`;
      break;
    default:
      field = 'emerging';
      name = `中共${unit.name}支部委员会`;
  }
  return {
    id: `po-${unit.id}`,
    org_unit_id: unit.id,
    org_path: unit.path,
    type,
    name,
    secretary_name: personName(random, random.chance(0.7) ? 'male' : 'female'),
    member_count: 0,
    field,
  };
}

export function buildOrgTree(random: Random): OrgTree {
  const units: SeedOrgUnit[] = [];
  const add = (unit: Omit<SeedOrgUnit, 'child_count' | 'depth' | 'path' | 'sort'>, parent: SeedOrgUnit | null, sort: number): SeedOrgUnit => {
    const row: SeedOrgUnit = {
      ...unit,
      path: `${parent?.path ?? '/'}${unit.id}/`,
      depth: parent ? parent.depth + 1 : 0,
      child_count: 0,
      sort,
    };
    if (parent) parent.child_count += 1;
    units.push(row);
    return row;
  };

  const city = add({ id: CHAOZHOU_CITY_CODE, kind: 'city', name: CITY_NAME, code: CHAOZHOU_CITY_CODE, parent_id: null, lon: null, lat: null, districtCode: null, townName: null }, null, 0);
  chaozhouDistricts.forEach((district, districtIndex) => {
    const districtUnit = add(
      { id: district.code, kind: 'district', name: district.name, code: district.code, parent_id: city.id, lon: district.labelPoint[0], lat: district.labelPoint[1], districtCode: district.code, townName: null },
      city,
      districtIndex,
    );
    chaozhouTowns
      .filter((town) => town.districtCode === district.code)
      .forEach((town, townIndex) => {
        const townUnit = add(
          { id: town.code, kind: townKind(town.name), name: town.name, code: town.code, parent_id: district.code, lon: null, lat: null, districtCode: district.code, townName: town.name },
          districtUnit,
          townIndex,
        );
        chaozhouVillages
          .filter((village) => village.townCode === town.code)
          .forEach((village, villageIndex) => {
            add(
              {
                id: village.code,
                kind: villageKind(village.name),
                name: shortVillageName(village.name),
                code: village.code,
                parent_id: town.code,
                lon: null,
                lat: null,
                districtCode: district.code,
                townName: town.name,
              },
              townUnit,
              villageIndex,
            );
          });
      });
    let fieldSort = 1000;
    for (const field of fieldUnits) {
      field.names(district.name).forEach((name, index) => {
        add(
          { id: `${district.code}-${fieldPrefix[field.kind]}-${index + 1}`, kind: field.kind, name, code: null, parent_id: district.code, lon: null, lat: null, districtCode: district.code, townName: null },
          districtUnit,
          fieldSort++,
        );
      });
    }
  });
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const partyRandom = random.fork(7);
  const partyOrganizations = units.map((unit) => partyOrgFor(unit, partyRandom));
  return { units, byId, partyOrganizations };
}
