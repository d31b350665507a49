/**
 * The OpenAPI 3.1 description of the Plan API, generated from the route table so that the document, the server's
 * validation and the SDK can never disagree. Schemas are converted with @valibot/to-json-schema (JSON Schema
 * 2020-12, the dialect of OpenAPI 3.1); named schemas become `components.schemas` and are referenced by `$ref`.
 */
import { toJsonSchema, toJsonSchemaDefs, type ConversionConfig, type JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import {
  LoginRequestSchema,
  LogoutRequestSchema,
  RefreshRequestSchema,
  TokenResponseSchema,
  UserSchema,
  ViewerSchema,
} from './auth.js';
import { ApiErrorSchema } from './common.js';
import { QjEventSchema } from './events.js';
import {
  AdvanceSchema,
  AgreementSchema,
  AwakenStepSchema,
  BackSchema,
  BrewStepSchema,
  CaseHistoryEntrySchema,
  CreateMediationCaseSchema,
  FollowUpSchema,
  IdentifyStepSchema,
  MediationCaseSchema,
  MediationWorkflowSchema,
  PartySchema,
  PourStepSchema,
  ReflectStepSchema,
  ServeStepSchema,
  StepDraftSchema,
  UpdateStepSchema,
} from './mediation.js';
import { OrgUnitSchema, PartyOrganizationSchema } from './org.js';
import { MemberSchema, ServicePointClusterSchema, ServicePointExportSchema, ServicePointSchema, ServiceRecordSchema } from './people.js';
import {
  MeasureSchema,
  MilestoneSchema,
  PlanSchema,
  ProgressSnapshotSchema,
  ProgressUpdateInputSchema,
  ProgressUpdateSchema,
  TaskDetailSchema,
  TaskSchema,
} from './plan.js';
import { BranchRatingSchema, RatingLevelSchema, RatingSchemeSchema, RatingSummarySchema } from './rating.js';
import { API_PREFIX, routes, type RouteAccess, type RouteDef } from './routes.js';

/** A JSON Schema (2020-12) object as it appears inside the document. */
export type OpenApiSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  style?: 'form' | 'simple';
  explode?: boolean;
  schema: OpenApiSchema;
}

export interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema: OpenApiSchema }>;
  headers?: Record<string, { description: string; schema: OpenApiSchema }>;
}

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  'x-summary-zh': string;
  /** Who may call, as in the route table: public, read (users and embed keys) or user. */
  'x-access': RouteAccess;
  security: Array<Record<string, string[]>>;
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: OpenApiSchema }> };
  responses: Record<string, OpenApiResponse>;
}

export type OpenApiPathItem = Partial<Record<'get' | 'post' | 'put' | 'delete' | 'patch', OpenApiOperation>>;

/** The subset of an OpenAPI 3.1 document that openApiDocument() produces. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: Array<{ url: string; description?: string }>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, OpenApiSchema>;
    securitySchemes: Record<string, Record<string, string>>;
  };
}

export interface OpenApiOptions {
  /** Base URL of the server (origin, no /api/v1); defaults to `/` (same origin). */
  serverUrl?: string;
  /** Path items outside /api/v1 (e.g. /healthz, /readyz), added as given. */
  extraPaths?: Record<string, unknown>;
}

/** Version of this API description (the /api/v1 contract). */
export const OPENAPI_INFO_VERSION = '0.1.0';

/**
 * Named schemas, emitted once under components.schemas. Anywhere a route schema reuses one of these objects
 * (by identity), the converter writes a `$ref` instead of inlining it.
 */
