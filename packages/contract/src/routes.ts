/**
 * The route table: one entry per Plan API operation. The server registers its handlers against these names,
 * the SDK builds its resources from them, and openApiDocument() documents them. Paths are relative to /api/v1.
 */
import * as v from 'valibot';
import { IdSchema, IsoDateSchema, PageQueryEntries, pageOf, queryInt, queryList, YearSchema } from './common.js';
import { LoginRequestSchema, LogoutRequestSchema, RefreshRequestSchema, TokenResponseSchema, UserSchema, ViewerSchema } from './auth.js';
import { eventTypes } from './events.js';
import {
  AdvanceSchema,
  BackSchema,
  caseStatuses,
  CreateMediationCaseSchema,
  FollowUpSchema,
  MediationCaseSchema,
  mediationStepIds,
  MediationWorkflowSchema,
  UpdateStepSchema,
} from './mediation.js';
import { orgUnitKinds, OrgUnitSchema, PartyOrganizationSchema } from './org.js';
import { MemberSchema, ServicePointClusterSchema, ServicePointExportSchema, ServicePointSchema, servicePointTypeIds, serviceRecordKindIds, ServiceRecordSchema } from './people.js';
import { MeasureSchema, PlanSchema, ProgressUpdateInputSchema, TaskDetailSchema, TaskSchema, taskStatuses, warningLevels } from './plan.js';
import { BranchRatingSchema, RatingSchemeSchema, RatingSummarySchema, RecordRatingSchema } from './rating.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** Who may call: anyone, embed keys and users (read), or signed-in users only. */
export type RouteAccess = 'public' | 'read' | 'user';

export interface RouteDef {
  method: HttpMethod;
  path: string;
  summary: string;
  summaryZh: string;
  tag: string;
  access: RouteAccess;
  params?: v.ObjectSchema<v.ObjectEntries, undefined>;
  query?: v.ObjectSchema<v.ObjectEntries, undefined>;
  body?: v.GenericSchema;
  /** JSON response schema; absent for non-JSON responses. */
  response?: v.GenericSchema;
  /** Non-JSON response media type. */
  produces?: 'text/html' | 'text/event-stream';
  /** Status of a successful answer (default 200). */
  status?: number;
  /** The route checks a whole workflow step on top of the body's schema and answers 422 `step_incomplete`. */
  checksStep?: true;
}

const route = <const R extends RouteDef>(definition: R): R => definition;
const idParams = v.object({ id: IdSchema });
const bbox = v.pipe(
  v.string(),
  v.regex(/^-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?$/, 'bbox must be west,south,east,north'),
  v.transform((value) => value.split(',').map(Number) as [number, number, number, number]),
  v.check(([west, south, east, north]) => west < east && south < north && west >= -180 && east <= 180 && south >= -90 && north <= 90, 'bbox must be west,south,east,north'),
);
const servicePointFilters = {
  type: v.optional(queryList(servicePointTypeIds)),
  orgUnitId: v.optional(IdSchema),
  kind: v.optional(queryList(serviceRecordKindIds)),
  from: v.optional(IsoDateSchema),
  to: v.optional(IsoDateSchema),
};

