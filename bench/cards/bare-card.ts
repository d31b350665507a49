/**
 * The baseline of the cards bench: a bare lit-html template producing the same DOM as `<qj-task-progress-card>`'s
 * full variant in zh-CN (task-progress-card.ts `render()`/`renderTask()` and friends, copied structure for
 * structure, parts, classes and ARIA included), rendered into a plain element's shadow root that adopts the same
 * style sheets. What it leaves out is the component machinery being measured: reactive properties, context
 * consumers, locale/theme resolution, the i18n catalog, controllers and events.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Measure, Task } from '@qiangji/contract';
import { icons } from '../../packages/elements/src/base/icons.js';
import { milestoneState, progressHistory, sparkHeight, sparklinePoints, sparkWidth, daysLeft } from '../../packages/elements/src/components/task-progress-card/task-view.js';

const dates = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Shanghai' });
const date = (value: string) => dates.format(new Date(value.length === 10 ? `${value}T00:00:00+08:00` : value));
const statusText: Record<Task['status'], string> = { not_started: '未开始', on_track: '按计划推进', at_risk: '进度滞后', overdue: '已逾期', done: '已完成' };
const warningText = { blue: '蓝色督办 · 临近截止', yellow: '黄色督办 · 进度滞后', red: '红色督办 · 已逾期' } as const;
const warningIcons = { blue: icons.clock, yellow: icons.triangle, red: icons.octagon } as const;
const milestoneText = { done: '已完成', overdue: '已逾期', upcoming: '待完成' } as const;
const milestoneIcons = { done: icons.check, overdue: icons.cross, upcoming: icons.pending } as const;

/** The card's title handler does work on click only; the baseline binds a listener the same way. */
const onTitle = (event: MouseEvent, taskId: string): void => void event.target?.dispatchEvent(new CustomEvent('qj-task-open', { detail: { taskId }, bubbles: true, composed: true }));

export function bareCard(task: Task, measure: Measure, today: string): TemplateResult {
  const percent = Math.min(100, Math.max(0, Math.round(task.progress)));
  const days = daysLeft(task, today);
  const remaining = task.status === 'done' ? statusText.done : days < 0 ? `已逾期 ${-days} 天` : days === 0 ? '今天到期' : `剩余 ${days} 天`;
  const history = progressHistory(task, []);
  const first = history[0];
  const last = history[history.length - 1];
  const summary = first && last ? `进度历史：${history.length} 次报送，从 ${first.percent}% 到 ${last.percent}%` : '暂无进度历史';
  const points = sparklinePoints(history);
  const end = points[points.length - 1];
  const statusIcon = task.status === 'done' ? icons.check : task.status === 'overdue' ? icons.cross : icons.pending;
  return html`<article part="base" class="card" lang="zh-CN" dir="ltr" aria-labelledby="title" aria-busy="false">
    <header part="header" class="header">
      <p part="eyebrow" class="eyebrow">
        <span part="measure">${`措施${measure.order}`}${` · ${measure.title}`}</span>
        <span part="code">${`任务 ${task.code}`}</span>
      </p>
      <div part="title" class="title" id="title" role="heading" aria-level="3">
        <button part="title-button" class="title-button" type="button" @click=${(event: MouseEvent) => onTitle(event, task.id)}>${task.title}</button>
      </div>
      <p part="lead-unit" class="lead-unit">${`牵头单位：${task.leadUnit}`}</p>
    </header>
    <div part="status-row" class="status-row">
      <span part="status" class="chip status ${task.status}">${statusIcon}<span class="visually-hidden">状态：</span>${statusText[task.status]}</span>
      ${task.warning === 'none'
        ? nothing
        : html`<span part="warning" class="chip warning ${task.warning}" data-level=${task.warning}>${warningIcons[task.warning]}${warningText[task.warning]}</span>`}
    </div>
    <div part="progress" class="progress">
      <div class="progress-head">
        <span part="progress-label" id="progress-label">完成进度</span>
        <span part="progress-value" class="progress-value" aria-hidden="true">${percent}%</span>
      </div>
      <div part="progress-bar" class="progress-bar" role="progressbar" aria-labelledby="progress-label" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent} aria-valuetext=${`已完成 ${percent}%`}>
        <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect class="track" x="0" y="0" width="100" height="10" rx="5" vector-effect="non-scaling-stroke"></rect>
          ${percent > 0 ? svg`<rect class="fill" x="0" y="0" width=${percent} height="10" rx="5"></rect>` : nothing}
        </svg>
      </div>
    </div>
    <p part="deadline" class="deadline">
      <span>${`截止：${date(task.dueDate)}`}</span>
      <span part="days-left" class="days-left ${days < 0 && task.status !== 'done' ? 'overdue' : ''}">${remaining}</span>
    </p>
    ${task.milestones.length === 0
      ? nothing
      : html`<div class="milestones-section">
          <p class="section-title" id="milestones-title">节点目标</p>
          <ol part="milestones" class="milestones" aria-labelledby="milestones-title">
            ${task.milestones.map((milestone) => {
              const state = milestoneState(milestone, today);
              return html`<li part="milestone" class="milestone ${state}" data-state=${state}>
                ${milestoneIcons[state]}
                <span class="milestone-title">${milestone.title}</span>
                <span class="milestone-date">${`${date(milestone.dueDate)}前`}</span>
                <span class="milestone-state">${milestoneText[state]}</span>
              </li>`;
            })}
          </ol>
        </div>`}
    <figure part="history" class="history">
      <svg part="sparkline" class="sparkline" role="img" aria-label=${summary} viewBox="0 0 ${sparkWidth} ${sparkHeight}" focusable="false">
        <line class="baseline" x1="0" y1=${sparkHeight - 1} x2=${sparkWidth} y2=${sparkHeight - 1}></line>
        ${points.length > 1 ? svg`<polyline points=${points.map(([x, y]) => `${x},${y}`).join(' ')}></polyline>` : nothing}
        ${end ? svg`<circle cx=${end[0]} cy=${end[1]} r="3"></circle>` : nothing}
      </svg>
      <figcaption class="history-caption" aria-hidden="true">进度历史</figcaption>
    </figure>
    <p part="last-update" class="last-update">${task.lastUpdate ? `最近报送：${date(task.lastUpdate.at)} · ${task.lastUpdate.authorName}` : '暂无进度报送'}</p>
    <slot name="footer"></slot>
    <div part="live" class="visually-hidden" role="status" aria-live="polite"></div>
  </article>`;
}