const componentSchemas = {
  ApiError: ApiErrorSchema,
  User: UserSchema,
  Viewer: ViewerSchema,
  LoginRequest: LoginRequestSchema,
  RefreshRequest: RefreshRequestSchema,
  LogoutRequest: LogoutRequestSchema,
  TokenResponse: TokenResponseSchema,
  Plan: PlanSchema,
  Measure: MeasureSchema,
  Milestone: MilestoneSchema,
  ProgressSnapshot: ProgressSnapshotSchema,
  Task: TaskSchema,
  TaskDetail: TaskDetailSchema,
  ProgressUpdate: ProgressUpdateSchema,
  ProgressUpdateInput: ProgressUpdateInputSchema,
  OrgUnit: OrgUnitSchema,
  PartyOrganization: PartyOrganizationSchema,
  RatingLevel: RatingLevelSchema,
  RatingScheme: RatingSchemeSchema,
  BranchRating: BranchRatingSchema,
  RatingSummary: RatingSummarySchema,
  Member: MemberSchema,
  ServicePoint: ServicePointSchema,
  ServiceRecord: ServiceRecordSchema,
  ServicePointCluster: ServicePointClusterSchema,
  ServicePointExport: ServicePointExportSchema,
  MediationWorkflow: MediationWorkflowSchema,
  MediationCase: MediationCaseSchema,
  CaseHistoryEntry: CaseHistoryEntrySchema,
  StepDraft: StepDraftSchema,
  CreateMediationCase: CreateMediationCaseSchema,
  UpdateStep: UpdateStepSchema,
  Advance: AdvanceSchema,
  Back: BackSchema,
  FollowUp: FollowUpSchema,
  // Complete-step schemas: drafts are free-form, but a step must match these before the case may advance.
  Party: PartySchema,
  Agreement: AgreementSchema,
  IdentifyStep: IdentifyStepSchema,
  AwakenStep: AwakenStepSchema,
  BrewStep: BrewStepSchema,
  PourStep: PourStepSchema,
  ServeStep: ServeStepSchema,
  ReflectStep: ReflectStepSchema,
  QjEvent: QjEventSchema,
} satisfies Record<string, v.GenericSchema>;

const COMPONENT_REF = '#/components/schemas/';

/**
 * Input mode: query schemas parse strings and then transform; we document what the client sends (strings with
 * their regex patterns). Actions JSON Schema cannot express (`check`, `transform`) are skipped, not fatal.
 */
const conversion: ConversionConfig = {
  target: 'draft-2020-12',
  typeMode: 'input',
  errorMode: 'ignore',
  definitions: componentSchemas,
  overrideRef: ({ referenceId }) => `${COMPONENT_REF}${referenceId}`,
};

/** Drop the root-only keywords the converter adds: sub-schemas of an OpenAPI document must not carry them. */
function embeddable(schema: JsonSchema): OpenApiSchema {
  const { $schema: _dialect, $defs: _definitions, ...rest } = schema as JsonSchema & { $defs?: unknown };
  return rest as OpenApiSchema;
}

const convert = (schema: v.GenericSchema): OpenApiSchema => embeddable(toJsonSchema(schema, conversion));

type AnySchemaOrAction = { kind: string; type: string; pipe?: ReadonlyArray<AnySchemaOrAction> } & Record<string, unknown>;

/** A schema's pipe flattened (nested pipes included), or just the schema itself. */
function flattenPipe(node: AnySchemaOrAction): AnySchemaOrAction[] {
  if (!node.pipe) return [node];
  const [first, ...rest] = node.pipe;
  return [...(first && first !== node ? flattenPipe(first) : [node]), ...rest.flatMap(flattenPipe)];
}

const isOptional = (schema: AnySchemaOrAction): boolean =>
  schema.type === 'optional' || schema.type === 'nullish' || schema.type === 'exact_optional';

/**
 * One query parameter. Comma-separated picklists (`queryList`) become `style: form, explode: false` arrays,
 * which is exactly the `a,b,c` wire format; digit strings converted to numbers (`queryInt`) keep their pattern
 * and gain a description of the accepted range.
 */
