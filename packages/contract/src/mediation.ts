import * as v from 'valibot';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, text, type LocalizedLabel } from './common.js';
import { isMainlandMobile, isResidentIdNumber } from './identity.js';

/** The 茶文化六步调解法 steps, in order. */
export const mediationStepIds = ['identify', 'awaken', 'brew', 'pour', 'serve', 'reflect'] as const;
export type MediationStepId = (typeof mediationStepIds)[number];

/** 案件来源 (人民调解 case file registration). */
export const caseSourceIds = ['party_applied', 'committee_initiative', 'police_transfer', 'court_referral', 'government_assignment'] as const;
export type CaseSource = (typeof caseSourceIds)[number];
export const caseSources: ReadonlyArray<{ id: CaseSource; label: LocalizedLabel }> = [
  { id: 'party_applied', label: { 'zh-CN': '当事人申请', 'zh-HK': '當事人申請', en: 'Applied for by a party' } },
  { id: 'committee_initiative', label: { 'zh-CN': '调委会主动调解', 'zh-HK': '調委會主動調解', en: 'Committee initiative' } },
  { id: 'police_transfer', label: { 'zh-CN': '公安机关移送', 'zh-HK': '公安機關移送', en: 'Transferred by police' } },
  { id: 'court_referral', label: { 'zh-CN': '人民法院委托', 'zh-HK': '人民法院委託', en: 'Referred by a court' } },
  { id: 'government_assignment', label: { 'zh-CN': '政府部门交办', 'zh-HK': '政府部門交辦', en: 'Assigned by government' } },
];

export const disputeTypeIds = [
  'marriage_family',
  'neighbourhood',
  'housing_homestead',
  'contract',
  'business',
  'damages',
  'forest_land',
  'land_acquisition',
  'pollution',
  'labour',
  'consumer',
  'medical',
  'traffic',
  'property_management',
  'other',
] as const;
export type DisputeType = (typeof disputeTypeIds)[number];
export const disputeTypes: ReadonlyArray<{ id: DisputeType; label: LocalizedLabel }> = [
  { id: 'marriage_family', label: { 'zh-CN': '婚姻家庭', 'zh-HK': '婚姻家庭', en: 'Marriage and family' } },
  { id: 'neighbourhood', label: { 'zh-CN': '邻里', 'zh-HK': '鄰里', en: 'Neighbours' } },
  { id: 'housing_homestead', label: { 'zh-CN': '房屋宅基地', 'zh-HK': '房屋宅基地', en: 'Housing and homestead' } },
  { id: 'contract', label: { 'zh-CN': '合同', 'zh-HK': '合同', en: 'Contract' } },
  { id: 'business', label: { 'zh-CN': '生产经营', 'zh-HK': '生產經營', en: 'Production and business' } },
  { id: 'damages', label: { 'zh-CN': '损害赔偿', 'zh-HK': '損害賠償', en: 'Damages' } },
  { id: 'forest_land', label: { 'zh-CN': '山林土地', 'zh-HK': '山林土地', en: 'Forest and land' } },
  { id: 'land_acquisition', label: { 'zh-CN': '征地拆迁', 'zh-HK': '徵地拆遷', en: 'Land acquisition and demolition' } },
  { id: 'pollution', label: { 'zh-CN': '环境污染', 'zh-HK': '環境污染', en: 'Environmental pollution' } },
  { id: 'labour', label: { 'zh-CN': '劳动争议', 'zh-HK': '勞動爭議', en: 'Labour dispute' } },
  { id: 'consumer', label: { 'zh-CN': '消费', 'zh-HK': '消費', en: 'Consumer' } },
  { id: 'medical', label: { 'zh-CN': '医疗', 'zh-HK': '醫療', en: 'Medical' } },
  { id: 'traffic', label: { 'zh-CN': '道路交通', 'zh-HK': '道路交通', en: 'Road traffic' } },
  { id: 'property_management', label: { 'zh-CN': '物业', 'zh-HK': '物業', en: 'Property management' } },
  { id: 'other', label: { 'zh-CN': '其他', 'zh-HK': '其他', en: 'Other' } },
];

export const MobileSchema = v.pipe(v.string(), v.trim(), v.check(isMainlandMobile, 'invalid_phone'));
export const ResidentIdSchema = v.pipe(v.string(), v.trim(), v.toUpperCase(), v.check(isResidentIdNumber, 'invalid_id_number'));

/** 当事人 (Art. 29: the parties' basic details). */
export const PartySchema = v.object({
  name: text(1, 50),
  sex: v.picklist(['male', 'female']),
  ethnicity: text(1, 20),
  age: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(130)),
  occupation: text(1, 50),
  phone: MobileSchema,
  address: text(1, 200),
  idNumber: v.optional(ResidentIdSchema),
});
export type Party = v.InferOutput<typeof PartySchema>;

