/** Health probes, the OpenAPI document, the API reference UI at /docs, and the pages served at `/`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openApiDocument } from '@qiangji/contract';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ApiHttpError, sendApiError } from '../http/errors.js';
import { cspNonce } from '../http/security.js';
import { registerStaticSite } from '../http/static-site.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const probe = (summary: string, summaryZh: string) => ({
  get: {
    operationId: summary === 'Liveness' ? 'healthz' : 'readyz',
    tags: ['system'],
    summary,
    'x-summary-zh': summaryZh,
    security: [],
    responses: {
      '200': {
        description: summary,
        content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] } } },
      },
      '503': { description: 'Not ready (未就绪)', content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } },
    },
  },
});

/** The document served at /openapi.json: the contract's routes plus the health probes. */
export function serverOpenApiDocument() {
  const document = openApiDocument({ extraPaths: { '/healthz': probe('Liveness', '存活检查'), '/readyz': probe('Readiness: database reachable', '就绪检查') } });
  return { ...document, tags: [...document.tags, { name: 'system', description: '运行状态 · Health probes' }] };
}

interface PortalHook {
  /** Directory of the portal's pages. */
  portalRoot?: string;
  /** Third-party files its pages load (e.g. /vendor/jquery/), served from node_modules. */
  portalVendorDirs?: () => Array<{ prefix: string; root: string }>;
}

/**
 * The demo portal's own description of what to serve (packages/portal/src/serve.ts), loaded at run time when present
 * so that the server has no build-time dependency on the portal.
 */
async function loadPortalHook(): Promise<PortalHook> {
  const module = join(repoRoot, 'packages/portal/src/serve.ts');
  if (!existsSync(module)) return {};
  return (await import(pathToFileURL(module).href)) as PortalHook;
}

/** Where the demo portal lives: configured, announced by the portal package, or a directory with an index.html. */
export function findPortalRoot(configured: string | null, announced?: string): string | null {
  const candidates = configured ? [configured] : [...(announced ? [announced] : []), join(repoRoot, 'packages/portal/dist'), join(repoRoot, 'packages/portal/public')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

const landingPage = (nonce: string) => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>强基 QiangJi Plan API</title>
<style nonce="${nonce}">body{font:16px/1.6 system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em}a{color:#b3261e}</style></head>
<body><h1>强基 QiangJi Plan API</h1>
<p>潮州市基层党组织建设强基工程 · 计划接口。The Plan API of Chaozhou's grassroots Party-building plan.</p>
<ul><li><a href="/docs">接口文档 · API reference</a></li><li><a href="/openapi.json">OpenAPI 3.1</a></li><li><a href="/healthz">/healthz</a></li></ul>
</body></html>`;

export async function systemRoutes(app: FastifyInstance, state: { closing: boolean }): Promise<void> {
  const { db, handle } = app.services;

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    if (state.closing) return sendApiError(request, reply, new ApiHttpError(503, 'service_unavailable'));
    try {
      const seeded = await db.selectFrom('meta').select('key').where('key', '=', 'seed').executeTakeFirst();
      await sql`select 1`.execute(db);
      return { status: 'ready', database: handle.dialect, seeded: !!seeded };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return sendApiError(request, reply, new ApiHttpError(503, 'service_unavailable'));
    }
  });

  const document = serverOpenApiDocument();
  app.get('/openapi.json', async (_request, reply) => reply.header('cache-control', 'no-cache').send(document));

  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null, tryItOutEnabled: true },
    theme: { title: '强基 QiangJi Plan API' },
  });

  const bundle = join(repoRoot, 'dist/cdn');
  if (existsSync(bundle)) await registerStaticSite(app, { root: bundle, prefix: '/cdn/', maxAge: '3600' });
  const hook = await loadPortalHook();
  const portal = findPortalRoot(app.services.config.portalRoot, hook.portalRoot);
  if (portal) {
    for (const dir of hook.portalVendorDirs?.() ?? []) {
      if (existsSync(dir.root)) await registerStaticSite(app, { root: dir.root, prefix: dir.prefix, maxAge: '86400' });
    }
    await registerStaticSite(app, { root: portal, prefix: '/' });
  } else {
    app.get('/', async (request, reply) => reply.type('text/html; charset=utf-8').send(landingPage(cspNonce(request.raw))));
  }
}
