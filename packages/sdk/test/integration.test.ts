/**
 * The SDK against the REAL Plan API (started by the server's test harness): every resource method on its happy
 * path, pagination across pages, the export against /service-points, the mediation flow, live events, and the
 * error classes as the server produces them. No fetch mocks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { QjEvent } from '@qiangji/contract';
import {
  AuthError,
  ConflictError,
  createClient,
  NotFoundError,
  ValidationError,
  type QiangJiClient,
} from '../src/index.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let admin: QiangJiClient;
const CHAOZHOU_BBOX = [116.3, 23.3, 117.4, 24.3] as const;

before(async () => {
  server = await startServer();
  admin = createClient({ baseUrl: server.baseUrl });
  await admin.auth.login({ username: 'city-admin', password: server.password });
});
after(() => server?.close());

const identifyStep = {
  source: 'party_applied',
  disputeType: 'neighbourhood',
  parties: [
    { name: '陈秀英', sex: 'female', ethnicity: '汉族', age: 46, occupation: '个体户', phone: '13800138000', address: '潮州市湘桥区桥东街道下津村1号' },
    { name: '林锦龙', sex: 'male', ethnicity: '汉族', age: 52, occupation: '农民', phone: '13912345678', address: '潮州市湘桥区桥东街道下津村2号' },
  ],
  summary: '相邻两户因排水沟堵塞引发纠纷（测试数据）',
  crux: '排水沟清理责任不清',
};

describe('auth', () => {
  test('login stores tokens, me, refresh, logout clears them and notifies', async () => {
    const client = createClient({ baseUrl: server.baseUrl });
    // The harness server does not allow anonymous reads: before login the client is refused.
    await assert.rejects(client.auth.me(), AuthError);
    const tokens = await client.auth.login({ username: 'xiangqiao-admin', password: server.password });
    assert.equal(tokens.user.username, 'xiangqiao-admin');
    const viewer = await client.auth.me();
    assert.equal(viewer.kind, 'user');
    assert.equal(viewer.user?.orgUnitId, '445102');
    const renewed = await client.auth.refresh();
    assert.notEqual(renewed.refreshToken, tokens.refreshToken);
    assert.equal((await client.auth.me()).kind, 'user');
    let notified = 0;
    client.auth.onLogout(() => (notified += 1));
    await client.auth.logout();
    assert.equal(notified, 1);
    await assert.rejects(client.auth.me(), AuthError, 'no credentials left after logout');
    // The refresh token was revoked on the server (checked with a plain request).
    const replay = await fetch(`${server.baseUrl}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: renewed.refreshToken }),
    });
    assert.equal(replay.status, 401);
  });

  test('wrong password → AuthError with both messages', async () => {
    const error = await createClient({ baseUrl: server.baseUrl }).auth.login({ username: 'city-admin', password: 'not-the-password' }).catch((caught: unknown) => caught);
    assert.ok(error instanceof AuthError);
    assert.equal(error.status, 401);
    assert.ok(error.message && error.messageEn && error.requestId);
  });

  test('a token provider whose token the server refuses: asked once more, then AuthError', async () => {
    let asked = 0;
    const client = createClient({ baseUrl: server.baseUrl, getToken: () => {
      asked += 1;
      return 'not-a-valid-token';
    } });
    await assert.rejects(client.mediationCases.list(), AuthError);
    assert.equal(asked, 2, 'initial token + one renewal');
  });

  test('a token provider supplying a real token works', async () => {
    const tokens = await createClient({ baseUrl: server.baseUrl }).auth.login({ username: 'qiaodong-admin', password: server.password });
    const client = createClient({ baseUrl: server.baseUrl, getToken: async () => tokens.accessToken });
    assert.equal((await client.auth.me()).user?.username, 'qiaodong-admin');
  });
});

describe('plan and tasks', () => {
  test('plan.get and measures.list', async () => {
    const plan = await admin.plan.get();
    assert.equal(plan.measures.length, 8);
    assert.equal(plan.taskCount, 28);
    const { items } = await admin.measures.list();
    assert.deepEqual(items.map((measure) => measure.id), plan.measures.map((measure) => measure.id));
  });

  test('tasks.list with typed filters, get, iterate across pages, toArray', async () => {
    const all = await admin.tasks.list({ limit: 100 });
    assert.equal(all.items.length, 28);
    const firstMeasure = all.items[0]!.measureId;
    const filtered = await admin.tasks.list({ measureId: firstMeasure, status: ['not_started', 'on_track', 'at_risk', 'overdue', 'done'] });
    assert.ok(filtered.items.length > 0 && filtered.items.every((task) => task.measureId === firstMeasure));
    const detail = await admin.tasks.get(all.items[0]!.id);
    assert.equal(detail.task.id, all.items[0]!.id);
    assert.ok(Array.isArray(detail.updates));

    const iterated: string[] = [];
    for await (const task of admin.tasks.iterate({ limit: 5 })) iterated.push(task.id);
    assert.deepEqual(iterated, all.items.map((task) => task.id), '6 pages of 5 give the same 28 tasks in order');
    const seven = await admin.tasks.iterate({ limit: 3 }).toArray({ limit: 7 });
    assert.deepEqual(seven.map((task) => task.id), iterated.slice(0, 7));
    assert.equal((await admin.tasks.iterate().toArray({ limit: 1000 })).length, 28);
  });

  test('tasks.updateProgress records a report', async () => {
    const detail = await admin.tasks.updateProgress('T02', { percent: 37, note: 'SDK 集成测试进度' });
    assert.equal(detail.task.progress, 37);
    assert.ok(detail.updates.some((update) => update.note === 'SDK 集成测试进度'));
    assert.equal((await admin.tasks.get('T02')).task.progress, 37);
  });

  test('server validation errors arrive as ValidationError with the field', async () => {
    const error = await admin.tasks.updateProgress('T02', { percent: 150, note: 'x' }).catch((caught: unknown) => caught);
    assert.ok(error instanceof ValidationError, String(error));
    assert.equal(error.field, 'body.percent');
    assert.ok(error.requestId);
    await assert.rejects(admin.tasks.get('T99'), NotFoundError);
  });
});

describe('organisation, ratings, people', () => {
  test('orgUnits list/get/iterate', async () => {
    const districts = await admin.orgUnits.list({ parentId: '4451' });
    assert.deepEqual(districts.items.map((unit) => unit.id).sort(), ['445102', '445103', '445122']);
    assert.equal((await admin.orgUnits.get('445102')).name, '湘桥区');
    const towns = await admin.orgUnits.iterate({ subtreeOf: '445102', kind: ['town', 'street'], limit: 4 }).toArray({ limit: 100 });
    assert.ok(towns.length > 4 && towns.every((unit) => unit.path.includes('/445102/')));
  });

  test('partyOrganizations list/iterate', async () => {
    const page = await admin.partyOrganizations.list({ subtreeOf: '445102007', limit: 3 });
    assert.ok(page.items.length > 0);
    const all = await admin.partyOrganizations.iterate({ subtreeOf: '445102007', limit: 3 }).toArray({ limit: 10_000 });
    assert.ok(all.length >= page.items.length);
    assert.equal(new Set(all.map((organization) => organization.id)).size, all.length, 'no duplicates across pages');
  });

  test('ratings list/iterate/history/summary/scheme', async () => {
    const scheme = await admin.ratings.scheme();
    assert.ok(scheme.levels.length > 0);
    const page = await admin.ratings.list({ subtreeOf: '445102', limit: 5 });
    assert.ok(page.items.length > 0);
    const history = await admin.ratings.history(page.items[0]!.orgUnitId);
    assert.ok(history.items.length > 0 && history.items.every((rating) => rating.orgUnitId === page.items[0]!.orgUnitId));
    const year = page.items[0]!.year;
    const summary = await admin.ratings.summary({ orgUnitId: '445102', year });
    assert.equal(summary.year, year);
    const counted = await admin.ratings.iterate({ subtreeOf: '445102', year, limit: 50 }).toArray({ limit: 100_000 });
    assert.equal(counted.length, summary.total);
  });

  test('members and serviceRecords list/iterate', async () => {
    const members = await admin.members.list({ orgUnitId: '445102007', limit: 3 });
    assert.equal(members.items.length, 3);
    assert.ok(members.nextCursor);
    const more = await admin.members.iterate({ orgUnitId: '445102007', limit: 3 }).toArray({ limit: 8 });
    assert.equal(more.length, 8);
    const records = await admin.serviceRecords.list({ kind: ['visit'], limit: 5 });
    assert.ok(records.items.every((record) => record.kind === 'visit'));
    assert.equal((await admin.serviceRecords.iterate({ kind: ['visit'], limit: 2 }).toArray({ limit: 5 })).length, 5);
  });
});

describe('service points', () => {
  test('query, get, clusters', async () => {
    const page = await admin.servicePoints.query({ bbox: [...CHAOZHOU_BBOX], type: ['party_service_center'], limit: 10 });
    assert.ok(page.items.length > 0 && page.items.every((point) => point.type === 'party_service_center'));
    const point = await admin.servicePoints.get(page.items[0]!.id);
    assert.deepEqual(point, page.items[0]);
    const clusters = await admin.servicePoints.clusters({ bbox: [...CHAOZHOU_BBOX], zoom: 9 });
    assert.ok(clusters.clusters.length > 0);
    assert.equal(clusters.clusters.reduce((sum, cluster) => sum + cluster.count, 0), clusters.total);
  });

  test('export decodes into typed arrays that match /service-points', async () => {
    const bbox = [116.55, 23.6, 116.75, 23.75] as const;
    const exported = await admin.servicePoints.export({ bbox: [...bbox] });
    const listed = await admin.servicePoints.iterate({ bbox: [...bbox], limit: 500 }).toArray({ limit: 100_000 });
    assert.ok(exported.count > 0);
    assert.equal(exported.count, listed.length);
    assert.equal(exported.lon.length, exported.count);
    const byId = new Map(listed.map((point) => [point.id, point]));
    for (let i = 0; i < exported.count; i++) {
      const point = byId.get(exported.ids[i]!);
      assert.ok(point, `exported ${exported.ids[i]} is listed`);
      assert.equal(exported.lon[i], point.lon);
      assert.equal(exported.lat[i], point.lat);
      assert.equal(exported.types[exported.type[i]!], point.type);
      assert.equal(exported.orgUnitIds[exported.org[i]!], point.orgUnitId);
      assert.equal(exported.records[i], point.recordCount);
    }
  });
});

describe('mediation', () => {
  test('workflow, create → updateStep → advance → back, get, list, iterate', async () => {
    const mediator = createClient({ baseUrl: server.baseUrl });
    await mediator.auth.login({ username: 'qiaodong-mediator', password: server.password });
    const workflow = await mediator.mediationCases.workflow();
    assert.deepEqual(workflow.steps.map((step) => step.id), ['identify', 'awaken', 'brew', 'pour', 'serve', 'reflect']);

    let item = await mediator.mediationCases.create({ orgUnitId: '445102007' });
    assert.equal(item.currentStep, 'identify');
    item = await mediator.mediationCases.updateStep(item.id, { version: item.version, data: identifyStep });
    item = await mediator.mediationCases.advance(item.id, { version: item.version });
    assert.equal(item.currentStep, 'awaken');
    item = await mediator.mediationCases.back(item.id, { version: item.version, reason: '需补充当事人信息' });
    assert.equal(item.currentStep, 'identify');
    assert.deepEqual(item.history.map((entry) => entry.action).slice(-3), ['update', 'advance', 'back']);
    assert.deepEqual((await mediator.mediationCases.get(item.id)).version, item.version);

    const stale = await mediator.mediationCases.advance(item.id, { version: item.version - 1 }).catch((caught: unknown) => caught);
    assert.ok(stale instanceof ConflictError, String(stale));

    const listed = await mediator.mediationCases.list({ orgUnitId: '445102007', status: ['open'], limit: 5 });
    assert.ok(listed.items.length > 0);
    const iterated = await mediator.mediationCases.iterate({ orgUnitId: '445102007', limit: 5 }).toArray({ limit: 10_000 });
    assert.ok(iterated.some((candidate) => candidate.id === item.id));
  });

  test('followUp closes a case at reflect; agreement is HTML', async () => {
    const atReflect = await admin.mediationCases.iterate({ step: ['reflect'], status: ['open'], limit: 50 }).toArray({ limit: 50 });
    const withAgreement = atReflect.find((candidate) => (candidate.steps.serve as { outcome?: string } | undefined)?.outcome === 'agreement');
    assert.ok(withAgreement, 'the seed has an open case at 悟茶 with an agreement');
    const html = await admin.mediationCases.agreement(withAgreement.id);
    assert.match(html, /<html|<!doctype/i);
    assert.match(html, /调解协议书/);
    const closed = await admin.mediationCases.followUp(withAgreement.id, {
      version: withAgreement.version,
      data: { followUpDate: '2025-07-10', performance: 'performed', satisfaction: 5, notes: 'SDK 集成测试回访', judicialConfirmationReminded: true },
    });
    assert.equal(closed.status, 'closed');
  });
});

describe('events', () => {
  test('subscribe receives a progress event; unsubscribe stops it', async () => {
    const received: QjEvent[] = [];
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    let got!: (event: QjEvent) => void;
    const progress = new Promise<QjEvent>((resolve) => (got = resolve));
    const stop = admin.events.subscribe(
      { types: ['task.progress'] },
      (event) => {
        received.push(event);
        if (event.type === 'task.progress' && event.data.taskId === 'T03') got(event);
      },
      { onOpen: () => opened(), onError: (error) => console.error('events error', error) },
    );
    try {
      await open;
      await admin.tasks.updateProgress('T03', { percent: 42, note: 'SDK 事件测试' });
      const event = await progress;
      assert.equal(event.type, 'task.progress');
      assert.equal(event.type === 'task.progress' && event.data.percent, 42);
      assert.ok(event.id);
    } finally {
      stop();
    }
    const count = received.length;
    await admin.tasks.updateProgress('T03', { percent: 43, note: 'after unsubscribe' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(received.length, count, 'no events after unsubscribe');
  });
});
