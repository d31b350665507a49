/** Pure helpers of the task card: milestone states, days left, sparkline geometry. No DOM, easy to test. */
import type { Milestone, ProgressUpdate, Task } from '@qiangji/contract';

export type MilestoneState = 'done' | 'overdue' | 'upcoming';

export function milestoneState(milestone: Milestone, today: string): MilestoneState {
  if (milestone.doneAt) return 'done';
  return milestone.dueDate < today ? 'overdue' : 'upcoming';
}

/** Today's date in China Standard Time (UTC+8), YYYY-MM-DD (as the contract's `chinaToday`). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const dayNumber = (isoDate: string): number => Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);

/**
 * Whole days from `today` to the task's due date (negative when overdue), counted like the contract's
 * `deriveWarning().daysLeft` (calendar days; the status and warning themselves come from the server).
 */
export function daysLeft(task: Task, today: string): number {
  return dayNumber(task.dueDate) - dayNumber(today);
}

export interface HistoryPoint {
  at: string;
  percent: number;
}

/** The progress history to draw: the task's own, else built from its updates (oldest first). */
export function progressHistory(task: Task, updates: readonly ProgressUpdate[] = []): HistoryPoint[] {
  if (task.history.length > 0) return task.history;
  return [...updates].sort((a, b) => a.at.localeCompare(b.at)).map(({ at, percent }) => ({ at, percent }));
}

export const sparkWidth = 120;
export const sparkHeight = 32;
const pad = 3;

/** SVG `points` for a polyline of percents across a sparkWidth × sparkHeight box. */
export function sparklinePoints(history: readonly HistoryPoint[]): Array<[number, number]> {
  const count = history.length;
  return history.map((point, index) => {
    const x = count === 1 ? sparkWidth - pad : pad + (index * (sparkWidth - 2 * pad)) / (count - 1);
    const y = sparkHeight - pad - (point.percent / 100) * (sparkHeight - 2 * pad);
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  });
}
