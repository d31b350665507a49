/**
 * The one way to write: a transaction under the write lock that also appends the audit row(s) and change
 * events, and — for a write with an Idempotency-Key — checks for a stored first response before doing anything and
 * stores this response after. Concurrent duplicates serialise on the write lock, so the second sees the first's
 * record and replays it instead of writing twice.
 */
import { isSqliteBusy, lockWrites, type Tx } from '../db/connection.js';
import { appendAudit, type AuditEntry } from '../repositories/audit.js';
import { appendEvent, type NewEvent } from '../repositories/events.js';
import { findStoredResponse, storeResponse } from '../repositories/idempotency.js';
import type { Services } from '../services.js';
import { ApiHttpError } from './errors.js';

export interface WriteScope {
  trx: Tx;
  audit(entry: Omit<AuditEntry, 'actor'>): Promise<void>;
  event(event: NewEvent): Promise<void>;
}

export interface IdempotencyContext {
  key: string;
  requestHash: string;
  status: number;
}

/** Thrown out of a write to answer with the stored first response. */
export class IdempotentReplay {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** How long a write keeps retrying while another process holds the SQLite write lock, before answering 503. */
const BUSY_RETRY_MS = 5_000;

export async function runWrite<T>(
  services: Services,
  actor: string,
  idempotency: IdempotencyContext | null,
  work: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + BUSY_RETRY_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await attemptWrite(services, actor, idempotency, work);
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      const wait = Math.min(400, 50 * 2 ** attempt);
      if (Date.now() + wait > deadline) throw new ApiHttpError(503, 'service_unavailable', { headers: { 'retry-after': '5' } });
      // Wait without blocking the event loop; the whole transaction is retried (nothing of it was committed).
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

async function attemptWrite<T>(services: Services, actor: string, idempotency: IdempotencyContext | null, work: (scope: WriteScope) => Promise<T>): Promise<T> {
  let lastSeq = 0;
  const result = await services.db.transaction().execute(async (trx) => {
    await lockWrites(trx, services.handle.dialect);
    if (idempotency) {
      const stored = await findStoredResponse(trx, services.secrets.dataKey, actor, idempotency.key);
      if (stored) {
        if (stored.requestHash !== idempotency.requestHash) throw new ApiHttpError(409, 'idempotency_mismatch', { field: 'header.idempotency-key' });
        return new IdempotentReplay(stored.status, stored.body);
      }
    }
    const value = await work({
      trx,
      audit: async (entry) => {
        await appendAudit(trx, { ...entry, actor });
      },
      event: async (event) => {
        lastSeq = await appendEvent(trx, services.handle.dialect, event);
      },
    });
    if (idempotency) await storeResponse(trx, services.secrets.dataKey, actor, idempotency.key, { requestHash: idempotency.requestHash, status: idempotency.status, body: value });
    return value;
  });
  if (lastSeq > 0) services.bus.committed(lastSeq);
  if (result instanceof IdempotentReplay) throw result;
  return result;
}
