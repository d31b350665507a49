import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle, DialectName } from './connection.js';
import { initialMigration } from './migrations/0001_initial.js';
import { taskHistoryMigration } from './migrations/0002_task_history.js';
import { servicePointActivityMigration } from './migrations/0003_service_point_activity.js';

/** Migrations are listed here (a static provider: no directory scanning, works from any working directory). */
class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

/** Every migration by name, in order (a new one is added here, never by editing an applied one). */
export const migrations = (dialect: DialectName): Record<string, Migration> => ({
  '0001_initial': initialMigration(dialect),
  '0002_task_history': taskHistoryMigration,
  '0003_service_point_activity': servicePointActivityMigration(dialect),
});

export const migratorFor = (handle: DatabaseHandle): Migrator => new Migrator({ db: handle.db, provider: new StaticMigrationProvider(migrations(handle.dialect)) });

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrator = migratorFor(handle);
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