function queryParameter(name: string, entry: v.GenericSchema): OpenApiParameter {
  const node = entry as unknown as AnySchemaOrAction;
  const required = !isOptional(node);
  const inner = (required ? node : (node.wrapped as AnySchemaOrAction)) ?? node;
  const steps = flattenPipe(inner);
  const transformAt = steps.findIndex((step) => step.type === 'transform');
  const afterTransform = transformAt >= 0 ? steps.slice(transformAt + 1) : [];

  const list = afterTransform.find((step) => step.kind === 'schema' && step.type === 'array');
  const listItem = list?.item as AnySchemaOrAction | undefined;
  if (listItem?.type === 'picklist') {
    const options = listItem.options as string[];
    return {
      name,
      in: 'query',
      required,
      description: `Comma-separated list (逗号分隔): ${options.join(', ')}`,
      style: 'form',
      explode: false,
      schema: { type: 'array', items: { type: 'string', enum: options }, minItems: 1 },
    };
  }

  const parameter: OpenApiParameter = { name, in: 'query', required, schema: convert(entry) };
  if (steps[transformAt]?.operation === Number) {
    const bound = (type: string, pick: (values: number[]) => number) => {
      const values = afterTransform.filter((step) => step.type === type).map((step) => step.requirement as number);
      return values.length > 0 ? pick(values) : undefined;
    };
    const min = bound('min_value', (values) => Math.max(...values));
    const max = bound('max_value', (values) => Math.min(...values));
    const range = min !== undefined && max !== undefined ? ` ${min}–${max}` : '';
    parameter.description = `Number as digits (数字)${range}`;
  }
  return parameter;
}

const json = (schema: OpenApiSchema) => ({ 'application/json': { schema } });
const apiErrorContent = () => json({ $ref: `${COMPONENT_REF}ApiError` });

/** The error answers an operation may give, all with an ApiError body; `when` limits one to some routes. */
const errorResponses: ReadonlyArray<{ status: string; description: string; when?: (route: RouteDef) => boolean; retryAfter?: true }> = [
  { status: '400', description: 'Invalid input; `field` names the first offending field (输入有误)' },
  { status: '401', description: 'Not signed in, or the token expired (未登录或登录已过期)' },
  { status: '403', description: 'Not allowed for this role, organisation or embed key (无权访问)' },
  { status: '404', description: 'Not found (未找到)' },
  { status: '409', description: 'Conflict, e.g. a stale version, an invalid step change or a reused idempotency key (数据冲突)' },
  { status: '413', description: 'The request body is too large; `field` is `body` (提交的数据过大)', when: (route) => route.body !== undefined },
  { status: '415', description: 'The body is not JSON; `field` is `header.content-type` (or `body` when the header is missing) (请以 JSON 格式提交)', when: (route) => route.body !== undefined },
  { status: '422', description: 'The current workflow step is incomplete; `field` and `details` name what is missing (当前步骤尚有必填项未完成)', when: (route) => route.checksStep === true },
  { status: '429', description: 'Too many requests; wait the `Retry-After` seconds (请求过于频繁)', retryAfter: true },
  { status: '503', description: 'The database is unavailable; nothing was changed, retry, after the `Retry-After` seconds when given (服务暂时不可用)', retryAfter: true },
];

const retryAfterHeader = { 'Retry-After': { description: 'Seconds to wait before retrying (重试等待秒数)', schema: { type: 'integer' } } };

function errorResponsesFor(route: RouteDef): Record<string, OpenApiResponse> {
  return Object.fromEntries(
    errorResponses
      .filter((error) => error.when?.(route) ?? true)
      .map(({ status, description, retryAfter }) => [status, { description, content: apiErrorContent(), ...(retryAfter ? { headers: retryAfterHeader } : {}) }]),
  );
}

const securityFor: Record<RouteAccess, Array<Record<string, string[]>>> = {
  public: [],
  read: [{ bearerAuth: [] }, { embedKey: [] }],
  user: [{ bearerAuth: [] }],
};