/** 识茶 — register the case, the parties and the dispute; find the crux (识茶辨症结). */
export const IdentifyStepSchema = v.object({
  source: v.picklist(caseSourceIds),
  disputeType: v.picklist(disputeTypeIds),
  parties: v.pipe(v.array(PartySchema), v.minLength(2), v.maxLength(20)),
  summary: text(1, 4000),
  crux: text(1, 2000),
});
/** 醒茶 — calm emotions, hear each party (default reading, configurable). */
export const AwakenStepSchema = v.object({
  statements: v.pipe(v.array(v.object({ party: v.pipe(v.number(), v.integer(), v.minValue(0)), statement: text(1, 4000) })), v.minLength(1)),
  calming: text(1, 2000),
});
/** 泡茶 — investigate facts, explain law and reason (泡茶明法理). */
export const BrewStepSchema = v.object({
  facts: text(1, 4000),
  evidence: v.array(text(1, 500)),
  lawAndReason: text(1, 4000),
});
/** 斟茶 — propose a measured settlement, negotiate. */
export const PourStepSchema = v.object({
  proposal: text(1, 4000),
  negotiationRecord: text(1, 4000),
});
/** The Art. 29 contents of a written agreement. */
export const AgreementSchema = v.object({
  facts: text(1, 4000),
  disputedIssues: text(1, 4000),
  responsibilities: text(1, 4000),
  terms: text(1, 4000),
  performanceMethod: text(1, 1000),
  performanceDeadline: IsoDateSchema,
});
export type Agreement = v.InferOutput<typeof AgreementSchema>;
/** 敬茶 — reconcile as equals and sign the agreement, or record why none was reached. */
export const ServeStepSchema = v.variant('outcome', [
  v.object({
    outcome: v.literal('agreement'),
    agreement: AgreementSchema,
    /** Art. 29: effective when every party signs/seals/fingerprints, the mediator signs and the committee seals. */
    partiesSigned: v.literal(true, 'parties_must_sign'),
    mediatorSigned: v.literal(true, 'mediator_must_sign'),
    committeeSealed: v.literal(true, 'committee_must_seal'),
    signedOn: IsoDateSchema,
  }),
  v.object({ outcome: v.literal('no_agreement'), noAgreementReason: text(1, 2000) }),
]);
/** 悟茶 — follow-up visit (回访), performance, satisfaction, judicial confirmation reminder (Art. 33, 30 days). */
export const ReflectStepSchema = v.object({
  followUpDate: IsoDateSchema,
  performance: v.picklist(['performed', 'partly_performed', 'not_performed', 'not_applicable']),
  satisfaction: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  notes: text(0, 2000),
  judicialConfirmationReminded: v.boolean(),
});

/** Complete-step schemas: a step must pass these before the case may advance past it. */
export const mediationStepSchemas = {
  identify: IdentifyStepSchema,
  awaken: AwakenStepSchema,
  brew: BrewStepSchema,
  pour: PourStepSchema,
  serve: ServeStepSchema,
  reflect: ReflectStepSchema,
} as const;

export interface MediationStepData {
  identify: v.InferOutput<typeof IdentifyStepSchema>;
  awaken: v.InferOutput<typeof AwakenStepSchema>;
  brew: v.InferOutput<typeof BrewStepSchema>;
  pour: v.InferOutput<typeof PourStepSchema>;
  serve: v.InferOutput<typeof ServeStepSchema>;
  reflect: v.InferOutput<typeof ReflectStepSchema>;
}

/**
 * Draft data of a step: any subset of fields, each field either absent or valid JSON of bounded size.
 * Drafts are saved as typed; completeness is checked on advance.
 */
export const StepDraftSchema = v.pipe(
  v.record(v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/)), v.unknown()),
  v.check((value) => JSON.stringify(value).length <= 100_000, 'draft too large'),
);
export type StepDraft = Record<string, unknown>;

