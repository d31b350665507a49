/** Mediation rules shared by the seed and the repository: case numbers, committees, Art. 33 deadline, masking. */
import { maskAddress, maskIdNumber, maskName, maskPhone, mediationStepIds, type MediationStepId } from '@qiangji/contract';

const districtAbbreviations: Record<string, string> = { '445102': '湘', '445103': '安', '445122': '饶' };

/** 潮湘调 for 湘桥区 etc.; numbers run per district and year so they are unique city-wide. */
export const caseNumberPrefix = (districtCode: string): string => `潮${districtAbbreviations[districtCode] ?? '州'}调`;
/** 潮湘调〔2025〕0012号 */
export const formatCaseNumber = (prefix: string, year: number, serial: number): string => `${prefix}〔${year}〕${String(serial).padStart(4, '0')}号`;

/** The 人民调解委员会 of a town/street, or of a village/community (named with its town). */
export function committeeName(unitName: string, townName: string | null): string {
  return `${townName && townName !== unitName ? townName : ''}${unitName}人民调解委员会`;
}

export const nextStep = (step: MediationStepId): MediationStepId | undefined => mediationStepIds[mediationStepIds.indexOf(step) + 1];
export const previousStep = (step: MediationStepId): MediationStepId | undefined => mediationStepIds[mediationStepIds.indexOf(step) - 1];

const addDays = (isoDate: string, days: number): string => new Date(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Art. 33: parties may jointly apply for judicial confirmation within 30 days of the agreement taking effect. */
export function judicialConfirmationDue(serve: Record<string, unknown> | undefined): string | null {
  if (!serve || serve.outcome !== 'agreement' || typeof serve.signedOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(serve.signedOn)) return null;
  return addDays(serve.signedOn, 30);
}

export type StepData = Partial<Record<MediationStepId, Record<string, unknown>>>;

/** Masks the parties' personal data in every step (names, phones, ID numbers, addresses). */
export function maskSteps(steps: StepData): StepData {
  const identify = steps.identify;
  if (!identify || !Array.isArray(identify.parties)) return steps;
  const parties = identify.parties.map((party: unknown) => {
    if (!party || typeof party !== 'object') return party;
    const copy: Record<string, unknown> = { ...(party as Record<string, unknown>) };
    if (typeof copy.name === 'string') copy.name = maskName(copy.name);
    if (typeof copy.phone === 'string') copy.phone = maskPhone(copy.phone);
    if (typeof copy.idNumber === 'string') copy.idNumber = maskIdNumber(copy.idNumber);
    if (typeof copy.address === 'string') copy.address = maskAddress(copy.address);
    return copy;
  });
  return { ...steps, identify: { ...identify, parties } };
}
