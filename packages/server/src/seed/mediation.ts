/** About 300 mediation cases spread over all six steps; every completed step holds valid data for its schema. */
import { caseSourceIds, chaozhouDistricts, disputeTypeIds, mediationStepIds, type MediationStepId } from '@qiangji/contract';
import type { CaseCounterTable, MediationCaseTable } from '../db/schema.js';
import { caseNumberPrefix, committeeName, formatCaseNumber, judicialConfirmationDue } from '../mediation/rules.js';
import { mobile, occupation, personName, residentId, type Sex } from './names.js';
import type { OrgTree } from './org-tree.js';
import type { Random } from './prng.js';

const districtNames = new Map(chaozhouDistricts.map((district) => [district.code, district.name]));
const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const disputeSummaries: Record<string, string> = {
  neighbourhood: '双方因房屋排水及公共通道使用问题产生矛盾，多次争吵。',
  housing_homestead: '双方对宅基地界址存在争议，涉及围墙修建位置。',
  marriage_family: '兄弟之间因赡养老人费用分担问题发生纠纷。',
  contract: '双方因茶叶购销合同货款结算发生争议。',
  damages: '一方饲养的家禽损毁另一方菜地，双方就赔偿数额有分歧。',
  labour: '工人与陶瓷作坊就工资结算发生争议。',
};

function stepData(step: MediationStepId, random: Random, context: { parties: number; districtCode: string; startedOn: string; townName: string }) {
  switch (step) {
    case 'identify': {
      const disputeType = random.pick(Object.keys(disputeSummaries).concat(disputeTypeIds.slice(0, 3)));
      const parties = Array.from({ length: context.parties }, () => {
        const sex: Sex = random.chance(0.6) ? 'male' : 'female';
        const age = random.int(24, 78);
        return {
          name: personName(random, sex),
          sex,
          ethnicity: '汉族',
          age,
          occupation: occupation(random),
          phone: mobile(random),
          address: `潮州市${districtNames.get(context.districtCode) ?? ''}${context.townName}${random.int(1, 30)}巷${random.int(1, 60)}号`,
          ...(random.chance(0.7) ? { idNumber: residentId(random, context.districtCode, 2026 - age, sex) } : {}),
        };
      });
      return {
        source: random.pick(caseSourceIds),
        disputeType,
        parties,
        summary: disputeSummaries[disputeType] ?? '双方因日常生活琐事产生纠纷，申请调解。',
        crux: '双方对责任划分和补偿数额认识不一致。',
      };
    }
    case 'awaken':
      return {
        statements: Array.from({ length: context.parties }, (_, party) => ({ party, statement: party === 0 ? '申请人陈述了事情经过及诉求。' : '被申请人陈述了自己的理由。' })),
        calming: '调解员以工夫茶待客，先请双方品茶、平复情绪，再分别听取陈述。',
      };
    case 'brew':
      return { facts: '经实地查看和走访邻居，查明了纠纷发生的经过。', evidence: ['现场照片', '证人证言'], lawAndReason: '依据《中华人民共和国民法典》相关规定，向双方释法说理。' };
    case 'pour':
      return { proposal: '建议双方各让一步，由责任较大的一方承担主要费用。', negotiationRecord: '双方经多轮协商，就方案达成初步一致。' };
    case 'serve': {
      if (random.chance(0.2)) return { outcome: 'no_agreement', noAgreementReason: '双方对赔偿数额分歧较大，未能达成协议，已告知可通过诉讼途径解决。' };
      const signedOn = addDays(context.startedOn, random.int(10, 40));
      return {
        outcome: 'agreement',
        agreement: {
          facts: '双方因相邻关系发生纠纷，经调解查明事实。',
          disputedIssues: '排水沟修建位置及费用分担。',
          responsibilities: '申请人承担百分之六十责任，被申请人承担百分之四十责任。',
          terms: '由双方共同出资修建排水沟，费用按责任比例分担。',
          performanceMethod: '现金或银行转账一次性支付。',
          performanceDeadline: addDays(signedOn, 30),
        },
        partiesSigned: true,
        mediatorSigned: true,
        committeeSealed: true,
        signedOn,
      };
    }
    case 'reflect':
      return {
        followUpDate: addDays(context.startedOn, random.int(45, 90)),
        performance: random.pick(['performed', 'performed', 'partly_performed', 'not_applicable'] as const),
        satisfaction: random.int(3, 5),
        notes: '回访时双方关系已缓和，协议基本履行。',
        judicialConfirmationReminded: true,
      };
  }
}

