/**
 * Stored first responses of POSTs sent with an Idempotency-Key, per actor. Responses are encrypted
 * (AES-256-GCM) because they may hold tokens or personal data; records expire after a day.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { canonicalJson } from '../lib/canonical.js';

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: unknown;
}

/** HMAC of method, path and canonical body: equal requests, equal fingerprints; no password leaks from it. */
export function requestFingerprint(key: Buffer, method: string, path: string, body: unknown): string {
  return createHmac('sha256', key).update(`${method} ${path}\n${canonicalJson(body ?? null)}`).digest('hex');
}

function encrypt(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

function decrypt(key: Buffer, stored: string): string {
  const raw = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export async function findStoredResponse(db: Kysely<Database>, dataKey: Buffer, actor: string, key: string): Promise<StoredResponse | null> {
  const row = await db.selectFrom('idempotency_keys').selectAll().where('actor', '=', actor).where('key', '=', key).executeTakeFirst();
  if (!row || Date.parse(row.created_at) < Date.now() - IDEMPOTENCY_TTL_MS) return null;
  return { requestHash: row.request_hash, status: row.status, body: JSON.parse(decrypt(dataKey, row.response)) };
}

export async function storeResponse(db: Kysely<Database>, dataKey: Buffer, actor: string, key: string, response: StoredResponse): Promise<void> {
  // An expired record with the same key is replaced.
  await db.deleteFrom('idempotency_keys').where('actor', '=', actor).where('key', '=', key).execute();
  await db
    .insertInto('idempotency_keys')
    .values({ actor, key, request_hash: response.requestHash, status: response.status, response: encrypt(dataKey, JSON.stringify(response.body)), created_at: new Date().toISOString() })
    .execute();
}

export async function purgeExpired(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', new Date(Date.now() - IDEMPOTENCY_TTL_MS).toISOString()).execute();
}
