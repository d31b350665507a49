/**
 * Response hardening: helmet with a strict CSP (per-request nonce for served pages), CORS from configured origins
 * plus every embed key's origins, rate limiting with ApiError bodies, and X-Request-Id on every answer.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { EmbedKeyStore } from '../auth/embed-keys.js';
import { normalizeOrigin } from '../auth/embed-keys.js';

const nonces = new WeakMap<IncomingMessage, string>();

/** The CSP nonce of this request (created on first use), for `<script nonce>` / `<style nonce>` in served pages. */
export function cspNonce(request: IncomingMessage): string {
  let nonce = nonces.get(request);
  if (!nonce) {
    nonce = randomBytes(16).toString('base64');
    nonces.set(request, nonce);
  }
  return nonce;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Accepts a caller's X-Request-Id when it is a safe token; otherwise makes one. */
export function requestIdFor(request: IncomingMessage | null): string {
  const incoming = request?.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomBytes(12).toString('base64url');
}

export const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-QJ-Embed-Key', 'Last-Event-ID', 'Accept-Language', 'X-Request-Id'];
export const EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed'];

export async function registerSecurity(app: FastifyInstance, config: ServerConfig, embedKeys: EmbedKeyStore): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const nonceSource = (request: IncomingMessage) => `'nonce-${cspNonce(request)}'`;
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", nonceSource as never],
        styleSrc: ["'self'", nonceSource as never],
        imgSrc: ["'self'", 'data:', ...config.tileHosts],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    // API answers and the drop-in bundle are read from other sites' pages (CORS decides for fetches).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    // Same-origin requests keep a Referer, which the embed-key origin check may need.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: config.production ? { maxAge: 15_552_000, includeSubDomains: true } : false,
  });

  const configured = new Set(config.corsOrigins.map((origin) => normalizeOrigin(origin) ?? origin));
  await app.register(cors, {
    origin: (origin, callback) => {
      if (!origin) return callback(null, false);
      const normalized = normalizeOrigin(origin);
      if (!normalized) return callback(null, false);
      if (configured.has(normalized)) return callback(null, true);
      embedKeys.allowsOrigin(normalized).then(
        (allowed) => callback(null, allowed),
        () => callback(null, false),
      );
    },
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
    credentials: false,
  });

  await app.register(rateLimit, {
    global: true,
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.timeWindowMs,
    // Health probes must not be starved by a busy client.
    allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
    // Thrown into the error handler, which answers with an ApiError (429 rate_limited; 403 when banned).
    errorResponseBuilder: (_request, context) => Object.assign(new Error('rate limited'), { statusCode: context.statusCode }),
  });
}
