import * as v from 'valibot';
import { IdSchema, IsoDateTimeSchema, PercentSchema } from './common.js';
import { mediationStepIds } from './mediation.js';
import { warningLevels, taskStatuses } from './plan.js';

export const eventTypes = ['task.progress', 'rating.updated', 'case.created', 'case.updated'] as const;
export type EventType = (typeof eventTypes)[number];

const base = { id: v.string(), at: IsoDateTimeSchema, orgUnitId: IdSchema };
export const QjEventSchema = v.variant('type', [
  v.object({
    ...base,
    type: v.literal('task.progress'),
    data: v.object({ taskId: IdSchema, percent: PercentSchema, status: v.picklist(taskStatuses), warning: v.picklist(warningLevels), authorName: v.string() }),
  }),
  v.object({ ...base, type: v.literal('rating.updated'), data: v.object({ ratingId: IdSchema, year: v.number(), stars: v.number() }) }),
  v.object({ ...base, type: v.literal('case.created'), data: v.object({ caseId: IdSchema, step: v.picklist(mediationStepIds) }) }),
  v.object({ ...base, type: v.literal('case.updated'), data: v.object({ caseId: IdSchema, step: v.picklist(mediationStepIds), action: v.string() }) }),
]);
export type QjEvent = v.InferOutput<typeof QjEventSchema>;
export type QjEventOf<T extends EventType> = Extract<QjEvent, { type: T }>;
