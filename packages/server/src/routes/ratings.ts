/** Star ratings: the scheme, lists, one unit's history, summaries. */
import { defaultRatingScheme } from '@qiangji/contract';
import type { FastifyInstance } from 'fastify';
import { registerRoute } from '../http/register-route.js';
import { listRatings, ratingHistory, ratingSummary } from '../repositories/ratings.js';

export async function ratingRoutes(app: FastifyInstance): Promise<void> {
  registerRoute(app, 'getRatingScheme', async () => defaultRatingScheme);
  registerRoute(app, 'listRatings', async ({ services, viewer, query }) => listRatings(services.db, viewer, query));
  registerRoute(app, 'getRatingHistory', async ({ services, viewer, params }) => ratingHistory(services.db, viewer, params.id));
  registerRoute(app, 'getRatingSummary', async ({ services, viewer, query }) => ratingSummary(services.db, viewer, query.orgUnitId, query.year));
}
