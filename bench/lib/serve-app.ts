/**
 * Child entry of spawnApp (server-process.ts): the server's buildApp with the configuration given as JSON in
 * QJ_SERVE_CONFIG (testConfig overrides), listening on 127.0.0.1:0. Prints `QJ_URL <url>`; SIGTERM closes it.
 */
import { buildApp } from '../../packages/server/src/app.js';
import { testConfig, type ServerConfig } from '../../packages/server/src/config.js';

const overrides = JSON.parse(process.env.QJ_SERVE_CONFIG ?? '{}') as Partial<ServerConfig> & { dataDir: string };
const config = testConfig({ logLevel: 'silent', rateLimit: { max: 1_000_000_000, timeWindowMs: 60_000, loginMax: 1_000_000_000 }, ...overrides });
const app = await buildApp(config);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`QJ_URL ${url}\n`);
const stop = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
