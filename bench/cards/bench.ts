/**
 * The page of the cards bench (bench/cards/run.mjs): renders N `<qj-task-progress-card>` (presentational mode,
 * `.task` and `.measure`) or N bare lit-html cards producing the same DOM (bare-card.ts), each timed from the
 * first element created to layout done (all updates complete, then a forced style and layout pass).
 */
import { render } from 'lit';
import type { Measure, Task } from '@qiangji/contract';
import '../../packages/elements/src/components/task-progress-card/define.js';
import { QjTaskProgressCard } from '../../packages/elements/src/components/task-progress-card/task-progress-card.js';
import { bareCard } from './bare-card.js';

const today = '2026-11-26';
const measure: Measure = { id: 'M1', order: 1, title: '铸魂工程', titleEn: 'Soul-forging project', summary: '', source: '', reconstructed: true, taskIds: [] };
const statuses: Task['status'][] = ['not_started', 'on_track', 'at_risk', 'overdue', 'done'];
const warnings: Task['warning'][] = ['none', 'blue', 'yellow', 'red'];

function task(index: number): Task {
  const progress = (index * 37) % 101;
  return {
    id: `T${index}`, measureId: 'M1', code: `${1 + (index % 8)}.${1 + (index % 5)}`, title: `重点任务第${index + 1}项：深化“第一议题”制度`, titleEn: `Key task ${index + 1}`,
    source: '', reconstructed: true, leadUnit: ['市委组织部', '市委宣传部', '市民政局', '市司法局'][index % 4]!, cooperatingUnits: [],
    targets: { '2024': '建立制度', '2025': '全面落实', '2026': '形成长效机制' },
    milestones: [
      { id: 'm1', title: '制定实施细则', dueDate: '2026-03-31', doneAt: index % 3 ? '2026-03-20' : null },
      { id: 'm2', title: '完成全市培训', dueDate: '2026-09-30', doneAt: null },
      { id: 'm3', title: '年度总结评估', dueDate: '2026-12-31', doneAt: null },
    ],
    startDate: '2024-09-01', dueDate: index % 7 ? '2026-12-31' : '2026-10-31', orgUnitId: '4451', progress,
    status: statuses[index % statuses.length]!, warning: warnings[index % warnings.length]!,
    lastUpdate: { at: '2026-11-20T02:30:00Z', percent: progress, authorName: '陈*燕', note: '' },
    history: [{ at: '2025-03-01T02:00:00Z', percent: Math.max(0, progress - 40) }, { at: '2025-09-01T02:00:00Z', percent: Math.max(0, progress - 20) }, { at: '2026-11-20T02:30:00Z', percent: progress }],
    updatedAt: '2026-11-20T02:30:00Z',
  };
}

const stage = document.getElementById('stage')!;
const sheets = QjTaskProgressCard.elementStyles.map((style) => (style instanceof CSSStyleSheet ? style : style.styleSheet!)).filter(Boolean);
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function fresh(): Promise<HTMLElement> {
  stage.replaceChildren();
  await frame();
  const host = document.createElement('div');
  stage.append(host);
  return host;
}

async function widget(count: number, tasks: Task[]): Promise<number> {
  const host = await fresh();
  const started = performance.now();
  const cards: QjTaskProgressCard[] = [];
  for (let index = 0; index < count; index += 1) {
    const card = document.createElement('qj-task-progress-card') as QjTaskProgressCard;
    card.today = today;
    card.measure = measure;
    card.task = tasks[index]!;
    host.append(card);
    cards.push(card);
  }
  await Promise.all(cards.map((card) => card.updateComplete));
  void host.getBoundingClientRect().height;
  return performance.now() - started;
}

async function bare(count: number, tasks: Task[]): Promise<number> {
  const host = await fresh();
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const element = document.createElement('div');
    const root = element.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheets;
    render(bareCard(tasks[index]!, measure, today), root);
    host.append(element);
  }
  void host.getBoundingClientRect().height;
  return performance.now() - started;
}

/** Tag names, parts and texts of a rendered shadow tree: equal for both when they produce the same DOM. */
function shape(root: ShadowRoot): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text.trim()) out.push(text.trim().replace(/\s+/g, ' '));
    text = '';
  };
  const walk = (node: Node) => {
    if (node instanceof Element) {
      flush();
      out.push(`<${node.localName}${node.getAttribute('part') ? ` part=${node.getAttribute('part')}` : ''}${node.getAttribute('class')?.trim() ? ` class=${node.getAttribute('class')!.trim().replace(/\s+/g, ' ')}` : ''}>`);
      node.childNodes.forEach(walk);
      flush();
    } else if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
  };
  root.childNodes.forEach(walk);
  flush();
  return out;
}

async function compare(): Promise<{ same: boolean; widgetNodes: number; bareNodes: number; differences: string[] }> {
  const tasks = [task(2)];
  let host = await fresh();
  const card = document.createElement('qj-task-progress-card') as QjTaskProgressCard;
  Object.assign(card, { today, measure, task: tasks[0] });
  host.append(card);
  await card.updateComplete;
  const a = shape(card.shadowRoot!);
  host = await fresh();
  const element = document.createElement('div');
  render(bareCard(tasks[0]!, measure, today), element.attachShadow({ mode: 'open' }));
  host.append(element);
  const b = shape(element.shadowRoot!);
  const differences = a.map((line, index) => (line === b[index] ? null : `${index}: ${line} ≠ ${b[index] ?? '(none)'}`)).filter((line): line is string => line !== null);
  if (b.length > a.length) differences.push(`bare has ${b.length - a.length} extra node(s)`);
  return { same: differences.length === 0, widgetNodes: a.length, bareNodes: b.length, differences: differences.slice(0, 10) };
}

declare global {
  interface Window {
    cardsBench: { run(kind: 'widget' | 'bare', count: number): Promise<number>; compare: typeof compare };
  }
}

window.cardsBench = {
  run: (kind, count) => {
    const tasks = Array.from({ length: count }, (_, index) => task(index));
    return kind === 'widget' ? widget(count, tasks) : bare(count, tasks);
  },
  compare,
};
