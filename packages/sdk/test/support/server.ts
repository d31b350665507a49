/**
 * Starts the REAL Plan API for the SDK's integration and fault tests, through the server's own test harness
 * (packages/server/test/harness.ts): ephemeral port, temporary data directory, small seed, SQLite. The SDK talks
 * HTTP only, so one dialect is enough here; the server's own suites cover PostgreSQL.
 */
import { DEMO_PASSWORD, startServer as startHarnessServer } from '../../../server/test/harness.js';

export interface RunningServer {
  /** Origin of the server, without /api/v1. */
  baseUrl: string;
  /** Password of the demo accounts. */
  password: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const server = await startHarnessServer('sqlite');
  return { baseUrl: server.url, password: DEMO_PASSWORD, close: () => server.close() };
}
