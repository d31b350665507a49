import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { planSeed, type PlanSeedTask } from '../src/plan-data.js';

// /work/main/packages/contract/test → /work/shared/reference (the shared folder sits beside the repo).
const here = dirname(fileURLToPath(import.meta.url));
const reportPath = resolve(here, '../../../../shared/reference/plan-news-2024-08-20.txt');
const reportText = readFileSync(reportPath, 'utf8');

const measures = planSeed.measures;
const tasks: PlanSeedTask[] = measures.flatMap((m) => m.tasks);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function assertVerbatim(label: string, source: string): void {
  assert.equal(typeof source, 'string', `${label}: source must be a string`);
  assert.ok(source.trim().length > 0, `${label}: source is empty`);
  assert.equal(source, source.trim(), `${label}: source has leading/trailing whitespace`);
  assert.ok(reportText.includes(source), `${label}: source not found verbatim in the report: ${source}`);
}

describe('plan seed (强基工程 2024—2026)', () => {
  it('reads the news report', () => {
    assert.ok(reportText.includes('8大关键措施、28个重点任务'));
  });

  it('describes the plan itself', () => {
    assert.equal(planSeed.id, 'chaozhou-qiangji-2024-2026');
    assert.ok(reportText.includes(planSeed.title), 'plan title appears in the report');
    assert.equal(planSeed.reconstructed, true);
    assert.deepEqual(planSeed.period, { start: '2024-01-01', end: '2026-12-31' });
    assert.equal(planSeed.announcedAt, '2024-08-19');
    assert.equal(planSeed.sourceDocument.publisher, '南方+');
    assert.equal(planSeed.sourceDocument.date, '2024-08-20');
    assert.ok(planSeed.sourceDocument.note.length > 0);
    assertVerbatim('plan', planSeed.source);
    assert.ok(planSeed.source.includes('8大关键措施、28个重点任务'));
  });

  it('has exactly 8 measures and 28 tasks', () => {
    assert.equal(measures.length, 8);
    assert.equal(tasks.length, 28);
  });

  it('numbers measures M1..M8 in order, with 3-5 tasks each', () => {
    measures.forEach((m, i) => {
      assert.equal(m.id, `M${i + 1}`);
      assert.equal(m.order, i + 1);
      assert.ok(m.tasks.length >= 3 && m.tasks.length <= 5, `${m.id} has ${m.tasks.length} tasks`);
      assert.ok(m.title.length > 0 && m.titleEn.length > 0 && m.summary.length > 0, `${m.id} texts`);
    });
  });

  it('numbers tasks T01..T28 globally and codes them measure.index', () => {
    let n = 0;
    for (const m of measures) {
      m.tasks.forEach((t, i) => {
        n += 1;
        assert.equal(t.id, `T${String(n).padStart(2, '0')}`);
        assert.equal(t.code, `${m.order}.${i + 1}`);
      });
    }
  });

  it('has unique ids, codes and milestone ids', () => {
    const unique = (values: string[], label: string) =>
      assert.equal(new Set(values).size, values.length, `duplicate ${label}`);
    unique(measures.map((m) => m.id), 'measure ids');
    unique(tasks.map((t) => t.id), 'task ids');
    unique(tasks.map((t) => t.code), 'task codes');
    unique(tasks.flatMap((t) => t.milestones.map((ms) => ms.id)), 'milestone ids');
  });

  it('quotes every measure and task verbatim from the report, each task a distinct quote', () => {
    for (const m of measures) {
      assert.equal(m.reconstructed, true, `${m.id} reconstructed`);
      assertVerbatim(m.id, m.source);
    }
    for (const t of tasks) {
      assert.equal(t.reconstructed, true, `${t.id} reconstructed`);
      assertVerbatim(t.id, t.source);
      assert.ok(t.source.length >= 8 && t.source.length <= 80, `${t.id} source length ${t.source.length}`);
    }
    assert.equal(new Set(tasks.map((t) => t.source)).size, tasks.length, 'task sources are distinct');
  });

  it('gives every task titles, units and targets for 2024, 2025 and 2026', () => {
    for (const t of tasks) {
      assert.ok(t.title.length > 0 && t.title.length <= 30, `${t.id} title length ${t.title.length}`);
      assert.ok(t.titleEn.length > 0, `${t.id} titleEn`);
      assert.ok(t.leadUnit.length > 0, `${t.id} leadUnit`);
      assert.ok(t.cooperatingUnits.length >= 1 && t.cooperatingUnits.length <= 4, `${t.id} cooperatingUnits`);
      assert.ok(!t.cooperatingUnits.includes(t.leadUnit), `${t.id} lead unit also listed as cooperating`);
      for (const year of ['2024', '2025', '2026'] as const) {
        assert.equal(typeof t.targets[year], 'string', `${t.id} target ${year}`);
        assert.ok(t.targets[year].trim().length > 0, `${t.id} target ${year} empty`);
      }
    }
  });

  it('keeps dates valid: start ≤ milestones ≤ due, all within the plan period', () => {
    for (const t of tasks) {
      assert.ok(isCalendarDate(t.startDate), `${t.id} startDate ${t.startDate}`);
      assert.ok(isCalendarDate(t.dueDate), `${t.id} dueDate ${t.dueDate}`);
      assert.ok(t.startDate <= t.dueDate, `${t.id} starts after it is due`);
      assert.ok(t.startDate >= '2024-08-19', `${t.id} starts before the plan was announced`);
      assert.ok(t.dueDate <= '2026-12-31', `${t.id} due after the plan period`);
      assert.ok(t.milestones.length >= 2 && t.milestones.length <= 4, `${t.id} has ${t.milestones.length} milestones`);
      let previous = t.startDate;
      t.milestones.forEach((ms, i) => {
        assert.equal(ms.id, `${t.id}-M${i + 1}`);
        assert.ok(ms.title.length > 0, `${ms.id} title`);
        assert.ok(isCalendarDate(ms.dueDate), `${ms.id} dueDate ${ms.dueDate}`);
        assert.ok(ms.dueDate >= t.startDate && ms.dueDate <= t.dueDate, `${ms.id} outside ${t.startDate}..${t.dueDate}`);
        assert.ok(ms.dueDate >= '2024-09-01' && ms.dueDate <= '2026-12-31', `${ms.id} outside the plan window`);
        assert.ok(ms.dueDate >= previous, `${ms.id} out of chronological order`);
        previous = ms.dueDate;
      });
    }
  });

  it('varies due dates (some 2025 year-end, some mid-2026, most 2026 year-end)', () => {
    const dues = tasks.map((t) => t.dueDate);
    assert.ok(dues.some((d) => d === '2025-12-31'));
    assert.ok(dues.some((d) => d.startsWith('2026-06')));
    assert.ok(dues.filter((d) => d === '2026-12-31').length > tasks.length / 2);
  });
});
