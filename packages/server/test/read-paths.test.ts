/**
 * The fast read paths stay right: the cached task list follows every write, on the node that wrote and on another
 * node of the same database, and never crosses scopes; a database seeded before the stored task history and the
 * map's activity summary upgrades in place; responses are compressed, except the event stream.
 */
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { openMigrated, seedIfEmpty } from '../src/bootstrap.js';
import { migratorFor } from '../src/db/migrate.js';
import { DEMO_EMBED_KEY, DEMO_PASSWORD, EMBED_ORIGIN, SMALL_SEED, dialects, newStorage, startServer, type Loose, type TestServer } from './harness.js';

const embed = { 'x-qj-embed-key': DEMO_EMBED_KEY, origin: EMBED_ORIGIN };
const taskIn = (list: Loose, id: string): Loose => list.items.find((task: Loose) => task.id === id);

/** A raw HTTP GET (fetch would decode the body): status, headers and the bytes as sent, or the first chunk only. */
function rawGet(url: string, headers: Record<string, string>, firstChunkOnly = false): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      const done = () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (firstChunkOnly) {
          done();
          request.destroy();
        }
      });
      response.on('end', done);
    });
    request.on('error', (error) => (firstChunkOnly ? undefined : reject(error)));
  });
}

for (const dialect of dialects()) {
  describe(`read paths (${dialect})`, () => {
    let server: TestServer;
    let other: TestServer;
    let admin: string;
    before(async () => {
      server = await startServer(dialect);
      // A second API node on the same database.
      other = await startServer(dialect, { reuse: { dataDir: server.config.dataDir, databaseUrl: server.config.databaseUrl } });
      admin = await other.login('city-admin');
    });
    after(async () => {
      await other.close();
      await server.close();
    });

    it('answers the task list from its cache until a write, on the writing node and on another node', async () => {
      const first = await server.api('/api/v1/tasks?limit=50', { headers: embed });
      const again = await server.api('/api/v1/tasks?limit=50', { headers: embed });
      assert.equal(first.status, 200, first.text);
      assert.equal(again.text, first.text);
      const before = taskIn(first.body, 'T07');
      const detail = await server.api('/api/v1/tasks/T07', { headers: embed });
      assert.deepEqual(detail.body.task.history, before.history, 'the list and the detail show the same history');

      const percent = Math.min(100, before.progress + 1);
      const written = await other.api('/api/v1/tasks/T07/progress', { token: admin, body: { percent, note: '缓存测试' } });
      assert.equal(written.status, 201, written.text);
      for (const node of [server, other]) {
        const after = taskIn((await node.api('/api/v1/tasks?limit=50', { headers: embed })).body, 'T07');
        assert.equal(after.progress, percent);
        assert.equal(after.lastUpdate.note, '缓存测试');
        assert.deepEqual(after.history, [...before.history, { at: written.body.task.updatedAt, percent }]);
        assert.deepEqual(after, written.body.task);
      }
    });

    it('keeps viewers of different scopes apart', async () => {
      const city = await server.api('/api/v1/tasks?orgUnitId=445103', { token: await server.login('city-admin') });
      assert.equal(city.status, 200, city.text);
      const district = await server.api('/api/v1/tasks?orgUnitId=445103', { token: await server.login('xiangqiao-admin') });
      assert.equal(district.status, 403, district.text);
      assert.equal(district.body.code, 'out_of_scope');
    });

    it('compresses large JSON answers (gzip or brotli, as accepted) and leaves small ones alone', async () => {
      const path = '/api/v1/service-points/export';
      const plain = await rawGet(`${server.url}${path}`, { ...embed });
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.body.length > 10_000, `export is ${plain.body.length} bytes`);
      const gzip = await rawGet(`${server.url}${path}`, { ...embed, 'accept-encoding': 'gzip' });
      assert.equal(gzip.status, 200);
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.match(String(gzip.headers.vary), /accept-encoding/i);
      assert.ok(gzip.body.length < plain.body.length / 2, `${gzip.body.length} of ${plain.body.length} bytes`);
      assert.deepEqual(JSON.parse(gunzipSync(gzip.body).toString('utf8')), JSON.parse(plain.body.toString('utf8')));
      const brotli = await rawGet(`${server.url}/api/v1/tasks?limit=50`, { ...embed, 'accept-encoding': 'br, gzip' });
      assert.equal(brotli.headers['content-encoding'], 'br');
      const small = await rawGet(`${server.url}/healthz`, { 'accept-encoding': 'gzip' });
      assert.equal(small.status, 200);
      assert.equal(small.headers['content-encoding'], undefined);
    });

    it('never compresses the event stream: the first event arrives as plain text at once', async () => {
      const stream = await rawGet(`${server.url}/api/v1/events`, { ...embed, accept: 'text/event-stream', 'accept-encoding': 'gzip, br' }, true);
      assert.equal(stream.status, 200);
      assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
      assert.equal(stream.headers['content-encoding'], undefined);
      assert.match(stream.body.toString('utf8'), /^retry: \d+\n: connected\n\n/);
    });
  });

  describe(`upgrading a database seeded by an older version (${dialect})`, () => {
    it('backfills the stored task history and the activity summary', async () => {
      const storage = await newStorage(dialect);
      const handle = await openMigrated(storage);
      await seedIfEmpty(handle, { ...SMALL_SEED, demoPassword: DEMO_PASSWORD, demoEmbedKey: DEMO_EMBED_KEY });
      const histories = await handle.db.selectFrom('tasks').select(['id', 'history']).orderBy('id').execute();
      const activity = await handle.db.selectFrom('service_point_activity').selectAll().orderBy('service_point_id').orderBy('kind').orderBy('month').execute();
      assert.ok(activity.length > 1000);
      // Back to the first version's schema, with its data: what an older server left in its data dir.
      const { error } = await migratorFor(handle).migrateTo('0001_initial');
      assert.equal(error, undefined);
      await assert.rejects(handle.db.selectFrom('service_point_activity').selectAll().execute());
      await handle.destroy();

      const upgraded = await startServer(dialect, { reuse: storage });
      try {
        assert.deepEqual(await upgraded.handle.db.selectFrom('tasks').select(['id', 'history']).orderBy('id').execute(), histories);
        const rows = await upgraded.handle.db.selectFrom('service_point_activity').selectAll().orderBy('service_point_id').orderBy('kind').orderBy('month').execute();
        assert.deepEqual(rows.map((row) => ({ ...row, records: Number(row.records) })), activity.map((row) => ({ ...row, records: Number(row.records) })));
        const list = await upgraded.api('/api/v1/tasks?limit=50', { headers: embed });
        assert.equal(list.status, 200, list.text);
        const updates = await upgraded.handle.db.selectFrom('progress_updates').select(['at', 'percent']).where('task_id', '=', 'T01').orderBy('at').orderBy('id').execute();
        assert.ok(updates.length > 5);
        assert.deepEqual(taskIn(list.body, 'T01').history, updates.map((update) => ({ at: update.at, percent: Number(update.percent) })));
      } finally {
        await upgraded.close();
      }
    });
  });
}
