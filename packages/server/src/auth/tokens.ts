/** Short-lived HS256 access tokens (jose) and opaque refresh tokens (random, stored hashed, rotated on use). */
import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { roles, type Role } from '@qiangji/contract';

const ISSUER = 'qiangji';
const AUDIENCE = 'qiangji-api';

export interface AccessClaims {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  orgPath: string;
  memberId: string | null;
}

export async function signAccessToken(claims: AccessClaims, key: Uint8Array, ttlSeconds: number): Promise<string> {
  return new SignJWT({ usr: claims.username, name: claims.displayName, role: claims.role, org: claims.orgUnitId, path: claims.orgPath, mid: claims.memberId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setJti(randomBytes(9).toString('base64url'))
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'expired' | 'invalid' };

export async function verifyAccessToken(token: string, key: Uint8Array): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const role = payload.role as Role;
    if (typeof payload.sub !== 'string' || !roles.includes(role) || typeof payload.org !== 'string' || typeof payload.path !== 'string') return { ok: false, reason: 'invalid' };
    return {
      ok: true,
      claims: {
        userId: payload.sub,
        username: String(payload.usr ?? ''),
        displayName: String(payload.name ?? ''),
        role,
        orgUnitId: payload.org,
        orgPath: payload.path,
        memberId: typeof payload.mid === 'string' ? payload.mid : null,
      },
    };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}

/** 256 bits, URL-safe. */
export const newRefreshToken = (): string => `qjr_${randomBytes(32).toString('base64url')}`;
