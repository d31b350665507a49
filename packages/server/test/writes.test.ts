/**
 * Writes: idempotent replay of POSTs, the mediation workflow rules, the printable agreement, and the audit log
 * (every write recorded, tampering detected by the verifier and by `npm run audit:verify`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { verifyAuditChain } from '../src/repositories/audit.js';
import { completeIdentify, dialects, startServer, type Loose, type TestServer } from './harness.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const completeSteps = {
  awaken: { statements: [{ party: 0, statement: '申请人陈述经过。' }, { party: 1, statement: '被申请人陈述理由。' }], calming: '请双方先喝一杯工夫茶。' },
  brew: { facts: '查明排水沟位于两户之间。', evidence: ['现场照片'], lawAndReason: '依据民法典相邻关系规定释法说理。' },
  pour: { proposal: '共同出资修建排水沟。', negotiationRecord: '双方同意按比例分担。' },
  serve: {
    outcome: 'agreement',
    agreement: {
      facts: '双方因排水沟修建发生纠纷。',
      disputedIssues: '排水沟位置及费用。',
      responsibilities: '双方各负一半责任。',
      terms: '共同出资<script>alert(1)</script>修建排水沟。',
      performanceMethod: '银行转账。',
      performanceDeadline: '2026-12-31',
    },
    partiesSigned: true,
    mediatorSigned: true,
    committeeSealed: true,
    signedOn: '2026-11-20',
  },
};

for (const dialect of dialects()) {
  describe(`writes (${dialect})`, () => {
    let server: TestServer;
    let admin: string;
    before(async () => {
      server = await startServer(dialect);
      admin = await server.login('city-admin');
    });
    after(async () => {
      await server.close();
    });

    const progressRows = async (note: string) =>
      (await server.handle.db.selectFrom('progress_updates').select('id').where('note', '=', note).execute()).length;

    describe('idempotency', () => {
      it('replays the first response for the same key, and writes once', async () => {
        const request = { token: admin, headers: { 'idempotency-key': 'progress-T04-1' }, body: { percent: 44, note: '幂等测试一' } };
        const first = await server.api('/api/v1/tasks/T04/progress', request);
        assert.equal(first.status, 201);
        assert.equal(first.headers.get('idempotent-replayed'), null);
        const second = await server.api('/api/v1/tasks/T04/progress', request);
        assert.equal(second.status, 201);
        assert.equal(second.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(second.body, first.body);
        assert.equal(await progressRows('幂等测试一'), 1);
      });

      it('refuses the same key with a different body (409 idempotency_mismatch)', async () => {
        const headers = { 'idempotency-key': 'progress-T04-2' };
        assert.equal((await server.api('/api/v1/tasks/T04/progress', { token: admin, headers, body: { percent: 45, note: '幂等测试二' } })).status, 201);
        const other = await server.api('/api/v1/tasks/T04/progress', { token: admin, headers, body: { percent: 46, note: '幂等测试二' } });
        assert.equal(other.status, 409);
        assert.equal(other.body.code, 'idempotency_mismatch');
        assert.equal(other.body.field, 'header.idempotency-key');
        const elsewhere = await server.api('/api/v1/tasks/T05/progress', { token: admin, headers, body: { percent: 45, note: '幂等测试二' } });
        assert.equal(elsewhere.status, 409, 'same key on another path');
      });

      it('creates one row for concurrent duplicates', async () => {
        const request = { token: admin, headers: { 'idempotency-key': 'case-concurrent-1' }, body: { orgUnitId: '445102007', identify: { summary: '并发幂等' } } };
        const answers = await Promise.all(Array.from({ length: 5 }, () => server.api('/api/v1/mediation-cases', request)));
        assert.deepEqual(answers.map((answer) => answer.status), [201, 201, 201, 201, 201]);
        assert.equal(new Set(answers.map((answer) => answer.body.id)).size, 1);
        assert.equal(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true').length, 4);
        const rows = await server.handle.db.selectFrom('mediation_cases').select('id').where('steps', 'like', '%并发幂等%').execute();
        assert.equal(rows.length, 1);
      });

      it('keeps keys per caller, and rejects malformed keys', async () => {
        const other = await server.login('xiangqiao-admin');
        const headers = { 'idempotency-key': 'progress-T04-1' };
        const body = { orgUnitId: '445102008', identify: { summary: '另一调用方' } };
        assert.equal((await server.api('/api/v1/mediation-cases', { token: other, headers, body })).headers.get('idempotent-replayed'), null);
        const bad = await server.api('/api/v1/mediation-cases', { token: other, headers: { 'idempotency-key': 'x'.repeat(201) }, body });
        assert.equal(bad.status, 400);
        assert.equal(bad.body.field, 'header.idempotency-key');
      });
    });

    describe('mediation workflow', () => {
      let caseId: string;
      let version: number;
      const step = (data: unknown, token = admin) => server.api(`/api/v1/mediation-cases/${caseId}/step`, { method: 'PUT', token, body: { version, data } });
      const advance = () => server.api(`/api/v1/mediation-cases/${caseId}/advance`, { token: admin, body: { version } });
      const back = (reason: string) => server.api(`/api/v1/mediation-cases/${caseId}/back`, { token: admin, body: { version, reason } });
      const track = (response: Loose) => {
        if (response.status < 300) version = response.body.version;
        return response;
      };

      it('creates a case with a case number of its district and year', async () => {
        const created = await server.api('/api/v1/mediation-cases', { token: await server.login('qiaodong-mediator'), body: { orgUnitId: '445102007200', identify: { source: 'party_applied' } } });
        assert.equal(created.status, 201, created.text);
        assert.match(created.body.caseNumber, /^潮湘调〔20\d\d〕\d{4}号$/);
        assert.equal(created.body.committee, '桥东街道下津村人民调解委员会');
        assert.equal(created.body.currentStep, 'identify');
        assert.equal(created.body.mediatorName, '桥东街道人民调解员（演示）');
        caseId = created.body.id;
        version = created.body.version;
        const again = await server.api('/api/v1/mediation-cases', { token: admin, body: { orgUnitId: '445102007200' } });
        const serial = (number: string) => Number(/(\d{4})号$/.exec(number)![1]);
        assert.equal(serial(again.body.caseNumber), serial(created.body.caseNumber) + 1);
        const notACommittee = await server.api('/api/v1/mediation-cases', { token: admin, body: { orgUnitId: '445102' } });
        assert.equal(notACommittee.status, 400);
        assert.equal(notACommittee.body.field, 'body.orgUnitId');
      });

      it('saves drafts, but never invalid phones or ID numbers, unknown fields, or stale versions', async () => {
        const badPhone = await step({ parties: [{ name: '陈柔燕', phone: '12345' }] });
        assert.equal(badPhone.status, 400);
        assert.equal(badPhone.body.field, 'body.data.parties.0.phone');
        assert.match(badPhone.body.details[0].message, /手机号/);
        const badId = await step({ parties: [{ name: '陈柔燕' }, { idNumber: '445102198001011230' }] });
        assert.equal(badId.body.field, 'body.data.parties.1.idNumber');
        const unknown = await step({ verdict: 'x' });
        assert.equal(unknown.body.field, 'body.data.verdict');
        const draft = track(await step({ source: 'party_applied', parties: [{ name: '陈柔燕', phone: '13812341234' }] }));
        assert.equal(draft.status, 200);
        assert.equal(draft.body.steps.identify.parties[0].name, '陈柔燕');
        const stale = await server.api(`/api/v1/mediation-cases/${caseId}/step`, { method: 'PUT', token: admin, body: { version: version - 1, data: {} } });
        assert.equal(stale.status, 409);
        assert.equal(stale.body.code, 'conflict');
      });

      it('does not advance past a step with required fields missing (422 naming the field)', async () => {
        const incomplete = await advance();
        assert.equal(incomplete.status, 422);
        assert.equal(incomplete.body.code, 'step_incomplete');
        assert.ok(incomplete.body.field.startsWith('steps.identify.'), incomplete.body.field);
        const fields = incomplete.body.details.map((detail: Loose) => detail.field);
        assert.ok(fields.includes('steps.identify.disputeType'), fields.join());
        assert.ok(fields.includes('steps.identify.crux'), fields.join());
        const { crux: _crux, ...withoutCrux } = completeIdentify();
        track(await step(withoutCrux));
        const missingCrux = await advance();
        assert.equal(missingCrux.body.field, 'steps.identify.crux');
        const oneParty = { ...completeIdentify(), parties: [completeIdentify().parties[0]] };
        track(await step(oneParty));
        assert.equal((await advance()).body.field, 'steps.identify.parties');
      });

      it('advances step by step, goes back with a reason keeping all data, and never skips', async () => {
        track(await step(completeIdentify()));
        const advanced = track(await advance());
        assert.equal(advanced.status, 200, advanced.text);
        assert.equal(advanced.body.currentStep, 'awaken');
        const skip = await advance();
        assert.equal(skip.status, 422, 'awaken is empty: no skipping to brew');
        assert.ok(skip.body.field.startsWith('steps.awaken.'));
        track(await step({ calming: '先平复情绪。' }));
        const noReason = await server.api(`/api/v1/mediation-cases/${caseId}/back`, { token: admin, body: { version } });
        assert.equal(noReason.status, 400);
        assert.equal(noReason.body.field, 'body.reason');
        const wentBack = track(await back('当事人补充了新的住址'));
        assert.equal(wentBack.status, 200);
        assert.equal(wentBack.body.currentStep, 'identify');
        assert.equal(wentBack.body.steps.awaken.calming, '先平复情绪。', 'the later step keeps its draft');
        assert.equal(wentBack.body.steps.identify.crux, completeIdentify().crux);
        const entry = wentBack.body.history.at(-1);
        assert.deepEqual([entry.action, entry.from, entry.to, entry.reason], ['back', 'awaken', 'identify', '当事人补充了新的住址']);
        const atStart = await back('无法再退');
        assert.equal(atStart.status, 409);
        assert.equal(atStart.body.code, 'invalid_transition');
      });

      it('runs to the agreement, sets the judicial confirmation deadline, follows up and closes', async () => {
        track(await advance());
        for (const [name, data] of Object.entries(completeSteps)) {
          if (name === 'serve') {
            track(await step({ ...data, partiesSigned: false }));
            const unsigned = await advance();
            assert.equal(unsigned.status, 422);
            assert.equal(unsigned.body.field, 'steps.serve.partiesSigned');
            assert.match(unsigned.body.details[0].message, /签名/);
          }
          track(await step(data));
          const next = track(await advance());
          assert.equal(next.status, 200, `${name}: ${next.text}`);
        }
        const atReflect = (await server.api(`/api/v1/mediation-cases/${caseId}`, { token: admin })).body;
        assert.equal(atReflect.currentStep, 'reflect');
        assert.equal(atReflect.judicialConfirmationDue, '2026-12-20');
        const pastLast = await advance();
        assert.equal(pastLast.status, 409);
        const badFollowUp = await server.api(`/api/v1/mediation-cases/${caseId}/follow-up`, { token: admin, body: { version, data: { followUpDate: '2026-12-01', performance: 'performed', satisfaction: 9, notes: '', judicialConfirmationReminded: true } } });
        assert.equal(badFollowUp.status, 400);
        assert.equal(badFollowUp.body.field, 'body.data.satisfaction');
        const closed = track(
          await server.api(`/api/v1/mediation-cases/${caseId}/follow-up`, { token: admin, body: { version, data: { followUpDate: '2026-12-01', performance: 'performed', satisfaction: 5, notes: '已履行', judicialConfirmationReminded: true } } }),
        );
        assert.equal(closed.status, 200, closed.text);
        assert.equal(closed.body.status, 'closed');
        assert.deepEqual(closed.body.history.slice(-2).map((entry: Loose) => entry.action), ['follow_up', 'close']);
        const afterClose = await step({});
        assert.equal(afterClose.status, 409);
        const listed = (await server.api('/api/v1/mediation-cases?status=closed&step=reflect&orgUnitId=445102007200', { token: admin })).body.items;
        assert.ok(listed.some((item: Loose) => item.id === caseId));
      });

      it('renders a printable, escaped 调解协议书 with every Art. 29 item under a strict CSP', async () => {
        const response = await server.api(`/api/v1/mediation-cases/${caseId}/agreement`, { token: admin });
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /text\/html/);
        const html = response.text;
        for (const text of [
          '人民调解协议书',
          '陈柔燕', '林晓华', '女', '汉族', '个体经营', '13812341234', '潮州市湘桥区桥东街道下津村三巷5号', // parties
          '纠纷的主要事实', completeSteps.serve.agreement.facts,
          '争议事项', completeSteps.serve.agreement.disputedIssues,
          '责任', completeSteps.serve.agreement.responsibilities,
          '调解协议的内容',
          '履行方式', '银行转账', '2026年12月31日',
          '签名、盖章或按指印', '人民调解员（签名）', '人民调解委员会（印章）',
          '三十日内', '司法确认', '2026年12月20日',
          '@media print',
        ]) {
          assert.ok(html.includes(text), `agreement includes ${text}`);
        }
        assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'), 'terms are escaped');
        assert.ok(!/<script/i.test(html), 'no script in the document');
        const csp = response.headers.get('content-security-policy') ?? '';
        const nonce = /style-src[^;]*'nonce-([^']+)'/.exec(csp)?.[1];
        assert.ok(nonce && html.includes(`<style nonce="${nonce}">`), 'the style block carries the CSP nonce');
        assert.doesNotMatch(csp, /unsafe-inline/);
        const masked = await server.api(`/api/v1/mediation-cases/${caseId}/agreement`, { token: await server.login('xiajin-member') });
        assert.equal(masked.status, 200);
        assert.ok(masked.text.includes('陈*燕') && !masked.text.includes('13812341234'), 'masked for a member');
        const noAgreement = await server.api('/api/v1/mediation-cases', { token: admin, body: { orgUnitId: '445102007' } });
        assert.equal((await server.api(`/api/v1/mediation-cases/${noAgreement.body.id}/agreement`, { token: admin })).status, 404);
      });
    });

    describe('audit log', () => {
      it('records every write in the same transaction', async () => {
        const count = async () => (await server.handle.db.selectFrom('audit_log').select('seq').execute()).length;
        const viewer = await server.login('raoping-viewer');
        const before = await count();
        await server.api('/api/v1/tasks/T06/progress', { token: admin, body: { percent: 12, note: '审计测试' } });
        const row = await server.handle.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
        assert.equal(await count(), before + 1);
        assert.deepEqual([row.actor, row.action, row.entity, row.entity_id], ['user:u-city-admin', 'report_progress', 'task', 'T06']);
        assert.match(row.before_digest ?? '', /^[0-9a-f]{64}$/);
        assert.match(row.after_digest ?? '', /^[0-9a-f]{64}$/);
        const refused = await server.api('/api/v1/tasks/T06/progress', { token: viewer, body: { percent: 13, note: '无权' } });
        assert.equal(refused.status, 403);
        assert.equal(await count(), before + 1, 'a refused write leaves no trace');
        const verified = await verifyAuditChain(server.handle.db);
        assert.equal(verified.ok, true);
      });

      it('detects tampering (verifier and npm run audit:verify name the broken seq)', async () => {
        const env = { ...process.env, QJ_DATA_DIR: server.config.dataDir, DATABASE_URL: server.config.databaseUrl ?? '' };
        const cli = () => spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/audit-verify.ts'], { cwd: repoRoot, env, encoding: 'utf8' });
        const intact = cli();
        assert.equal(intact.status, 0, intact.stdout + intact.stderr);
        assert.match(intact.stdout, /intact/);

        const rows = await server.handle.db.selectFrom('audit_log').select(['seq', 'actor']).orderBy('seq').execute();
        const victim = rows[Math.floor(rows.length / 2)]!;
        await server.handle.db.updateTable('audit_log').set({ actor: 'user:someone-else' }).where('seq', '=', victim.seq).execute();
        const edited = await verifyAuditChain(server.handle.db);
        assert.equal(edited.ok, false);
        assert.equal(!edited.ok && edited.brokenSeq, victim.seq);
        const broken = cli();
        assert.equal(broken.status, 1);
        assert.match(broken.stdout, new RegExp(`BROKEN at seq ${victim.seq}\\b`));

        await server.handle.db.updateTable('audit_log').set({ actor: victim.actor }).where('seq', '=', victim.seq).execute();
        assert.equal((await verifyAuditChain(server.handle.db)).ok, true, 'restored');
        const removed = rows[2]!;
        await server.handle.db.deleteFrom('audit_log').where('seq', '=', removed.seq).execute();
        const deletion = await verifyAuditChain(server.handle.db);
        assert.equal(!deletion.ok && deletion.brokenSeq, removed.seq);
      });
    });
  });
}
