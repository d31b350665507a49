/**
 * The part of the rating scheme a rating badge shows at first sight: the default levels with their names, how a
 * score maps to a level, and the flag and field-brand labels. Kept apart from rating.ts (schemas, breakdown items,
 * stage labels, scheme metadata) so a widget that imports these carries nothing else; rating.ts re-exports them.
 */
import type { FieldBrand, RatingFlag, RatingLevel, RatingScheme } from './rating.js';
import { levelAmong } from './rating-level.js';

/** The default scheme's levels (`defaultRatingScheme.levels`), highest first: 95/85/75/65/60 points of 100. */
export const defaultRatingLevels: RatingLevel[] = [
  { stars: 5, minScore: 95, name: '五星级党组织', nameZhHk: '五星級黨組織', nameEn: 'Five-star Party organisation', quota: 0.1 },
  { stars: 4, minScore: 85, name: '四星级党组织', nameZhHk: '四星級黨組織', nameEn: 'Four-star Party organisation', quota: 0.4 },
  { stars: 3, minScore: 75, name: '三星级党组织', nameZhHk: '三星級黨組織', nameEn: 'Three-star Party organisation', quota: 0.3 },
  { stars: 2, minScore: 65, name: '二星级党组织', nameZhHk: '二星級黨組織', nameEn: 'Two-star Party organisation', quota: null },
  { stars: 1, minScore: 60, name: '一星级党组织', nameZhHk: '一星級黨組織', nameEn: 'One-star Party organisation', quota: null },
  { stars: 0, minScore: 0, name: '相对后进党组织', nameZhHk: '相對後進黨組織', nameEn: 'Lagging Party organisation', quota: null },
];

/** The first level of `scheme` (the default scheme when absent) whose minimum the score reaches, else its lowest. */
export function levelForScore(score: number, scheme: Pick<RatingScheme, 'levels'> = { levels: defaultRatingLevels }): RatingLevel {
  const level = levelAmong(scheme.levels, score);
  if (!level) throw new Error('rating scheme has no levels');
  return level;
}

export const ratingFlagLabels: Record<RatingFlag, { 'zh-CN': string; 'zh-HK': string; en: string }> = {
  weak: { 'zh-CN': '软弱涣散', 'zh-HK': '軟弱渙散', en: 'Weak and lax' },
  under_rectification: { 'zh-CN': '整顿中', 'zh-HK': '整頓中', en: 'Under rectification' },
};
export const fieldBrandLabels: Record<FieldBrand, { 'zh-CN': string; 'zh-HK': string; en: string }> = {
  four_good_hospital: { 'zh-CN': '四好医院', 'zh-HK': '四好醫院', en: 'Four-Good Hospital' },
  four_excellent_school: { 'zh-CN': '四优学校', 'zh-HK': '四優學校', en: 'Four-Excellent School' },
  five_strong_enterprise: { 'zh-CN': '五强企业', 'zh-HK': '五強企業', en: 'Five-Strong Enterprise' },
  model_organ: { 'zh-CN': '模范机关', 'zh-HK': '模範機關', en: 'Model Government Organ' },
};
