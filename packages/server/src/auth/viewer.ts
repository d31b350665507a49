/**
 * Who is asking. A bearer access token makes a user viewer (role + org subtree); an embed key (header
 * X-QJ-Embed-Key, or ?embedKey= for EventSource) makes a read-only, masked viewer bound to the key's subtree and
 * only from its listed origins; nothing makes an anonymous viewer, allowed on read routes only when configured.
 */
import { CHAOZHOU_CITY_CODE, type RouteAccess } from '@qiangji/contract';
import type { FastifyRequest } from 'fastify';
import { ApiHttpError } from '../http/errors.js';
import type { Services } from '../services.js';
import { normalizeOrigin } from './embed-keys.js';
import { roleSeesPersonalData, type Viewer } from './scope.js';
import { verifyAccessToken } from './tokens.js';

const ROOT_PATH = `/${CHAOZHOU_CITY_CODE}/`;

/** The browser origin of a request: Origin, else the Referer's origin, else our own origin for same-origin fetches. */
export function requestOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') return normalizeOrigin(origin);
  const referer = request.headers.referer;
  if (typeof referer === 'string') return normalizeOrigin(referer);
  if (request.headers['sec-fetch-site'] === 'same-origin' && request.headers.host) return normalizeOrigin(`${request.protocol}://${request.headers.host}`);
  return null;
}

function embedKeyOf(request: FastifyRequest): string | null {
  const header = request.headers['x-qj-embed-key'];
  if (typeof header === 'string' && header.length > 0) return header;
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.embedKey === 'string' && query.embedKey.length > 0 ? query.embedKey : null;
}

/** Resolves the viewer for a route of the given access level, or throws 401/403. */
export async function resolveViewer(request: FastifyRequest, access: RouteAccess, services: Services): Promise<Viewer | null> {
  if (access === 'public') return null;
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization.length > 0) {
    const match = /^Bearer\s+(\S{10,4096})$/i.exec(authorization);
    if (!match) throw new ApiHttpError(401, 'unauthenticated');
    const result = await verifyAccessToken(match[1]!, services.secrets.jwtKey);
    if (!result.ok) throw new ApiHttpError(401, result.reason === 'expired' ? 'token_expired' : 'unauthenticated', { headers: { 'www-authenticate': 'Bearer' } });
    const { claims } = result;
    return {
      kind: 'user',
      user: { id: claims.userId, username: claims.username, displayName: claims.displayName, role: claims.role, orgUnitId: claims.orgUnitId, memberId: claims.memberId },
      embedKeyId: null,
      scopeOrgUnitId: claims.orgUnitId,
      scopePath: claims.orgPath,
      seesPersonalData: roleSeesPersonalData(claims.role),
      actor: `user:${claims.userId}`,
    };
  }
  const key = embedKeyOf(request);
  if (key) {
    const embedKey = key.length <= 200 ? await services.embedKeys.find(key) : null;
    if (!embedKey) throw new ApiHttpError(401, 'unauthenticated');
    const origin = requestOrigin(request);
    if (!origin || !embedKey.origins.includes(origin)) throw new ApiHttpError(403, 'embed_origin_denied');
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new ApiHttpError(403, 'read_only');
    if (access !== 'read') throw new ApiHttpError(403, 'forbidden');
    return {
      kind: 'embed',
      user: null,
      embedKeyId: embedKey.id,
      scopeOrgUnitId: embedKey.orgUnitId,
      scopePath: embedKey.orgPath,
      seesPersonalData: false,
      actor: `embed:${embedKey.id}`,
    };
  }
  if (access === 'read' && services.config.publicRead) {
    return { kind: 'anonymous', user: null, embedKeyId: null, scopeOrgUnitId: CHAOZHOU_CITY_CODE, scopePath: ROOT_PATH, seesPersonalData: false, actor: 'anonymous' };
  }
  throw new ApiHttpError(401, 'unauthenticated', { headers: { 'www-authenticate': 'Bearer' } });
}
