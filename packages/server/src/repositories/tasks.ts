/**
 * Plan tasks and their progress history. Status and 督办 warning are derived at read time with the contract's
 * deriveWarning (they change with the calendar, not only with writes). Tasks are visible inside the viewer's
 * subtree and, being plan-wide, from the viewer's ancestors too (a town sees the city's tasks); reporting
 * progress needs the task inside the viewer's own subtree.
 */
import { chinaToday, deriveWarning, plan, type ProgressUpdate, type Task, type TaskDetail, type TaskStatus, type WarningLevel } from '@qiangji/contract';
import type { Queryable } from '../db/connection.js';
import type { TaskRow } from '../db/schema.js';
import { isWithin, within, type Viewer } from '../auth/scope.js';
import { ApiHttpError } from '../http/errors.js';
import type { WriteScope } from '../http/write.js';
import { nowIso } from '../lib/canonical.js';
import { decodeCursor, DEFAULT_LIMIT, pageFrom } from './page.js';

interface TaskDefinition {
  source: string;
  reconstructed: boolean;
  cooperatingUnits: string[];
  targets: Task['targets'];
  milestones: Task['milestones'];
}

/** '/4451/445102/' → ['/4451/', '/4451/445102/'] */
export const pathAndAncestors = (path: string): string[] => {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, index) => `/${ids.slice(0, index + 1).join('/')}/`);
};

const visibleTo = (path: string, viewer: Viewer): boolean => isWithin(path, viewer.scopePath) || viewer.scopePath.startsWith(path);

function toTask(row: TaskRow, today: string): Task {
  const definition = JSON.parse(row.definition) as TaskDefinition;
  const derived = deriveWarning({ startDate: row.start_date, dueDate: row.due_date, progress: row.progress, milestones: definition.milestones }, today);
  return {
    id: row.id,
    measureId: row.measure_id,
    code: row.code,
    title: row.title,
    titleEn: row.title_en,
    source: definition.source,
    reconstructed: definition.reconstructed,
    leadUnit: row.lead_unit,
    cooperatingUnits: definition.cooperatingUnits,
    targets: definition.targets,
    milestones: definition.milestones,
    startDate: row.start_date,
    dueDate: row.due_date,
    orgUnitId: row.org_unit_id,
    progress: row.progress,
    status: derived.status,
    warning: derived.warning,
    lastUpdate: row.last_update ? (JSON.parse(row.last_update) as Task['lastUpdate']) : null,
    history: JSON.parse(row.history) as Task['history'],
    updatedAt: row.updated_at,
  };
}

export interface TaskFilter {
  measureId?: string;
  status?: TaskStatus[];
  warning?: WarningLevel[];
  leadUnit?: string;
  orgUnitId?: string;
  cursor?: string;
  limit?: number;
}

export async function listTasks(db: Queryable, viewer: Viewer, filter: TaskFilter, today = chinaToday()) {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const cursor = decodeCursor(filter.cursor, 'number');
  let query = db
    .selectFrom('tasks')
    .selectAll()
    .where((eb) => eb.or([within('org_path', viewer.scopePath)(eb), eb('org_path', 'in', pathAndAncestors(viewer.scopePath))]));
  if (filter.measureId !== undefined) query = query.where('measure_id', '=', filter.measureId);
  if (filter.leadUnit !== undefined) query = query.where('lead_unit', '=', filter.leadUnit);
  if (filter.orgUnitId !== undefined) {
    const unit = await db.selectFrom('org_units').select('path').where('id', '=', filter.orgUnitId).executeTakeFirst();
    if (!unit) throw new ApiHttpError(404, 'not_found', { field: 'query.orgUnitId' });
    if (!visibleTo(unit.path, viewer)) throw new ApiHttpError(403, 'out_of_scope', { field: 'query.orgUnitId' });
    query = query.where(within('org_path', unit.path));
  }
  if (cursor) query = query.where((eb) => eb.or([eb('sort', '>', cursor[0]), eb.and([eb('sort', '=', cursor[0]), eb('id', '>', cursor[1])])]));
  // A plan has tens of tasks: derive status/warning for all candidates, then filter and page in memory. The
  // sparkline history is stored on the task row by the progress write, so this reads one table.
  const rows = await query.orderBy('sort').orderBy('id').execute();
  const tasks = rows
    .map((row) => ({ row, task: toTask(row, today) }))
    .filter(({ task }) => (!filter.status || filter.status.includes(task.status)) && (!filter.warning || filter.warning.includes(task.warning)));
  return pageFrom(tasks.slice(0, limit + 1), limit, ({ row }) => [row.sort, row.id], ({ task }) => task);
}

