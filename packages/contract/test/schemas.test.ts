import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v from 'valibot';
import { LoginRequestSchema, TokenResponseSchema } from '../src/auth.js';
import { ApiErrorSchema, IsoDateSchema } from '../src/common.js';
import { errorMessages, fieldErrors, validate } from '../src/errors.js';
import { QjEventSchema } from '../src/events.js';
import { idNumberCheckChar } from '../src/identity.js';
import {
  AdvanceSchema,
  BackSchema,
  CreateMediationCaseSchema,
  FollowUpSchema,
  MediationCaseSchema,
  mediationStepSchemas,
  MediationWorkflowSchema,
  mediationWorkflow,
  PartySchema,
  StepDraftSchema,
  UpdateStepSchema,
} from '../src/mediation.js';
import { OrgUnitSchema, PartyOrganizationSchema } from '../src/org.js';
import { MemberSchema, ServicePointClusterSchema, ServicePointExportSchema, ServicePointSchema, ServiceRecordSchema } from '../src/people.js';
import { MeasureSchema, PlanSchema, ProgressUpdateInputSchema, ProgressUpdateSchema, TaskSchema } from '../src/plan.js';
import { BranchRatingSchema, defaultRatingScheme, RatingSchemeSchema, RatingSummarySchema } from '../src/rating.js';
import { routes, type RouteDef } from '../src/routes.js';

// ---- valid samples -------------------------------------------------------------------------------------------
const at = '2025-03-01T08:00:00+08:00';
const idNumber = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
const party = (name: string, phone: string) => ({
  name, sex: 'female', ethnicity: '汉族', age: 42, occupation: '茶农', phone, address: '潮安区凤凰镇凤西村', idNumber: idNumber('44510319830214002'),
});
const agreement = {
  facts: '双方因宅基地边界发生争执', disputedIssues: '围墙位置', responsibilities: '双方各负其责', terms: '围墙后退0.5米',
  performanceMethod: '甲方自行拆除重建', performanceDeadline: '2025-04-30',
};
const steps = {
  identify: { source: 'party_applied', disputeType: 'housing_homestead', parties: [party('陈柔燕', '13812341234'), party('林伟', '13923456789')], summary: '宅基地边界纠纷', crux: '围墙越界' },
  awaken: { statements: [{ party: 0, statement: '对方围墙占了我家地' }], calming: '请双方品茶，平复情绪' },
  brew: { facts: '经测量围墙越界0.5米', evidence: ['现场照片'], lawAndReason: '《民法典》第二百八十八条' },
  pour: { proposal: '围墙后退0.5米', negotiationRecord: '双方同意' },
  serve: { outcome: 'agreement', agreement, partiesSigned: true, mediatorSigned: true, committeeSealed: true, signedOn: '2025-03-20' },
  reflect: { followUpDate: '2025-05-10', performance: 'performed', satisfaction: 5, notes: '', judicialConfirmationReminded: true },
} as const;
const task = {
  id: 'T1-1', measureId: 'M1', code: '1.1', title: '健全组织体系', titleEn: 'Strengthen the organisation', source: '新闻原文', reconstructed: true,
  leadUnit: '市委组织部', cooperatingUnits: ['各区县党委'], targets: { '2024': '启动', '2025': '推进', '2026': '完成' },
  milestones: [{ id: 'T1-1-m1', title: '完成摸底', dueDate: '2024-06-30', doneAt: '2024-06-20' }],
  startDate: '2024-01-01', dueDate: '2026-12-31', orgUnitId: '4451', progress: 40, status: 'on_track', warning: 'none',
  lastUpdate: { at, percent: 40, authorName: '李明', note: '按计划推进' }, history: [{ at, percent: 40 }], updatedAt: at,
};
const measure = { id: 'M1', order: 1, title: '强化组织体系', titleEn: 'Organisation', summary: '摘要', source: '来源', reconstructed: false, taskIds: ['T1-1'] };
const user = { id: 'u1', username: 'admin', displayName: '管理员', role: 'city_admin', orgUnitId: '4451' };
const rating = {
  id: 'r1', orgUnitId: '445102007200', orgUnitName: '下津村', partyOrganizationId: 'po1', partyOrganizationName: '下津村党支部', year: 2024,
  score: 96.5, stars: 5, level: '五星级党组织', flags: [], brands: [], stage: 'confirmed', breakdown: [{ id: 'political', score: 19, max: 20 }],
};
const mediationCase = {
  id: 'c1', caseNumber: '潮湘调〔2025〕0012号', orgUnitId: '445102', committee: '湘桥区人民调解委员会', mediatorName: '黄调解', status: 'open',
  currentStep: 'awaken', steps: { identify: steps.identify, awaken: {} }, masked: false, version: 3,
  history: [{ at, actorName: '黄调解', action: 'advance', from: 'identify', to: 'awaken', reason: null }],
  judicialConfirmationDue: null, createdAt: at, updatedAt: at,
};

