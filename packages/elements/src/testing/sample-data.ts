/** Small, fixed domain objects for the element tests (shaped by the contract types). */
import { defaultRatingScheme, type BranchRating, type Measure, type QjEvent, type RatingScheme, type Task, type TaskDetail } from '@qiangji/contract';

/** The day the tests pretend it is. */
export const TODAY = '2026-11-26';

export function sampleTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'task-1-1',
    measureId: 'measure-1',
    code: '1.1',
    title: '落实"第一议题"制度',
    titleEn: 'Put the "first agenda item" rule into practice',
    source: '深化"第一议题"制度',
    reconstructed: true,
    leadUnit: '市委组织部',
    cooperatingUnits: ['市委宣传部'],
    targets: { '2024': '建立制度', '2025': '全面落实', '2026': '形成长效机制' },
    milestones: [
      { id: 'm1', title: '制定实施细则', dueDate: '2026-03-31', doneAt: '2026-03-20' },
      { id: 'm2', title: '完成全市培训', dueDate: '2026-09-30', doneAt: null },
      { id: 'm3', title: '年度总结评估', dueDate: '2026-12-31', doneAt: null },
    ],
    startDate: '2024-09-01',
    dueDate: '2026-12-31',
    orgUnitId: '4451',
    progress: 62,
    status: 'at_risk',
    warning: 'yellow',
    lastUpdate: { at: '2026-11-20T02:30:00Z', percent: 62, authorName: '陈*燕', note: '完成第三季度培训' },
    history: [
      { at: '2025-03-01T02:00:00Z', percent: 10 },
      { at: '2025-09-01T02:00:00Z', percent: 30 },
      { at: '2026-03-01T02:00:00Z', percent: 45 },
      { at: '2026-11-20T02:30:00Z', percent: 62 },
    ],
    updatedAt: '2026-11-20T02:30:00Z',
    ...overrides,
  };
}

export function sampleDetail(overrides: Partial<Task> = {}): TaskDetail {
  const task = sampleTask(overrides);
  return {
    task,
    updates: task.history.map((point, index) => ({
      id: `u${index}`,
      taskId: task.id,
      authorId: 'user-1',
      authorName: '陈*燕',
      at: point.at,
      percent: point.percent,
      note: '',
      evidence: [],
    })),
  };
}

export const sampleMeasure: Measure = {
  id: 'measure-1',
  order: 1,
  title: '铸魂工程',
  titleEn: 'Soul-forging project',
  summary: '',
  source: '',
  reconstructed: true,
  taskIds: ['task-1-1'],
};

export function sampleRating(overrides: Partial<BranchRating> = {}): BranchRating {
  return {
    id: 'rating-2025',
    orgUnitId: '445102001001',
    orgUnitName: '西湖社区',
    partyOrganizationId: 'po-1',
    partyOrganizationName: '潮州市湘桥区西湖社区党支部',
    year: 2025,
    score: 88.5,
    stars: 4,
    level: '四星级党组织',
    flags: [],
    brands: ['four_good_hospital'],
    stage: 'notice',
    breakdown: [
      { id: 'political', score: 19, max: 20 },
      { id: 'organization', score: 18, max: 20 },
      { id: 'members', score: 17.5, max: 20 },
      { id: 'service', score: 17, max: 20 },
      { id: 'development', score: 17, max: 20 },
    ],
    ...overrides,
  };
}

export const sampleHistory: BranchRating[] = [
  sampleRating({ id: 'rating-2023', year: 2023, score: 72, stars: 2, level: '二星级党组织', stage: 'confirmed', flags: ['under_rectification'], brands: [] }),
  sampleRating({ id: 'rating-2024', year: 2024, score: 80, stars: 3, level: '三星级党组织', stage: 'confirmed' }),
  sampleRating(),
];

export const sampleScheme: RatingScheme = defaultRatingScheme;

export function progressEvent(taskId: string, percent: number, authorName = '林*华'): QjEvent {
  return {
    id: `evt-${percent}`,
    type: 'task.progress',
    at: '2026-11-26T03:00:00Z',
    orgUnitId: '4451',
    data: { taskId, percent, status: 'on_track', warning: 'none', authorName },
  };
}