export const routes = {
  // Auth
  login: route({ method: 'POST', path: '/auth/login', tag: 'auth', access: 'public', summary: 'Sign in', summaryZh: '登录', body: LoginRequestSchema, response: TokenResponseSchema }),
  refresh: route({ method: 'POST', path: '/auth/refresh', tag: 'auth', access: 'public', summary: 'Exchange a refresh token', summaryZh: '刷新令牌', body: RefreshRequestSchema, response: TokenResponseSchema }),
  logout: route({ method: 'POST', path: '/auth/logout', tag: 'auth', access: 'public', summary: 'Sign out (revokes the refresh token)', summaryZh: '退出登录', body: LogoutRequestSchema, response: v.object({ ok: v.literal(true) }) }),
  me: route({ method: 'GET', path: '/auth/me', tag: 'auth', access: 'read', summary: 'Who is asking', summaryZh: '当前身份', response: ViewerSchema }),

  // Plan
  getPlan: route({ method: 'GET', path: '/plan', tag: 'plan', access: 'read', summary: 'The plan with its measures', summaryZh: '实施方案', response: PlanSchema }),
  listMeasures: route({ method: 'GET', path: '/measures', tag: 'plan', access: 'read', summary: 'The 8 key measures', summaryZh: '关键措施', response: v.object({ items: v.array(MeasureSchema) }) }),
  listTasks: route({
    method: 'GET', path: '/tasks', tag: 'plan', access: 'read', summary: 'Key tasks, filtered and paged', summaryZh: '重点任务列表',
    query: v.object({
      measureId: v.optional(IdSchema),
      status: v.optional(queryList(taskStatuses)),
      warning: v.optional(queryList(warningLevels)),
      leadUnit: v.optional(v.pipe(v.string(), v.maxLength(100))),
      orgUnitId: v.optional(IdSchema),
      ...PageQueryEntries,
    }),
    response: pageOf(TaskSchema),
  }),
  getTask: route({ method: 'GET', path: '/tasks/:id', tag: 'plan', access: 'read', summary: 'A task with its progress history', summaryZh: '任务详情', params: idParams, response: TaskDetailSchema }),
  reportProgress: route({ method: 'POST', path: '/tasks/:id/progress', tag: 'plan', access: 'user', summary: 'Report progress on a task', summaryZh: '报送任务进度', params: idParams, body: ProgressUpdateInputSchema, response: TaskDetailSchema, status: 201 }),

  // Organisation
  listOrgUnits: route({
    method: 'GET', path: '/org-units', tag: 'org', access: 'read', summary: 'Org units: children, subtree or search', summaryZh: '组织单元',
    query: v.object({
      parentId: v.optional(IdSchema),
      subtreeOf: v.optional(IdSchema),
      q: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(50))),
      kind: v.optional(queryList(orgUnitKinds)),
      ...PageQueryEntries,
    }),
    response: pageOf(OrgUnitSchema),
  }),
  getOrgUnit: route({ method: 'GET', path: '/org-units/:id', tag: 'org', access: 'read', summary: 'One org unit', summaryZh: '组织单元详情', params: idParams, response: OrgUnitSchema }),
  listPartyOrganizations: route({
    method: 'GET', path: '/party-organizations', tag: 'org', access: 'read', summary: 'Party organisations in a subtree', summaryZh: '党组织',
    query: v.object({ orgUnitId: v.optional(IdSchema), subtreeOf: v.optional(IdSchema), ...PageQueryEntries }),
    response: pageOf(PartyOrganizationSchema),
  }),

  // Ratings
  getRatingScheme: route({ method: 'GET', path: '/ratings/scheme', tag: 'ratings', access: 'read', summary: 'The rating scheme in force', summaryZh: '星级评定方案', response: RatingSchemeSchema }),
  listRatings: route({
    method: 'GET', path: '/ratings', tag: 'ratings', access: 'read', summary: 'Branch ratings by org and year', summaryZh: '星级评定结果',
    query: v.object({
      orgUnitId: v.optional(IdSchema),
      subtreeOf: v.optional(IdSchema),
      year: v.optional(v.pipe(queryInt(2000, 2100), YearSchema)),
      stars: v.optional(queryInt(0, 5)),
      ...PageQueryEntries,
    }),
    response: pageOf(BranchRatingSchema),
  }),
  getRatingHistory: route({ method: 'GET', path: '/ratings/history/:id', tag: 'ratings', access: 'read', summary: 'Year-by-year ratings of one org unit', summaryZh: '历年评定', params: idParams, response: v.object({ items: v.array(BranchRatingSchema) }) }),
  recordRating: route({
    method: 'PUT', path: '/org-units/:id/ratings/:year', tag: 'ratings', access: 'user',
    summary: 'Record the rating of an org unit\'s Party organisation for a year (assessors above it); emits rating.updated', summaryZh: '录入星级评定',
    params: v.object({ id: IdSchema, year: v.pipe(queryInt(2000, 2100), YearSchema) }),
    body: RecordRatingSchema,
    response: BranchRatingSchema,
  }),
  getRatingSummary: route({
    method: 'GET', path: '/ratings/summary', tag: 'ratings', access: 'read', summary: 'Counts by stars and flags for a subtree', summaryZh: '评定汇总',
    query: v.object({ orgUnitId: v.optional(IdSchema), year: queryInt(2000, 2100) }),
    response: RatingSummarySchema,
  }),

  // People and places
  listMembers: route({
    method: 'GET', path: '/members', tag: 'people', access: 'user', summary: 'Party members (masked unless allowed)', summaryZh: '党员',
    query: v.object({ orgUnitId: v.optional(IdSchema), q: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(50))), ...PageQueryEntries }),
    response: pageOf(MemberSchema),
  }),
  listServiceRecords: route({
    method: 'GET', path: '/service-records', tag: 'people', access: 'read', summary: 'Service records', summaryZh: '服务记录',
    query: v.object({ orgUnitId: v.optional(IdSchema), memberId: v.optional(IdSchema), servicePointId: v.optional(IdSchema), kind: v.optional(queryList(serviceRecordKindIds)), from: v.optional(IsoDateSchema), to: v.optional(IsoDateSchema), ...PageQueryEntries }),
    response: pageOf(ServiceRecordSchema),
  }),
  listServicePoints: route({
    method: 'GET', path: '/service-points', tag: 'map', access: 'read', summary: 'Service points in a bounding box', summaryZh: '服务阵地',
    query: v.object({ bbox: v.optional(bbox), ...servicePointFilters, ...PageQueryEntries }),
    response: pageOf(ServicePointSchema),
  }),
  getServicePoint: route({ method: 'GET', path: '/service-points/:id', tag: 'map', access: 'read', summary: 'One service point', summaryZh: '服务阵地详情', params: idParams, response: ServicePointSchema }),
  clusterServicePoints: route({
    method: 'GET', path: '/service-points/clusters', tag: 'map', access: 'read', summary: 'Server-side clusters for a zoom and bbox', summaryZh: '服务阵地聚合',
    query: v.object({ bbox, zoom: queryInt(0, 22), ...servicePointFilters }),
    response: v.object({ zoom: v.number(), total: v.number(), clusters: v.array(ServicePointClusterSchema) }),
  }),
  exportServicePoints: route({
    method: 'GET', path: '/service-points/export', tag: 'map', access: 'read', summary: 'Columnar export for client-side clustering', summaryZh: '服务阵地导出（列式）',
    query: v.object({ bbox: v.optional(bbox), ...servicePointFilters }),
    response: ServicePointExportSchema,
  }),

  // Mediation (茶文化六步调解法)
  getMediationWorkflow: route({ method: 'GET', path: '/mediation-workflow', tag: 'mediation', access: 'read', summary: 'The mediation workflow in force', summaryZh: '调解流程', response: MediationWorkflowSchema }),
  listMediationCases: route({
    method: 'GET', path: '/mediation-cases', tag: 'mediation', access: 'user', summary: 'Mediation cases', summaryZh: '调解案件',
    query: v.object({ orgUnitId: v.optional(IdSchema), status: v.optional(queryList(caseStatuses)), step: v.optional(queryList(mediationStepIds)), ...PageQueryEntries }),
    response: pageOf(MediationCaseSchema),
  }),
  createMediationCase: route({ method: 'POST', path: '/mediation-cases', tag: 'mediation', access: 'user', summary: 'Register a case (识茶)', summaryZh: '登记案件', body: CreateMediationCaseSchema, response: MediationCaseSchema, status: 201 }),
  getMediationCase: route({ method: 'GET', path: '/mediation-cases/:id', tag: 'mediation', access: 'user', summary: 'One case', summaryZh: '案件详情', params: idParams, response: MediationCaseSchema }),
  updateMediationStep: route({ method: 'PUT', path: '/mediation-cases/:id/step', tag: 'mediation', access: 'user', summary: 'Save the current step (draft allowed)', summaryZh: '保存当前步骤', params: idParams, body: UpdateStepSchema, response: MediationCaseSchema }),
  advanceMediationCase: route({ method: 'POST', path: '/mediation-cases/:id/advance', tag: 'mediation', access: 'user', summary: 'Advance after the current step is complete', summaryZh: '进入下一步', params: idParams, body: AdvanceSchema, response: MediationCaseSchema, checksStep: true }),
  backMediationCase: route({ method: 'POST', path: '/mediation-cases/:id/back', tag: 'mediation', access: 'user', summary: 'Go back one step with a reason (退回), keeping all data', summaryZh: '退回上一步', params: idParams, body: BackSchema, response: MediationCaseSchema }),
  followUpMediationCase: route({ method: 'POST', path: '/mediation-cases/:id/follow-up', tag: 'mediation', access: 'user', summary: 'Record the follow-up visit (悟茶) and close', summaryZh: '回访结案', params: idParams, body: FollowUpSchema, response: MediationCaseSchema }),
  getMediationAgreement: route({ method: 'GET', path: '/mediation-cases/:id/agreement', tag: 'mediation', access: 'user', summary: 'Printable 调解协议书 (HTML)', summaryZh: '调解协议书', params: idParams, produces: 'text/html' }),

  // Live updates
  events: route({
    method: 'GET', path: '/events', tag: 'events', access: 'read', summary: 'Server-Sent Events of changes; resumable with Last-Event-ID', summaryZh: '变更事件流',
    query: v.object({ types: v.optional(queryList(eventTypes)), orgUnitId: v.optional(IdSchema), lastEventId: v.optional(v.pipe(v.string(), v.maxLength(40))) }),
    produces: 'text/event-stream',
  }),
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
type SchemaOut<S> = S extends v.GenericSchema ? v.InferOutput<S> : never;
type SchemaIn<S> = S extends v.GenericSchema ? v.InferInput<S> : never;
/** Validated query of a route (numbers and lists already converted). */
export type RouteQuery<N extends RouteName> = Routes[N] extends { query: infer Q } ? SchemaOut<Q> : Record<string, never>;
/** What a caller passes as query: the typed form (numbers as numbers, lists as arrays). */
export type RouteQueryInput<N extends RouteName> = Routes[N] extends { query: infer Q } ? SchemaOut<Q> : Record<string, never>;
export type RouteParams<N extends RouteName> = Routes[N] extends { params: infer P } ? SchemaOut<P> : Record<string, never>;
export type RouteBody<N extends RouteName> = Routes[N] extends { body: infer B } ? SchemaOut<B> : undefined;
export type RouteBodyInput<N extends RouteName> = Routes[N] extends { body: infer B } ? SchemaIn<B> : undefined;
export type RouteResponse<N extends RouteName> = Routes[N] extends { response: infer R } ? SchemaOut<R> : string;

/** Public, non-versioned endpoints. */
export const API_PREFIX = '/api/v1';
export { UserSchema };