function successResponse(route: RouteDef): OpenApiResponse {
  const description = route.summary;
  if (route.produces === 'text/event-stream') {
    return {
      description: `${description}. Each event's \`data\` is a JSON QjEvent (see components.schemas.QjEvent); \`id\` is the resume point for Last-Event-ID.`,
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    };
  }
  if (route.produces === 'text/html') return { description, content: { 'text/html': { schema: { type: 'string' } } } };
  return route.response ? { description, content: json(convert(route.response)) } : { description };
}

function operation(name: string, route: RouteDef): OpenApiOperation {
  const parameters: OpenApiParameter[] = [
    ...Object.entries(route.params?.entries ?? {}).map(([key, schema]) => ({ name: key, in: 'path' as const, required: true, schema: convert(schema) })),
    ...Object.entries(route.query?.entries ?? {}).map(([key, schema]) => queryParameter(key, schema)),
  ];
  return {
    operationId: name,
    tags: [route.tag],
    summary: route.summary,
    'x-summary-zh': route.summaryZh,
    'x-access': route.access,
    security: securityFor[route.access],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: json(convert(route.body)) } } : {}),
    responses: {
      [String(route.status ?? 200)]: successResponse(route),
      ...errorResponsesFor(route),
    },
  };
}

/** `/tasks/:id` → `/api/v1/tasks/{id}` */
export const openApiPath = (path: string): string => `${API_PREFIX}${path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}')}`;

const tagDescriptions: Record<string, string> = {
  auth: '登录与身份 · Sign-in and identity',
  plan: '实施方案、关键措施与重点任务 · The plan, its measures and key tasks',
  org: '组织单元与党组织 · Org units and Party organisations',
  ratings: '星级评定 · Star ratings of Party organisations',
  people: '党员与服务记录 · Party members and service records',
  map: '服务阵地地图 · Service points on the map',
  mediation: '茶文化六步调解法 · Tea-culture six-step mediation',
  events: '实时变更 · Live change events',
};

const description = [
  '潮州市“强基”全域党建实施方案接口：方案与任务进度、组织架构、星级评定、服务阵地、茶文化六步调解。',
  '所有 4xx 响应体均为 ApiError（中文 message、英文 messageEn、出错字段 field）。个人信息按角色脱敏。',
  '',
  'The QiangJi Plan API for Chaozhou\'s grassroots Party-building plan: the plan and task progress, the organisation',
  'tree, star ratings, service points and tea-culture mediation cases. Every 4xx body is an ApiError (zh-CN `message`,',
  'English `messageEn`, offending `field`). Personal data is masked unless the caller\'s role and scope allow it.',
  'Read operations accept a user\'s bearer token or an embed key (read-only, masked, origin-bound).',
].join('\n');

/** Build the OpenAPI 3.1 document of the Plan API from the route table. */
export function openApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const paths: Record<string, OpenApiPathItem> = {};
  for (const [name, route] of Object.entries(routes) as Array<[string, RouteDef]>) {
    const pathItem = (paths[openApiPath(route.path)] ??= {});
    pathItem[route.method.toLowerCase() as Lowercase<RouteDef['method']>] = operation(name, route);
  }
  Object.assign(paths, options.extraPaths as Record<string, OpenApiPathItem> | undefined);

  const { definitions: _definitions, ...definitionConfig } = conversion;
  const schemas = Object.fromEntries(
    Object.entries(toJsonSchemaDefs(componentSchemas, definitionConfig)).map(([name, schema]) => [name, embeddable(schema)]),
  );

  return {
    openapi: '3.1.0',
    info: {
      title: 'QiangJi Plan API',
      version: OPENAPI_INFO_VERSION,
      description,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: options.serverUrl ?? '/', description: 'QiangJi server' }],
    tags: [...new Set(Object.values(routes).map((route) => route.tag))].map((name) => ({ name, description: tagDescriptions[name] ?? name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Access token from POST /api/v1/auth/login (登录后获得的访问令牌)',
        },
        embedKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-QJ-Embed-Key',
          description: 'Embed key of a host site: read-only, personal data masked, allowed origins only (嵌入密钥，只读)',
        },
      },
    },
  };
}
