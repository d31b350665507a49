import type { TaskStatus, WarningLevel } from './plan.js';

/**
 * The 督办 (supervision) rule. Configurable; the default is labelled as ours, derived from the practice
 * described in domain.md (blue = deadline near, yellow = lagging progress, red = overdue).
 *
 * Evaluated in this order, first match wins:
 * 1. progress 100                                   → status `done`, warning `none`
 * 2. today after the due date                       → status `overdue`, warning `red`
 * 3. a milestone past its due date and not done, or
 *    progress behind the straight-line expectation
 *    by at least `lagPoints` (not for a task still
 *    in its start grace period, see below)          → status `at_risk`, warning `yellow`
 *    (so a red task turns yellow once its deadline is extended but the shortfall remains,
 *    and back to none once the shortfall is made up)
 * 4. due within `blueDays` days                     → warning `blue` (status as below)
 * 5. progress 0 and today before `startGraceDays` after start → `not_started`; otherwise `on_track`.
 * A task with progress 0 after its grace period counts as lagging when the expectation is ≥ lagPoints.
 * (The grace period is [start, start + startGraceDays): on day start + startGraceDays it is over.)
 */
export interface WarningRule {
  /** Days before the due date when a blue warning starts. */
  blueDays: number;
  /** Percentage points behind the linear expectation that make a task lag (yellow). */
  lagPoints: number;
  /** Days after the start before a task with no progress stops counting as "not started". */
  startGraceDays: number;
  /** Labelled provenance of the thresholds. */
  label: string;
}

export const defaultWarningRule: WarningRule = {
  blueDays: 30,
  lagPoints: 20,
  startGraceDays: 30,
  label: 'QiangJi default (configurable): blue ≤30 days to due, yellow ≥20 points behind plan or a missed milestone, red overdue',
};

export interface WarningInput {
  startDate: string;
  dueDate: string;
  progress: number;
  milestones?: ReadonlyArray<{ dueDate: string; doneAt: string | null }>;
}

export interface WarningResult {
  status: TaskStatus;
  warning: WarningLevel;
  /** Percent expected by today on a straight line from start to due date. */
  expected: number;
  /** Whole days from today to the due date (negative when overdue). */
  daysLeft: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string): number => Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** Today's date in China Standard Time (UTC+8), YYYY-MM-DD: deadlines are local to Chaozhou. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Percent a task should have reached by `today` on a straight line from its start (0) to its due date (100). */
export function expectedProgress(startDate: string, dueDate: string, today: string): number {
  const start = dayNumber(startDate);
  const due = dayNumber(dueDate);
  const day = dayNumber(today);
  if (day <= start) return 0;
  if (day >= due || due <= start) return 100;
  return Math.round(((day - start) / (due - start)) * 100);
}

/** Status and 督办 warning of a task by the rule above; `today` is a China-local YYYY-MM-DD date. */
export function deriveWarning(task: WarningInput, today: string = chinaToday(), rule: WarningRule = defaultWarningRule): WarningResult {
  const expected = expectedProgress(task.startDate, task.dueDate, today);
  const daysLeft = dayNumber(task.dueDate) - dayNumber(today);
  if (task.progress >= 100) return { status: 'done', warning: 'none', expected, daysLeft };
  if (daysLeft < 0) return { status: 'overdue', warning: 'red', expected, daysLeft };
  const missedMilestone = (task.milestones ?? []).some((m) => m.doneAt === null && dayNumber(m.dueDate) < dayNumber(today));
  // No progress is only excused while the start grace period lasts; after it, no progress is lag like any other.
  const started = task.progress > 0 || dayNumber(today) - dayNumber(task.startDate) >= rule.startGraceDays;
  const lagging = started && expected - task.progress >= rule.lagPoints;
  if (missedMilestone || lagging) return { status: 'at_risk', warning: 'yellow', expected, daysLeft };
  const status: TaskStatus = started ? 'on_track' : 'not_started';
  return { status, warning: daysLeft <= rule.blueDays ? 'blue' : 'none', expected, daysLeft };
}
