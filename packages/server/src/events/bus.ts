/**
 * Change notification between writers and event-stream connections. Every write appends its events to the
 * `events` table in its transaction; the bus only says "there are rows up to seq N" and each SSE connection reads
 * the rows it has not sent yet. In-process on SQLite; on PostgreSQL each node LISTENs on a channel that every
 * writer NOTIFYs inside its transaction (delivered on commit), so every node streams every node's writes.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';

export const EVENTS_CHANNEL = 'qj_events';

export interface EventBus {
  /** Called with the highest committed seq whenever new events may exist. */
  subscribe(listener: (seq: number) => void): () => void;
  /** This node committed events up to `seq`. */
  committed(seq: number): void;
  close(): Promise<void>;
}

class LocalBus implements EventBus {
  protected readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  subscribe(listener: (seq: number) => void): () => void {
    this.emitter.on('seq', listener);
    return () => this.emitter.off('seq', listener);
  }

  committed(seq: number): void {
    this.emitter.emit('seq', seq);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

class PostgresBus extends LocalBus {
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly log: (message: string) => void,
  ) {
    super();
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      const seq = Number(message.payload);
      if (message.channel === EVENTS_CHANNEL && Number.isInteger(seq)) this.emitter.emit('seq', seq);
    });
    client.on('error', (error) => {
      this.log(`event listener connection lost: ${error.message}`);
      this.reconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.client = client;
  }

  private reconnect(): void {
    const old = this.client;
    this.client = null;
    void old?.end().catch(() => {});
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.start()
        // Rows written while disconnected are picked up by the streams' periodic catch-up read.
        .then(() => this.emitter.emit('seq', Number.MAX_SAFE_INTEGER))
        .catch(() => this.reconnect());
    }, 1000);
    this.retry.unref();
  }

  override async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
    await super.close();
  }
}

export async function createEventBus(databaseUrl: string | null, log: (message: string) => void): Promise<EventBus> {
  if (!databaseUrl) return new LocalBus();
  const bus = new PostgresBus(databaseUrl, log);
  await bus.start();
  return bus;
}
