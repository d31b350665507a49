/** Star ratings: the scheme, lists, one unit's history, summaries, and recording a rating. */
import { defaultRatingScheme } from '@qiangji/contract';
import type { FastifyInstance } from 'fastify';
import { assertCanRecordRatings } from '../auth/scope.js';
import { registerRoute } from '../http/register-route.js';
import { listRatings, ratingHistory, ratingSummary, recordRating } from '../repositories/ratings.js';

export async function ratingRoutes(app: FastifyInstance): Promise<void> {
  registerRoute(app, 'getRatingScheme', async () => defaultRatingScheme);
  registerRoute(app, 'listRatings', async ({ services, viewer, query }) => listRatings(services.db, viewer, query));
  registerRoute(app, 'getRatingHistory', async ({ services, viewer, params }) => ratingHistory(services.db, viewer, params.id));
  registerRoute(app, 'recordRating', async ({ viewer, params, body, write }) => {
    assertCanRecordRatings(viewer);
    return write((scope) => recordRating(scope, viewer, params.id, params.year, body));
  });
  registerRoute(app, 'getRatingSummary', async ({ services, viewer, query }) => ratingSummary(services.db, viewer, query.orgUnitId, query.year));
}
