/** Fictional Party members, service points placed inside the right district outline, and service records. */
import { servicePointTypes, type ServicePointType, type ServiceRecordKind } from '@qiangji/contract';
import type { MemberTable, ServicePointTable, ServiceRecordTable } from '../db/schema.js';
import { districtShapes, pointNear, randomPointIn, type DistrictShape } from './geo.js';
import { mobile, personName, residentId, type Sex } from './names.js';
import type { OrgTree, SeedOrgUnit } from './org-tree.js';
import type { Random } from './prng.js';

const districtNames: Record<string, string> = { '445102': '湘桥区', '445103': '潮安区', '445122': '饶平县' };

/** Units that have members and service points, with a weight for how many they get. */
function weightFor(unit: SeedOrgUnit): number {
  switch (unit.kind) {
    case 'village':
    case 'community':
      return 1;
    case 'town':
    case 'street':
      return 0.6;
    case 'organ':
    case 'enterprise':
    case 'school':
    case 'hospital':
      return 1.5;
    case 'social_organization':
      return 0.5;
    default:
      return 0;
  }
}

/** Spreads `total` items over units in proportion to their weights (deterministic, largest remainder). */
function spread(units: SeedOrgUnit[], total: number): number[] {
  const weights = units.map(weightFor);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (weight / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
  for (const [, index] of order) {
    if (left <= 0) break;
    counts[index]! += 1;
    left -= 1;
  }
  return counts;
}

export function placeUnits(tree: OrgTree, random: Random): Map<string, DistrictShape> {
  const shapes = districtShapes();
  // Anchor each town somewhere in its district, villages around their town, field units around the district centre.
  for (const unit of tree.units) {
    const shape = unit.districtCode ? shapes.get(unit.districtCode) : undefined;
    if (!shape || unit.kind === 'district') continue;
    const parent = unit.parent_id ? tree.byId.get(unit.parent_id) : undefined;
    let anchor: [number, number];
    if (unit.kind === 'town' || unit.kind === 'street') anchor = randomPointIn(shape, random);
    else if (parent && parent.lon !== null && parent.lat !== null) anchor = pointNear(shape, [parent.lon, parent.lat], parent.kind === 'district' ? 0.04 : 0.025, random);
    else anchor = randomPointIn(shape, random);
    unit.lon = anchor[0];
    unit.lat = anchor[1];
  }
  return shapes;
}

/** `ensure`: units that get at least two members whatever the total (the demo member account's village). */
export function buildMembers(tree: OrgTree, total: number, random: Random, ensure: ReadonlyArray<string> = []): MemberTable[] {
  const units = tree.units.filter((unit) => weightFor(unit) > 0);
  const counts = spread(units, total);
  units.forEach((unit, index) => {
    if (ensure.includes(unit.id)) counts[index] = Math.max(counts[index]!, 2);
  });
  const members: MemberTable[] = [];
  const partyOrgs = new Map(tree.partyOrganizations.map((org) => [org.org_unit_id, org]));
  units.forEach((unit, index) => {
    const partyOrg = partyOrgs.get(unit.id)!;
    for (let n = 0; n < counts[index]!; n += 1) {
      const sex: Sex = random.chance(0.72) ? 'male' : 'female';
      const birthYear = random.int(1940, 2003);
      const joinedYear = Math.min(2025, birthYear + random.int(18, 45));
      members.push({
        id: `m${String(members.length + 1).padStart(6, '0')}`,
        name: personName(random, sex),
        sex,
        birth_year: birthYear,
        phone: mobile(random),
        id_number: residentId(random, unit.districtCode ?? '445100', birthYear, sex),
        org_unit_id: unit.id,
        org_path: unit.path,
        party_organization_id: partyOrg.id,
        joined_at: `${joinedYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      });
      partyOrg.member_count += 1;
    }
  });
  return members;
}

const typeWeights: ReadonlyArray<readonly [ServicePointType, number]> = [
  ['elder_canteen', 3],
  ['civilization_station', 4],
  ['tea_mediation_room', 2],
  ['model_post', 4],
  ['responsibility_zone', 5],
  ['other', 1],
];
const typeLabel = new Map(servicePointTypes.map((type) => [type.id, type.label['zh-CN']]));

export function buildServicePoints(tree: OrgTree, shapes: Map<string, DistrictShape>, total: number, random: Random): ServicePointTable[] {
  const units = tree.units.filter((unit) => weightFor(unit) > 0 && unit.districtCode);
  const counts = spread(units, total);
  const points: ServicePointTable[] = [];
  units.forEach((unit, index) => {
    const shape = shapes.get(unit.districtCode!)!;
    const town = unit.kind === 'village' || unit.kind === 'community' ? tree.byId.get(unit.parent_id ?? '') : undefined;
    for (let n = 0; n < counts[index]!; n += 1) {
      const type: ServicePointType = n === 0 && unit.kind !== 'enterprise' ? 'party_service_center' : random.weighted(typeWeights);
      const [lon, lat] = pointNear(shape, [unit.lon!, unit.lat!], unit.kind === 'town' || unit.kind === 'street' ? 0.01 : 0.004, random);
      const placeName = `${town?.name ?? ''}${unit.name}`;
      points.push({
        id: `sp${String(points.length + 1).padStart(6, '0')}`,
        name: `${placeName}${typeLabel.get(type) ?? ''}${n > 1 ? `（${n}）` : ''}`,
        type,
        lon,
        lat,
        org_unit_id: unit.id,
        org_path: unit.path,
        district_code: unit.districtCode!,
        address: `潮州市${districtNames[unit.districtCode!] ?? ''}${placeName}${random.int(1, 199)}号`,
        record_count: 0,
      });
    }
  });
  return points;
}

/** Towns and villages get the centroid of their service points as label point (org.ts). */
export function centreUnitsOnPoints(tree: OrgTree, points: ServicePointTable[]): void {
  const sums = new Map<string, [number, number, number]>();
  for (const point of points) {
    for (const id of point.org_path.split('/').filter(Boolean)) {
      const sum = sums.get(id) ?? [0, 0, 0];
      sum[0] += point.lon;
      sum[1] += point.lat;
      sum[2] += 1;
      sums.set(id, sum);
    }
  }
  const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
  for (const unit of tree.units) {
    const sum = sums.get(unit.id);
    if (unit.kind === 'district') continue;
    if (unit.kind === 'city') {
      if (sum) [unit.lon, unit.lat] = [round6(sum[0] / sum[2]), round6(sum[1] / sum[2])];
      continue;
    }
    if (sum && (unit.kind === 'town' || unit.kind === 'street' || unit.kind === 'village' || unit.kind === 'community')) {
      unit.lon = round6(sum[0] / sum[2]);
      unit.lat = round6(sum[1] / sum[2]);
    }
  }
}

const kindWeights: ReadonlyArray<readonly [ServiceRecordKind, number]> = [
  ['visit', 30],
  ['practical_deed', 25],
  ['volunteer', 25],
  ['emergency', 5],
  ['mediation', 8],
  ['other', 7],
];
const notes: Record<ServiceRecordKind, string[]> = {
  visit: ['走访慰问困难党员', '入户走访独居老人', '走访了解群众诉求', '节前走访慰问老党员'],
  practical_deed: ['协助修缮村道路灯', '帮助群众办理社保业务', '协调解决饮水管道维修', '为长者饭堂送菜'],
  volunteer: ['参与韩江河岸清洁志愿活动', '开展文明创建志愿服务', '参与义诊志愿服务', '协助组织潮剧进社区活动'],
  emergency: ['参与台风防御转移群众', '参与防汛巡堤', '参与森林防火巡查'],
  mediation: ['参与茶文化调解室邻里纠纷调解', '协助调解宅基地纠纷', '协助化解家庭矛盾'],
  other: ['参加主题党日活动', '参加党员教育培训', '整理党建资料'],
};

const RECORDS_FROM = Date.parse('2024-01-01T00:00:00+08:00');
const RECORDS_TO = Date.parse('2026-11-26T23:59:59+08:00');

export function buildServiceRecords(points: ServicePointTable[], members: MemberTable[], total: number, random: Random): ServiceRecordTable[] {
  if (points.length === 0 || members.length === 0) return [];
  const membersByUnit = new Map<string, MemberTable[]>();
  const membersByTown = new Map<string, MemberTable[]>();
  for (const member of members) {
    const unitList = membersByUnit.get(member.org_unit_id) ?? [];
    unitList.push(member);
    membersByUnit.set(member.org_unit_id, unitList);
    const town = member.org_path.split('/')[3] ?? '';
    const townList = membersByTown.get(town) ?? [];
    townList.push(member);
    membersByTown.set(town, townList);
  }
  const records: ServiceRecordTable[] = [];
  for (let n = 0; n < total; n += 1) {
    const point = random.pick(points);
    const candidates = membersByUnit.get(point.org_unit_id) ?? membersByTown.get(point.org_path.split('/')[3] ?? '') ?? members;
    const member = random.pick(candidates);
    const kind = point.type === 'tea_mediation_room' && random.chance(0.6) ? 'mediation' : random.weighted(kindWeights);
    // Whole minutes, China time 8:00–20:00.
    const day = Math.floor((RECORDS_FROM + random.next() * (RECORDS_TO - RECORDS_FROM)) / 86_400_000) * 86_400_000;
    const at = new Date(day + random.int(0, 12 * 60) * 60_000).toISOString();
    records.push({
      id: `sr${String(n + 1).padStart(7, '0')}`,
      member_id: member.id,
      member_name: member.name,
      service_point_id: point.id,
      org_unit_id: point.org_unit_id,
      org_path: point.org_path,
      kind,
      at,
      note: random.pick(notes[kind]),
    });
    point.record_count += 1;
  }
  return records;
}