interface Case {
  name: string;
  schema: v.GenericSchema;
  valid: unknown;
  /** Bad inputs and the dotted field path the first matching error must name. */
  invalid: Array<[input: unknown, field: string]>;
}
const without = <T extends object>(value: T, key: keyof T) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
const cases: Case[] = [
  {
    name: 'OrgUnit', schema: OrgUnitSchema,
    valid: { id: '445102', kind: 'district', name: '湘桥区', code: '445102', parentId: '4451', path: '/4451/445102/', depth: 1, center: { lon: 116.63, lat: 23.67 }, childCount: 12 },
    invalid: [[{ id: '445102', kind: 'planet' }, 'kind'], [{ id: '445102', kind: 'district', name: '湘桥区', code: '44x', parentId: null, path: '4451', depth: 0, center: null, childCount: 0 }, 'code']],
  },
  {
    name: 'PartyOrganization', schema: PartyOrganizationSchema,
    valid: { id: 'po1', orgUnitId: '445102007200', type: 'branch', name: '下津村党支部', secretaryName: '陈*燕', memberCount: 31, field: 'rural' },
    invalid: [[{ id: 'po1', orgUnitId: 'x', type: 'branch', name: '', secretaryName: '', memberCount: -1, field: 'rural' }, 'name']],
  },
  { name: 'Task', schema: TaskSchema, valid: task, invalid: [[{ ...task, progress: 101 }, 'progress'], [{ ...task, milestones: [{ ...task.milestones[0], dueDate: '2024-02-30' }] }, 'milestones.0.dueDate']] },
  { name: 'Measure', schema: MeasureSchema, valid: measure, invalid: [[{ ...measure, order: 0 }, 'order'], [{ ...measure, taskIds: ['bad id'] }, 'taskIds.0']] },
  {
    name: 'Plan', schema: PlanSchema,
    valid: {
      id: 'plan', title: '强基方案', titleEn: 'QiangJi plan', issuer: '中共潮州市委', period: { start: '2024-01-01', end: '2026-12-31' }, announcedAt: '2024-03-01',
      source: 'news', sourceDocument: { title: 't', publisher: 'p', date: '2024-03-01', note: 'n' }, reconstructed: true, measures: [measure], taskCount: 1,
    },
    invalid: [[{ id: 'plan', measures: [{ ...measure, title: '' }] }, 'measures.0.title']],
  },
  {
    name: 'ProgressUpdate', schema: ProgressUpdateSchema,
    valid: { id: 'pu1', taskId: 'T1-1', authorId: 'u1', authorName: '李明', at, percent: 40, note: '', evidence: [] },
    invalid: [[{ id: 'pu1', taskId: 'T1-1', authorId: 'u1', authorName: '李明', at: '2025-03-01 08:00', percent: 40, note: '', evidence: [] }, 'at']],
  },
  {
    name: 'ProgressUpdateInput', schema: ProgressUpdateInputSchema,
    valid: { percent: 60, note: '完成摸底', evidence: ['https://example.cn/report.pdf'] },
    invalid: [[{ percent: 60, note: '   ' }, 'note'], [{ percent: 60, note: 'x', evidence: ['ftp://example.cn/report.pdf'] }, 'evidence.0'], [{ percent: 60.5, note: 'x' }, 'percent']],
  },
  { name: 'RatingScheme', schema: RatingSchemeSchema, valid: defaultRatingScheme, invalid: [[{ ...defaultRatingScheme, levels: [{ ...defaultRatingScheme.levels[0], stars: 6 }] }, 'levels.0.stars']] },
  { name: 'BranchRating', schema: BranchRatingSchema, valid: rating, invalid: [[{ ...rating, flags: ['lazy'] }, 'flags.0'], [{ ...rating, year: 1999 }, 'year']] },
  {
    name: 'RatingSummary', schema: RatingSummarySchema,
    valid: { orgUnitId: '4451', year: 2024, total: 10, byStars: { 0: 1, 1: 1, 2: 2, 3: 2, 4: 2, 5: 2 }, flags: { weak: 1, under_rectification: 0 }, averageScore: 81.2 },
    invalid: [[{ orgUnitId: '4451', year: 2024, total: 10, byStars: { 0: 1 }, flags: { weak: 1, under_rectification: 0 }, averageScore: null }, 'byStars.1']],
  },
  {
    name: 'Member', schema: MemberSchema,
    valid: { id: 'm1', name: '陈*燕', sex: 'female', birthYear: 1985, phone: '138****1234', idNumber: '445103********0021', orgUnitId: '445103', partyOrganizationId: 'po1', joinedAt: '2010-07-01', masked: true },
    invalid: [[{ id: 'm1', name: '陈*燕', sex: 'x' }, 'sex']],
  },
  {
    name: 'ServicePoint', schema: ServicePointSchema,
    valid: { id: 'sp1', name: '下津村党群服务中心', type: 'party_service_center', lon: 116.65, lat: 23.68, crs: 'WGS84', orgUnitId: '445102007200', districtCode: '445102', address: '湘桥区桥东街道', recordCount: 12 },
    invalid: [[{ id: 'sp1', name: 'x', type: 'party_service_center', lon: 116.65, lat: 23.68, crs: 'EPSG:3857' }, 'crs']],
  },
  {
    name: 'ServiceRecord', schema: ServiceRecordSchema,
    valid: { id: 'sr1', memberId: 'm1', memberName: '陈*燕', servicePointId: 'sp1', orgUnitId: '445102', kind: 'visit', at, note: '' },
    invalid: [[{ id: 'sr1', memberId: 'm1', memberName: 'x', servicePointId: 'sp1', orgUnitId: '445102', kind: 'party', at, note: '' }, 'kind']],
  },
  {
    name: 'ServicePointCluster', schema: ServicePointClusterSchema,
    valid: { id: 'c:5:1:2', lon: 116.6, lat: 23.6, count: 3, byType: { elder_canteen: 3 }, pointId: null },
    invalid: [[{ id: 'c', lon: 116.6, lat: 23.6, count: 0, byType: {}, pointId: null }, 'count'], [{ id: 'c', lon: 116.6, lat: 23.6, count: 2, byType: { elder_canteen: '2' }, pointId: null }, 'byType.elder_canteen']],
  },
  {
    name: 'ServicePointExport', schema: ServicePointExportSchema,
    valid: { count: 1, crs: 'WGS84', types: ['elder_canteen'], orgUnitIds: ['445102'], ids: ['sp1'], lon: 'AAAA', lat: 'AAAA', type: 'AA==', org: 'AAAAAA==', records: 'AAAAAA==' },
    invalid: [[{ count: 1, crs: 'GCJ02' }, 'crs']],
  },
  {
    name: 'Party', schema: PartySchema, valid: steps.identify.parties[0],
    invalid: [[{ ...steps.identify.parties[0], phone: '12812341234' }, 'phone'], [{ ...steps.identify.parties[0], idNumber: '440401199001011760' }, 'idNumber'], [without(steps.identify.parties[0], 'name'), 'name']],
  },
  {
    name: 'IdentifyStep', schema: mediationStepSchemas.identify, valid: steps.identify,
    invalid: [
      [{ ...steps.identify, parties: [steps.identify.parties[0], { ...steps.identify.parties[1], phone: '1381234' }] }, 'parties.1.phone'],
      [{ ...steps.identify, parties: [steps.identify.parties[0]] }, 'parties'],
      [{ ...steps.identify, disputeType: 'feud' }, 'disputeType'],
    ],
  },
  { name: 'AwakenStep', schema: mediationStepSchemas.awaken, valid: steps.awaken, invalid: [[{ ...steps.awaken, statements: [{ party: -1, statement: 'x' }] }, 'statements.0.party']] },
  { name: 'BrewStep', schema: mediationStepSchemas.brew, valid: steps.brew, invalid: [[{ ...steps.brew, evidence: [''] }, 'evidence.0']] },
  { name: 'PourStep', schema: mediationStepSchemas.pour, valid: steps.pour, invalid: [[{ proposal: 'x' }, 'negotiationRecord']] },
  {
    name: 'ServeStep', schema: mediationStepSchemas.serve, valid: steps.serve,
    invalid: [
      [{ ...steps.serve, agreement: without(agreement, 'performanceDeadline') }, 'agreement.performanceDeadline'],
      [{ ...steps.serve, agreement: { ...agreement, performanceDeadline: '2025-02-30' } }, 'agreement.performanceDeadline'],
      [{ ...steps.serve, committeeSealed: false }, 'committeeSealed'],
      [{ outcome: 'no_agreement', noAgreementReason: '' }, 'noAgreementReason'],
      [{ outcome: 'maybe' }, 'outcome'],
    ],
  },
  { name: 'ReflectStep', schema: mediationStepSchemas.reflect, valid: steps.reflect, invalid: [[{ ...steps.reflect, satisfaction: 6 }, 'satisfaction']] },
  { name: 'StepDraft', schema: StepDraftSchema, valid: { summary: '草稿', parties: [{}] }, invalid: [[{ 'bad key': 1 }, 'bad key'], [{ big: 'x'.repeat(100_001) }, '']] },
  { name: 'MediationCase', schema: MediationCaseSchema, valid: mediationCase, invalid: [[{ ...mediationCase, version: 0 }, 'version'], [{ ...mediationCase, history: [{ ...mediationCase.history[0], action: 'delete' }] }, 'history.0.action']] },
  { name: 'CreateMediationCase', schema: CreateMediationCaseSchema, valid: { orgUnitId: '445102', identify: { summary: '草稿' } }, invalid: [[{}, 'orgUnitId']] },
  { name: 'UpdateStep', schema: UpdateStepSchema, valid: { version: 1, data: { crux: '围墙' } }, invalid: [[{ version: 1.5, data: {} }, 'version'], [{ version: 1 }, 'data']] },
  { name: 'Advance', schema: AdvanceSchema, valid: { version: 2 }, invalid: [[{ version: '2' }, 'version']] },
  { name: 'Back', schema: BackSchema, valid: { version: 2, reason: '当事人补充材料' }, invalid: [[{ version: 2, reason: 'x'.repeat(501) }, 'reason']] },
  { name: 'FollowUp', schema: FollowUpSchema, valid: { version: 7, data: steps.reflect }, invalid: [[{ version: 7, data: { ...steps.reflect, followUpDate: '10/05/2025' } }, 'data.followUpDate']] },
  { name: 'MediationWorkflow', schema: MediationWorkflowSchema, valid: mediationWorkflow, invalid: [[{ ...mediationWorkflow, transitions: [{ from: 'identify', to: 'drink', kind: 'advance' }] }, 'transitions.0.to']] },
  { name: 'LoginRequest', schema: LoginRequestSchema, valid: { username: 'admin', password: 'secret' }, invalid: [[{ username: '', password: 'x' }, 'username'], [{ username: 'admin' }, 'password']] },
  {
    name: 'TokenResponse', schema: TokenResponseSchema, valid: { accessToken: 'a.b.c', refreshToken: 'r'.repeat(20), expiresIn: 900, user },
    invalid: [[{ accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: { ...user, role: 'king' } }, 'user.role']],
  },
  {
    name: 'QjEvent', schema: QjEventSchema,
    valid: { id: '42', at, orgUnitId: '4451', type: 'task.progress', data: { taskId: 'T1-1', percent: 50, status: 'on_track', warning: 'none', authorName: '李明' } },
    invalid: [[{ id: '42', at, orgUnitId: '4451', type: 'case.created', data: { caseId: 'c1', step: 'drink' } }, 'data.step'], [{ id: '42', type: 'party' }, 'type']],
  },
  {
    name: 'ApiError', schema: ApiErrorSchema,
    valid: { code: 'validation_failed', message: '输入有误', messageEn: 'Invalid input', field: 'body.name', requestId: 'r1', details: [{ field: 'body.name', message: 'm', messageEn: 'e' }] },
    invalid: [[{ code: 'x', message: 'm', messageEn: 'e' }, 'requestId']],
  },
];

