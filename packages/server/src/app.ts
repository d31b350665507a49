/**
 * buildApp(config): the Fastify application, ready but not listening. Opens (or takes) the database, applies
 * migrations, refuses production starts while demo accounts exist, and registers one small plugin per tag.
 * Closing the app drains in-flight requests, ends event streams, and closes the database it opened.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { EmbedKeyStore } from './auth/embed-keys.js';
import { loadSecrets } from './auth/secrets.js';
import { createEventBus } from './events/bus.js';
import { ApiHttpError, apiErrorBodyFor, frameworkErrorHandler, installErrorHandlers, sendApiError } from './http/errors.js';
import { registerCompression } from './http/compression.js';
import { registerSecurity, requestIdFor } from './http/security.js';
import { purgeExpired } from './repositories/idempotency.js';
import { countDemoAccounts } from './repositories/users.js';
import { authRoutes } from './routes/auth.js';
import { eventRoutes } from './routes/events.js';
import { mapRoutes } from './routes/map.js';
import { mediationRoutes } from './routes/mediation.js';
import { orgRoutes } from './routes/org.js';
import { peopleRoutes } from './routes/people.js';
import { planRoutes } from './routes/plan.js';
import { ratingRoutes } from './routes/ratings.js';
import { systemRoutes } from './routes/system.js';
import type { Services } from './services.js';

export interface BuildOptions {
  /** An already open database; the caller closes it. By default buildApp opens one and closes it on app.close(). */
  handle?: DatabaseHandle;
}

export class DemoAccountsInProductionError extends Error {
  constructor(count: number) {
    super(`NODE_ENV=production but ${count} demo account(s)/key(s) exist. Remove them first: npm run seed -- --remove-demo-accounts`);
    this.name = 'DemoAccountsInProductionError';
  }
}

export async function buildApp(config: ServerConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const handle = options.handle ?? openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const ownsHandle = !options.handle;
  try {
    await migrateToLatest(handle);
    if (config.production) {
      const demo = await countDemoAccounts(handle.db);
      if (demo > 0) throw new DemoAccountsInProductionError(demo);
    }
  } catch (error) {
    if (ownsHandle) await handle.destroy();
    throw error;
  }

  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Embed keys may travel in the query (EventSource): keep them out of the logs.
            serializers: { req: (request: { method: string; url: string; id: string }) => ({ method: request.method, url: request.url.replace(/([?&]embedKey=)[^&]*/g, '$1***'), id: request.id }) },
          },
    genReqId: requestIdFor,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
    // Requests Node's parser rejects (e.g. raw non-ASCII bytes in the URL) still get an ApiError body.
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) return;
      const tooLarge = (error as { code?: string }).code === 'HPE_HEADER_OVERFLOW';
      const status = tooLarge ? 431 : 400;
      const body = JSON.stringify({ ...apiErrorBodyFor(tooLarge ? 'payload_too_large' : 'validation_failed', requestIdFor(null)), field: tooLarge ? 'header' : 'url' });
      socket.end(`HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    },
  });
  const bus = await createEventBus(handle.dialect === 'postgres' ? handle.location : null, (message) => app.log.warn(message));
  const services: Services = { config, handle, db: handle.db, secrets: loadSecrets(config.dataDir, config.jwtSecret), bus, embedKeys: new EmbedKeyStore(handle.db) };
  app.decorate('services', services);
  app.decorateRequest('viewer', null);
  installErrorHandlers(app);
  // JSON only: a text/plain body is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');

  const state = { closing: false };
  app.addHook('onRequest', async (request, reply) => {
    if (state.closing) return sendApiError(request, reply, new ApiHttpError(503, 'service_unavailable', { headers: { 'retry-after': '5' } }));
  });
  app.addHook('preClose', async () => {
    state.closing = true;
  });
  // Every answer while closing, to requests in flight or refused above: a kept-alive connection would hold up the close.
  app.addHook('onSend', async (_request, reply) => {
    if (state.closing) reply.header('connection', 'close');
  });
  // Idempotency records live a day; purge them at start and hourly.
  const purge = () => purgeExpired(handle.db).catch((error: unknown) => app.log.warn({ err: error }, 'could not purge idempotency records'));
  const purgeTimer = setInterval(purge, 3600_000);
  purgeTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(purgeTimer);
    await bus.close();
    if (ownsHandle) await handle.destroy();
  });

  await registerSecurity(app, config, services.embedKeys);
  await registerCompression(app);
  await app.register(authRoutes);
  await app.register(planRoutes);
  await app.register(orgRoutes);
  await app.register(ratingRoutes);
  await app.register(peopleRoutes);
  await app.register(mapRoutes);
  await app.register(mediationRoutes);
  await app.register(eventRoutes);
  await app.register(async (instance) => systemRoutes(instance, state));

  await purge();
  return app;
}
