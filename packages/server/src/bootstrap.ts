/** Opening, migrating and (on first run) seeding the database: shared by main.ts, the seed CLI and tests. */
import type { ServerConfig } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { isSeeded, seedDatabase, type SeedOptions, type SeedResult } from './seed/index.js';

export async function openMigrated(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>): Promise<DatabaseHandle> {
  const handle = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await migrateToLatest(handle);
    return handle;
  } catch (error) {
    await handle.destroy();
    throw error;
  }
}

/** Seeds when the database has never been seeded; null when it already was (a restart keeps the data). */
export async function seedIfEmpty(handle: DatabaseHandle, options: SeedOptions): Promise<SeedResult | null> {
  if (await isSeeded(handle.db)) return null;
  return seedDatabase(handle, options);
}
