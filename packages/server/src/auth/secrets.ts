/**
 * Server secrets. The token-signing secret comes from QJ_JWT_SECRET, or is generated once into
 * `<dataDir>/secrets.json` (mode 0600) and reused on later starts. Several API nodes must share QJ_JWT_SECRET.
 * Other keys (idempotency record encryption, request hashing) are derived from it with HKDF.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Secrets {
  /** HS256 key for access tokens. */
  jwtKey: Uint8Array;
  /** AES-256-GCM key for stored idempotent responses (they may hold tokens or personal data). */
  dataKey: Buffer;
  /** HMAC key for request fingerprints (bodies may hold passwords). */
  fingerprintKey: Buffer;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.from('qiangji'), Buffer.from(info), 32));
}

function fromMaster(master: Buffer): Secrets {
  return { jwtKey: new Uint8Array(derive(master, 'jwt-hs256')), dataKey: derive(master, 'idempotency-aes-gcm'), fingerprintKey: derive(master, 'request-fingerprint') };
}

/** Reads or creates the secrets. `envSecret` (QJ_JWT_SECRET) wins and must be at least 32 characters. */
export function loadSecrets(dataDir: string, envSecret: string | null): Secrets {
  if (envSecret) {
    if (envSecret.length < 32) throw new Error('QJ_JWT_SECRET must be at least 32 characters');
    return fromMaster(Buffer.from(envSecret, 'utf8'));
  }
  const file = join(dataDir, 'secrets.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ jwtSecret: randomBytes(48).toString('base64url'), createdAt: new Date().toISOString() }, null, 2), { mode: 0o600 });
    // Another process may have created it meanwhile: keep the first one.
    if (existsSync(file)) writeFileSync(temporary, '');
    else renameSync(temporary, file);
  }
  chmodSync(file, 0o600);
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { jwtSecret?: unknown };
  if (typeof stored.jwtSecret !== 'string' || stored.jwtSecret.length < 32) throw new Error(`${file} has no usable jwtSecret`);
  return fromMaster(Buffer.from(stored.jwtSecret, 'utf8'));
}
