/**
 * Serves a directory of static files. In .html files every `{{nonce}}` placeholder becomes this request's CSP
 * nonce, so pages can carry `<script nonce="{{nonce}}">` / `<link nonce="{{nonce}}">` under the strict CSP.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ApiHttpError, sendApiError } from './errors.js';
import { cspNonce } from './security.js';

export interface StaticSiteOptions {
  /** Directory to serve. */
  root: string;
  /** URL prefix, e.g. '/' or '/cdn/'. */
  prefix: string;
  /** Cache-Control for non-HTML files. */
  maxAge?: string;
}

export async function registerStaticSite(app: FastifyInstance, options: StaticSiteOptions): Promise<void> {
  const root = resolve(options.root);
  const prefix = options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
  await app.register(async (site) => {
    await site.register(fastifyStatic, { root, serve: false, decorateReply: true });
    site.get(`${prefix}*`, async (request, reply) => {
      const wildcard = (request.params as Record<string, string>)['*'] ?? '';
      let relative = normalize(decodeURIComponent(wildcard)).replace(/^(\.\.(\/|\\|$))+/, '');
      if (relative === '.' || relative === '' || relative.endsWith('/')) relative = join(relative, 'index.html');
      const file = join(root, relative);
      if (!(file === root || file.startsWith(root + sep)) || !existsSync(file)) return sendApiError(request, reply, new ApiHttpError(404, 'not_found'));
      const target = statSync(file).isDirectory() ? join(file, 'index.html') : file;
      if (!existsSync(target)) return sendApiError(request, reply, new ApiHttpError(404, 'not_found'));
      if (extname(target) === '.html') {
        const html = (await readFile(target, 'utf8')).replaceAll('{{nonce}}', cspNonce(request.raw));
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
      }
      return reply.header('cache-control', `public, max-age=${options.maxAge ?? '300'}`).sendFile(target.slice(root.length + 1), root);
    });
  });
}
