import * as v from 'valibot';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, PercentSchema, text } from './common.js';

export const taskStatuses = ['not_started', 'on_track', 'at_risk', 'overdue', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
/** 督办 colour warnings, see warning.ts for the rule. */
export const warningLevels = ['none', 'blue', 'yellow', 'red'] as const;
export type WarningLevel = (typeof warningLevels)[number];

export const MilestoneSchema = v.object({
  id: IdSchema,
  title: text(1, 200),
  dueDate: IsoDateSchema,
  doneAt: v.nullable(IsoDateSchema),
});
export type Milestone = v.InferOutput<typeof MilestoneSchema>;

export const YearlyTargetsSchema = v.object({ '2024': text(1, 300), '2025': text(1, 300), '2026': text(1, 300) });

/** The latest progress report, as shown on cards. */
export const ProgressSnapshotSchema = v.object({
  at: IsoDateTimeSchema,
  percent: PercentSchema,
  authorName: v.string(),
  note: v.string(),
});

export const TaskSchema = v.object({
  id: IdSchema,
  measureId: IdSchema,
  code: v.string(),
  title: text(1, 200),
  titleEn: v.string(),
  /** Verbatim quote from the public news report that this task is reconstructed from. */
  source: v.string(),
  reconstructed: v.boolean(),
  leadUnit: text(1, 100),
  cooperatingUnits: v.array(v.string()),
  targets: YearlyTargetsSchema,
  milestones: v.array(MilestoneSchema),
  startDate: IsoDateSchema,
  dueDate: IsoDateSchema,
  /** The org unit that owns the task (the city for plan-wide tasks). */
  orgUnitId: IdSchema,
  progress: PercentSchema,
  status: v.picklist(taskStatuses),
  warning: v.picklist(warningLevels),
  lastUpdate: v.nullable(ProgressSnapshotSchema),
  /** Percent over time, oldest first, for the sparkline. */
  history: v.array(v.object({ at: IsoDateTimeSchema, percent: PercentSchema })),
  updatedAt: IsoDateTimeSchema,
});
export type Task = v.InferOutput<typeof TaskSchema>;

export const MeasureSchema = v.object({
  id: IdSchema,
  order: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: text(1, 200),
  titleEn: v.string(),
  summary: v.string(),
  source: v.string(),
  reconstructed: v.boolean(),
  taskIds: v.array(IdSchema),
});
export type Measure = v.InferOutput<typeof MeasureSchema>;

export const PlanSchema = v.object({
  id: IdSchema,
  title: v.string(),
  titleEn: v.string(),
  issuer: v.string(),
  period: v.object({ start: IsoDateSchema, end: IsoDateSchema }),
  announcedAt: IsoDateSchema,
  source: v.string(),
  sourceDocument: v.object({ title: v.string(), publisher: v.string(), date: IsoDateSchema, note: v.string() }),
  reconstructed: v.boolean(),
  measures: v.array(MeasureSchema),
  taskCount: v.pipe(v.number(), v.integer()),
});
export type Plan = v.InferOutput<typeof PlanSchema>;

export const ProgressUpdateSchema = v.object({
  id: IdSchema,
  taskId: IdSchema,
  authorId: IdSchema,
  authorName: v.string(),
  at: IsoDateTimeSchema,
  percent: PercentSchema,
  note: v.string(),
  evidence: v.array(v.string()),
});
export type ProgressUpdate = v.InferOutput<typeof ProgressUpdateSchema>;

/** What an official submits. Evidence links must be http(s) URLs. */
export const ProgressUpdateInputSchema = v.object({
  percent: PercentSchema,
  note: text(1, 2000),
  evidence: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i, 'must be an http(s) link'), v.maxLength(500))),
      v.maxLength(10),
    ),
    [],
  ),
});
export type ProgressUpdateInput = v.InferInput<typeof ProgressUpdateInputSchema>;

export const TaskDetailSchema = v.object({ task: TaskSchema, updates: v.array(ProgressUpdateSchema) });
export type TaskDetail = v.InferOutput<typeof TaskDetailSchema>;
