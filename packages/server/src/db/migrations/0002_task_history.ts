/**
 * Tasks keep their sparkline history (`[{ at, percent }]`, oldest first) in a `history` column, appended by the
 * progress write, so a task list reads one table instead of every progress update of every task. Backfilled from
 * progress_updates, so a database seeded by an older version upgrades in place.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const taskHistoryMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('tasks').addColumn('history', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    const { rows } = await sql<{ task_id: string; at: string; percent: number }>`select task_id, at, percent from progress_updates order by task_id, at, id`.execute(db);
    const byTask = new Map<string, Array<{ at: string; percent: number }>>();
    for (const row of rows) {
      const history = byTask.get(row.task_id) ?? [];
      history.push({ at: row.at, percent: Number(row.percent) });
      byTask.set(row.task_id, history);
    }
    for (const [taskId, history] of byTask) await sql`update tasks set history = ${JSON.stringify(history)} where id = ${taskId}`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('tasks').dropColumn('history').execute();
  },
};
