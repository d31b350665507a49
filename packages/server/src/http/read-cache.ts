/**
 * A cache of serialised read answers for hot, write-rarely lists (the portal's task list). Each entry is tagged with
 * the `events` seq it was computed at; every write appends an event in its transaction, so a request that reads a
 * newer seq recomputes. The check is one indexed read of the shared database, so it stays right with several
 * server nodes on one PostgreSQL (or processes on one SQLite file), unlike an in-process invalidation.
 * Keys must carry everything the answer depends on besides the data: the viewer's scope, the query, the day.
 */
import type { Queryable } from '../db/connection.js';
import { latestEventSeq } from '../repositories/events.js';

/** A JSON answer serialised once: route handlers return it, registerRoute sends the bytes (and validates `value`). */
export class Serialized<T = unknown> {
  readonly body: Buffer;
  constructor(readonly value: T) {
    this.body = Buffer.from(JSON.stringify(value), 'utf8');
  }
}

interface Entry {
  seq: number;
  answer: Serialized;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 256) {}

  /** The answer for `key` at the database's current seq, computed (and kept) when missing or older. */
  async read<T>(db: Queryable, key: string, compute: () => Promise<T>): Promise<Serialized<T>> {
    // Read the seq first: a write committing while we compute leaves an entry tagged older than its data, which
    // only costs a recomputation, never a stale answer.
    const seq = await latestEventSeq(db);
    const hit = this.entries.get(key);
    if (hit && hit.seq === seq) {
      // Least recently used goes first: re-insert on every hit.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.answer as Serialized<T>;
    }
    const answer = new Serialized(await compute());
    this.entries.delete(key);
    this.entries.set(key, { seq, answer });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return answer;
  }
}
