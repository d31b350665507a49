/**
 * The audit log: one row per write (actor, time, entity, digests of before/after), hash-chained so that editing,
 * deleting or reordering any row breaks the chain from that row on. Appended inside the write's transaction,
 * under the write lock (see db/connection.ts), so rows get consecutive seqs in commit order.
 */
import type { Kysely } from 'kysely';
import { canonicalJson, digest, nowIso, sha256 } from '../lib/canonical.js';
import type { AuditLogTable, Database } from '../db/schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Every column the hash covers: the whole row but the hash itself. */
type ChainedFields = Omit<AuditLogTable, 'hash'>;

/** hash = sha256(prev_hash + canonical JSON of the row's other fields). */
export function auditHash(row: ChainedFields): string {
  const { prev_hash, ...rest } = row;
  return sha256(prev_hash + canonicalJson(rest));
}

export async function appendAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<number> {
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
    at: nowIso(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_digest: digest(entry.before),
    after_digest: digest(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await trx.insertInto('audit_log').values({ ...row, hash: auditHash(row) }).execute();
  return row.seq;
}

export type AuditVerification =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; brokenSeq: number; reason: string };

/** Walks the whole chain in seq order; reports the first row whose link or hash does not match. */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 5_000): Promise<AuditVerification> {
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batchSize).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, count, brokenSeq: expectedSeq, reason: `row ${expectedSeq} is missing (next row is ${seq})` };
      if (row.prev_hash !== previousHash) return { ok: false, count, brokenSeq: seq, reason: 'prev_hash does not match the previous row' };
      const { hash, ...fields } = row;
      if (auditHash({ ...fields, seq }) !== hash) return { ok: false, count, brokenSeq: seq, reason: 'row content does not match its hash' };
      previousHash = hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < batchSize) return { ok: true, count, lastHash: previousHash };
  }
}
