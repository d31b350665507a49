/**
 * @qiangji/contract — the one shared vocabulary of QiangJi: schemas (valibot) and their types, the route table,
 * domain data (plan, workflow, rating scheme, Chaozhou divisions) and helpers (masking, validation, 督办 rule).
 */
export * from './common.js';
export * from './errors.js';
export * from './org.js';
export * from './plan.js';
export * from './warning.js';
export * from './rating.js';
export * from './people.js';
export * from './identity.js';
export * from './mediation.js';
export * from './auth.js';
export * from './events.js';
export * from './routes.js';
export * from './openapi.js';
export * from './chaozhou/index.js';
export { planSeed as plan } from './plan-data.js';
export type { PlanSeed, PlanSeedMeasure, PlanSeedTask } from './plan-data.js';