/** Query strings, exactly as they arrive in a URL. Every route with a query schema must be listed. */
const queryCases: Record<string, { valid: Record<string, string>; invalid: Array<[Record<string, string>, string]> }> = {
  listTasks: { valid: { measureId: 'M1', status: 'on_track,at_risk', warning: 'red', limit: '50', cursor: 'abc' }, invalid: [[{ status: 'on_track,lazy' }, 'status.1'], [{ limit: '501' }, 'limit'], [{ limit: '-1' }, 'limit']] },
  listOrgUnits: { valid: { subtreeOf: '4451', q: '桥东', kind: 'town,street' }, invalid: [[{ q: '' }, 'q'], [{ kind: '' }, 'kind']] },
  listPartyOrganizations: { valid: { orgUnitId: '445102' }, invalid: [[{ orgUnitId: '../etc' }, 'orgUnitId']] },
  listRatings: { valid: { year: '2024', stars: '5' }, invalid: [[{ year: '1999' }, 'year'], [{ stars: '6' }, 'stars'], [{ year: '20x4' }, 'year']] },
  getRatingSummary: { valid: { year: '2024' }, invalid: [[{}, 'year']] },
  listMembers: { valid: { orgUnitId: '445102', q: '陈' }, invalid: [[{ q: 'x'.repeat(51) }, 'q']] },
  listServiceRecords: { valid: { kind: 'visit,volunteer', from: '2025-01-01', to: '2025-12-31' }, invalid: [[{ from: '2025-13-01' }, 'from']] },
  listServicePoints: { valid: { bbox: '116.2,23.4,117.3,24.3', type: 'elder_canteen' }, invalid: [[{ bbox: '117.3,23.4,116.2,24.3' }, 'bbox'], [{ type: 'shop' }, 'type.0']] },
  clusterServicePoints: { valid: { bbox: '116.2,23.4,117.3,24.3', zoom: '10' }, invalid: [[{ bbox: '116.2,23.4,117.3,24.3' }, 'zoom'], [{ bbox: '116.2,23.4,117.3,24.3', zoom: '23' }, 'zoom'], [{ zoom: '3' }, 'bbox']] },
  exportServicePoints: { valid: { type: 'tea_mediation_room,other' }, invalid: [[{ bbox: 'everywhere' }, 'bbox']] },
  listMediationCases: { valid: { status: 'open', step: 'identify,serve' }, invalid: [[{ step: 'drink' }, 'step.0']] },
  events: { valid: { types: 'task.progress,case.updated', lastEventId: '42' }, invalid: [[{ types: 'task.deleted' }, 'types.0']] },
};

