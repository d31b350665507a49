/**
 * Users, sign-in failures (lockout after 5 failures for 10 minutes, per username, in the database so it holds
 * across API nodes) and refresh tokens (random, stored hashed, rotated on every use, revoked on logout).
 */
import type { Role, TokenResponse, User } from '@qiangji/contract';
import type { Queryable } from '../db/connection.js';
import type { UserRow } from '../db/schema.js';
import { hashToken } from '../auth/hash.js';
import { newRefreshToken, signAccessToken } from '../auth/tokens.js';
import type { WriteScope } from '../http/write.js';
import { nowIso } from '../lib/canonical.js';

export const MAX_FAILURES = 5;
export const LOCK_MS = 10 * 60 * 1000;

export const toUser = (row: UserRow): User => ({ id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, orgUnitId: row.org_unit_id });

export async function findActiveUser(db: Queryable, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).where('disabled', '=', 0).executeTakeFirst();
}

/** Milliseconds the username stays locked, or 0. */
export async function lockRemaining(db: Queryable, username: string, now = Date.now()): Promise<number> {
  const row = await db.selectFrom('login_failures').select('locked_until').where('username', '=', username).executeTakeFirst();
  const until = row?.locked_until ? Date.parse(row.locked_until) : 0;
  return Math.max(0, until - now);
}

/** Counts a failure; returns true when this failure locked the username. */
export async function recordFailure(scope: WriteScope, username: string, now = Date.now()): Promise<boolean> {
  const row = await scope.trx.selectFrom('login_failures').selectAll().where('username', '=', username).executeTakeFirst();
  const failures = (row?.failures ?? 0) + 1;
  const locks = failures >= MAX_FAILURES;
  const values = { failures: locks ? 0 : failures, locked_until: locks ? new Date(now + LOCK_MS).toISOString() : (row?.locked_until ?? null), updated_at: new Date(now).toISOString() };
  if (row) await scope.trx.updateTable('login_failures').set(values).where('username', '=', username).execute();
  else await scope.trx.insertInto('login_failures').values({ username, ...values }).execute();
  await scope.audit({ action: locks ? 'login_locked' : 'login_failed', entity: 'login', entityId: username, before: row ?? null, after: values });
  return locks;
}

export interface TokenSettings {
  jwtKey: Uint8Array;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

/** Clears failures and issues an access token and a new refresh token. */
export async function issueTokens(scope: WriteScope, user: UserRow, settings: TokenSettings, action: 'login' | 'refresh'): Promise<TokenResponse> {
  await scope.trx.deleteFrom('login_failures').where('username', '=', user.username).execute();
  const refreshToken = newRefreshToken();
  const row = {
    id: `rt-${crypto.randomUUID()}`,
    user_id: user.id,
    token_hash: hashToken(refreshToken),
    expires_at: new Date(Date.now() + settings.refreshTtlSeconds * 1000).toISOString(),
    revoked_at: null,
    created_at: nowIso(),
  };
  await scope.trx.insertInto('refresh_tokens').values(row).execute();
  await scope.audit({ action, entity: 'session', entityId: row.id, after: { userId: user.id, tokenHash: row.token_hash, expiresAt: row.expires_at } });
  const accessToken = await signAccessToken(
    { userId: user.id, username: user.username, displayName: user.display_name, role: user.role as Role, orgUnitId: user.org_unit_id, orgPath: user.org_path, memberId: user.member_id },
    settings.jwtKey,
    settings.accessTtlSeconds,
  );
  return { accessToken, refreshToken, expiresIn: settings.accessTtlSeconds, user: toUser(user) };
}

/** Rotates a refresh token: the old one is revoked, a new pair is issued. Null when the token is not usable. */
export async function rotateRefreshToken(scope: WriteScope, refreshToken: string, settings: TokenSettings): Promise<TokenResponse | null> {
  const now = nowIso();
  const token = await scope.trx.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', hashToken(refreshToken)).executeTakeFirst();
  if (!token || token.revoked_at !== null || token.expires_at <= now) return null;
  const user = await scope.trx.selectFrom('users').selectAll().where('id', '=', token.user_id).where('disabled', '=', 0).executeTakeFirst();
  if (!user) return null;
  await scope.trx.updateTable('refresh_tokens').set({ revoked_at: now }).where('id', '=', token.id).execute();
  return issueTokens(scope, user, settings, 'refresh');
}

export async function revokeRefreshToken(scope: WriteScope, refreshToken: string): Promise<boolean> {
  const token = await scope.trx.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', hashToken(refreshToken)).where('revoked_at', 'is', null).executeTakeFirst();
  if (!token) return false;
  await scope.trx.updateTable('refresh_tokens').set({ revoked_at: nowIso() }).where('id', '=', token.id).execute();
  await scope.audit({ action: 'logout', entity: 'session', entityId: token.id, before: { revokedAt: null }, after: { revokedAt: 'now' } });
  return true;
}

export async function countDemoAccounts(db: Queryable): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).where('demo', '=', 1).executeTakeFirstOrThrow();
  return Number(row.count);
}
