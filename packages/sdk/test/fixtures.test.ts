/**
 * The fixtures transport (Storybook/docs only) answers every route with data that passes the contract's own
 * response schemas, and its failure injection works. This tests the fixtures themselves; the SDK's integration
 * tests never use them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { QjEventSchema, routes, type QjEvent, type RouteName } from '@qiangji/contract';
import { createClient, ForbiddenError, NotFoundError, QiangJiError } from '../src/index.js';
import { CHAOZHOU_BOUNDS, createFixturesTransport } from '../src/fixtures.js';

const baseUrl = 'https://fixtures.invalid';

/** Runs a client call and checks the answer against the route's response schema. */
function checker() {
  const seen = new Set<RouteName>();
  return {
    seen,
    async check<T>(name: RouteName, call: Promise<T>): Promise<T> {
      const result = await call;
      const schema = (routes[name] as { response?: v.GenericSchema }).response;
      if (schema) {
        const parsed = v.safeParse(schema, result);
        assert.ok(parsed.success, `${name}: ${JSON.stringify(parsed.issues?.slice(0, 3).map((issue) => [v.getDotPath(issue), issue.message]))}`);
      }
      seen.add(name);
      return result;
    },
  };
}

describe('fixtures transport', () => {
  test('answers every route with data valid under the contract', async () => {
    const transport = createFixturesTransport({ eventIntervalMs: 0 });
    const client = createClient({ baseUrl, fetch: transport });
    const { check, seen } = checker();
    const tokens = await check('login', client.auth.login({ username: 'city-admin', password: 'demo' }));
    await check('refresh', client.auth.refresh());
    assert.notEqual((await client.auth.refresh()).accessToken, tokens.accessToken);
    await check('me', client.auth.me());
    const plan = await check('getPlan', client.plan.get());
    assert.equal(plan.measures.length, 8);
    assert.equal(plan.taskCount, 28);
    await check('listMeasures', client.measures.list());
    const tasks = await check('listTasks', client.tasks.list({ limit: 100 }));
    assert.equal(tasks.items.length, 28);
    await check('getTask', client.tasks.get('T01'));
    const reported = await check('reportProgress', client.tasks.updateProgress('T01', { percent: 100, note: '完成' }));
    assert.equal(reported.task.status, 'done');
    await check('listOrgUnits', client.orgUnits.list({ parentId: '4451' }));
    await check('getOrgUnit', client.orgUnits.get('445102'));
    await check('listPartyOrganizations', client.partyOrganizations.list({ subtreeOf: '445102' }));
    await check('getRatingScheme', client.ratings.scheme());
    const ratings = await check('listRatings', client.ratings.list({ year: 2025 }));
    const history = await check('getRatingHistory', client.ratings.history(ratings.items[0]!.orgUnitId));
    assert.ok(history.items.length >= 2, 'ratings have history');
    await check('getRatingSummary', client.ratings.summary({ year: 2025, orgUnitId: '445102' }));
    await check('listMembers', client.members.list({ limit: 5 }));
    await check('listServiceRecords', client.serviceRecords.list({ kind: ['visit'] }));
    const points = await check('listServicePoints', client.servicePoints.query({ bbox: [116.5, 23.5, 117.2, 24.1], limit: 500 }));
    await check('getServicePoint', client.servicePoints.get(points.items[0]!.id));
    await check('clusterServicePoints', client.servicePoints.clusters({ bbox: [116.5, 23.5, 117.2, 24.1], zoom: 10 }));
    // The raw columnar answer is what the schema describes; the client decodes it into typed arrays.
    await check('exportServicePoints', transport(`${baseUrl}/api/v1/service-points/export`).then((response) => response.json()));
    const raw = await client.servicePoints.export();
    assert.equal(raw.lon.length, raw.count);
    assert.ok(raw.count >= 2000, 'a few thousand points');
    for (let i = 0; i < raw.count; i++) {
      assert.ok(raw.lon[i]! >= CHAOZHOU_BOUNDS.west && raw.lon[i]! <= CHAOZHOU_BOUNDS.east, 'lon inside Chaozhou');
      assert.ok(raw.lat[i]! >= CHAOZHOU_BOUNDS.south && raw.lat[i]! <= CHAOZHOU_BOUNDS.north, 'lat inside Chaozhou');
    }
    const branch = (await client.ratings.list({ year: 2025, limit: 1 })).items[0]!.orgUnitId;
    const recorded = await check('recordRating', client.ratings.record(branch, 2026, {
      score: 90, breakdown: ['political', 'organization', 'members', 'service', 'development'].map((id) => ({ id, score: 18 })), flags: [], brands: [], stage: 'self',
    }));
    assert.deepEqual([recorded.stars, recorded.year], [4, 2026]);
    assert.ok((await client.ratings.history(branch)).items.some((rating) => rating.year === 2026), 'the recorded year shows in the history');
    await check('getMediationWorkflow', client.mediationCases.workflow());
    await check('listMediationCases', client.mediationCases.list());
    let item = await check('createMediationCase', client.mediationCases.create({ orgUnitId: '445102007' }));
    item = await check('updateMediationStep', client.mediationCases.updateStep(item.id, {
      version: item.version,
      data: {
        source: 'party_applied', disputeType: 'neighbourhood', summary: '排水沟纠纷', crux: '清理责任',
        parties: [0, 1].map((n) => ({ name: `当事人${n}`, sex: 'male', ethnicity: '汉族', age: 40, occupation: '农民', phone: '13800138000', address: '潮州市' })),
      },
    }));
    item = await check('advanceMediationCase', client.mediationCases.advance(item.id, { version: item.version }));
    assert.equal(item.currentStep, 'awaken');
    item = await check('backMediationCase', client.mediationCases.back(item.id, { version: item.version, reason: '补充材料' }));
    assert.equal(item.currentStep, 'identify');
    assert.equal((await check('getMediationCase', client.mediationCases.get(item.id))).version, item.version);
    const cases = await client.mediationCases.list({ step: ['reflect'] });
    const atReflect = cases.items[0]!;
    assert.match(await client.mediationCases.agreement(atReflect.id), /人民调解协议书/);
    seen.add('getMediationAgreement');
    const closed = await check('followUpMediationCase', client.mediationCases.followUp(atReflect.id, {
      version: atReflect.version,
      data: { followUpDate: '2025-07-10', performance: 'performed', satisfaction: 5, notes: '', judicialConfirmationReminded: true },
    }));
    assert.equal(closed.status, 'closed');
    const events = await new Promise<QjEvent[]>((resolve) => {
      const received: QjEvent[] = [];
      const stop = client.events.subscribe({}, (event) => {
        received.push(event);
        if (received.length === 1) {
          stop();
          resolve(received);
        }
      }, { lastEventId: '0' });
    });
    assert.ok(v.is(QjEventSchema, events[0]), 'events are QjEvents');
    seen.add('events');
    await check('logout', transport(`${baseUrl}/api/v1/auth/logout`, { method: 'POST', body: '{}', headers: { authorization: 'Bearer demo' } }).then((response) => response.json()));
    await client.auth.logout();
    await assert.rejects(client.mediationCases.list(), { name: 'AuthError' });
    assert.deepEqual([...seen].sort(), (Object.keys(routes) as RouteName[]).sort(), 'every route exercised');
  });

  test('is deterministic: same seed, same data', async () => {
    const first = createClient({ baseUrl, fetch: createFixturesTransport() });
    const second = createClient({ baseUrl, fetch: createFixturesTransport() });
    assert.deepEqual(await first.servicePoints.query({ limit: 50 }), await second.servicePoints.query({ limit: 50 }));
    assert.deepEqual(await first.ratings.list({ limit: 50 }), await second.ratings.list({ limit: 50 }));
  });

  test('failure injection: fail, forbidden, empty, latency', async () => {
    const client = createClient({
      baseUrl,
      retries: 0,
      fetch: createFixturesTransport({
        fail: { route: 'getPlan', status: 500 },
        forbidden: ['listMembers'],
        empty: ['listTasks', 'exportServicePoints', 'getOrgUnit'],
        latencyMs: 30,
      }),
      token: 'demo',
    });
    await assert.rejects(client.plan.get(), (error: QiangJiError) => error.status === 500 && error.code === 'internal');
    await assert.rejects(client.members.list(), ForbiddenError);
    assert.deepEqual(await client.tasks.list(), { items: [], nextCursor: null });
    assert.equal((await client.servicePoints.export()).lon.length, 0);
    await assert.rejects(client.orgUnits.get('4451'), NotFoundError);
    await assert.rejects(client.plan.get({ timeoutMs: 10 }), { name: 'TimeoutError' });
  });

  test('validates input like the API: bad query → ValidationError with the field', async () => {
    const client = createClient({ baseUrl, fetch: createFixturesTransport() });
    // Bypass the types to send what a URL could contain.
    const error = await client.tasks.list({ limit: 0 }).catch((caught: unknown) => caught);
    assert.ok(error instanceof QiangJiError && error.status === 400 && error.field === 'query.limit', String(error));
  });
});
