/**
 * Bad input is answered with a 4xx ApiError naming the field — never a 500. A table with at least one bad input
 * per route that takes params, a query or a body (wrong type, out of range, unknown enum, too long, malformed
 * bbox, bad JSON, unknown fields…), plus a property-based sweep of random query values over every GET route.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { routes, type RouteName } from '@qiangji/contract';
import { dialects, startServer, type RequestOptions, type TestServer } from './harness.js';

interface BadInput {
  route: RouteName;
  what: string;
  path: string;
  request?: RequestOptions;
  status: number;
  /** Expected `field` (a list item's index may follow, e.g. query.status.0). */
  field?: string;
  code?: string;
}

const long = (length: number) => '长'.repeat(length);
const PUT = 'PUT';

/** `{case}` is replaced by an open seed case of the test server. */
const table: BadInput[] = [
  { route: 'login', what: 'wrong type', path: '/auth/login', request: { body: { username: 123, password: 'x' } }, status: 400, field: 'body.username' },
  { route: 'login', what: 'missing field', path: '/auth/login', request: { body: { username: 'city-admin' } }, status: 400, field: 'body.password' },
  { route: 'login', what: 'NUL character (PostgreSQL refuses it in text)', path: '/auth/login', request: { body: { username: 'city-admin\u0000', password: 'x' } }, status: 400, field: 'body.username' },
  { route: 'reportProgress', what: 'NUL character', path: '/tasks/T01/progress', request: { body: { percent: 50, note: '进展\u0000' } }, status: 400, field: 'body.note' },
  { route: 'createMediationCase', what: 'NUL character in a draft', path: '/mediation-cases', request: { body: { orgUnitId: '445102007', identify: { summary: '纠纷\u0000' } } }, status: 400, field: 'body.identify.summary' },
  { route: 'listMembers', what: 'NUL character', path: '/members?q=%E9%99%88%00', status: 400, field: 'query.q' },
  { route: 'getTask', what: 'NUL character', path: '/tasks/T0%001', status: 400, field: 'params.id' },
  { route: 'login', what: 'too long', path: '/auth/login', request: { body: { username: 'u'.repeat(65), password: 'x' } }, status: 400, field: 'body.username' },
  { route: 'login', what: 'bad JSON', path: '/auth/login', request: { rawBody: '{"username":', headers: { 'content-type': 'application/json' } }, status: 400, field: 'body' },
  { route: 'login', what: 'not JSON', path: '/auth/login', request: { rawBody: 'username=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, status: 415, code: 'unsupported_media_type' },
  { route: 'login', what: 'prototype pollution', path: '/auth/login', request: { rawBody: '{"username":"a","password":"b","__proto__":{"x":1}}', headers: { 'content-type': 'application/json' } }, status: 400, field: 'body' },
  { route: 'refresh', what: 'too short', path: '/auth/refresh', request: { body: { refreshToken: 'short' } }, status: 400, field: 'body.refreshToken' },
  { route: 'logout', what: 'wrong type', path: '/auth/logout', request: { body: { refreshToken: 42 } }, status: 400, field: 'body.refreshToken' },
  { route: 'me', what: 'unknown query', path: '/auth/me?debug=1', status: 400, field: 'query.debug' },
  { route: 'getPlan', what: 'unknown query', path: '/plan?lang=en', status: 400, field: 'query.lang' },
  { route: 'listMeasures', what: 'unknown query', path: '/measures?limit=5', status: 400, field: 'query.limit' },
  { route: 'listTasks', what: 'out of range', path: '/tasks?limit=0', status: 400, field: 'query.limit' },
  { route: 'listTasks', what: 'out of range', path: '/tasks?limit=501', status: 400, field: 'query.limit' },
  { route: 'listTasks', what: 'wrong type', path: '/tasks?limit=ten', status: 400, field: 'query.limit' },
  { route: 'listTasks', what: 'unknown enum', path: '/tasks?status=on_track,sleeping', status: 400, field: 'query.status' },
  { route: 'listTasks', what: 'unknown enum', path: '/tasks?warning=purple', status: 400, field: 'query.warning' },
  { route: 'listTasks', what: 'too long', path: `/tasks?leadUnit=${encodeURIComponent(long(101))}`, status: 400, field: 'query.leadUnit' },
  { route: 'listTasks', what: 'bad id', path: '/tasks?measureId=M1%3Bdrop', status: 400, field: 'query.measureId' },
  { route: 'listTasks', what: 'bad cursor', path: '/tasks?cursor=not-a-cursor', status: 400, field: 'query.cursor' },
  { route: 'listTasks', what: 'cursor of another type', path: `/tasks?cursor=${Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url')}`, status: 400, field: 'query.cursor' },
  { route: 'listTasks', what: 'unknown org', path: '/tasks?orgUnitId=999999', status: 404, field: 'query.orgUnitId' },
  { route: 'getTask', what: 'bad id', path: '/tasks/T01%20OR%201', status: 400, field: 'params.id' },
  { route: 'getTask', what: 'too long', path: `/tasks/${'T'.repeat(65)}`, status: 400, field: 'params.id' },
  { route: 'getTask', what: 'missing', path: '/tasks/T99', status: 404, code: 'not_found' },
  { route: 'reportProgress', what: 'out of range', path: '/tasks/T01/progress', request: { body: { percent: 101, note: '进展' } }, status: 400, field: 'body.percent' },
  { route: 'reportProgress', what: 'wrong type', path: '/tasks/T01/progress', request: { body: { percent: '50', note: '进展' } }, status: 400, field: 'body.percent' },
  { route: 'reportProgress', what: 'not whole', path: '/tasks/T01/progress', request: { body: { percent: 50.5, note: '进展' } }, status: 400, field: 'body.percent' },
  { route: 'reportProgress', what: 'empty', path: '/tasks/T01/progress', request: { body: { percent: 50, note: '   ' } }, status: 400, field: 'body.note' },
  { route: 'reportProgress', what: 'too long', path: '/tasks/T01/progress', request: { body: { percent: 50, note: long(2001) } }, status: 400, field: 'body.note' },
  { route: 'reportProgress', what: 'bad link', path: '/tasks/T01/progress', request: { body: { percent: 50, note: '进展', evidence: ['ftp://example.org/report.pdf'] } }, status: 400, field: 'body.evidence.0' },
  { route: 'reportProgress', what: 'too many', path: '/tasks/T01/progress', request: { body: { percent: 50, note: '进展', evidence: Array.from({ length: 11 }, (_, i) => `https://example.org/${i}`) } }, status: 400, field: 'body.evidence' },
  { route: 'reportProgress', what: 'unknown field', path: '/tasks/T01/progress', request: { body: { percent: 50, note: '进展', approved: true } }, status: 400, field: 'body.approved' },
  { route: 'reportProgress', what: 'no body', path: '/tasks/T01/progress', request: { method: 'POST' }, status: 400, field: 'body' },
  { route: 'reportProgress', what: 'array body', path: '/tasks/T01/progress', request: { body: [1, 2] }, status: 400, field: 'body' },
  { route: 'reportProgress', what: 'bad id', path: '/tasks/..%2F..%2Fetc/progress', request: { body: { percent: 5, note: 'x' } }, status: 400, field: 'params.id' },
  { route: 'reportProgress', what: 'text/plain', path: '/tasks/T01/progress', request: { rawBody: 'percent=5', headers: { 'content-type': 'text/plain' } }, status: 415, code: 'unsupported_media_type' },
  { route: 'reportProgress', what: 'too large', path: '/tasks/T01/progress', request: { body: { percent: 5, note: 'x'.repeat(1_100_000) } }, status: 413, code: 'payload_too_large' },
  { route: 'listOrgUnits', what: 'unknown enum', path: '/org-units?kind=planet', status: 400, field: 'query.kind' },
  { route: 'listOrgUnits', what: 'empty', path: '/org-units?q=', status: 400, field: 'query.q' },
  { route: 'listOrgUnits', what: 'too long', path: `/org-units?q=${encodeURIComponent(long(51))}`, status: 400, field: 'query.q' },
  { route: 'listOrgUnits', what: 'bad id', path: '/org-units?parentId=%27%3B--', status: 400, field: 'query.parentId' },
  { route: 'getOrgUnit', what: 'bad id', path: '/org-units/%E4%B8%8B', status: 400, field: 'params.id' },
  { route: 'listPartyOrganizations', what: 'bad id', path: '/party-organizations?subtreeOf=a%20b', status: 400, field: 'query.subtreeOf' },
  { route: 'listPartyOrganizations', what: 'out of range', path: '/party-organizations?limit=99999', status: 400, field: 'query.limit' },
  { route: 'getRatingScheme', what: 'unknown query', path: '/ratings/scheme?year=2025', status: 400, field: 'query.year' },
  { route: 'listRatings', what: 'out of range', path: '/ratings?year=1999', status: 400, field: 'query.year' },
  { route: 'listRatings', what: 'out of range', path: '/ratings?stars=6', status: 400, field: 'query.stars' },
  { route: 'listRatings', what: 'wrong type', path: '/ratings?year=2024.5', status: 400, field: 'query.year' },
  { route: 'getRatingHistory', what: 'bad id', path: '/ratings/history/%3Cscript%3E', status: 400, field: 'params.id' },
  { route: 'recordRating', what: 'bad year', path: '/org-units/445102007200/ratings/next', request: { method: PUT, body: {} }, status: 400, field: 'params.year' },
  { route: 'recordRating', what: 'missing', path: '/org-units/445102007200/ratings/2026', request: { method: PUT, body: { score: 90 } }, status: 400, field: 'body.breakdown' },
  { route: 'recordRating', what: 'empty breakdown', path: '/org-units/445102007200/ratings/2026', request: { method: PUT, body: { score: 90, breakdown: [], flags: [], brands: [], stage: 'self' } }, status: 400, field: 'body.breakdown' },
  { route: 'getRatingSummary', what: 'missing', path: '/ratings/summary?orgUnitId=445102', status: 400, field: 'query.year' },
  { route: 'getRatingSummary', what: 'wrong type', path: '/ratings/summary?year=latest', status: 400, field: 'query.year' },
  { route: 'listMembers', what: 'too long', path: `/members?q=${encodeURIComponent(long(51))}`, status: 400, field: 'query.q' },
  { route: 'listMembers', what: 'bad id', path: '/members?orgUnitId=%00', status: 400, field: 'query.orgUnitId' },
  { route: 'listServiceRecords', what: 'impossible date', path: '/service-records?from=2025-02-30', status: 400, field: 'query.from' },
  { route: 'listServiceRecords', what: 'bad date', path: '/service-records?to=2025-13-01', status: 400, field: 'query.to' },
  { route: 'listServiceRecords', what: 'unknown enum', path: '/service-records?kind=visit,party', status: 400, field: 'query.kind' },
  { route: 'listServicePoints', what: 'malformed bbox', path: '/service-points?bbox=116,23,117', status: 400, field: 'query.bbox' },
  { route: 'listServicePoints', what: 'reversed bbox', path: '/service-points?bbox=117,24,116,23', status: 400, field: 'query.bbox' },
  { route: 'listServicePoints', what: 'bbox out of range', path: '/service-points?bbox=170,10,190,20', status: 400, field: 'query.bbox' },
  { route: 'listServicePoints', what: 'bbox not numbers', path: '/service-points?bbox=a,b,c,d', status: 400, field: 'query.bbox' },
  { route: 'listServicePoints', what: 'unknown enum', path: '/service-points?type=castle', status: 400, field: 'query.type' },
  { route: 'getServicePoint', what: 'bad id', path: '/service-points/sp%2F1', status: 400, field: 'params.id' },
  { route: 'getServicePoint', what: 'missing', path: '/service-points/sp999999', status: 404, code: 'not_found' },
  { route: 'clusterServicePoints', what: 'out of range', path: '/service-points/clusters?bbox=116,23,117,24&zoom=23', status: 400, field: 'query.zoom' },
  { route: 'clusterServicePoints', what: 'negative', path: '/service-points/clusters?bbox=116,23,117,24&zoom=-1', status: 400, field: 'query.zoom' },
  { route: 'clusterServicePoints', what: 'missing bbox', path: '/service-points/clusters?zoom=10', status: 400, field: 'query.bbox' },
  { route: 'exportServicePoints', what: 'unknown enum', path: '/service-points/export?type=', status: 400, field: 'query.type' },
  { route: 'exportServicePoints', what: 'bad date', path: '/service-points/export?from=yesterday', status: 400, field: 'query.from' },
  { route: 'getMediationWorkflow', what: 'unknown query', path: '/mediation-workflow?v=2', status: 400, field: 'query.v' },
  { route: 'listMediationCases', what: 'unknown enum', path: '/mediation-cases?status=pending', status: 400, field: 'query.status' },
  { route: 'listMediationCases', what: 'unknown enum', path: '/mediation-cases?step=boil', status: 400, field: 'query.step' },
  { route: 'createMediationCase', what: 'missing', path: '/mediation-cases', request: { body: {} }, status: 400, field: 'body.orgUnitId' },
  { route: 'createMediationCase', what: 'wrong type', path: '/mediation-cases', request: { body: { orgUnitId: '445102007', identify: 'text' } }, status: 400, field: 'body.identify' },
  { route: 'createMediationCase', what: 'bad draft key', path: '/mediation-cases', request: { body: { orgUnitId: '445102007', identify: { '1abc': 1 } } }, status: 400, field: 'body.identify' },
  { route: 'createMediationCase', what: 'invalid phone', path: '/mediation-cases', request: { body: { orgUnitId: '445102007', identify: { parties: [{ phone: '02-1234' }] } } }, status: 400, field: 'body.identify.parties.0.phone' },
  { route: 'createMediationCase', what: 'unknown org', path: '/mediation-cases', request: { body: { orgUnitId: '445102999999' } }, status: 404, field: 'body.orgUnitId' },
  { route: 'getMediationCase', what: 'bad id', path: '/mediation-cases/%20', status: 400, field: 'params.id' },
  { route: 'updateMediationStep', what: 'out of range', path: '/mediation-cases/{case}/step', request: { method: PUT, body: { version: 0, data: {} } }, status: 400, field: 'body.version' },
  { route: 'updateMediationStep', what: 'wrong type', path: '/mediation-cases/{case}/step', request: { method: PUT, body: { version: '1', data: {} } }, status: 400, field: 'body.version' },
  { route: 'updateMediationStep', what: 'array draft', path: '/mediation-cases/{case}/step', request: { method: PUT, body: { version: 1, data: [] } }, status: 400, field: 'body.data' },
  { route: 'updateMediationStep', what: 'draft too large', path: '/mediation-cases/{case}/step', request: { method: PUT, body: { version: 1, data: { summary: 'x'.repeat(100_001) } } }, status: 400, field: 'body.data' },
  { route: 'advanceMediationCase', what: 'missing', path: '/mediation-cases/{case}/advance', request: { body: {} }, status: 400, field: 'body.version' },
  { route: 'backMediationCase', what: 'empty reason', path: '/mediation-cases/{case}/back', request: { body: { version: 1, reason: '' } }, status: 400, field: 'body.reason' },
  { route: 'backMediationCase', what: 'too long', path: '/mediation-cases/{case}/back', request: { body: { version: 1, reason: long(501) } }, status: 400, field: 'body.reason' },
  { route: 'followUpMediationCase', what: 'bad date', path: '/mediation-cases/{case}/follow-up', request: { body: { version: 1, data: { followUpDate: '2026-02-29', performance: 'performed', satisfaction: 5, notes: '', judicialConfirmationReminded: true } } }, status: 400, field: 'body.data.followUpDate' },
  { route: 'followUpMediationCase', what: 'unknown enum', path: '/mediation-cases/{case}/follow-up', request: { body: { version: 1, data: { followUpDate: '2026-02-28', performance: 'maybe', satisfaction: 5, notes: '', judicialConfirmationReminded: true } } }, status: 400, field: 'body.data.performance' },
  { route: 'getMediationAgreement', what: 'bad id', path: '/mediation-cases/%3Cb%3E/agreement', status: 400, field: 'params.id' },
  { route: 'events', what: 'unknown enum', path: '/events?types=task.deleted', status: 400, field: 'query.types' },
  { route: 'events', what: 'too long', path: `/events?lastEventId=${'1'.repeat(41)}`, status: 400, field: 'query.lastEventId' },
  { route: 'events', what: 'not an id', path: '/events?lastEventId=-5', status: 400, field: 'query.lastEventId' },
];

const publicRoutes = new Set<RouteName>(['login', 'refresh', 'logout']);

for (const dialect of dialects()) {
  describe(`bad input (${dialect})`, () => {
    let server: TestServer;
    let token: string;
    let openCase: string;
    before(async () => {
      server = await startServer(dialect);
      token = await server.login('city-admin');
      openCase = (await server.api('/api/v1/mediation-cases', { token, body: { orgUnitId: '445102007' } })).body.id;
    });
    after(async () => {
      await server.close();
    });

    it('has at least one bad input for every route that takes params, a query or a body', () => {
      const covered = new Set(table.map((row) => row.route));
      const missing = Object.entries(routes)
        .filter(([, route]) => 'params' in route || 'query' in route || 'body' in route)
        .map(([name]) => name)
        .filter((name) => !covered.has(name as RouteName));
      assert.deepEqual(missing, []);
    });

    for (const row of table) {
      it(`${row.route}: ${row.what} → ${row.status}${row.field ? ` ${row.field}` : ''}`, async () => {
        const response = await server.api(`/api/v1${row.path.replace('{case}', openCase)}`, { token: publicRoutes.has(row.route) ? null : token, ...row.request });
        assert.equal(response.status, row.status, response.text.slice(0, 300));
        const body = response.body as { code: string; message: string; messageEn: string; requestId: string; field?: string };
        assert.equal(typeof body.message, 'string');
        assert.equal(typeof body.messageEn, 'string');
        assert.equal(body.requestId, response.headers.get('x-request-id'));
        if (row.code) assert.equal(body.code, row.code);
        if (row.field) {
          assert.ok(body.field === row.field || body.field?.startsWith(`${row.field}.`), `field ${body.field}, expected ${row.field}`);
        }
      });
    }

    it('answers random query values on every GET route with 2xx or 4xx, never 5xx', async () => {
      const getRoutes = Object.entries(routes).filter(([name, route]) => route.method === 'GET' && 'query' in route && name !== 'events');
      const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '0', '-1', '1e309', 'NaN', '2025-02-30', ',,', '%', '\u0000', '长'.repeat(60)), fc.integer().map(String));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...getRoutes), fc.dictionary(fc.constantFrom('limit', 'cursor', 'bbox', 'zoom', 'year', 'orgUnitId', 'subtreeOf', 'status', 'type', 'kind', 'from', 'to', 'q', 'stars', 'x'), value, { maxKeys: 4 }), async ([, route], query) => {
          const search = new URLSearchParams(query).toString();
          const response = await server.api(`/api/v1${route.path}?${search}`, { token });
          assert.ok(response.status < 500, `${route.path}?${search} → ${response.status} ${response.text.slice(0, 200)}`);
          if (response.status >= 400) assert.equal(typeof (response.body as { code?: string }).code, 'string');
        }),
        { numRuns: 150, seed: 4451 },
      );
    });

    it('answers requests Node itself rejects with an ApiError too', async () => {
      const { connect } = await import('node:net');
      const url = new URL(server.url);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(url.port), url.hostname, () => {
          // Raw UTF-8 bytes in the request line: Node's HTTP parser refuses them before any route runs.
          socket.write(Buffer.concat([Buffer.from('GET /api/v1/org-units?q='), Buffer.from('下津'), Buffer.from(' HTTP/1.1\r\nHost: localhost\r\n\r\n')]));
        });
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString('utf8')));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      assert.match(answer, /^HTTP\/1\.1 400 /);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      assert.equal(body.code, 'validation_failed');
      assert.equal(typeof body.requestId, 'string');
    });
  });
}
