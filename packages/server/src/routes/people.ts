/** Party members and service records. */
import type { FastifyInstance } from 'fastify';
import { registerRoute } from '../http/register-route.js';
import { listMembers, listServiceRecords } from '../repositories/people.js';

export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  registerRoute(app, 'listMembers', async ({ services, viewer, query }) => listMembers(services.db, viewer, query));
  registerRoute(app, 'listServiceRecords', async ({ services, viewer, query }) => listServiceRecords(services.db, viewer, query));
}
