/**
 * The API end to end on each dialect: every route answers with its contract shape (the server checks responses
 * against the contract in tests), OpenAPI validates and covers every route, pagination, map clusters and export,
 * ratings summaries, served pages with their CSP, request ids, and a restart keeping the data.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { API_PREFIX, openApiPath, routes, type RouteName } from '@qiangji/contract';
import { buildApp } from '../src/app.js';
import { districtShapes, shapeContains } from '../src/seed/geo.js';
import { dialects, newStorage, startServer, type Loose, type TestServer } from './harness.js';

/** One representative successful request per route (keyed by route name, so a new route fails to compile here). */
export const sampleRequests: Record<RouteName, { path: string; body?: unknown; user?: string }> = {
  login: { path: '/auth/login' },
  refresh: { path: '/auth/refresh' },
  logout: { path: '/auth/logout', body: {} },
  me: { path: '/auth/me' },
  getPlan: { path: '/plan' },
  listMeasures: { path: '/measures' },
  listTasks: { path: '/tasks?measureId=M1&status=on_track,at_risk,overdue,done,not_started&limit=5' },
  getTask: { path: '/tasks/T01' },
  reportProgress: { path: '/tasks/T03/progress', body: { percent: 70, note: '完成年度读书班', evidence: ['https://example.org/report.pdf'] } },
  listOrgUnits: { path: '/org-units?parentId=445102&limit=5' },
  getOrgUnit: { path: '/org-units/445102007200' },
  listPartyOrganizations: { path: '/party-organizations?subtreeOf=445102007&limit=5' },
  getRatingScheme: { path: '/ratings/scheme' },
  listRatings: { path: '/ratings?subtreeOf=445102&year=2025&limit=5' },
  getRatingHistory: { path: '/ratings/history/445102007200' },
  recordRating: {
    path: '/org-units/445102007200/ratings/2026',
    body: { score: 88, breakdown: ['political', 'organization', 'members', 'service', 'development'].map((id, index) => ({ id, score: index % 2 ? 17 : 18 })), flags: [], brands: [], stage: 'self' },
  },
  getRatingSummary: { path: '/ratings/summary?orgUnitId=445102&year=2025' },
  listMembers: { path: '/members?orgUnitId=445102007&limit=5' },
  listServiceRecords: { path: '/service-records?kind=visit,volunteer&from=2025-01-01&to=2025-12-31&limit=5' },
  listServicePoints: { path: '/service-points?bbox=116.3,23.3,117.3,24.1&type=party_service_center&limit=5' },
  getServicePoint: { path: '/service-points/sp000001' },
  clusterServicePoints: { path: '/service-points/clusters?bbox=116.3,23.3,117.3,24.1&zoom=10' },
  exportServicePoints: { path: '/service-points/export' },
  getMediationWorkflow: { path: '/mediation-workflow' },
  listMediationCases: { path: '/mediation-cases?status=open&limit=5' },
  createMediationCase: { path: '/mediation-cases', body: { orgUnitId: '445102007', identify: { summary: '邻里纠纷' } } },
  getMediationCase: { path: '/mediation-cases/mc00001' },
  updateMediationStep: { path: '/mediation-cases/{case}/step' },
  advanceMediationCase: { path: '/mediation-cases/{case}/advance' },
  backMediationCase: { path: '/mediation-cases/{case}/back' },
  followUpMediationCase: { path: '/mediation-cases/{case}/follow-up' },
  getMediationAgreement: { path: '/mediation-cases/{agreement}/agreement' },
  events: { path: '/events' },
};

