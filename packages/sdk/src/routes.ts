/**
 * The SDK's runtime route map: route name → "METHOD /path". It exists because importing the contract's `routes`
 * would pull valibot into the client core. `satisfies` ties every entry to the contract's route table at compile
 * time (a missing, extra or different route fails the typecheck) and test/routes.test.ts compares it at run time.
 */
import type { RouteName, Routes } from '@qiangji/contract';

/** "METHOD /path" of a route, exactly as the contract declares it. */
export type RouteKey<N extends RouteName> = `${Routes[N]['method']} ${Routes[N]['path']}`;

export const routeMap = {
  login: 'POST /auth/login',
  refresh: 'POST /auth/refresh',
  logout: 'POST /auth/logout',
  me: 'GET /auth/me',
  getPlan: 'GET /plan',
  listMeasures: 'GET /measures',
  listTasks: 'GET /tasks',
  getTask: 'GET /tasks/:id',
  reportProgress: 'POST /tasks/:id/progress',
  listOrgUnits: 'GET /org-units',
  getOrgUnit: 'GET /org-units/:id',
  listPartyOrganizations: 'GET /party-organizations',
  getRatingScheme: 'GET /ratings/scheme',
  listRatings: 'GET /ratings',
  getRatingHistory: 'GET /ratings/history/:id',
  recordRating: 'PUT /org-units/:id/ratings/:year',
  getRatingSummary: 'GET /ratings/summary',
  listMembers: 'GET /members',
  listServiceRecords: 'GET /service-records',
  listServicePoints: 'GET /service-points',
  getServicePoint: 'GET /service-points/:id',
  clusterServicePoints: 'GET /service-points/clusters',
  exportServicePoints: 'GET /service-points/export',
  getMediationWorkflow: 'GET /mediation-workflow',
  listMediationCases: 'GET /mediation-cases',
  createMediationCase: 'POST /mediation-cases',
  getMediationCase: 'GET /mediation-cases/:id',
  updateMediationStep: 'PUT /mediation-cases/:id/step',
  advanceMediationCase: 'POST /mediation-cases/:id/advance',
  backMediationCase: 'POST /mediation-cases/:id/back',
  followUpMediationCase: 'POST /mediation-cases/:id/follow-up',
  getMediationAgreement: 'GET /mediation-cases/:id/agreement',
  events: 'GET /events',
} as const satisfies { [N in RouteName]: RouteKey<N> };
