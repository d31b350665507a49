/** The Chaozhou villages, re-exported so the drill-down can load them as a chunk of their own. */
export { chaozhouVillages } from '@qiangji/contract';
