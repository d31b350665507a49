/** The `events` table: change events appended in the write's transaction, read back by seq for SSE. */
import { sql, type Kysely } from 'kysely';
import type { EventType, QjEvent } from '@qiangji/contract';
import type { DialectName } from '../db/connection.js';
import type { Database, EventRow } from '../db/schema.js';
import { nowIso } from '../lib/canonical.js';
import { EVENTS_CHANNEL } from '../events/bus.js';

export interface NewEvent {
  type: EventType;
  orgUnitId: string;
  orgPath: string;
  data: Record<string, unknown>;
}

/** Appends under the write lock (consecutive seqs in commit order); on PostgreSQL also NOTIFYs, sent on commit. */
export async function appendEvent(trx: Kysely<Database>, dialect: DialectName, event: NewEvent): Promise<number> {
  const last = await trx.selectFrom('events').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  await trx.insertInto('events').values({ seq, type: event.type, org_unit_id: event.orgUnitId, org_path: event.orgPath, data: JSON.stringify(event.data), at: nowIso() }).execute();
  if (dialect === 'postgres') await sql`select pg_notify(${EVENTS_CHANNEL}, ${String(seq)})`.execute(trx);
  return seq;
}

export async function latestEventSeq(db: Kysely<Database>): Promise<number> {
  const last = await db.selectFrom('events').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last?.seq ?? 0;
}

export interface EventFilter {
  scopePath: string;
  types: ReadonlyArray<EventType> | null;
}

/** Inside the scope; task progress also from the scope's ancestors, whose plan-wide tasks everyone below reads. */
const visible = (row: EventRow, scopePath: string): boolean =>
  row.org_path.startsWith(scopePath) || (row.type === 'task.progress' && scopePath.startsWith(row.org_path));

/** Events after `afterSeq` in order, within the scope and of the given types. */
export async function readEventsAfter(db: Kysely<Database>, afterSeq: number, filter: EventFilter, limit = 500): Promise<{ events: EventRow[]; lastSeq: number }> {
  // Read a window of raw rows so that filtered-out rows still advance the cursor.
  const rows = await db.selectFrom('events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  const scoped = rows.filter((row) => visible(row, filter.scopePath) && (!filter.types || filter.types.includes(row.type as EventType)));
  return { events: scoped, lastSeq: rows.at(-1)?.seq ?? afterSeq };
}

export function toQjEvent(row: EventRow): QjEvent {
  return { id: String(row.seq), type: row.type, at: row.at, orgUnitId: row.org_unit_id, data: JSON.parse(row.data) } as QjEvent;
}