const assertRejects = (schema: v.GenericSchema, input: unknown, field: string, label: string) => {
  const result = validate(schema, input);
  assert.equal(result.ok, false, `${label}: ${JSON.stringify(input).slice(0, 120)} must fail`);
  if (result.ok) return;
  const fields = result.errors.map((error) => error.field);
  assert.ok(fields.includes(field), `${label}: expected an error on "${field}", got ${JSON.stringify(fields)}`);
  for (const error of result.errors) {
    assert.match(error.message, /[\u4e00-\u9fff]/u, `${label}: zh-CN message`);
    assert.match(error.messageEn, /^[A-Z]/, `${label}: English message`);
  }
};

describe('schemas: one valid sample passes, bad input names the field', () => {
  for (const { name, schema, valid, invalid } of cases) {
    it(name, () => {
      const result = validate(schema, valid);
      assert.ok(result.ok, `${name} valid sample: ${JSON.stringify(result.ok ? [] : result.errors)}`);
      assert.ok(invalid.length > 0);
      for (const [input, field] of invalid) assertRejects(schema, input, field, name);
    });
  }

  it('covers every mediation step schema', () => {
    for (const step of Object.keys(mediationStepSchemas)) assert.ok(cases.some((entry) => entry.schema === mediationStepSchemas[step as keyof typeof mediationStepSchemas]), step);
  });
});

