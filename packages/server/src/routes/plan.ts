/** The plan, its measures, tasks and progress reports. */
import type { FastifyInstance } from 'fastify';
import { assertCanWriteProgress } from '../auth/scope.js';
import { registerRoute } from '../http/register-route.js';
import { getTaskDetail, listTasks, planResponse, reportProgress } from '../repositories/tasks.js';

export async function planRoutes(app: FastifyInstance): Promise<void> {
  const plan = planResponse();
  registerRoute(app, 'getPlan', async () => plan);
  registerRoute(app, 'listMeasures', async () => ({ items: plan.measures }));
  registerRoute(app, 'listTasks', async ({ services, viewer, query }) => listTasks(services.db, viewer, query));
  registerRoute(app, 'getTask', async ({ services, viewer, params }) => getTaskDetail(services.db, viewer, params.id));
  registerRoute(app, 'reportProgress', async ({ viewer, params, body, write }) => {
    assertCanWriteProgress(viewer);
    return write((scope) => reportProgress(scope, viewer, params.id, body));
  });
}
