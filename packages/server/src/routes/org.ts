/** Org units and Party organisations. */
import type { FastifyInstance } from 'fastify';
import { registerRoute } from '../http/register-route.js';
import { getOrgUnit, listOrgUnits, listPartyOrganizations } from '../repositories/org.js';

export async function orgRoutes(app: FastifyInstance): Promise<void> {
  registerRoute(app, 'listOrgUnits', async ({ services, viewer, query }) => listOrgUnits(services.db, viewer, query));
  registerRoute(app, 'getOrgUnit', async ({ services, viewer, params }) => getOrgUnit(services.db, viewer, params.id));
  registerRoute(app, 'listPartyOrganizations', async ({ services, viewer, query }) => listPartyOrganizations(services.db, viewer, query));
}
