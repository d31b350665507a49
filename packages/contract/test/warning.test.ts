import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chinaToday, defaultWarningRule, deriveWarning, expectedProgress, type WarningInput, type WarningResult } from '../src/warning.js';

const today = '2025-06-01';
type Row = [label: string, task: WarningInput, expected: Partial<WarningResult>];
const year2025 = { startDate: '2025-01-01', dueDate: '2025-12-31' }; // expected on 06-01: round(151 / 364 * 100) = 41

const rows: Row[] = [
  ['done wins over everything, even overdue', { startDate: '2024-01-01', dueDate: '2025-01-01', progress: 100 }, { status: 'done', warning: 'none', daysLeft: -151 }],
  ['overdue by one day → red', { startDate: '2025-01-01', dueDate: '2025-05-31', progress: 99 }, { status: 'overdue', warning: 'red', daysLeft: -1 }],
  ['due today is not overdue; on plan → blue', { startDate: '2025-01-01', dueDate: today, progress: 85 }, { status: 'on_track', warning: 'blue', daysLeft: 0, expected: 100 }],
  ['due today and 30 points short → yellow', { startDate: '2025-01-01', dueDate: today, progress: 70 }, { status: 'at_risk', warning: 'yellow', daysLeft: 0 }],
  ['missed milestone → yellow', { ...year2025, progress: 45, milestones: [{ dueDate: '2025-05-31', doneAt: null }] }, { status: 'at_risk', warning: 'yellow' }],
  ['milestone done (late) → not yellow', { ...year2025, progress: 45, milestones: [{ dueDate: '2025-05-01', doneAt: '2025-05-20' }] }, { status: 'on_track', warning: 'none' }],
  ['milestone due today, not done yet → not missed', { ...year2025, progress: 45, milestones: [{ dueDate: today, doneAt: null }] }, { status: 'on_track', warning: 'none' }],
  ['lag exactly 20 points → yellow', { ...year2025, progress: 21 }, { status: 'at_risk', warning: 'yellow', expected: 41 }],
  ['lag 19 points (just under) → none', { ...year2025, progress: 22 }, { status: 'on_track', warning: 'none', expected: 41 }],
  ['ahead of plan → none', { ...year2025, progress: 60 }, { status: 'on_track', warning: 'none', daysLeft: 213 }],
  ['due in exactly 30 days → blue', { startDate: '2025-01-01', dueDate: '2025-07-01', progress: 80 }, { status: 'on_track', warning: 'blue', daysLeft: 30 }],
  ['due in 31 days → none', { startDate: '2025-01-01', dueDate: '2025-07-02', progress: 80 }, { status: 'on_track', warning: 'none', daysLeft: 31 }],
  ['no progress, day 17 of grace → not started', { startDate: '2025-05-15', dueDate: '2026-05-15', progress: 0 }, { status: 'not_started', warning: 'none' }],
  ['no progress, day 29 → still in grace', { startDate: '2025-05-03', dueDate: '2026-05-03', progress: 0 }, { status: 'not_started', warning: 'none' }],
  ['no progress, day 30 → grace over, counts as started', { startDate: '2025-05-02', dueDate: '2026-05-02', progress: 0 }, { status: 'on_track', warning: 'none', expected: 8 }],
  ['no progress after grace and 41 points expected → yellow', { ...year2025, progress: 0 }, { status: 'at_risk', warning: 'yellow' }],
  ['no progress in grace on a short task: not lagging yet, blue for the near deadline', { startDate: '2025-05-20', dueDate: '2025-06-20', progress: 0 }, { status: 'not_started', warning: 'blue', expected: 39, daysLeft: 19 }],
  ['some progress in grace is judged on lag', { startDate: '2025-05-20', dueDate: '2025-06-20', progress: 5 }, { status: 'at_risk', warning: 'yellow' }],
  ['starts in the future → not started, expected 0', { startDate: '2025-09-01', dueDate: '2026-09-01', progress: 0 }, { status: 'not_started', warning: 'none', expected: 0 }],
  ['deadline extended, shortfall remains → yellow, not red', { startDate: '2024-01-01', dueDate: '2025-08-01', progress: 50 }, { status: 'at_risk', warning: 'yellow' }],
];

describe('deriveWarning (督办 rule, default thresholds)', () => {
  for (const [label, task, expected] of rows) {
    it(label, () => {
      const result = deriveWarning(task, today);
      assert.deepEqual(Object.fromEntries(Object.keys(expected).map((key) => [key, result[key as keyof WarningResult]])), expected);
    });
  }

  it('uses the rule it is given', () => {
    const task = { startDate: '2025-01-01', dueDate: '2025-07-01', progress: 80 };
    assert.equal(deriveWarning(task, today, { ...defaultWarningRule, blueDays: 10 }).warning, 'none');
    assert.equal(deriveWarning({ ...year2025, progress: 30 }, today, { ...defaultWarningRule, lagPoints: 10 }).warning, 'yellow');
    assert.equal(deriveWarning({ startDate: '2025-05-20', dueDate: '2026-05-20', progress: 0 }, today, { ...defaultWarningRule, startGraceDays: 7 }).status, 'on_track');
  });

  it('defaults are the documented 30 / 20 / 30', () => {
    assert.deepEqual([defaultWarningRule.blueDays, defaultWarningRule.lagPoints, defaultWarningRule.startGraceDays], [30, 20, 30]);
  });
});

describe('expectedProgress and chinaToday', () => {
  it('is linear from 0 at the start to 100 at the due date', () => {
    assert.equal(expectedProgress('2025-01-01', '2025-01-11', '2024-12-31'), 0);
    assert.equal(expectedProgress('2025-01-01', '2025-01-11', '2025-01-01'), 0);
    assert.equal(expectedProgress('2025-01-01', '2025-01-11', '2025-01-06'), 50);
    assert.equal(expectedProgress('2025-01-01', '2025-01-11', '2025-01-11'), 100);
    assert.equal(expectedProgress('2025-01-01', '2025-01-01', '2025-01-02'), 100);
  });
  it('uses China Standard Time (UTC+8) for today', () => {
    assert.equal(chinaToday(new Date('2025-05-31T15:59:59Z')), '2025-05-31');
    assert.equal(chinaToday(new Date('2025-05-31T16:00:00Z')), '2025-06-01');
  });
});