describe('route query schemas (URL strings in, typed values out)', () => {
  const withQuery = (Object.entries(routes) as Array<[string, RouteDef]>).filter(([, route]) => route.query);
  it('every route with a query has a case here', () => {
    assert.deepEqual(withQuery.map(([name]) => name).sort(), Object.keys(queryCases).sort());
  });
  for (const [name, route] of withQuery) {
    it(name, () => {
      const entry = queryCases[name];
      assert.ok(entry && route.query);
      const result = validate(route.query, entry.valid);
      assert.ok(result.ok, `${name}: ${JSON.stringify(result.ok ? [] : result.errors)}`);
      for (const [input, field] of entry.invalid) assertRejects(route.query, input, field, name);
    });
  }

  it('converts lists, numbers and bbox', () => {
    const tasks = validate(routes.listTasks.query, { status: 'on_track,at_risk', limit: '20' });
    assert.ok(tasks.ok);
    assert.deepEqual(tasks.value.status, ['on_track', 'at_risk']);
    assert.equal(tasks.value.limit, 20);
    const clusters = validate(routes.clusterServicePoints.query, { bbox: '116.2,23.4,117.3,24.3', zoom: '9' });
    assert.ok(clusters.ok);
    assert.deepEqual(clusters.value.bbox, [116.2, 23.4, 117.3, 24.3]);
    assert.equal(clusters.value.zoom, 9);
  });
});

