/** Sign-in, token refresh, sign-out and "who am I". */
import type { FastifyInstance } from 'fastify';
import { ApiHttpError } from '../http/errors.js';
import { registerRoute } from '../http/register-route.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../auth/password.js';
import { findActiveUser, issueTokens, lockRemaining, recordFailure, revokeRefreshToken, rotateRefreshToken } from '../repositories/users.js';

const locked = (remainingMs: number) =>
  new ApiHttpError(401, 'account_locked', { field: 'body.username', headers: { 'retry-after': String(Math.max(1, Math.ceil(remainingMs / 1000))) } });

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { config, secrets } = app.services;
  const settings = { jwtKey: secrets.jwtKey, accessTtlSeconds: config.accessTokenTtlSeconds, refreshTtlSeconds: config.refreshTokenTtlSeconds };
  const loginLimit = { max: config.rateLimit.loginMax, timeWindow: config.rateLimit.timeWindowMs };

  registerRoute(
    app,
    'login',
    async ({ body, services, write }) => {
      const remaining = await lockRemaining(services.db, body.username);
      if (remaining > 0) throw locked(remaining);
      const user = await findActiveUser(services.db, body.username);
      // Same scrypt cost for unknown usernames, so timing does not tell which names exist.
      const valid = await verifyPassword(body.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
      if (!user || !valid) {
        const nowLocked = await write((scope) => recordFailure(scope, body.username), { remember: false });
        if (nowLocked) throw locked(10 * 60 * 1000);
        throw new ApiHttpError(401, 'invalid_credentials');
      }
      return write((scope) => issueTokens(scope, user, settings, 'login'));
    },
    { rateLimit: loginLimit },
  );

  registerRoute(
    app,
    'refresh',
    async ({ body, write }) => {
      const tokens = await write((scope) => rotateRefreshToken(scope, body.refreshToken, settings));
      if (!tokens) throw new ApiHttpError(401, 'unauthenticated', { field: 'body.refreshToken' });
      return tokens;
    },
    { rateLimit: loginLimit },
  );

  registerRoute(app, 'logout', async ({ body, write }) => {
    if (body.refreshToken) await write((scope) => revokeRefreshToken(scope, body.refreshToken!));
    return { ok: true as const };
  });

  registerRoute(app, 'me', async ({ viewer }) => ({
    kind: viewer.kind,
    user: viewer.user ? { id: viewer.user.id, username: viewer.user.username, displayName: viewer.user.displayName, role: viewer.user.role, orgUnitId: viewer.user.orgUnitId } : null,
    orgUnitId: viewer.scopeOrgUnitId,
    canSeePersonalData: viewer.seesPersonalData,
  }));
}
