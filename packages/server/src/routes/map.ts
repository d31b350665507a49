/** Service points: lists, one point, server-side clusters, columnar export. */
import type { FastifyInstance } from 'fastify';
import { registerRoute } from '../http/register-route.js';
import { clusterServicePoints, exportServicePoints, getServicePoint, listServicePoints } from '../repositories/service-points.js';

export async function mapRoutes(app: FastifyInstance): Promise<void> {
  registerRoute(app, 'listServicePoints', async ({ services, viewer, query }) => listServicePoints(services.db, viewer, query));
  registerRoute(app, 'clusterServicePoints', async ({ services, viewer, query }) => clusterServicePoints(services.db, viewer, query));
  registerRoute(app, 'exportServicePoints', async ({ services, viewer, query }) => exportServicePoints(services.db, viewer, query));
  registerRoute(app, 'getServicePoint', async ({ services, viewer, params }) => getServicePoint(services.db, viewer, params.id));
}
