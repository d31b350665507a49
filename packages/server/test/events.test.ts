/**
 * Server-Sent Events: live changes, filters and scope, resuming with Last-Event-ID without gaps or duplicates,
 * and — on PostgreSQL — a write on one API node reaching a subscriber on another (LISTEN/NOTIFY).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { dialects, newStorage, openEventStream, startServer, type TestServer } from './harness.js';

for (const dialect of dialects()) {
  describe(`events (${dialect})`, () => {
    let server: TestServer;
    let admin: string;
    before(async () => {
      server = await startServer(dialect);
      admin = await server.login('city-admin');
    });
    after(async () => {
      await server.close();
    });

    const progress = (taskId: string, percent: number, on = server) =>
      on.api(`/api/v1/tasks/${taskId}/progress`, { token: admin, body: { percent, note: `事件测试 ${percent}` } }).then((response) => assert.equal(response.status, 201, response.text));
    const createCase = (orgUnitId: string) =>
      server.api('/api/v1/mediation-cases', { token: admin, body: { orgUnitId } }).then((response) => {
        assert.equal(response.status, 201, response.text);
        return response.body.id as string;
      });

    it('streams changes live, and resumes after a disconnect with exactly the missed events', async () => {
      const stream = await openEventStream(`${server.url}/api/v1/events`, { authorization: `Bearer ${admin}` });
      await progress('T07', 10);
      await progress('T07', 20);
      const caseId = await createCase('445102007');
      const live = await stream.take(3);
      stream.close();
      assert.deepEqual(live.map((event) => event.data.type), ['task.progress', 'task.progress', 'case.created']);
      assert.deepEqual(live.map((event) => event.data.data.percent ?? event.data.data.caseId), [10, 20, caseId]);
      assert.deepEqual(live.map((event) => event.data.id), live.map((event) => event.id));
      const ids = live.map((event) => Number(event.id));
      assert.ok(ids[0]! < ids[1]! && ids[1]! < ids[2]!);

      // Disconnected after the second event was processed: resume from it.
      await progress('T07', 30);
      const advanced = await server.api(`/api/v1/mediation-cases/${caseId}/back`, { token: admin, body: { version: 1, reason: '不可退' } });
      assert.equal(advanced.status, 409, 'a refused write emits nothing');
      await progress('T08', 40);
      const resumed = await openEventStream(`${server.url}/api/v1/events`, { authorization: `Bearer ${admin}`, 'last-event-id': live[1]!.id });
      const replay = await resumed.take(3);
      const extra = await resumed.take(1, 300);
      resumed.close();
      assert.deepEqual(extra, [], 'nothing more than the missed events');
      assert.deepEqual(
        replay.map((event) => [event.data.type, event.data.data.percent ?? null]),
        [
          ['case.created', null],
          ['task.progress', 30],
          ['task.progress', 40],
        ],
      );
      assert.equal(replay[0]!.id, live[2]!.id, 'no gap: starts right after the last seen event');
      const replayIds = replay.map((event) => Number(event.id));
      assert.deepEqual(replayIds, [...replayIds].sort((a, b) => a - b));
      assert.equal(new Set(replayIds).size, replayIds.length, 'no duplicates');
    });

    it('replays then continues live on the same connection, with lastEventId in the query too', async () => {
      const before = await server.handle.db.selectFrom('events').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      await progress('T09', 5);
      const stream = await openEventStream(`${server.url}/api/v1/events?lastEventId=${before.seq}`, { authorization: `Bearer ${admin}` });
      await progress('T09', 6);
      const events = await stream.take(2);
      stream.close();
      assert.deepEqual(events.map((event) => event.data.data.percent), [5, 6]);
      assert.deepEqual(events.map((event) => Number(event.id)), [before.seq + 1, before.seq + 2]);
    });

    it('filters by type and org unit, and only within the viewer’s scope', async () => {
      const town = await server.login('qiaodong-admin');
      const townStream = await openEventStream(`${server.url}/api/v1/events`, { authorization: `Bearer ${town}` });
      const casesOnly = await openEventStream(`${server.url}/api/v1/events?types=case.created&orgUnitId=445102008`, { authorization: `Bearer ${admin}` });
      const outside = await createCase('445102008');
      const inside = await createCase('445102007201');
      await progress('T10', 15);
      const townEvents = await townStream.take(2);
      const townExtra = await townStream.take(1, 300);
      townStream.close();
      assert.deepEqual(townExtra, []);
      assert.deepEqual(
        townEvents.map((event) => event.data.data.caseId ?? event.data.data.taskId),
        [inside, 'T10'],
        'the town sees its own case and the plan-wide task, not the other street’s case',
      );
      const filtered = await casesOnly.take(2, 300);
      casesOnly.close();
      assert.deepEqual(filtered.map((event) => event.data.data.caseId), [outside]);
    });

    it('refuses bad resume points and out-of-scope filters with ApiError', async () => {
      const bad = await server.api('/api/v1/events', { token: admin, headers: { 'last-event-id': 'abc' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.field, 'header.last-event-id');
      const town = await server.login('qiaodong-admin');
      const outside = await server.api('/api/v1/events?orgUnitId=445103', { token: town });
      assert.equal(outside.status, 403);
      assert.equal(outside.body.field, 'query.orgUnitId');
      assert.equal((await server.api('/api/v1/events')).status, 401);
    });

    if (dialect === 'postgres') {
      it('delivers a write on node A to a subscriber on node B (LISTEN/NOTIFY)', async () => {
        const storage = await newStorage('postgres');
        const nodeA = await startServer('postgres', { reuse: storage });
        // No heartbeat catch-up on B: only NOTIFY can wake its streams.
        const nodeB = await startServer('postgres', { reuse: storage, config: { heartbeatMs: 600_000 } });
        try {
          const token = await nodeA.login('city-admin');
          const onB = await openEventStream(`${nodeB.url}/api/v1/events`, { authorization: `Bearer ${token}` });
          await nodeA.api('/api/v1/tasks/T11/progress', { token, body: { percent: 55, note: '节点A写入' } });
          const [event] = await onB.take(1, 3000);
          onB.close();
          assert.equal(event?.data.data.taskId, 'T11');
          assert.equal(event?.data.data.percent, 55);

          const resumeFrom = event!.id;
          await nodeA.api('/api/v1/tasks/T11/progress', { token, body: { percent: 60, note: '节点A写入2' } });
          await nodeB.api('/api/v1/tasks/T12/progress', { token, body: { percent: 61, note: '节点B写入' } });
          const resumed = await openEventStream(`${nodeA.url}/api/v1/events`, { authorization: `Bearer ${token}`, 'last-event-id': resumeFrom });
          const missed = await resumed.take(2);
          resumed.close();
          assert.deepEqual(missed.map((item) => item.data.data.percent), [60, 61]);
        } finally {
          await nodeA.close();
          await nodeB.close();
          rmSync(storage.dataDir, { recursive: true, force: true });
        }
      });
    }
  });
}
