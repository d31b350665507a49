/**
 * The map's record-activity summary (repositories/activity.ts) and the indexes its kind/date filter reads:
 * SQLite probes per point through (service_point_id, kind, at); PostgreSQL, where a probe per point costs a few
 * microseconds, reads sets when many points are in view, through (kind, at, service_point_id),
 * (at, service_point_id) and the summary's (kind, month, service_point_id). The summary is backfilled from
 * service_records, so an existing database upgrades in place.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../connection.js';
import { activityRebuildStatements } from '../../repositories/activity.js';

export function servicePointActivityMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('service_point_activity')
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('records', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('service_point_activity_pk', ['service_point_id', 'kind', 'month'])
        .execute();
      if (dialect === 'postgres') {
        await db.schema.createIndex('service_point_activity_kind_month').on('service_point_activity').columns(['kind', 'month', 'service_point_id']).execute();
        await db.schema.createIndex('service_records_kind_at').on('service_records').columns(['kind', 'at', 'service_point_id']).execute();
        await db.schema.createIndex('service_records_at_point').on('service_records').columns(['at', 'service_point_id']).execute();
      } else {
        await db.schema.createIndex('service_records_point_kind').on('service_records').columns(['service_point_id', 'kind', 'at']).execute();
      }
      for (const statement of activityRebuildStatements(dialect)) await sql.raw(statement).execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const index of ['service_records_kind_at', 'service_records_at_point', 'service_records_point_kind']) await db.schema.dropIndex(index).ifExists().execute();
      await db.schema.dropTable('service_point_activity').ifExists().execute();
    },
  };
}