/** A partial draft of the step in progress: a couple of its fields. */
function draftOf(full: Record<string, unknown>, random: Random): Record<string, unknown> {
  const keys = Object.keys(full);
  const keep = keys.slice(0, Math.max(1, random.int(0, keys.length - 1)));
  return Object.fromEntries(keep.map((key) => [key, full[key]]));
}

export interface SeedCases {
  cases: MediationCaseTable[];
  counters: CaseCounterTable[];
}

export function buildCases(tree: OrgTree, total: number, random: Random, createdBy: string): SeedCases {
  const towns = tree.units.filter((unit) => unit.kind === 'town' || unit.kind === 'street');
  const villages = tree.units.filter((unit) => unit.kind === 'village' || unit.kind === 'community');
  const counters = new Map<string, number>();
  const pending: Array<{ row: MediationCaseTable; year: number; prefix: string }> = [];
  for (let n = 0; n < total; n += 1) {
    const unit = random.chance(0.75) ? random.pick(towns) : random.pick(villages);
    const districtCode = unit.districtCode!;
    const startedOn = addDays('2024-01-02', random.int(0, 1030));
    const mediator = personName(random, random.chance(0.5) ? 'male' : 'female');
    // 40% closed; the rest evenly over the six steps.
    const closed = random.chance(0.4);
    const current: MediationStepId = closed ? 'reflect' : random.pick(mediationStepIds);
    const context = { parties: random.chance(0.8) ? 2 : 3, districtCode, startedOn, townName: `${unit.townName ?? ''}${unit.townName === unit.name ? '' : unit.name}`.replace(/^潮州市/, '') };
    const steps: Record<string, Record<string, unknown>> = {};
    const history: unknown[] = [{ at: `${startedOn}T02:00:00.000Z`, actorName: mediator, action: 'create', from: null, to: 'identify', reason: null }];
    let day = startedOn;
    for (const step of mediationStepIds) {
      const full = stepData(step, random, context);
      if (step === current) {
        steps[step] = closed ? full : draftOf(full, random);
        if (closed) {
          day = addDays(day, random.int(1, 5));
          history.push({ at: `${day}T03:00:00.000Z`, actorName: mediator, action: 'follow_up', from: 'reflect', to: null, reason: null });
          history.push({ at: `${day}T03:00:00.000Z`, actorName: mediator, action: 'close', from: 'reflect', to: null, reason: null });
        }
        break;
      }
      steps[step] = full;
      day = addDays(day, random.int(1, 6));
      const to = mediationStepIds[mediationStepIds.indexOf(step) + 1]!;
      history.push({ at: `${day}T03:00:00.000Z`, actorName: mediator, action: 'advance', from: step, to, reason: null });
    }
    const year = Number(startedOn.slice(0, 4));
    const prefix = caseNumberPrefix(districtCode);
    const updatedAt = (history.at(-1) as { at: string }).at;
    pending.push({
      year,
      prefix,
      row: {
        id: `mc${String(n + 1).padStart(5, '0')}`,
        case_number: '',
        org_unit_id: unit.id,
        org_path: unit.path,
        committee: committeeName(unit.name, unit.townName),
        mediator_name: mediator,
        status: closed ? 'closed' : 'open',
        current_step: current,
        steps: JSON.stringify(steps),
        version: history.length,
        history: JSON.stringify(history),
        judicial_confirmation_due: judicialConfirmationDue(steps.serve),
        created_by: createdBy,
        created_at: `${startedOn}T02:00:00.000Z`,
        updated_at: updatedAt,
      },
    });
  }
  // Number cases in the order they were opened, per district and year.
  pending.sort((a, b) => a.row.created_at.localeCompare(b.row.created_at) || a.row.id.localeCompare(b.row.id));
  for (const item of pending) {
    const key = `${item.prefix}|${item.year}`;
    const serial = (counters.get(key) ?? 0) + 1;
    counters.set(key, serial);
    item.row.case_number = formatCaseNumber(item.prefix, item.year, serial);
  }
  return {
    cases: pending.map((item) => item.row),
    counters: [...counters].map(([key, last]) => {
      const [prefix, year] = key.split('|') as [string, string];
      return { prefix, year: Number(year), last };
    }),
  };
}
