/**
 * @qiangji/server — the reference Plan API. Embedding or testing it:
 *
 *   const config = loadConfig();                 // or testConfig({ dataDir })
 *   const handle = await openMigrated(config);
 *   await seedIfEmpty(handle, { demoPassword: config.demoPassword, demoEmbedKey: config.demoEmbedKey });
 *   const app = await buildApp(config, { handle });
 *   await app.listen({ port: 0 });
 */
export { buildApp, DemoAccountsInProductionError, type BuildOptions } from './app.js';
export { openMigrated, seedIfEmpty } from './bootstrap.js';
export { defaultSeedSize, loadConfig, testConfig, type SeedSize, type ServerConfig } from './config.js';
export { openDatabase, type DatabaseHandle, type DialectName } from './db/connection.js';
export { migrateToLatest } from './db/migrate.js';
export { registerStaticSite, type StaticSiteOptions } from './http/static-site.js';
export { cspNonce } from './http/security.js';
export { verifyAuditChain, type AuditVerification } from './repositories/audit.js';
export { serverOpenApiDocument } from './routes/system.js';
export { demoAccounts, DEMO_EMBED_KEY_ORIGINS } from './seed/demo.js';
export { isSeeded, removeDemoAccounts, resetDatabase, seedDatabase, type SeedOptions, type SeedProgress, type SeedResult } from './seed/index.js';
