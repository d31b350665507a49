/**
 * @qiangji/sdk — the typed client of the QiangJi Plan API. Types come from @qiangji/contract.
 * The fixtures transport for Storybook and docs lives in the separate entry `@qiangji/sdk/fixtures`.
 */
export { createClient, type QiangJiClient } from './client.js';
export type { ClientOptions, RequestOptions } from './core.js';
export {
  QiangJiError,
  ValidationError,
  AuthError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  NetworkError,
  TimeoutError,
  type QiangJiErrorInit,
  type ClientErrorCode,
} from './errors.js';
export type { EventFilter, SubscribeOptions } from './events.js';
export type { DecodedServicePointExport } from './columns.js';
export type { BodyOf, IdOf, ItemOf, IterateQueryOf, Paginator, QueryOf, ResultOf } from './types.js';
export type {
  Locale,
  QjEvent,
  EventType,
  Task,
  TaskDetail,
  Measure,
  Plan,
  OrgUnit,
  PartyOrganization,
  BranchRating,
  RatingScheme,
  RatingSummary,
  Member,
  ServicePoint,
  ServicePointCluster,
  ServiceRecord,
  MediationCase,
  MediationWorkflow,
  TokenResponse,
  User,
  Viewer,
  ApiError,
  Page,
} from '@qiangji/contract';