for (const dialect of dialects()) {
  describe(`API (${dialect})`, () => {
    let server: TestServer;
    let token: string;
    before(async () => {
      server = await startServer(dialect);
      token = await server.login('city-admin');
    });
    after(async () => {
      await server.close();
    });

    it('answers /healthz and /readyz with seeded data', async () => {
      assert.deepEqual((await server.api('/healthz')).body, { status: 'ok' });
      const ready = await server.api('/readyz');
      assert.equal(ready.status, 200);
      assert.deepEqual(ready.body, { status: 'ready', database: dialect, seeded: true });
    });

    it('answers every JSON GET route with its contract shape', async () => {
      const agreementCase = (await server.api('/api/v1/mediation-cases?status=closed&limit=100', { token })).body.items.find((item: Loose) => item.steps.serve?.outcome === 'agreement');
      assert.ok(agreementCase, 'the seed has a closed case with an agreement');
      for (const [name, route] of Object.entries(routes)) {
        if (route.method !== 'GET' || name === 'events') continue;
        const path = sampleRequests[name as RouteName].path.replace('{agreement}', agreementCase.id);
        const response = await server.api(`${API_PREFIX}${path}`, { token });
        assert.equal(response.status, 200, `${name} ${path}: ${response.text.slice(0, 300)}`);
        if (!('produces' in route)) assert.equal(typeof response.body, 'object', name);
      }
    });

    it('serves /openapi.json that validates and documents every route', async () => {
      const response = await server.api('/openapi.json');
      assert.equal(response.status, 200);
      const document = response.body;
      for (const [name, route] of Object.entries(routes)) {
        const operation = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
        assert.ok(operation, `${name} is documented`);
        assert.equal(operation.operationId, name);
      }
      assert.ok(document.paths['/healthz']?.get && document.paths['/readyz']?.get);
      await SwaggerParser.validate(structuredClone(document));
    });

    it('serves the API reference at /docs and a landing page, under a strict CSP', async () => {
      const docs = await server.api('/docs/');
      assert.equal(docs.status, 200);
      assert.match(docs.text, /swagger-ui-bundle\.js/);
      assert.doesNotMatch(docs.text, /<script>(?!\s*<\/script>)/, 'no inline script');
      assert.equal((await server.api('/docs/static/swagger-ui-bundle.js')).status, 200);
      const page = await server.api('/');
      const csp = page.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      assert.ok(nonce, csp);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /object-src 'none'/);
      assert.match(csp, /frame-ancestors 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.ok(page.text.includes(`nonce="${nonce}"`), 'the page uses the nonce of its CSP');
      const second = await server.api('/');
      assert.notEqual(/'nonce-([^']+)'/.exec(second.headers.get('content-security-policy') ?? '')?.[1], nonce, 'a fresh nonce per request');
    });

    it('serves a portal directory at / with the CSP nonce injected into its pages', async () => {
      const portal = mkdtempSync(join(tmpdir(), 'qj-portal-'));
      writeFileSync(join(portal, 'index.html'), '<!DOCTYPE html><link nonce="{{nonce}}" rel="stylesheet" href="site.css"><script nonce="{{nonce}}" type="module" src="app.js"></script>');
      writeFileSync(join(portal, 'app.js'), 'export {};');
      writeFileSync(join(portal, 'site.css'), 'body{}');
      const site = await startServer(dialect, { config: { portalRoot: portal } });
      try {
        const page = await site.api('/');
        const nonce = /script-src[^;]*'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
        assert.ok(nonce);
        assert.equal(page.text.split(`nonce="${nonce}"`).length, 3, 'both placeholders carry this response’s nonce');
        assert.equal((await site.api('/app.js')).status, 200);
        assert.equal((await site.api('/index.html')).text.includes('{{nonce}}'), false);
        assert.equal((await site.api('/%2e%2e/%2e%2e/package.json')).status, 404);
        assert.equal((await site.api('/api/v1/plan')).status, 401, 'the API is not shadowed by the site');
      } finally {
        await site.close();
        rmSync(portal, { recursive: true, force: true });
      }
    });

    it('answers a real failure with a bare 500 ApiError (no message, no stack)', async () => {
      const app = await buildApp(server.config, { handle: server.handle });
      app.get('/boom', async () => {
        throw new Error('secret internal detail');
      });
      try {
        const response = await app.inject({ url: '/boom' });
        assert.equal(response.statusCode, 500);
        const body = response.json();
        assert.deepEqual(Object.keys(body).sort(), ['code', 'message', 'messageEn', 'requestId']);
        assert.equal(body.code, 'internal');
        assert.doesNotMatch(response.body, /secret internal detail|stack|at /);
      } finally {
        await app.close();
      }
    });

    it('sends X-Request-Id, keeping a safe incoming one', async () => {
      const kept = await server.api('/healthz', { headers: { 'x-request-id': 'req-12345678' } });
      assert.equal(kept.headers.get('x-request-id'), 'req-12345678');
      const replaced = await server.api('/api/v1/nothing', { headers: { 'x-request-id': 'bad id <script>' } });
      assert.notEqual(replaced.headers.get('x-request-id'), 'bad id <script>');
      assert.equal(replaced.body.requestId, replaced.headers.get('x-request-id'));
      assert.equal(replaced.status, 404);
      assert.equal(replaced.body.code, 'not_found');
    });

    it('pages through all org units with cursors, without duplicates', async () => {
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response: Loose = await server.api(`/api/v1/org-units?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token });
        assert.equal(response.status, 200);
        for (const unit of response.body.items) {
          assert.ok(!seen.has(unit.id), `duplicate ${unit.id}`);
          seen.add(unit.id);
        }
        cursor = response.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      // city + 3 districts + 51 towns/streets + 1,034 villages/communities + 42 organs/enterprises/schools/hospitals/…
      assert.equal(seen.size, 1 + 3 + 51 + 1034 + 42);
      const byKind = await server.api('/api/v1/org-units?kind=village,community&limit=500', { token });
      assert.equal(byKind.body.items.length, 500);
    });

    it('searches org units by name and by code, lists children and subtrees', async () => {
      const byName = await server.api(`/api/v1/org-units?q=${encodeURIComponent('下津')}`, { token });
      assert.deepEqual(byName.body.items.map((unit: Loose) => unit.id), ['445102007200']);
      const byCode = await server.api('/api/v1/org-units?q=445102007&kind=town,street', { token });
      assert.deepEqual(byCode.body.items.map((unit: Loose) => unit.name), ['桥东街道']);
      const children = await server.api('/api/v1/org-units?parentId=4451', { token });
      assert.deepEqual(children.body.items.map((unit: Loose) => unit.name), ['湘桥区', '潮安区', '饶平县']);
      const subtree = await server.api('/api/v1/org-units?subtreeOf=445102007&limit=500', { token });
      assert.ok(subtree.body.items.every((unit: Loose) => unit.path.startsWith('/4451/445102/445102007/')));
      assert.equal(subtree.body.items.length, 1 + subtree.body.items[0].childCount);
      const parties = await server.api('/api/v1/party-organizations?orgUnitId=445102007200', { token });
      assert.equal(parties.body.items.length, 1);
      assert.match(parties.body.items[0].name, /下津村/);
    });

    it('summarises ratings by stars and flags for any subtree, consistent with the list', async () => {
      for (const orgUnitId of ['4451', '445103', '445102007']) {
        const summary = (await server.api(`/api/v1/ratings/summary?orgUnitId=${orgUnitId}&year=2024`, { token })).body;
        const list = (await server.api(`/api/v1/ratings?subtreeOf=${orgUnitId}&year=2024&limit=500`, { token })).body;
        const all: Loose[] = [...list.items];
        let cursor = list.nextCursor;
        while (cursor) {
          const next = (await server.api(`/api/v1/ratings?subtreeOf=${orgUnitId}&year=2024&limit=500&cursor=${cursor}`, { token })).body;
          all.push(...next.items);
          cursor = next.nextCursor;
        }
        assert.equal(summary.total, all.length);
        for (const stars of [0, 1, 2, 3, 4, 5]) assert.equal(summary.byStars[String(stars)], all.filter((rating) => rating.stars === stars).length);
        assert.equal(summary.flags.weak, all.filter((rating) => rating.flags.includes('weak')).length);
        assert.equal(summary.flags.under_rectification, all.filter((rating) => rating.flags.includes('under_rectification')).length);
      }
      const history = (await server.api('/api/v1/ratings/history/445102007200', { token })).body.items;
      assert.deepEqual(history.map((rating: Loose) => rating.year), [2024, 2025]);
    });

    it('clusters service points in SQL and exports them in columns, both matching the point list', async () => {
      const bbox = '116.3,23.3,117.4,24.2';
      const list: Loose[] = [];
      let cursor: string | null = null;
      do {
        const page: Loose = await server.api(`/api/v1/service-points?bbox=${bbox}&limit=500${cursor ? `&cursor=${cursor}` : ''}`, { token });
        list.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const clusters = (await server.api(`/api/v1/service-points/clusters?bbox=${bbox}&zoom=8`, { token })).body;
      assert.equal(clusters.total, list.length);
      assert.equal(clusters.clusters.reduce((sum: number, cluster: Loose) => sum + cluster.count, 0), list.length);
      for (const cluster of clusters.clusters) {
        assert.equal(Object.values(cluster.byType as Record<string, number>).reduce((a, b) => a + b, 0), cluster.count);
        assert.equal(cluster.pointId === null, cluster.count > 1);
      }
      const fine = (await server.api(`/api/v1/service-points/clusters?bbox=${bbox}&zoom=22`, { token })).body;
      assert.ok(fine.clusters.length > clusters.clusters.length, 'more clusters when zoomed in');

      const exported = (await server.api(`/api/v1/service-points/export?bbox=${bbox}`, { token })).body;
      assert.equal(exported.count, list.length);
      const lon = new Float64Array(new Uint8Array(Buffer.from(exported.lon, 'base64')).buffer);
      const lat = new Float64Array(new Uint8Array(Buffer.from(exported.lat, 'base64')).buffer);
      const types = new Uint8Array(Buffer.from(exported.type, 'base64'));
      const orgs = new Uint32Array(new Uint8Array(Buffer.from(exported.org, 'base64')).buffer);
      const byId = new Map(list.map((point) => [point.id, point]));
      exported.ids.forEach((id: string, index: number) => {
        const point = byId.get(id);
        assert.ok(point, id);
        assert.equal(lon[index], point.lon);
        assert.equal(lat[index], point.lat);
        assert.equal(exported.types[types[index]!], point.type);
        assert.equal(exported.orgUnitIds[orgs[index]!], point.orgUnitId);
      });

      const shapes = districtShapes();
      for (const point of list) assert.ok(shapeContains(shapes.get(point.districtCode)!, point.lon, point.lat), `${point.id} lies inside district ${point.districtCode}`);

      const filtered = (await server.api('/api/v1/service-points/clusters?bbox=116,23,118,25&zoom=5&type=tea_mediation_room&kind=mediation', { token })).body;
      const byType = filtered.clusters.flatMap((cluster: Loose) => Object.keys(cluster.byType));
      assert.ok(byType.every((type: string) => type === 'tea_mediation_room'));
    });

    it('lists service records newest first within a date range', async () => {
      const records = (await server.api('/api/v1/service-records?from=2025-03-01&to=2025-03-31&limit=100', { token })).body.items;
      assert.ok(records.length > 0);
      for (const record of records) assert.ok(record.at >= '2025-02-28T16:00:00.000Z' && record.at < '2025-03-31T16:00:00.000Z', record.at);
      const times = records.map((record: Loose) => record.at);
      assert.deepEqual(times, [...times].sort().reverse());
    });

    it('rate-limits with a 429 ApiError and Retry-After (health probes exempt)', async () => {
      const limited = await startServer(dialect, { config: { rateLimit: { max: 3, timeWindowMs: 60_000, loginMax: 2 } } });
      try {
        const statuses: number[] = [];
        for (let index = 0; index < 4; index += 1) statuses.push((await limited.api('/api/v1/plan')).status);
        assert.deepEqual(statuses, [401, 401, 401, 429]);
        const refused = await limited.api('/api/v1/plan');
        assert.equal(refused.body.code, 'rate_limited');
        assert.ok(Number(refused.headers.get('retry-after')) > 0);
        assert.equal((await limited.api('/healthz')).status, 200);
      } finally {
        await limited.close();
      }
    });

    it('keeps the data across a restart and seeds only once', async () => {
      const storage = await newStorage(dialect);
      const first = await startServer(dialect, { reuse: storage });
      const firstToken = await first.login('city-admin');
      const written = await first.api('/api/v1/tasks/T05/progress', { token: firstToken, body: { percent: 42, note: '重启前写入' } });
      assert.equal(written.status, 201);
      const seedBefore = await first.handle.db.selectFrom('meta').selectAll().where('key', '=', 'seed').executeTakeFirstOrThrow();
      await first.close();

      const second = await startServer(dialect, { reuse: storage });
      try {
        const seedAfter = await second.handle.db.selectFrom('meta').selectAll().where('key', '=', 'seed').executeTakeFirstOrThrow();
        assert.deepEqual(seedAfter, seedBefore, 'not seeded again');
        const task = await second.api('/api/v1/tasks/T05', { token: await second.login('city-admin') });
        assert.equal(task.body.task.progress, 42);
        assert.equal(task.body.updates[0].note, '重启前写入');
      } finally {
        await second.close();
        rmSync(storage.dataDir, { recursive: true, force: true });
      }
    });
  });
}