async function updatesOf(db: Queryable, taskId: string): Promise<ProgressUpdate[]> {
  const rows = await db.selectFrom('progress_updates').selectAll().where('task_id', '=', taskId).orderBy('at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    taskId: row.task_id,
    authorId: row.author_id,
    authorName: row.author_name,
    at: row.at,
    percent: row.percent,
    note: row.note,
    evidence: JSON.parse(row.evidence) as string[],
  }));
}

async function detail(db: Queryable, row: TaskRow, today: string): Promise<TaskDetail> {
  const updates = await updatesOf(db, row.id);
  return { task: toTask(row, today), updates };
}

export async function getTaskDetail(db: Queryable, viewer: Viewer, id: string, today = chinaToday()): Promise<TaskDetail> {
  const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiHttpError(404, 'not_found');
  if (!visibleTo(row.org_path, viewer)) throw new ApiHttpError(403, 'out_of_scope');
  return detail(db, row, today);
}

export async function reportProgress(
  scope: WriteScope,
  viewer: Viewer,
  taskId: string,
  input: { percent: number; note: string; evidence: string[] },
  today = chinaToday(),
): Promise<TaskDetail> {
  const { trx } = scope;
  const row = await trx.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!row) throw new ApiHttpError(404, 'not_found');
  if (!isWithin(row.org_path, viewer.scopePath)) throw new ApiHttpError(403, 'out_of_scope');
  const user = viewer.user!;
  const at = nowIso();
  const definition = JSON.parse(row.definition) as TaskDefinition;
  const derived = deriveWarning({ startDate: row.start_date, dueDate: row.due_date, progress: input.percent, milestones: definition.milestones }, today);
  const update = {
    id: `pu-${crypto.randomUUID()}`,
    task_id: taskId,
    author_id: user.id,
    author_name: user.displayName,
    at,
    percent: input.percent,
    note: input.note,
    evidence: JSON.stringify(input.evidence),
  };
  await trx.insertInto('progress_updates').values(update).execute();
  const history = [...(JSON.parse(row.history) as Task['history']), { at, percent: input.percent }];
  const changes = {
    progress: input.percent,
    status: derived.status,
    warning: derived.warning,
    last_update: JSON.stringify({ at, percent: input.percent, authorName: user.displayName, note: input.note }),
    history: JSON.stringify(history),
    updated_at: at,
  };
  await trx.updateTable('tasks').set(changes).where('id', '=', taskId).execute();
  const after = { ...row, ...changes };
  await scope.audit({ action: 'report_progress', entity: 'task', entityId: taskId, before: row, after: { task: after, update } });
  await scope.event({
    type: 'task.progress',
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
    data: { taskId, percent: input.percent, status: derived.status, warning: derived.warning, authorName: user.displayName },
  });
  return detail(trx, after, today);
}

/** The plan and measures are reference data from the contract; task ids come from the seed plan. */
export function planResponse() {
  const measures = plan.measures.map(({ tasks, ...measure }) => ({ ...measure, taskIds: tasks.map((task) => task.id) }));
  const { measures: _measures, ...rest } = plan;
  return { ...rest, measures, taskCount: measures.reduce((sum, measure) => sum + measure.taskIds.length, 0) };
}