export const caseStatuses = ['open', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const CaseHistoryEntrySchema = v.object({
  at: IsoDateTimeSchema,
  actorName: v.string(),
  action: v.picklist(['create', 'update', 'advance', 'back', 'follow_up', 'close']),
  from: v.nullable(v.picklist(mediationStepIds)),
  to: v.nullable(v.picklist(mediationStepIds)),
  reason: v.nullable(v.string()),
});
export type CaseHistoryEntry = v.InferOutput<typeof CaseHistoryEntrySchema>;

export const MediationCaseSchema = v.object({
  id: IdSchema,
  /** e.g. 潮湘调〔2025〕0012号 */
  caseNumber: v.string(),
  orgUnitId: IdSchema,
  /** 人民调解委员会 name */
  committee: v.string(),
  mediatorName: v.string(),
  status: v.picklist(caseStatuses),
  currentStep: v.picklist(mediationStepIds),
  steps: v.object({
    identify: v.optional(StepDraftSchema),
    awaken: v.optional(StepDraftSchema),
    brew: v.optional(StepDraftSchema),
    pour: v.optional(StepDraftSchema),
    serve: v.optional(StepDraftSchema),
    reflect: v.optional(StepDraftSchema),
  }),
  /** Whether personal data in `steps` is masked for this viewer. */
  masked: v.boolean(),
  /** Optimistic-concurrency version; writes must send the version they read. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  history: v.array(CaseHistoryEntrySchema),
  /** Art. 33: last day to apply jointly for judicial confirmation (signedOn + 30 days), when agreed. */
  judicialConfirmationDue: v.nullable(IsoDateSchema),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type MediationCase = v.InferOutput<typeof MediationCaseSchema>;

export const CreateMediationCaseSchema = v.object({
  orgUnitId: IdSchema,
  identify: v.optional(StepDraftSchema),
});
export const UpdateStepSchema = v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(1)), data: StepDraftSchema });
export const AdvanceSchema = v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(1)) });
export const BackSchema = v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(1)), reason: text(1, 500) });
export const FollowUpSchema = v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(1)), data: ReflectStepSchema });

export const MediationWorkflowSchema = v.object({
  id: IdSchema,
  label: v.string(),
  steps: v.array(
    v.object({
      id: v.picklist(mediationStepIds),
      name: v.string(),
      nameZhHk: v.string(),
      nameEn: v.string(),
      gloss: v.string(),
      glossEn: v.string(),
      /** Top-level fields that must be filled before leaving the step. */
      required: v.array(v.string()),
      /** True when the gloss is our documented default reading, not a published definition. */
      defaultReading: v.boolean(),
    }),
  ),
  transitions: v.array(v.object({ from: v.picklist(mediationStepIds), to: v.picklist(mediationStepIds), kind: v.picklist(['advance', 'back']) })),
});
export type MediationWorkflow = v.InferOutput<typeof MediationWorkflowSchema>;

const requiredOf = (schema: v.ObjectSchema<v.ObjectEntries, undefined>): string[] =>
  Object.entries(schema.entries)
    .filter(([, entry]) => entry.type !== 'optional')
    .map(([key]) => key);

/** The default workflow. 识茶/泡茶/敬茶 glosses are published; 醒茶/斟茶/悟茶 are our labelled default reading. */
export const mediationWorkflow: MediationWorkflow = {
  id: 'tea-six-step',
  label: '茶文化六步调解法（潮州市司法局）；醒茶、斟茶、悟茶释义为本系统默认解读，可配置',
  steps: [
    { id: 'identify', name: '识茶', nameZhHk: '識茶', nameEn: 'Know the tea', gloss: '识茶辨症结：登记案件、当事人与纠纷类型，找准症结', glossEn: 'Register the case and parties; find the crux', required: requiredOf(IdentifyStepSchema), defaultReading: false },
    { id: 'awaken', name: '醒茶', nameZhHk: '醒茶', nameEn: 'Awaken the tea', gloss: '平复情绪，听取各方陈述', glossEn: 'Calm emotions; hear each party', required: requiredOf(AwakenStepSchema), defaultReading: true },
    { id: 'brew', name: '泡茶', nameZhHk: '泡茶', nameEn: 'Brew the tea', gloss: '泡茶明法理：查明事实，释法说理', glossEn: 'Establish facts; explain law and reason', required: requiredOf(BrewStepSchema), defaultReading: false },
    { id: 'pour', name: '斟茶', nameZhHk: '斟茶', nameEn: 'Pour the tea', gloss: '提出适度方案，协商调和（斟茶适度）', glossEn: 'Propose a measured settlement; negotiate', required: requiredOf(PourStepSchema), defaultReading: true },
    { id: 'serve', name: '敬茶', nameZhHk: '敬茶', nameEn: 'Serve the tea', gloss: '敬茶暖亲情：平等和解，签订调解协议', glossEn: 'Reconcile as equals; sign the agreement', required: ['outcome'], defaultReading: false },
    { id: 'reflect', name: '悟茶', nameZhHk: '悟茶', nameEn: 'Reflect on the tea', gloss: '回访履行情况，总结反思', glossEn: 'Follow-up visit; check performance; reflect', required: requiredOf(ReflectStepSchema), defaultReading: true },
  ],
  transitions: mediationStepIds.flatMap((step, index) => {
    const next = mediationStepIds[index + 1];
    const previous = mediationStepIds[index - 1];
    return [
      ...(next ? [{ from: step, to: next, kind: 'advance' as const }] : []),
      ...(previous ? [{ from: step, to: previous, kind: 'back' as const }] : []),
    ];
  }),
};
