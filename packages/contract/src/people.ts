import * as v from 'valibot';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, type LocalizedLabel } from './common.js';

export const coordinateSystems = ['WGS84', 'GCJ02', 'BD09'] as const;
export type CoordinateSystem = (typeof coordinateSystems)[number];

export const servicePointTypeIds = [
  'party_service_center',
  'elder_canteen',
  'civilization_station',
  'tea_mediation_room',
  'model_post',
  'responsibility_zone',
  'other',
] as const;
export type ServicePointType = (typeof servicePointTypeIds)[number];

/** Service point types with labels, in legend order. */
export const servicePointTypes: ReadonlyArray<{ id: ServicePointType; label: LocalizedLabel }> = [
  { id: 'party_service_center', label: { 'zh-CN': '党群服务中心', 'zh-HK': '黨群服務中心', en: 'Party-community service centre' } },
  { id: 'elder_canteen', label: { 'zh-CN': '长者饭堂', 'zh-HK': '長者飯堂', en: 'Elder canteen' } },
  { id: 'civilization_station', label: { 'zh-CN': '新时代文明实践站', 'zh-HK': '新時代文明實踐站', en: 'Civilisation practice station' } },
  { id: 'tea_mediation_room', label: { 'zh-CN': '茶文化调解室', 'zh-HK': '茶文化調解室', en: 'Tea-culture mediation room' } },
  { id: 'model_post', label: { 'zh-CN': '党员示范岗', 'zh-HK': '黨員示範崗', en: 'Party member model post' } },
  { id: 'responsibility_zone', label: { 'zh-CN': '党员责任区', 'zh-HK': '黨員責任區', en: 'Party member responsibility zone' } },
  { id: 'other', label: { 'zh-CN': '其他', 'zh-HK': '其他', en: 'Other' } },
];

export const serviceRecordKindIds = ['visit', 'practical_deed', 'volunteer', 'emergency', 'mediation', 'other'] as const;
export type ServiceRecordKind = (typeof serviceRecordKindIds)[number];
export const serviceRecordKinds: ReadonlyArray<{ id: ServiceRecordKind; label: LocalizedLabel }> = [
  { id: 'visit', label: { 'zh-CN': '走访', 'zh-HK': '走訪', en: 'Home visit' } },
  { id: 'practical_deed', label: { 'zh-CN': '办实事', 'zh-HK': '辦實事', en: 'Practical deed' } },
  { id: 'volunteer', label: { 'zh-CN': '志愿服务', 'zh-HK': '志願服務', en: 'Volunteer service' } },
  { id: 'emergency', label: { 'zh-CN': '应急突击', 'zh-HK': '應急突擊', en: 'Emergency response' } },
  { id: 'mediation', label: { 'zh-CN': '矛盾调解', 'zh-HK': '矛盾調解', en: 'Dispute mediation' } },
  { id: 'other', label: { 'zh-CN': '其他', 'zh-HK': '其他', en: 'Other' } },
];

export const MemberSchema = v.object({
  id: IdSchema,
  /** Masked (陈*燕) unless the viewer's role and scope allow personal data. */
  name: v.string(),
  sex: v.picklist(['male', 'female']),
  birthYear: v.nullable(v.number()),
  phone: v.string(),
  idNumber: v.string(),
  orgUnitId: IdSchema,
  partyOrganizationId: IdSchema,
  joinedAt: IsoDateSchema,
  /** Whether personal fields in this object are masked. */
  masked: v.boolean(),
});
export type Member = v.InferOutput<typeof MemberSchema>;

export const ServicePointSchema = v.object({
  id: IdSchema,
  name: v.string(),
  type: v.picklist(servicePointTypeIds),
  lon: v.number(),
  lat: v.number(),
  /** Coordinate system of lon/lat. Seeds and the API store WGS-84. */
  crs: v.picklist(coordinateSystems),
  orgUnitId: IdSchema,
  districtCode: v.string(),
  /** Address cut to town/street when masked. */
  address: v.string(),
  recordCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type ServicePoint = v.InferOutput<typeof ServicePointSchema>;

export const ServiceRecordSchema = v.object({
  id: IdSchema,
  memberId: IdSchema,
  memberName: v.string(),
  servicePointId: IdSchema,
  orgUnitId: IdSchema,
  kind: v.picklist(serviceRecordKindIds),
  at: IsoDateTimeSchema,
  note: v.string(),
});
export type ServiceRecord = v.InferOutput<typeof ServiceRecordSchema>;

/** A server-side cluster, or a single point when count is 1. */
export const ServicePointClusterSchema = v.object({
  id: v.string(),
  lon: v.number(),
  lat: v.number(),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Counts by service point type inside the cluster. */
  byType: v.record(v.string(), v.number()),
  /** Set when count is 1. */
  pointId: v.nullable(v.string()),
});
export type ServicePointCluster = v.InferOutput<typeof ServicePointClusterSchema>;

/**
 * Columnar export for client-side clustering of 100k+ points. Numeric columns are base64 of little-endian
 * typed arrays: lon/lat Float64 (WGS-84), type Uint8 (index into `types`), org Uint32 (index into `orgUnitIds`),
 * records Uint32 (service record count). `ids[i]` is the point id.
 */
export const ServicePointExportSchema = v.object({
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  crs: v.literal('WGS84'),
  types: v.array(v.picklist(servicePointTypeIds)),
  orgUnitIds: v.array(v.string()),
  ids: v.array(v.string()),
  lon: v.string(),
  lat: v.string(),
  type: v.string(),
  org: v.string(),
  records: v.string(),
});
export type ServicePointExport = v.InferOutput<typeof ServicePointExportSchema>;
