/**
 * Who may do what: the authorisation matrix (every role × representative endpoints × inside/outside its subtree),
 * embed keys (origin check, read-only, masking), anonymous access, masking by role, lockout, token lifecycle.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { loadSecrets } from '../src/auth/secrets.js';
import { completeIdentify, DEMO_EMBED_KEY, DEMO_PASSWORD, dialects, EMBED_ORIGIN, roleFixtures, startServer, type Loose, type TestServer } from './harness.js';

type Fixture = (typeof roleFixtures)[number];
type Where = 'inside' | 'outside';

/** Expected status per role for each endpoint, inside and outside the role's subtree. */
const expectations: Record<string, Record<Fixture['role'], [inside: number, outside: number]>> = {
  'GET org unit': { city_admin: [200, 0], district_admin: [200, 403], town_admin: [200, 403], branch_secretary: [200, 403], mediator: [200, 403], member: [200, 403], viewer: [200, 403] },
  'GET members': { city_admin: [200, 0], district_admin: [200, 403], town_admin: [200, 403], branch_secretary: [200, 403], mediator: [200, 403], member: [200, 403], viewer: [200, 403] },
  'GET rating history': { city_admin: [200, 0], district_admin: [200, 403], town_admin: [200, 403], branch_secretary: [200, 403], mediator: [200, 403], member: [200, 403], viewer: [200, 403] },
  'GET service points': { city_admin: [200, 0], district_admin: [200, 403], town_admin: [200, 403], branch_secretary: [200, 403], mediator: [200, 403], member: [200, 403], viewer: [200, 403] },
  'GET task': { city_admin: [200, 0], district_admin: [200, 403], town_admin: [200, 403], branch_secretary: [200, 403], mediator: [200, 403], member: [200, 403], viewer: [200, 403] },
  'POST task progress': { city_admin: [201, 0], district_admin: [201, 403], town_admin: [201, 403], branch_secretary: [201, 403], mediator: [403, 403], member: [403, 403], viewer: [403, 403] },
  'POST case': { city_admin: [201, 0], district_admin: [201, 403], town_admin: [201, 403], branch_secretary: [403, 403], mediator: [201, 403], member: [403, 403], viewer: [403, 403] },
  'GET case': { city_admin: [200, 0], district_admin: [200, 403], town_admin: [200, 403], branch_secretary: [200, 403], mediator: [200, 403], member: [200, 403], viewer: [200, 403] },
  'POST case advance': { city_admin: [200, 0], district_admin: [200, 403], town_admin: [200, 403], branch_secretary: [403, 403], mediator: [200, 403], member: [403, 403], viewer: [403, 403] },
};

