/**
 * Concurrent writers for the reliability suite: each POSTs progress reports (`POST /tasks/:id/progress`, a unique
 * note and Idempotency-Key per write) in a loop and records every write the server acknowledged (2xx), every other
 * answer by status/code, and network failures. `acknowledgedMissing()` then checks, through the API of a (restarted)
 * server, that every acknowledged write is there.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

export interface Ack {
  taskId: string;
  note: string;
}

export interface Answer {
  at: number;
  ms: number;
  status: number | 'network';
  code?: string;
}

export interface WriteLoad {
  acked: Ack[];
  answers: Answer[];
  /** Stops the writers and resolves when all have returned. */
  stop(): Promise<void>;
  /** Answers by kind, e.g. { '201': 120, '503 service_unavailable': 4, network: 2 }. */
  summary(): Record<string, number>;
}

const taskIds = Array.from({ length: 28 }, (_, index) => `T${String(index + 1).padStart(2, '0')}`);

export function startWriteLoad(baseUrl: () => string, token: () => string, writers: number, runId = randomUUID().slice(0, 8)): WriteLoad {
  const acked: Ack[] = [];
  const answers: Answer[] = [];
  let running = true;
  const writer = async (index: number) => {
    for (let n = 0; running; n += 1) {
      const taskId = taskIds[(index + n * writers) % taskIds.length]!;
      const note = `proof ${runId} w${index} #${n}`;
      const started = Date.now();
      try {
        const response = await fetch(`${baseUrl()}/api/v1/tasks/${taskId}/progress`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({ percent: (n * 7 + index) % 101, note }),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        const code = response.ok ? undefined : (/"code":"([a-z_]+)"/.exec(text)?.[1] ?? 'not-json');
        answers.push({ at: started, ms: Date.now() - started, status: response.status, ...(code ? { code } : {}) });
        if (response.ok) acked.push({ taskId, note });
        else await delay(50);
      } catch {
        answers.push({ at: started, ms: Date.now() - started, status: 'network' });
        await delay(50);
      }
    }
  };
  const done = Promise.all(Array.from({ length: writers }, (_, index) => writer(index)));
  return {
    acked,
    answers,
    async stop() {
      running = false;
      await done;
    },
    summary() {
      const counts: Record<string, number> = {};
      for (const answer of answers) {
        const key = answer.code ? `${answer.status} ${answer.code}` : String(answer.status);
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    },
  };
}

/** Acknowledged writes that the server at `baseUrl` does not have (read back through GET /tasks/:id). */
export async function acknowledgedMissing(baseUrl: string, token: string, acked: readonly Ack[]): Promise<Ack[]> {
  const notesByTask = new Map<string, Set<string>>();
  for (const taskId of new Set(acked.map((ack) => ack.taskId))) {
    const response = await fetch(`${baseUrl}/api/v1/tasks/${taskId}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET /tasks/${taskId}: ${response.status} ${await response.text()}`);
    const detail = (await response.json()) as { updates: Array<{ note: string }> };
    notesByTask.set(taskId, new Set(detail.updates.map((update) => update.note)));
  }
  return acked.filter((ack) => !notesByTask.get(ack.taskId)?.has(ack.note));
}
