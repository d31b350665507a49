import * as v from 'valibot';
import { IdSchema, YearSchema } from './common.js';
import { defaultRatingLevels, levelForScore } from './rating-labels.js';

export { defaultRatingLevels, fieldBrandLabels, levelForScore, ratingFlagLabels } from './rating-labels.js';
export { levelAmong } from './rating-level.js';

export const ratingFlags = ['weak', 'under_rectification'] as const;
export type RatingFlag = (typeof ratingFlags)[number];
export const fieldBrands = ['four_good_hospital', 'four_excellent_school', 'five_strong_enterprise', 'model_organ'] as const;
export type FieldBrand = (typeof fieldBrands)[number];
/** 自评 → 群众测评 → 组织考评 → 公示 → 确认 */
export const assessmentStages = ['self', 'mass', 'organization', 'notice', 'confirmed'] as const;
export type AssessmentStage = (typeof assessmentStages)[number];

export const RatingLevelSchema = v.object({
  stars: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)),
  minScore: v.number(),
  name: v.string(),
  nameZhHk: v.string(),
  nameEn: v.string(),
  /** Share of organisations that may hold this level, when the scheme sets quotas. */
  quota: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
});
export type RatingLevel = v.InferOutput<typeof RatingLevelSchema>;

export const RatingSchemeSchema = v.object({
  id: IdSchema,
  name: v.string(),
  maxScore: v.number(),
  /** Highest first; an organisation gets the first level whose minScore it reaches. */
  levels: v.array(RatingLevelSchema),
  /** Organisations below this many stars are flagged 软弱涣散 candidates. */
  weakBelowStars: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)),
  breakdownItems: v.array(v.object({ id: IdSchema, name: v.string(), nameEn: v.string(), max: v.number() })),
  label: v.string(),
});
export type RatingScheme = v.InferOutput<typeof RatingSchemeSchema>;

export const BranchRatingSchema = v.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: v.string(),
  partyOrganizationId: IdSchema,
  partyOrganizationName: v.string(),
  year: YearSchema,
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1000)),
  stars: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)),
  level: v.string(),
  flags: v.array(v.picklist(ratingFlags)),
  brands: v.array(v.picklist(fieldBrands)),
  stage: v.picklist(assessmentStages),
  breakdown: v.array(v.object({ id: IdSchema, score: v.number(), max: v.number() })),
});
export type BranchRating = v.InferOutput<typeof BranchRatingSchema>;

export const RatingSummarySchema = v.object({
  orgUnitId: IdSchema,
  year: YearSchema,
  total: v.number(),
  byStars: v.object({ '0': v.number(), '1': v.number(), '2': v.number(), '3': v.number(), '4': v.number(), '5': v.number() }),
  flags: v.object({ weak: v.number(), under_rectification: v.number() }),
  averageScore: v.nullable(v.number()),
});
export type RatingSummary = v.InferOutput<typeof RatingSummarySchema>;

/**
 * Default scheme: the 100-point scheme seen elsewhere (domain.md). No Guangdong/Chaozhou thresholds are public,
 * so this is configuration with a labelled default.
 */
export const defaultRatingScheme: RatingScheme = {
  id: 'default-100',
  name: '百分制星级评定（默认方案，可配置）',
  maxScore: 100,
  levels: defaultRatingLevels,
  weakBelowStars: 1,
  breakdownItems: [
    { id: 'political', name: '政治功能', nameEn: 'Political function', max: 20 },
    { id: 'organization', name: '组织建设', nameEn: 'Organisation building', max: 20 },
    { id: 'members', name: '党员队伍', nameEn: 'Member management', max: 20 },
    { id: 'service', name: '服务群众', nameEn: 'Serving the people', max: 20 },
    { id: 'development', name: '推动发展', nameEn: 'Driving development', max: 20 },
  ],
  label: 'Default 100-point scheme from domain.md (95/85/75/65/60); Chaozhou thresholds are not public — configure per city.',
};

export const assessmentStageLabels: Record<AssessmentStage, { 'zh-CN': string; 'zh-HK': string; en: string }> = {
  self: { 'zh-CN': '自评', 'zh-HK': '自評', en: 'Self-assessment' },
  mass: { 'zh-CN': '群众测评', 'zh-HK': '群眾測評', en: 'Public assessment' },
  organization: { 'zh-CN': '组织考评', 'zh-HK': '組織考評', en: 'Organisation review' },
  notice: { 'zh-CN': '公示', 'zh-HK': '公示', en: 'Public notice' },
  confirmed: { 'zh-CN': '确认', 'zh-HK': '確認', en: 'Confirmed' },
};

const round1 = (value: number): number => Math.round(value * 10) / 10;

/**
 * What an assessor records for one organisation and year (PUT /org-units/:id/ratings/:year). Stars and level are
 * not sent: they follow from the score through the scheme. The breakdown names every scheme item once, each within
 * its maximum, and adds up to the score (to 0.1 point).
 */
export const RecordRatingSchema = v.pipe(
  v.object({
    score: v.pipe(v.number(), v.minValue(0), v.maxValue(defaultRatingScheme.maxScore)),
    breakdown: v.pipe(
      v.array(v.object({ id: v.picklist(defaultRatingScheme.breakdownItems.map((item) => item.id)), score: v.pipe(v.number(), v.minValue(0), v.maxValue(defaultRatingScheme.maxScore)) })),
      v.length(defaultRatingScheme.breakdownItems.length),
    ),
    flags: v.pipe(v.array(v.picklist(ratingFlags)), v.maxLength(ratingFlags.length)),
    brands: v.pipe(v.array(v.picklist(fieldBrands)), v.maxLength(fieldBrands.length)),
    stage: v.picklist(assessmentStages),
  }),
  v.forward(
    v.check(({ breakdown }) => new Set(breakdown.map((item) => item.id)).size === breakdown.length, 'duplicate_item'),
    ['breakdown'],
  ),
  v.forward(
    v.check(({ breakdown }) => breakdown.every((item) => item.score <= (defaultRatingScheme.breakdownItems.find((candidate) => candidate.id === item.id)?.max ?? 0)), 'too_large'),
    ['breakdown'],
  ),
  v.forward(
    v.check(({ score, breakdown }) => Math.abs(round1(breakdown.reduce((sum, item) => sum + item.score, 0)) - round1(score)) < 0.05, 'breakdown_sum'),
    ['breakdown'],
  ),
);
export type RecordRating = v.InferOutput<typeof RecordRatingSchema>;

/** What the scheme derives from a recorded assessment: stars and level from the score, 软弱涣散 implied below `weakBelowStars`, item maxima. */
export function assessRating(input: RecordRating, scheme: RatingScheme = defaultRatingScheme): Pick<BranchRating, 'score' | 'stars' | 'level' | 'flags' | 'brands' | 'stage' | 'breakdown'> {
  const level = levelForScore(input.score, scheme);
  const flags = level.stars < scheme.weakBelowStars && !input.flags.includes('weak') ? (['weak', ...input.flags] as RatingFlag[]) : [...input.flags];
  const maxOf = new Map(scheme.breakdownItems.map((item) => [item.id, item.max]));
  return {
    score: input.score,
    stars: level.stars,
    level: level.name,
    flags,
    brands: [...input.brands],
    stage: input.stage,
    breakdown: input.breakdown.map((item) => ({ id: item.id, score: item.score, max: maxOf.get(item.id) ?? 0 })),
  };
}
