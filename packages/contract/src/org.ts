import * as v from 'valibot';
import { IdSchema, text } from './common.js';

/** Kinds of organisational unit: administrative divisions first, then the "fields" of 全域党建. */
export const orgUnitKinds = [
  'city',
  'district',
  'town',
  'street',
  'village',
  'community',
  'organ',
  'enterprise',
  'school',
  'hospital',
  'social_organization',
] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const OrgUnitSchema = v.object({
  id: IdSchema,
  kind: v.picklist(orgUnitKinds),
  name: text(1, 100),
  /** 统计用区划代码 where one exists (divisions); null for organs, enterprises, etc. */
  code: v.nullable(v.pipe(v.string(), v.regex(/^\d{4,12}$/))),
  parentId: v.nullable(IdSchema),
  /** Materialised path of ids from the root, '/'-separated, starting and ending with '/'. */
  path: v.pipe(v.string(), v.regex(/^\/([A-Za-z0-9_.:-]+\/)+$/)),
  depth: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Label point (WGS-84) when known; towns and villages get their service points' centroid. */
  center: v.nullable(v.object({ lon: v.number(), lat: v.number() })),
  childCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type OrgUnit = v.InferOutput<typeof OrgUnitSchema>;

export const partyOrganizationTypes = ['committee', 'general_branch', 'branch'] as const;
export type PartyOrganizationType = (typeof partyOrganizationTypes)[number];
/** The four fields of 全域党建: 农村, 城市, 新兴领域, 传统领域. */
export const partyFields = ['rural', 'urban', 'emerging', 'traditional'] as const;
export type PartyField = (typeof partyFields)[number];

export const PartyOrganizationSchema = v.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  type: v.picklist(partyOrganizationTypes),
  name: text(1, 120),
  /** Secretary's name, masked unless the viewer may see personal data. */
  secretaryName: v.string(),
  memberCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  field: v.picklist(partyFields),
});
export type PartyOrganization = v.InferOutput<typeof PartyOrganizationSchema>;

export const partyOrganizationTypeLabels: Record<PartyOrganizationType, { 'zh-CN': string; 'zh-HK': string; en: string }> = {
  committee: { 'zh-CN': '党委', 'zh-HK': '黨委', en: 'Party committee' },
  general_branch: { 'zh-CN': '党总支', 'zh-HK': '黨總支', en: 'General Party branch' },
  branch: { 'zh-CN': '党支部', 'zh-HK': '黨支部', en: 'Party branch' },
};
