/** Pure helpers of the rating badge: which level a rating has, and its name for the branch's organisation type. */
import {
  levelAmong,
  partyOrganizationTypeLabels,
  partyOrganizationTypes,
  type BranchRating,
  type Locale,
  type PartyOrganizationType,
  type RatingLevel,
  type RatingScheme,
} from '@qiangji/contract';
import { t } from '../../i18n/index.js';

/** The part of a rating scheme the badge reads up front (the rest only in its details). */
export type SchemeLevels = Pick<RatingScheme, 'levels'>;

/** 党委 / 党总支 / 党支部 from the end of an organisation's name (潮州市湘桥区西湖社区党支部 → branch). */
export function orgTypeFromName(name: string): PartyOrganizationType | undefined {
  if (name.endsWith('党总支') || name.endsWith('黨總支')) return 'general_branch';
  if (name.endsWith('党支部') || name.endsWith('黨支部')) return 'branch';
  if (name.endsWith('党委') || name.endsWith('黨委') || (name.startsWith('中共') && name.endsWith('委员会'))) return 'committee';
  return undefined;
}

export function isOrgType(value: string | undefined): value is PartyOrganizationType {
  return (partyOrganizationTypes as readonly string[]).includes(value ?? '');
}

/** The scheme's level for the rating's stars (else for its score). */
export function levelOf(rating: BranchRating, scheme: SchemeLevels): RatingLevel | undefined {
  return scheme.levels.find((level) => level.stars === rating.stars) ?? levelAmong(scheme.levels, rating.score);
}

/**
 * The level's name in `locale`: the scheme's when there is one, else the default scheme's from the catalogs (a page
 * carries only its language's names), with the generic 党组织 replaced by the organisation's type:
 * 四星级党组织 → 四星级党支部, Four-star Party organisation → Four-star Party branch.
 */
export function levelName(rating: BranchRating, scheme: SchemeLevels | undefined, locale: Locale, orgType: PartyOrganizationType | undefined): string {
  const level = scheme && levelOf(rating, scheme);
  const stars = Math.min(5, Math.max(0, Math.round(rating.stars))) as 0 | 1 | 2 | 3 | 4 | 5;
  const name = level ? (locale === 'en' ? level.nameEn : locale === 'zh-HK' ? level.nameZhHk : level.name) : scheme ? rating.level : t(locale, `rating.level.${stars}`);
  if (!orgType) return name;
  const generic = t(locale, 'rating.genericOrg');
  return name.endsWith(generic) ? `${name.slice(0, -generic.length)}${partyOrganizationTypeLabels[orgType][locale]}` : name;
}

/**
 * The rating to show from a page of them: the requested year's (else the latest), of the given Party organisation
 * when an org unit has several (a town's committee and its branches).
 */
export function pickRating(all: readonly BranchRating[], year: number | undefined, partyOrganizationId?: string): BranchRating | undefined {
  const items = partyOrganizationId ? all.filter((rating) => rating.partyOrganizationId === partyOrganizationId) : all;
  if (year !== undefined) return items.find((rating) => rating.year === year);
  return items.reduce<BranchRating | undefined>((latest, rating) => (!latest || rating.year > latest.year ? rating : latest), undefined);
}
