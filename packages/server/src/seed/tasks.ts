/** The 28 plan tasks with monthly progress histories up to the seed date, warnings derived with deriveWarning. */
import { chinaToday, CHAOZHOU_CITY_CODE, deriveWarning, expectedProgress, plan } from '@qiangji/contract';
import type { ProgressUpdateTable, TaskTable } from '../db/schema.js';
import { personName } from './names.js';
import type { Random } from './prng.js';

/** Histories run to this date so the seed is the same whatever day it runs. */
export const SEED_AS_OF = '2026-11-26';

const addDays = (isoDate: string, days: number): string => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const monthDays = (from: string, to: string, random: Random): string[] => {
  const days: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const day = `${year}-${String(month).padStart(2, '0')}-${String(random.int(20, 28)).padStart(2, '0')}`;
    if (day > to) break;
    if (day >= from) days.push(day);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return days;
};

export interface SeedTasks {
  tasks: TaskTable[];
  updates: ProgressUpdateTable[];
}

export function buildTasks(random: Random, authorId: string, today = chinaToday()): SeedTasks {
  const tasks: TaskTable[] = [];
  const updates: ProgressUpdateTable[] = [];
  const asOf = SEED_AS_OF < today ? SEED_AS_OF : today;
  let sort = 0;
  for (const measure of plan.measures) {
    for (const task of measure.tasks) {
      const pace = random.weighted<number>([[0.55, 2], [0.75, 2], [1, 5], [1.15, 3], [1.4, 2]]);
      const author = `${personName(random, random.chance(0.6) ? 'male' : 'female')}（${task.leadUnit}）`;
      let percent = 0;
      const milestoneDone = new Map<string, string>();
      for (const day of monthDays(task.startDate, asOf, random)) {
        const target = Math.min(100, Math.round(expectedProgress(task.startDate, task.dueDate, day) * pace + random.normal(0, 3)));
        const next = Math.max(percent, Math.min(100, target));
        if (next === percent && percent === 100) break;
        percent = next;
        const due = task.milestones.find((milestone) => !milestoneDone.has(milestone.id) && milestone.dueDate <= addDays(day, pace >= 1 ? 20 : -30));
        if (due) milestoneDone.set(due.id, day);
        const note = due ? `完成里程碑：${due.title}` : percent === 100 ? '任务全部完成，已报送总结材料' : `按计划推进：${task.targets[day.slice(0, 4) as '2024' | '2025' | '2026'] ?? task.title}`;
        updates.push({
          id: `pu-${task.id}-${String(updates.length + 1).padStart(4, '0')}`,
          task_id: task.id,
          author_id: authorId,
          author_name: author,
          at: `${day}T09:30:00.000Z`,
          percent,
          note,
          evidence: '[]',
        });
      }
      const milestones = task.milestones.map((milestone) => ({ ...milestone, doneAt: milestoneDone.get(milestone.id) ?? null }));
      const derived = deriveWarning({ startDate: task.startDate, dueDate: task.dueDate, progress: percent, milestones }, today);
      const own = updates.filter((update) => update.task_id === task.id);
      const last = own.at(-1);
      tasks.push({
        id: task.id,
        measure_id: measure.id,
        code: task.code,
        title: task.title,
        title_en: task.titleEn,
        lead_unit: task.leadUnit,
        org_unit_id: CHAOZHOU_CITY_CODE,
        org_path: `/${CHAOZHOU_CITY_CODE}/`,
        start_date: task.startDate,
        due_date: task.dueDate,
        progress: percent,
        status: derived.status,
        warning: derived.warning,
        definition: JSON.stringify({ source: task.source, reconstructed: task.reconstructed, cooperatingUnits: task.cooperatingUnits, targets: task.targets, milestones }),
        last_update: last ? JSON.stringify({ at: last.at, percent: last.percent, authorName: last.author_name, note: last.note }) : null,
        history: JSON.stringify(own.map((update) => ({ at: update.at, percent: update.percent }))),
        updated_at: last?.at ?? `${task.startDate}T00:00:00.000Z`,
        sort: sort++,
      });
    }
  }
  return { tasks, updates };
}
