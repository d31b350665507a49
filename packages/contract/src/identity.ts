/** Validation and masking of personal data (PIPL: publish de-identified). */

/** Mainland mobile: 11 digits starting 1[3-9]. */
export function isMainlandMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** Checksum character of an 18-digit resident ID (GB 11643, ISO 7064 MOD 11-2) for its first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (ID_WEIGHTS[index] ?? 0);
  return ID_CHECK[sum % 11] ?? '';
}

/** 18-digit resident ID number: region, a real birth date, sequence, and a valid check character. */
export function isResidentIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  return idNumberCheckChar(value.slice(0, 17)) === value[17];
}

/** 13812341234 → 138****1234 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** 440401199001011768 → 440401********1768 (region kept, birth date and sequence hidden). */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** 陈柔燕 → 陈*燕, 陈燕 → 陈*, 欧阳修文 → 欧**文; Latin names keep the first letter of each word. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (/^[\x20-\x7e]+$/.test(name)) {
    return name
      .trim()
      .split(/\s+/)
      .map((word) => `${word[0] ?? ''}${'*'.repeat(Math.max(word.length - 1, 1))}`)
      .join(' ');
  }
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * Cut an address after its town or street (镇/乡/街道): 潮安区庵埠镇文里村三巷5号 → 潮安区庵埠镇.
 * When no town marker exists, keep the district (区/县) or city part; with no marker at all, keep only the first
 * two characters (never the house number) followed by ***.
 */
export function maskAddress(address: string): string {
  const town = /^(.*?(?:街道|镇|乡))/u.exec(address);
  if (town?.[1]) return town[1];
  // 区/县 before 市: 潮州市湘桥区西湖路5号 keeps 潮州市湘桥区, not just 潮州市.
  const district = /^(.*?(?:区|县))/u.exec(address) ?? /^(.*?市)/u.exec(address);
  if (district?.[1]) return district[1];
  const chars = Array.from(address.trim());
  return chars.length === 0 ? '' : `${chars.slice(0, 2).join('')}***`;
}
