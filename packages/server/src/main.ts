/**
 * `npm start`: read the environment, migrate, seed on first run (progress on stderr), listen on PORT, and on
 * SIGTERM/SIGINT drain in-flight requests (app.close()) before closing the database.
 */
import { buildApp, DemoAccountsInProductionError } from './app.js';
import { openMigrated, seedIfEmpty } from './bootstrap.js';
import { loadConfig } from './config.js';
import { DatabaseOpenError, isDatabaseUnavailable } from './db/connection.js';
import { progressReporter } from './seed/progress.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openMigrated(config);
  const where = handle.dialect === 'postgres' ? 'PostgreSQL' : handle.location;
  const seeded = await seedIfEmpty(handle, { demoPassword: config.demoPassword, demoEmbedKey: config.demoEmbedKey, onProgress: progressReporter() });
  if (seeded) process.stderr.write(`seeded ${where} in ${(seeded.ms / 1000).toFixed(1)} s\n`);
  else process.stderr.write(`using existing data in ${where}\n`);

  let app;
  try {
    app = await buildApp(config, { handle });
  } catch (error) {
    await handle.destroy();
    throw error;
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: draining in-flight requests`);
    const force = setTimeout(() => {
      process.stderr.write('shutdown took longer than 25 s; exiting\n');
      process.exit(1);
    }, 25_000);
    force.unref();
    app
      .close()
      .then(() => handle.destroy())
      .then(() => {
        process.stderr.write('stopped cleanly\n');
        process.exit(0);
      })
      .catch((error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  const address = await app.listen({ port: config.port, host: config.host });
  process.stderr.write(`QiangJi API listening on ${address} (docs: /docs, OpenAPI: /openapi.json)\n`);
}

/** Problems an operator fixes (configuration, the database file, an unreachable server): a message, no stack dump. */
const operational = (error: unknown): boolean =>
  error instanceof DemoAccountsInProductionError || error instanceof DatabaseOpenError || isDatabaseUnavailable(error) || /^(DATABASE_URL|QJ_|expected a whole number)/.test(error instanceof Error ? error.message : '');

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cannot start: ${operational(error) || !(error instanceof Error) ? message : (error.stack ?? message)}\n`);
  process.exit(1);
});