for (const dialect of dialects()) {
  describe(`authorisation (${dialect})`, () => {
    let server: TestServer;
    /** Fixture case per (role, where), created by the city admin in the role's case org. */
    const cases = new Map<string, { id: string; version: number }>();
    const taskFor = (orgUnitId: string) => `TX-${orgUnitId}`;

    before(async () => {
      server = await startServer(dialect);
      const db = server.handle.db;
      // Tasks owned by the fixture org units (the seed's 28 plan tasks all belong to the city).
      const template = await db.selectFrom('tasks').selectAll().where('id', '=', 'T01').executeTakeFirstOrThrow();
      const orgs = new Set<string>(roleFixtures.flatMap((fixture): string[] => (fixture.outside ? [fixture.inside, fixture.outside] : [fixture.inside])));
      for (const orgUnitId of orgs) {
        const unit = await db.selectFrom('org_units').select('path').where('id', '=', orgUnitId).executeTakeFirstOrThrow();
        await db.insertInto('tasks').values({ ...template, id: taskFor(orgUnitId), org_unit_id: orgUnitId, org_path: unit.path, sort: 1000 + orgs.size }).execute();
      }
      const admin = await server.login('city-admin');
      for (const fixture of roleFixtures) {
        for (const where of ['inside', 'outside'] as const) {
          const orgUnitId = where === 'inside' ? fixture.caseInside : fixture.caseOutside;
          if (!orgUnitId) continue;
          const created = await server.api('/api/v1/mediation-cases', { token: admin, body: { orgUnitId, identify: completeIdentify() } });
          assert.equal(created.status, 201, created.text);
          cases.set(`${fixture.role}:${where}`, { id: created.body.id, version: created.body.version });
        }
      }
    });
    after(async () => {
      await server.close();
    });

    const call = async (fixture: Fixture, endpoint: string, where: Where): Promise<number> => {
      const token = await server.login(fixture.username);
      const org = where === 'inside' ? fixture.inside : fixture.outside!;
      const caseOrg = where === 'inside' ? fixture.caseInside : fixture.caseOutside!;
      const fixtureCase = cases.get(`${fixture.role}:${where}`)!;
      const requests: Record<string, () => Promise<{ status: number }>> = {
        'GET org unit': () => server.api(`/api/v1/org-units/${org}`, { token }),
        'GET members': () => server.api(`/api/v1/members?orgUnitId=${org}`, { token }),
        'GET rating history': () => server.api(`/api/v1/ratings/history/${org}`, { token }),
        'GET service points': () => server.api(`/api/v1/service-points?orgUnitId=${org}`, { token }),
        'GET task': () => server.api(`/api/v1/tasks/${taskFor(org)}`, { token }),
        'POST task progress': () => server.api(`/api/v1/tasks/${taskFor(org)}/progress`, { token, body: { percent: 30, note: `${fixture.role} 报送` } }),
        'POST case': () => server.api('/api/v1/mediation-cases', { token, body: { orgUnitId: caseOrg } }),
        'GET case': () => server.api(`/api/v1/mediation-cases/${fixtureCase.id}`, { token }),
        'POST case advance': () => server.api(`/api/v1/mediation-cases/${fixtureCase.id}/advance`, { token, body: { version: fixtureCase.version } }),
      };
      const response = await requests[endpoint]!();
      return response.status;
    };

    for (const endpoint of Object.keys(expectations)) {
      it(`matrix: ${endpoint}`, async () => {
        const table: string[] = [];
        const failures: string[] = [];
        for (const fixture of roleFixtures) {
          const [insideExpected, outsideExpected] = expectations[endpoint]![fixture.role];
          for (const [where, expected] of [['inside', insideExpected], ['outside', outsideExpected]] as const) {
            if (expected === 0) continue; // the city admin has no "outside"
            const status = await call(fixture, endpoint, where);
            table.push(`${fixture.role} ${where}: ${status}`);
            if (status !== expected) failures.push(`${fixture.role} ${where}: expected ${expected}, got ${status}`);
          }
        }
        assert.deepEqual(failures, [], table.join('\n'));
      });
    }

    it('lists only rows inside the subtree, and plan-wide tasks to everyone', async () => {
      const token = await server.login('qiaodong-admin');
      const members = (await server.api('/api/v1/members?limit=500', { token })).body.items;
      assert.ok(members.length > 0);
      const units = await server.handle.db.selectFrom('org_units').select(['id', 'path']).execute();
      const pathOf = new Map(units.map((unit) => [unit.id, unit.path]));
      for (const member of members) assert.ok(pathOf.get(member.orgUnitId)!.startsWith('/4451/445102/445102007/'), member.orgUnitId);
      const tasks = (await server.api('/api/v1/tasks?limit=500', { token })).body.items;
      const ids = tasks.map((task: Loose) => task.id);
      assert.ok(ids.includes('T01'), 'city-wide task visible');
      assert.ok(ids.includes(taskFor('445102007200')), 'task in own subtree visible');
      assert.ok(!ids.includes(taskFor('445102008')) && !ids.includes(taskFor('445103')), 'other subtrees hidden');
      const outsideFilter = await server.api('/api/v1/members?orgUnitId=445103', { token });
      assert.equal(outsideFilter.status, 403);
      assert.equal(outsideFilter.body.code, 'out_of_scope');
      assert.equal(outsideFilter.body.field, 'query.orgUnitId');
      const cityTaskProgress = await server.api('/api/v1/tasks/T01/progress', { token, body: { percent: 10, note: '越权' } });
      assert.equal(cityTaskProgress.status, 403, 'the city task is readable but not writable by a town');
    });

    it('masks personal data unless role and scope allow it; a member sees their own record', async () => {
      const secretary = (await server.api('/api/v1/members?orgUnitId=445102007200', { token: await server.login('xiajin-secretary') })).body.items;
      assert.ok(secretary.length >= 2);
      assert.ok(secretary.every((member: Loose) => !member.masked && /^1[3-9]\d{9}$/.test(member.phone)));
      const memberView = (await server.api('/api/v1/members?orgUnitId=445102007200', { token: await server.login('xiajin-member') })).body.items;
      const own = await server.handle.db.selectFrom('users').select('member_id').where('username', '=', 'xiajin-member').executeTakeFirstOrThrow();
      assert.ok(own.member_id);
      for (const member of memberView) {
        if (member.id === own.member_id) {
          assert.equal(member.masked, false);
        } else {
          assert.equal(member.masked, true);
          assert.match(member.phone, /^\d{3}\*{4}\d{4}$/);
          assert.match(member.idNumber, /^\d{6}\*{8}[\dX]{4}$/);
          assert.match(member.name, /\*/);
          assert.equal(member.birthYear, null);
        }
      }
      const viewerCase = (await server.api(`/api/v1/mediation-cases/${cases.get('viewer:inside')!.id}`, { token: await server.login('raoping-viewer') })).body;
      assert.equal(viewerCase.masked, true);
      assert.equal(viewerCase.steps.identify.parties[0].name, '陈*燕');
      assert.equal(viewerCase.steps.identify.parties[0].phone, '138****1234');
      assert.equal(viewerCase.steps.identify.parties[0].idNumber, '445102********123X');
      assert.equal(viewerCase.steps.identify.parties[0].address, '潮州市湘桥区桥东街道');
      const mediatorCase = (await server.api(`/api/v1/mediation-cases/${cases.get('mediator:inside')!.id}`, { token: await server.login('qiaodong-mediator') })).body;
      assert.equal(mediatorCase.masked, false);
      assert.equal(mediatorCase.steps.identify.parties[0].phone, '13812341234');
      const me = (await server.api('/api/v1/auth/me', { token: await server.login('raoping-viewer') })).body;
      assert.deepEqual({ kind: me.kind, orgUnitId: me.orgUnitId, canSeePersonalData: me.canSeePersonalData }, { kind: 'user', orgUnitId: '445122', canSeePersonalData: false });
    });

    describe('embed keys', () => {
      const embed = (origin: string | null, extra: Record<string, string> = {}) => ({ 'x-qj-embed-key': DEMO_EMBED_KEY, ...(origin ? { origin } : {}), ...extra });

      it('read from a listed origin (Origin or Referer), masked', async () => {
        const tasks = await server.api('/api/v1/tasks', { headers: embed(EMBED_ORIGIN) });
        assert.equal(tasks.status, 200);
        const viaReferer = await server.api('/api/v1/plan', { headers: embed(null, { referer: `${EMBED_ORIGIN}/portal/index.html` }) });
        assert.equal(viaReferer.status, 200);
        const records = (await server.api('/api/v1/service-records?limit=20', { headers: embed(EMBED_ORIGIN) })).body.items;
        assert.ok(records.length > 0 && records.every((record: Loose) => record.memberName.includes('*')));
        const parties = (await server.api('/api/v1/party-organizations?limit=20', { headers: embed(EMBED_ORIGIN) })).body.items;
        assert.ok(parties.every((party: Loose) => party.secretaryName.includes('*')));
        const points = (await server.api('/api/v1/service-points?limit=20', { headers: embed(EMBED_ORIGIN) })).body.items;
        assert.ok(points.every((point: Loose) => !/\d+号$/.test(point.address)), 'addresses cut to the town');
        const me = (await server.api('/api/v1/auth/me', { headers: embed(EMBED_ORIGIN) })).body;
        assert.deepEqual(me, { kind: 'embed', user: null, orgUnitId: '4451', canSeePersonalData: false });
      });

      it('refuses other origins, missing origins, unknown keys, user-only routes and writes', async () => {
        const bad = await server.api('/api/v1/tasks', { headers: embed('http://evil.example') });
        assert.equal(bad.status, 403);
        assert.equal(bad.body.code, 'embed_origin_denied');
        const none = await server.api('/api/v1/tasks', { headers: embed(null) });
        assert.equal(none.status, 403);
        assert.equal(none.body.code, 'embed_origin_denied');
        const unknown = await server.api('/api/v1/tasks', { headers: { 'x-qj-embed-key': 'not-a-key-000000', origin: EMBED_ORIGIN } });
        assert.equal(unknown.status, 401);
        const members = await server.api('/api/v1/members', { headers: embed(EMBED_ORIGIN) });
        assert.equal(members.status, 403);
        assert.equal(members.body.code, 'forbidden');
        const write = await server.api('/api/v1/tasks/T01/progress', { headers: embed(EMBED_ORIGIN), body: { percent: 99, note: '嵌入写入' } });
        assert.equal(write.status, 403);
        assert.equal(write.body.code, 'read_only');
        const createCase = await server.api('/api/v1/mediation-cases', { headers: embed(EMBED_ORIGIN), body: { orgUnitId: '445102007' } });
        assert.equal(createCase.status, 403);
        assert.equal(createCase.body.code, 'read_only');
      });

      it('works as ?embedKey= for EventSource, and CORS allows exactly the listed origins', async () => {
        const controller = new AbortController();
        const stream = await fetch(`${server.url}/api/v1/events?embedKey=${DEMO_EMBED_KEY}`, { headers: { origin: EMBED_ORIGIN }, signal: controller.signal });
        assert.equal(stream.status, 200);
        assert.match(stream.headers.get('content-type') ?? '', /text\/event-stream/);
        assert.equal(stream.headers.get('access-control-allow-origin'), EMBED_ORIGIN);
        controller.abort();
        const preflight = await fetch(`${server.url}/api/v1/tasks`, { method: 'OPTIONS', headers: { origin: EMBED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-qj-embed-key,idempotency-key,content-type' } });
        assert.equal(preflight.headers.get('access-control-allow-origin'), EMBED_ORIGIN);
        assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
        const evil = await fetch(`${server.url}/api/v1/tasks`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' } });
        assert.equal(evil.headers.get('access-control-allow-origin'), null);
      });
    });

    it('refuses anonymous reads unless public read is configured (masked, whole city); CORS from configured origins', async () => {
      const anonymous = await server.api('/api/v1/tasks');
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.code, 'unauthenticated');
      const open = await startServer(dialect, { config: { publicRead: true, corsOrigins: ['https://portal.example.cn'] } });
      try {
        const preflight = await fetch(`${open.url}/api/v1/tasks`, { method: 'OPTIONS', headers: { origin: 'https://portal.example.cn', 'access-control-request-method': 'GET' } });
        assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://portal.example.cn', 'QJ_CORS_ORIGINS are allowed');
        assert.equal((await open.api('/api/v1/tasks')).status, 200);
        const records = (await open.api('/api/v1/service-records?limit=5')).body.items;
        assert.ok(records.every((record: Loose) => record.memberName.includes('*')));
        assert.equal((await open.api('/api/v1/members')).status, 401, 'user-only routes stay closed');
        assert.equal((await open.api('/api/v1/tasks/T01/progress', { body: { percent: 1, note: 'x' } })).status, 401);
      } finally {
        await open.close();
      }
    });

    it('locks a username for 10 minutes after 5 failed sign-ins, even with the right password', async () => {
      const attempt = (password: string) => server.api('/api/v1/auth/login', { body: { username: 'chaoan-admin', password } });
      for (let failure = 1; failure <= 4; failure += 1) {
        const response = await attempt(`wrong-${failure}`);
        assert.equal(response.status, 401);
        assert.equal(response.body.code, 'invalid_credentials');
      }
      const fifth = await attempt('wrong-5');
      assert.equal(fifth.body.code, 'account_locked');
      const locked = await attempt(DEMO_PASSWORD);
      assert.equal(locked.status, 401);
      assert.equal(locked.body.code, 'account_locked');
      assert.match(locked.body.message, /锁定10分钟/);
      assert.match(locked.body.messageEn, /locked for 10 minutes/);
      const retryAfter = Number(locked.headers.get('retry-after'));
      assert.ok(retryAfter > 590 && retryAfter <= 600, `Retry-After ${retryAfter}`);
      // Ten minutes later (moved back in the database rather than waited for):
      await server.handle.db.updateTable('login_failures').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('username', '=', 'chaoan-admin').execute();
      const afterLock = await attempt(DEMO_PASSWORD);
      assert.equal(afterLock.status, 200);
      assert.equal((await attempt('wrong-again')).body.code, 'invalid_credentials', 'the count starts afresh');
    });

    it('rotates refresh tokens, revokes them on logout, and rejects expired or forged access tokens', async () => {
      const login = (await server.api('/api/v1/auth/login', { body: { username: 'xiangqiao-admin', password: DEMO_PASSWORD } })).body;
      assert.equal(login.user.role, 'district_admin');
      assert.equal(login.expiresIn, 900);
      const refreshed = await server.api('/api/v1/auth/refresh', { body: { refreshToken: login.refreshToken } });
      assert.equal(refreshed.status, 200);
      assert.notEqual(refreshed.body.refreshToken, login.refreshToken);
      assert.equal((await server.api('/api/v1/auth/me', { token: refreshed.body.accessToken })).body.user.username, 'xiangqiao-admin');
      const reused = await server.api('/api/v1/auth/refresh', { body: { refreshToken: login.refreshToken } });
      assert.equal(reused.status, 401, 'a rotated refresh token is spent');
      assert.equal((await server.api('/api/v1/auth/logout', { body: { refreshToken: refreshed.body.refreshToken } })).status, 200);
      assert.equal((await server.api('/api/v1/auth/refresh', { body: { refreshToken: refreshed.body.refreshToken } })).status, 401, 'revoked on logout');

      const { jwtKey } = loadSecrets(server.config.dataDir, server.config.jwtSecret);
      const expired = await new SignJWT({ usr: 'city-admin', name: 'x', role: 'city_admin', org: '4451', path: '/4451/', mid: null })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-city-admin')
        .setIssuer('qiangji')
        .setAudience('qiangji-api')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(jwtKey);
      const expiredAnswer = await server.api('/api/v1/tasks', { token: expired });
      assert.equal(expiredAnswer.status, 401);
      assert.equal(expiredAnswer.body.code, 'token_expired');
      const forged = await new SignJWT({ usr: 'city-admin', name: 'x', role: 'city_admin', org: '4451', path: '/4451/', mid: null })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-city-admin')
        .setIssuer('qiangji')
        .setAudience('qiangji-api')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode('a-different-secret-of-enough-length-000000'));
      const forgedAnswer = await server.api('/api/v1/tasks', { token: forged });
      assert.equal(forgedAnswer.status, 401);
      assert.equal(forgedAnswer.body.code, 'unauthenticated');
    });
  });
}
