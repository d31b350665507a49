/**
 * The baseline of the list-endpoint bench: a bare Fastify app (defaults: no hooks, plugins, auth, validation or
 * database) answering GET /api/v1/tasks with a fixed JSON object — the body QiangJi's own /api/v1/tasks?limit=20
 * returned — serialised on every request like any route. Prints `QJ_URL <url>`.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = JSON.parse(readFileSync(process.env.QJ_BARE_BODY_FILE ?? '', 'utf8')) as unknown;
const app = Fastify({ logger: false });
app.get('/api/v1/tasks', async () => body);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`QJ_URL ${url}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
