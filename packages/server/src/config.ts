/**
 * Server configuration, read once from the environment. Everything has a development default except secrets,
 * which come from the environment or are generated once into the data directory (see auth/secrets.ts).
 */
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** Directory of the SQLite file and secrets.json. */
  dataDir: string;
  /** postgres://… switches to PostgreSQL; null means SQLite in dataDir. */
  databaseUrl: string | null;
  production: boolean;
  /** HS256 secret for access tokens; when absent, one is generated into `<dataDir>/secrets.json`. */
  jwtSecret: string | null;
  demoPassword: string;
  demoEmbedKey: string;
  /** Origins allowed by CORS besides every embed key's origins. */
  corsOrigins: string[];
  /** Whether anonymous callers may use `read` routes (masked, whole city). */
  publicRead: boolean;
  rateLimit: { max: number; timeWindowMs: number; loginMax: number };
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  trustProxy: boolean;
  logLevel: string;
  /** Directory served at `/` (the demo portal); null serves a small landing page. */
  portalRoot: string | null;
  /** SSE heartbeat interval. */
  heartbeatMs: number;
  bodyLimit: number;
  /** Extra tile hosts allowed in img-src of served pages. */
  tileHosts: string[];
  /** Check every JSON response against the contract (development and tests; off in production). */
  validateResponses: boolean;
}

export interface SeedSize {
  members: number;
  servicePoints: number;
  serviceRecords: number;
  mediationCases: number;
}

/** Defaults seed in a few seconds on two cores; scale with `npm run seed -- --members N --service-records M`. */
export const defaultSeedSize: SeedSize = { members: 20_000, servicePoints: 4_000, serviceRecords: 60_000, mediationCases: 300 };

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const int = (value: string | undefined, fallback: number): number => {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`expected a whole number, got ${JSON.stringify(value)}`);
  return parsed;
};

const flag = (value: string | undefined): boolean => value === '1' || value === 'true' || value === 'yes';

/** The configuration from environment variables (see packages/server/README.md for the list). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
  return {
    port: int(env.PORT, 8080),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: resolve(cwd, env.QJ_DATA_DIR?.trim() || './data'),
    databaseUrl,
    production: env.NODE_ENV === 'production',
    jwtSecret: env.QJ_JWT_SECRET?.trim() || null,
    demoPassword: env.QJ_DEMO_PASSWORD || 'qiangji-demo-2026',
    demoEmbedKey: env.QJ_DEMO_EMBED_KEY || 'qj-demo-embed-key',
    corsOrigins: list(env.QJ_CORS_ORIGINS),
    publicRead: flag(env.QJ_PUBLIC_READ),
    rateLimit: {
      max: int(env.QJ_RATE_LIMIT_MAX, 1200),
      timeWindowMs: int(env.QJ_RATE_LIMIT_WINDOW_MS, 60_000),
      loginMax: int(env.QJ_LOGIN_RATE_LIMIT_MAX, 60),
    },
    accessTokenTtlSeconds: int(env.QJ_ACCESS_TOKEN_TTL, 15 * 60),
    refreshTokenTtlSeconds: int(env.QJ_REFRESH_TOKEN_TTL, 7 * 24 * 3600),
    trustProxy: flag(env.QJ_TRUST_PROXY),
    logLevel: env.LOG_LEVEL?.trim() || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    portalRoot: env.QJ_PORTAL_ROOT?.trim() ? resolve(cwd, env.QJ_PORTAL_ROOT.trim()) : null,
    heartbeatMs: int(env.QJ_SSE_HEARTBEAT_MS, 15_000),
    bodyLimit: int(env.QJ_BODY_LIMIT, 1024 * 1024),
    validateResponses: env.NODE_ENV !== 'production',
    tileHosts: list(env.QJ_TILE_HOSTS ?? 'https://*.tile.openstreetmap.org,https://webrd01.is.autonavi.com,https://webrd02.is.autonavi.com,https://webrd03.is.autonavi.com,https://webrd04.is.autonavi.com'),
  };
}

/** A configuration for tests and tools: defaults plus overrides, never reading process.env. */
export function testConfig(overrides: Partial<ServerConfig> & { dataDir: string }): ServerConfig {
  return { ...loadConfig({ NODE_ENV: 'test' }, overrides.dataDir), ...overrides };
}
