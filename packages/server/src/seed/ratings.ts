/** Star ratings for 2024 and 2025 of every Party organisation, by the default 100-point scheme. */
import { defaultRatingScheme, levelForScore, type FieldBrand, type RatingFlag } from '@qiangji/contract';
import type { PartyOrganizationTable, RatingTable } from '../db/schema.js';
import type { OrgTree } from './org-tree.js';
import type { Random } from './prng.js';

const brandByKind: Record<string, FieldBrand> = {
  hospital: 'four_good_hospital',
  school: 'four_excellent_school',
  enterprise: 'five_strong_enterprise',
  organ: 'model_organ',
};

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Splits a score over the breakdown items (each ≤ its max), summing exactly to the score. */
function breakdown(score: number, random: Random) {
  const items = defaultRatingScheme.breakdownItems;
  const total = items.reduce((sum, item) => sum + item.max, 0);
  const shares = items.map(() => Math.max(0.2, random.normal(1, 0.08)));
  const raw = items.map((item, index) => Math.min(item.max, (score / total) * item.max * shares[index]!));
  const parts = raw.map(round1);
  let diff = round1(score - parts.reduce((a, b) => a + b, 0));
  for (let index = 0; Math.abs(diff) >= 0.05 && index < items.length * 4; index += 1) {
    const at = index % items.length;
    const room = diff > 0 ? items[at]!.max - parts[at]! : parts[at]!;
    const step = round1(Math.sign(diff) * Math.min(Math.abs(diff), room));
    parts[at] = round1(parts[at]! + step);
    diff = round1(diff - step);
  }
  return items.map((item, index) => ({ id: item.id, score: parts[index]!, max: item.max }));
}

export function buildRatings(tree: OrgTree, random: Random, years: number[] = [2024, 2025]): RatingTable[] {
  const rows: RatingTable[] = [];
  const previous = new Map<string, { score: number; weak: boolean }>();
  for (const year of years) {
    const scored = tree.partyOrganizations.map((org: PartyOrganizationTable) => {
      const before = previous.get(org.id);
      const score = Math.max(35, Math.min(100, round1(before ? before.score + random.normal(1.2, 4) : random.normal(83, 7.5))));
      return { org, score };
    });
    // The bottom ~5% of each year are flagged 软弱涣散; those already flagged last year are under rectification.
    const threshold = [...scored].sort((a, b) => a.score - b.score)[Math.floor(scored.length * 0.05)]?.score ?? 0;
    for (const { org, score } of scored) {
      const unit = tree.byId.get(org.org_unit_id)!;
      const level = levelForScore(score);
      const wasWeak = previous.get(org.id)?.weak ?? false;
      const weak = score < threshold || level.stars < defaultRatingScheme.weakBelowStars;
      const flags: RatingFlag[] = [];
      if (weak) flags.push('weak');
      if ((weak && wasWeak) || (weak && year === years[0] && random.chance(0.5)) || (wasWeak && !weak && random.chance(0.5))) flags.push('under_rectification');
      const brand = brandByKind[unit.kind];
      const brands: FieldBrand[] = brand && level.stars >= 4 ? [brand] : [];
      rows.push({
        id: `r${year}-${org.org_unit_id}`,
        org_unit_id: org.org_unit_id,
        org_unit_name: unit.name,
        org_path: org.org_path,
        party_organization_id: org.id,
        party_organization_name: org.name,
        year,
        score,
        stars: level.stars,
        level: level.name,
        flags: JSON.stringify(flags),
        brands: JSON.stringify(brands),
        stage: year === years[years.length - 1] && random.chance(0.08) ? 'notice' : 'confirmed',
        breakdown: JSON.stringify(breakdown(score, random)),
        weak: flags.includes('weak') ? 1 : 0,
        under_rectification: flags.includes('under_rectification') ? 1 : 0,
      });
      previous.set(org.id, { score, weak });
    }
  }
  return rows;
}
