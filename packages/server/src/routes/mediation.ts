/** The tea-culture six-step mediation: workflow, cases, step changes, the printable agreement. */
import { mediationWorkflow } from '@qiangji/contract';
import type { FastifyInstance } from 'fastify';
import { cspNonce } from '../http/security.js';
import { registerRoute } from '../http/register-route.js';
import { agreementHtml } from '../mediation/agreement-html.js';
import { advanceCase, backCase, caseForAgreement, createCase, followUpCase, getCase, listCases, updateCurrentStep } from '../repositories/mediation.js';

export async function mediationRoutes(app: FastifyInstance): Promise<void> {
  registerRoute(app, 'getMediationWorkflow', async () => mediationWorkflow);
  registerRoute(app, 'listMediationCases', async ({ services, viewer, query }) => listCases(services.db, viewer, query));
  registerRoute(app, 'createMediationCase', async ({ viewer, body, write }) => write((scope) => createCase(scope, viewer, body)));
  registerRoute(app, 'getMediationCase', async ({ services, viewer, params }) => getCase(services.db, viewer, params.id));
  registerRoute(app, 'updateMediationStep', async ({ viewer, params, body, write }) => write((scope) => updateCurrentStep(scope, viewer, params.id, body)));
  registerRoute(app, 'advanceMediationCase', async ({ viewer, params, body, write }) => write((scope) => advanceCase(scope, viewer, params.id, body)));
  registerRoute(app, 'backMediationCase', async ({ viewer, params, body, write }) => write((scope) => backCase(scope, viewer, params.id, body)));
  registerRoute(app, 'followUpMediationCase', async ({ viewer, params, body, write }) => write((scope) => followUpCase(scope, viewer, params.id, body)));
  registerRoute(app, 'getMediationAgreement', async ({ services, viewer, params, request, reply }) => {
    const { case: mediationCase } = await caseForAgreement(services.db, viewer, params.id);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(agreementHtml(mediationCase, cspNonce(request.raw)));
  });
}
