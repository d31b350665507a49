/** The plan, its measures, tasks and progress reports. */
import { chinaToday } from '@qiangji/contract';
import type { FastifyInstance } from 'fastify';
import { assertCanWriteProgress } from '../auth/scope.js';
import { ReadCache } from '../http/read-cache.js';
import { registerRoute } from '../http/register-route.js';
import { getTaskDetail, listTasks, planResponse, reportProgress } from '../repositories/tasks.js';

export async function planRoutes(app: FastifyInstance): Promise<void> {
  const plan = planResponse();
  registerRoute(app, 'getPlan', async () => plan);
  registerRoute(app, 'listMeasures', async () => ({ items: plan.measures }));
  // The portal's hottest read: answered from a cache keyed by scope, query and day, checked against the event seq.
  const taskLists = new ReadCache();
  registerRoute(app, 'listTasks', async ({ services, viewer, query }) => {
    const today = chinaToday();
    return taskLists.read(services.db, JSON.stringify([viewer.scopePath, today, query]), () => listTasks(services.db, viewer, query, today));
  });
  registerRoute(app, 'getTask', async ({ services, viewer, params }) => getTaskDetail(services.db, viewer, params.id));
  registerRoute(app, 'reportProgress', async ({ viewer, params, body, write }) => {
    assertCanWriteProgress(viewer);
    return write((scope) => reportProgress(scope, viewer, params.id, body));
  });
}
