/**
 * Response compression (brotli, gzip or deflate, as the client accepts) for the text the server sends — JSON,
 * HTML, JavaScript, CSS, SVG — from 1 KB up. Never for the event stream: text/event-stream must reach the client
 * event by event, not sit in a compressor's buffer (the stream route writes to the raw socket, and its type is
 * outside the list anyway). Request bodies are not decompressed: a Content-Encoding on a request stays unsupported.
 */
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

export const COMPRESSIBLE = /^(?:application\/(?:json|javascript|[\w.-]+\+json)|text\/(?:html|css|javascript)|image\/svg\+xml)(?:;|$)/;

/** Register before the routes: the plugin hooks every route added after it. */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { global: true, globalDecompression: false, threshold: 1024, encodings: ['br', 'gzip', 'deflate'], customTypes: COMPRESSIBLE });
}
