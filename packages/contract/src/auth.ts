import * as v from 'valibot';
import { IdSchema, text } from './common.js';

/** Roles, each bound to an org unit and limited to its subtree. */
export const roles = ['city_admin', 'district_admin', 'town_admin', 'branch_secretary', 'mediator', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Roles that may see unmasked personal data within their subtree. */
export const rolesSeeingPersonalData: ReadonlyArray<Role> = ['city_admin', 'district_admin', 'town_admin', 'branch_secretary', 'mediator'];
/** Roles that may report task progress. */
export const rolesWritingProgress: ReadonlyArray<Role> = ['city_admin', 'district_admin', 'town_admin', 'branch_secretary'];
/** Roles that may create and edit mediation cases. */
export const rolesWritingCases: ReadonlyArray<Role> = ['city_admin', 'district_admin', 'town_admin', 'mediator'];
/** Roles that may record star ratings, for organisations below their own unit (组织考评 is done from above). */
export const rolesRecordingRatings: ReadonlyArray<Role> = ['city_admin', 'district_admin', 'town_admin'];

export const LoginRequestSchema = v.object({ username: text(1, 64), password: v.pipe(v.string(), v.minLength(1), v.maxLength(256)) });
export type LoginRequest = v.InferOutput<typeof LoginRequestSchema>;
export const RefreshRequestSchema = v.object({ refreshToken: v.pipe(v.string(), v.minLength(10), v.maxLength(1000)) });
export const LogoutRequestSchema = v.object({ refreshToken: v.optional(v.pipe(v.string(), v.maxLength(1000))) });

export const UserSchema = v.object({
  id: IdSchema,
  username: v.string(),
  displayName: v.string(),
  role: v.picklist(roles),
  orgUnitId: IdSchema,
});
export type User = v.InferOutput<typeof UserSchema>;

export const TokenResponseSchema = v.object({
  accessToken: v.string(),
  refreshToken: v.string(),
  /** Seconds until the access token expires. */
  expiresIn: v.number(),
  user: UserSchema,
});
export type TokenResponse = v.InferOutput<typeof TokenResponseSchema>;

/** Who is asking: a signed-in user, an embed key (public portal, read-only, masked) or anonymous. */
export const ViewerSchema = v.object({
  kind: v.picklist(['user', 'embed', 'anonymous']),
  user: v.nullable(UserSchema),
  orgUnitId: v.nullable(IdSchema),
  canSeePersonalData: v.boolean(),
});
export type Viewer = v.InferOutput<typeof ViewerSchema>;
