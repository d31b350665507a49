/** What route handlers get besides the request: configuration, the database, secrets, the event bus. */
import type { ServerConfig } from './config.js';
import type { DatabaseHandle, Db } from './db/connection.js';
import type { EmbedKeyStore } from './auth/embed-keys.js';
import type { Secrets } from './auth/secrets.js';
import type { EventBus } from './events/bus.js';
import type { Viewer } from './auth/scope.js';

export interface Services {
  config: ServerConfig;
  handle: DatabaseHandle;
  db: Db;
  secrets: Secrets;
  bus: EventBus;
  embedKeys: EmbedKeyStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}
