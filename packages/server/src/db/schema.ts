/**
 * Table types for Kysely. The DDL is portable between SQLite and PostgreSQL: text ids, ISO-8601 text timestamps,
 * integer / double precision numbers, JSON stored as text, booleans as 0/1 integers.
 * Rows keyed by an org unit carry a denormalised `org_path` (the org tree is reference data and never moves),
 * so every scope check is a range condition on the row's own table.
 */
import type { Insertable, Selectable } from 'kysely';

export interface OrgUnitTable {
  id: string;
  kind: string;
  name: string;
  code: string | null;
  parent_id: string | null;
  path: string;
  depth: number;
  lon: number | null;
  lat: number | null;
  child_count: number;
  sort: number;
}

export interface PartyOrganizationTable {
  id: string;
  org_unit_id: string;
  org_path: string;
  type: string;
  name: string;
  secretary_name: string;
  member_count: number;
  field: string;
}

export interface TaskTable {
  id: string;
  measure_id: string;
  code: string;
  title: string;
  title_en: string;
  lead_unit: string;
  org_unit_id: string;
  org_path: string;
  start_date: string;
  due_date: string;
  progress: number;
  status: string;
  warning: string;
  /** JSON: source, reconstructed, cooperatingUnits, targets, milestones. */
  definition: string;
  /** JSON ProgressSnapshot or null. */
  last_update: string | null;
  /** JSON `[{ at, percent }]`, oldest first: every progress report, appended on write (migration 0002). */
  history: string;
  updated_at: string;
  sort: number;
}

export interface ProgressUpdateTable {
  id: string;
  task_id: string;
  author_id: string;
  author_name: string;
  at: string;
  percent: number;
  note: string;
  /** JSON string[] */
  evidence: string;
}

export interface MemberTable {
  id: string;
  name: string;
  sex: string;
  birth_year: number | null;
  phone: string;
  id_number: string;
  org_unit_id: string;
  org_path: string;
  party_organization_id: string;
  joined_at: string;
}

export interface ServicePointTable {
  id: string;
  name: string;
  type: string;
  lon: number;
  lat: number;
  org_unit_id: string;
  org_path: string;
  district_code: string;
  address: string;
  record_count: number;
}

export interface ServiceRecordTable {
  id: string;
  member_id: string;
  member_name: string;
  service_point_id: string;
  org_unit_id: string;
  org_path: string;
  kind: string;
  at: string;
  note: string;
}

export interface RatingTable {
  id: string;
  org_unit_id: string;
  org_unit_name: string;
  org_path: string;
  party_organization_id: string;
  party_organization_name: string;
  year: number;
  score: number;
  stars: number;
  level: string;
  /** JSON RatingFlag[] */
  flags: string;
  /** JSON FieldBrand[] */
  brands: string;
  stage: string;
  /** JSON breakdown items */
  breakdown: string;
  weak: number;
  under_rectification: number;
}

export interface MediationCaseTable {
  id: string;
  case_number: string;
  org_unit_id: string;
  org_path: string;
  committee: string;
  mediator_name: string;
  status: string;
  current_step: string;
  /** JSON { [step]: draft } */
  steps: string;
  version: number;
  /** JSON CaseHistoryEntry[] */
  history: string;
  judicial_confirmation_due: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CaseCounterTable {
  prefix: string;
  year: number;
  last: number;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  org_unit_id: string;
  org_path: string;
  password_hash: string;
  member_id: string | null;
  demo: number;
  disabled: number;
  created_at: string;
}

export interface LoginFailureTable {
  username: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface RefreshTokenTable {
  id: string;
  user_id: string;
  token_hash: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

export interface EmbedKeyTable {
  id: string;
  name: string;
  key_hash: string;
  /** JSON string[] of allowed origins */
  origins: string;
  org_unit_id: string;
  org_path: string;
  demo: number;
  revoked_at: string | null;
  created_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before_digest: string | null;
  after_digest: string | null;
  prev_hash: string;
  hash: string;
}

export interface EventTable {
  seq: number;
  type: string;
  org_unit_id: string;
  org_path: string;
  /** JSON event data */
  data: string;
  at: string;
}

export interface IdempotencyKeyTable {
  actor: string;
  key: string;
  request_hash: string;
  status: number;
  /** Encrypted response body (AES-256-GCM, base64). */
  response: string;
  created_at: string;
}

/** Record counts per service point, kind and China-time month; `*` rows roll up kinds / months (repositories/activity.ts). */
export interface ServicePointActivityTable {
  service_point_id: string;
  kind: string;
  month: string;
  records: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  org_units: OrgUnitTable;
  party_organizations: PartyOrganizationTable;
  tasks: TaskTable;
  progress_updates: ProgressUpdateTable;
  members: MemberTable;
  service_points: ServicePointTable;
  service_records: ServiceRecordTable;
  service_point_activity: ServicePointActivityTable;
  ratings: RatingTable;
  mediation_cases: MediationCaseTable;
  case_counters: CaseCounterTable;
  users: UserTable;
  login_failures: LoginFailureTable;
  refresh_tokens: RefreshTokenTable;
  embed_keys: EmbedKeyTable;
  audit_log: AuditLogTable;
  events: EventTable;
  idempotency_keys: IdempotencyKeyTable;
  meta: MetaTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type TaskRow = Selectable<TaskTable>;
export type MemberRow = Selectable<MemberTable>;
export type ServicePointRow = Selectable<ServicePointTable>;
export type ServiceRecordRow = Selectable<ServiceRecordTable>;
export type RatingRow = Selectable<RatingTable>;
export type MediationCaseRow = Selectable<MediationCaseTable>;
export type UserRow = Selectable<UserTable>;
export type EmbedKeyRow = Selectable<EmbedKeyTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type EventRow = Selectable<EventTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
