/**
 * Fictional people: names from surnames and given-name characters common in Chaozhou, valid-looking mainland
 * mobiles and resident ID numbers (real check digit, region = the person's district). No real person is meant.
 */
import { idNumberCheckChar } from '@qiangji/contract';
import type { Random } from './prng.js';

/** Surnames common in Chaozhou (陈 林 黄 李 蔡 吴 许 郑 …), roughly by frequency. */
const surnames: ReadonlyArray<readonly [string, number]> = [
  ['陈', 14], ['林', 10], ['黄', 7], ['李', 5], ['蔡', 5], ['吴', 4], ['许', 4], ['郑', 4], ['张', 3], ['刘', 3],
  ['王', 3], ['杨', 2], ['谢', 2], ['洪', 2], ['沈', 2], ['庄', 2], ['詹', 2], ['余', 2], ['丁', 1], ['翁', 1],
  ['苏', 1], ['柯', 1], ['邱', 1], ['周', 1], ['曾', 1], ['卢', 1], ['詹', 1], ['魏', 1], ['孙', 1], ['方', 1],
];
const maleChars = '伟强明华建国志勇俊杰斌涛鹏辉锐文武泽宏德光荣海波东锦楷楠浩铭钦炳坤镇汉';
const femaleChars = '丽娟芳燕敏静婷玲霞慧秀美琳丹洁佳雅惠萍莉娜颖璇瑜蓉芸彤柔莹纯晓';
const neutralChars = '晓文嘉欣宇思佩少子培锦月丰瑞';

export type Sex = 'male' | 'female';

export function personName(random: Random, sex: Sex): string {
  const surname = random.weighted(surnames);
  const pool = sex === 'male' ? maleChars : femaleChars;
  const first = random.chance(0.3) ? random.pick(Array.from(neutralChars)) : random.pick(Array.from(pool));
  if (random.chance(0.15)) return surname + first;
  return surname + first + random.pick(Array.from(pool));
}

const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '177', '180', '181', '182', '186', '187', '188', '189', '191', '198', '199'];

export function mobile(random: Random): string {
  let rest = '';
  for (let index = 0; index < 8; index += 1) rest += String(random.int(0, 9));
  return random.pick(mobilePrefixes) + rest;
}

/** An 18-digit resident ID with a valid check character; the sequence digit's parity follows the sex (GB 11643). */
export function residentId(random: Random, regionCode: string, birthYear: number, sex: Sex): string {
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const sequence = random.int(0, 99) * 10 + (sex === 'male' ? random.pick([1, 3, 5, 7, 9]) : random.pick([0, 2, 4, 6, 8]));
  const first17 = `${regionCode.slice(0, 6).padEnd(6, '0')}${birthYear}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

const occupations = ['务农', '个体经营', '教师', '工人', '退休', '自由职业', '企业职员', '陶瓷从业者', '茶农', '司机', '厨师', '医生'];
export const occupation = (random: Random): string => random.pick(occupations);