describe('calendar dates', () => {
  it('accepts every real day from year 0000 to 9999 and refuses days that do not exist', () => {
    for (const date of ['0000-01-01', '0052-02-29', '0099-12-31', '2024-02-29', '9999-12-31']) assert.ok(v.is(IsoDateSchema, date), date);
    for (const date of ['0050-02-30', '0100-02-29', '2023-02-29', '2025-04-31', '2025-13-01']) assert.ok(!v.is(IsoDateSchema, date), date);
  });
});

describe('field error messages', () => {
  const first = (schema: v.GenericSchema, input: unknown, prefix?: string) => {
    const result = validate(schema, input, prefix);
    assert.equal(result.ok, false);
    return result.ok ? undefined : result.errors[0];
  };
  const expected: Array<[label: string, schema: v.GenericSchema, input: unknown, zh: string, en: RegExp]> = [
    ['required (missing)', LoginRequestSchema, { username: 'a' }, '此项为必填项', /^This field is required/],
    ['required (blank)', LoginRequestSchema, { username: '  ', password: 'x' }, '此项为必填项', /^This field is required/],
    ['too_long', BackSchema, { version: 1, reason: 'x'.repeat(501) }, '内容太长', /^Too long/],
    ['too_small', AdvanceSchema, { version: 0 }, '数值太小', /^Too small/],
    ['too_large', mediationStepSchemas.reflect, { ...steps.reflect, satisfaction: 9 }, '数值太大', /^Too large/],
    ['picklist', PartySchema, { ...steps.identify.parties[0], sex: 'x' }, '不是可选的值', /^Not one of the allowed values/],
    ['type', AdvanceSchema, { version: 'one' }, '格式不正确', /^Wrong format/],
    ['invalid_phone', PartySchema, { ...steps.identify.parties[0], phone: '10000000000' }, '请输入正确的11位手机号码', /^Enter a valid 11-digit mainland mobile number$/],
    ['invalid_id_number', PartySchema, { ...steps.identify.parties[0], idNumber: '44040119900230001X' }, '身份证号码无效（请检查出生日期和校验位）', /^Invalid ID number/],
    ['iso_date', mediationStepSchemas.reflect, { ...steps.reflect, followUpDate: '2025-02-29' }, '请输入日期（YYYY-MM-DD）', /^Enter a date/],
    ['iso_timestamp', ProgressUpdateSchema, { id: 'a', taskId: 'b', authorId: 'c', authorName: 'd', at: 'yesterday', percent: 1, note: '', evidence: [] }, '请输入时间（ISO 8601）', /^Enter a timestamp/],
    ['parties_must_sign', mediationStepSchemas.serve, { ...steps.serve, partiesSigned: false }, '协议须经各方当事人签名、盖章或按指印', /^Every party must sign/],
    ['mediator_must_sign', mediationStepSchemas.serve, { ...steps.serve, mediatorSigned: false }, '协议须经调解员签名', /^The mediator must sign/],
  ];
  for (const [label, schema, input, zh, en] of expected) {
    it(label, () => {
      const error = first(schema, input);
      assert.equal(error?.message, zh);
      assert.match(error?.messageEn ?? '', en);
    });
  }

  it('prefixes the dotted path', () => {
    const error = first(mediationStepSchemas.identify, { ...steps.identify, parties: [steps.identify.parties[0], { ...steps.identify.parties[1], phone: 'x' }] }, 'body.data');
    assert.equal(error?.field, 'body.data.parties.1.phone');
    assert.equal(first(routes.listTasks.query, { limit: '0' }, 'query')?.field, 'query.limit');
    assert.equal(fieldErrors([{ kind: 'schema', type: 'string', input: 1, expected: 'string', received: '1', message: 'x' }] as never, 'body')[0]?.field, 'body');
  });

  it('never resolves a message to an Object.prototype member', () => {
    const error = first(v.pipe(v.string(), v.check(() => false, 'toString')), 'x');
    assert.equal(error?.message, '格式不正确');
  });

  it('every error code has a zh-CN and an English message', () => {
    for (const [code, [zh, en]] of Object.entries(errorMessages)) {
      assert.match(zh, /[\u4e00-\u9fff]/u, code);
      assert.match(en, /^[A-Z][\x20-\x7e]+$/, code);
    }
  });
});
