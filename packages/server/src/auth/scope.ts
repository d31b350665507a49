/**
 * Org-subtree scoping. A scope is a materialised path ('/4451/445102/'); a row is inside when its path starts
 * with it. As SQL this is the range [path, path with its final '/' replaced by '0'), which an ordinary index
 * serves on both dialects ('/' < '0' bytewise; PostgreSQL columns use collation "C", see the migration).
 */
import { rolesSeeingPersonalData, rolesWritingCases, rolesRecordingRatings, rolesWritingProgress, type Role } from '@qiangji/contract';
import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import { ApiHttpError } from '../http/errors.js';

export interface Viewer {
  kind: 'user' | 'embed' | 'anonymous';
  user: { id: string; username: string; displayName: string; role: Role; orgUnitId: string; memberId: string | null } | null;
  embedKeyId: string | null;
  /** The org unit whose subtree this viewer may see. */
  scopeOrgUnitId: string;
  scopePath: string;
  /** Role allows unmasked personal data (within the scope). */
  seesPersonalData: boolean;
  /** Audit actor: `user:<id>`, `embed:<id>` or `anonymous`. */
  actor: string;
}

export const pathUpperBound = (path: string): string => `${path.slice(0, -1)}0`;
export const isWithin = (path: string, scopePath: string): boolean => path.startsWith(scopePath);

/** `column` within the subtree of `scopePath`, as a Kysely where-expression. */
export function within(column: string, scopePath: string) {
  return <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>): ExpressionWrapper<DB, TB, SqlBool> => {
    const ref = eb.ref(column as never);
    return eb.and([eb(ref, '>=', scopePath as never), eb(ref, '<', pathUpperBound(scopePath) as never)]);
  };
}

export function assertWithin(viewer: Viewer, path: string, field?: string): void {
  if (!isWithin(path, viewer.scopePath)) throw new ApiHttpError(403, 'out_of_scope', field ? { field } : {});
}

const hasRole = (viewer: Viewer, allowed: ReadonlyArray<Role>): boolean => !!viewer.user && allowed.includes(viewer.user.role);

export function assertCanWriteProgress(viewer: Viewer): void {
  if (!hasRole(viewer, rolesWritingProgress)) throw new ApiHttpError(403, 'forbidden');
}
export function assertCanWriteCases(viewer: Viewer): void {
  if (!hasRole(viewer, rolesWritingCases)) throw new ApiHttpError(403, 'forbidden');
}
export function assertCanRecordRatings(viewer: Viewer): void {
  if (!hasRole(viewer, rolesRecordingRatings)) throw new ApiHttpError(403, 'forbidden');
}
export const roleSeesPersonalData = (role: Role | null | undefined): boolean => !!role && rolesSeeingPersonalData.includes(role);
