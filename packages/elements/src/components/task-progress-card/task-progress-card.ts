import { type Measure, type ProgressUpdate, type QjEvent, type Task, type TaskDetail } from '@qiangji/contract';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { icons } from '../../base/icons.js';
import { QjWidget } from '../../base/qj-widget.js';
import { oncePerClient, type QjClient } from '../../context/client.js';
import { EventsController } from '../../controllers/events-controller.js';
import { ResourceController, type ResourceState } from '../../controllers/resource-controller.js';
import { formatDate } from '../../i18n/index.js';
import { cardStyles } from './task-progress-card.styles.js';
import { chinaToday, daysLeft, milestoneState, progressHistory, sparkHeight, sparklinePoints, sparkWidth, type MilestoneState } from './task-view.js';

interface CardData {
  detail: TaskDetail;
  measure: Measure | undefined;
}

/** The plan's measures, fetched once per client (titles for the card header). */
const measuresByClient = new WeakMap<QjClient, Promise<Measure[] | undefined>>();
function measuresOf(client: QjClient): Promise<Measure[] | undefined> {
  const { measures } = client;
  return measures ? oncePerClient(measuresByClient, client, () => measures.list().then((page) => page.items), undefined) : Promise.resolve(undefined);
}

const warningIcons = { blue: icons.clock, yellow: icons.triangle, red: icons.octagon } as const;
const milestoneIcons: Record<MilestoneState, TemplateResult> = { done: icons.check, overdue: icons.cross, upcoming: icons.pending };

/**
 * Progress of one key task of the plan: measure and title, lead unit, a progress bar, milestones, deadline and days
 * left, status and 督办 warning (colour, icon shape and text), the last report and a sparkline of the history.
 * Connected (`task-id`, live updates from the event stream) or presentational (`.task`).
 *
 * @summary Progress card of a key task (重点任务), with its 督办 warning.
 * @status stable
 * @since 0.1.0
 *
 * @slot footer - Host content at the bottom of a loaded card, e.g. a link to the task's page or a "report progress"
 *   button of the portal.
 *
 * @event qj-task-open - The title was activated (click, Enter, Space). `detail: { taskId }`. Cancelable: cancelling
 *   stops the navigation to `href`.
 * @event qj-load - Loading settled. `detail: { state, status?, code? }`.
 * @event qj-live-update - A `task.progress` event for this task changed the card. `detail: { type, id }`.
 *
 * @csspart base - The card.
 * @csspart header - Measure, code, title and lead unit.
 * @csspart eyebrow - The line with the measure and the task code.
 * @csspart measure - The measure the task belongs to.
 * @csspart code - The task code.
 * @csspart title - The heading.
 * @csspart title-button - The activatable title (a button, or a link with `href`).
 * @csspart lead-unit - The lead unit.
 * @csspart status-row - Status and warning chips.
 * @csspart status - The status chip.
 * @csspart warning - The 督办 warning chip (absent without a warning).
 * @csspart progress - Label, value and bar.
 * @csspart progress-label - "完成进度".
 * @csspart progress-value - The percentage.
 * @csspart progress-bar - The `role=progressbar` element.
 * @csspart deadline - Due date and days left.
 * @csspart days-left - Days left, or overdue by.
 * @csspart milestones - The milestone list (full variant).
 * @csspart milestone - One milestone.
 * @csspart history - Sparkline and its caption (full variant).
 * @csspart sparkline - The SVG sparkline.
 * @csspart last-update - Date and author of the last report (full variant).
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's Retry button.
 * @csspart forbidden - The forbidden state.
 * @csspart live - The polite live region announcing updates.
 *
 * @cssprop [--qj-card-padding=var(--qj-sys-space-lg)] - Inner padding.
 * @cssprop [--qj-card-gap=var(--qj-sys-space-md)] - Space between sections.
 * @cssprop [--qj-card-radius=var(--qj-sys-radius-lg)] - Corner radius.
 * @cssprop [--qj-card-background=var(--qj-sys-color-surface)] - Background.
 * @cssprop [--qj-card-border-color=var(--qj-sys-color-outline-subtle)] - Border colour.
 * @cssprop [--qj-card-max-width=36rem] - Maximum width.
 * @cssprop [--qj-card-title-size=var(--qj-sys-font-size-lg)] - Title size.
 * @cssprop [--qj-card-bar-height=0.75rem] - Progress bar height.
 * @cssprop [--qj-card-bar-color=var(--qj-sys-color-primary)] - Progress bar fill.
 * @cssprop [--qj-card-sparkline-width=7.5rem] - Sparkline width.
 * @cssprop [--qj-card-sparkline-height=2rem] - Sparkline height.
 */
export class QjTaskProgressCard extends QjWidget {
  static override styles = [...QjWidget.styles, cardStyles];

  /** Id of the task to load (connected mode). */
  @property({ attribute: 'task-id', reflect: true }) taskId?: string;
  /** The task to show (presentational mode; no loading). */
  @property({ attribute: false }) task?: Task;
  /** Progress reports of `task` (presentational mode); used for the sparkline when the task has no history. */
  @property({ attribute: false }) updates?: ProgressUpdate[];
  /** The measure of `task` (presentational mode); connected cards look it up. */
  @property({ attribute: false }) measure?: Measure;
  /** `full` (default) or `compact` (no milestones, history or last report). */
  @property({ reflect: true }) variant: 'compact' | 'full' = 'full';
  /** Today's date (YYYY-MM-DD) for days left and milestone states; defaults to today in China. */
  @property() today?: string;
  /** Where the title leads; without it, activating the title only emits `qj-task-open`. */
  @property() href?: string;
  /** Level of the title heading (2–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** Last live update, read out by the polite live region. */
  @state() private announcement = '';

  private readonly resource = new ResourceController<CardData, readonly [QjClient, string]>(this, {
    args: () => {
      const client = this.effectiveClient;
      return !this.task && client && this.taskId ? [client, this.taskId] : undefined;
    },
    load: async ([client, taskId], signal) => {
      const [detail, measures] = await Promise.all([client.tasks.get(taskId, { signal }), measuresOf(client)]);
      return { detail, measure: measures?.find((measure) => measure.id === detail.task.measureId) };
    },
    onSettled: (state, error) => this.emitLoad(state, error),
  });

  private readonly liveEvents = new EventsController(this, {
    client: () => (this.task ? undefined : this.effectiveClient),
    types: () => (this.taskId ? ['task.progress'] : undefined),
    onEvent: (event) => this.onLiveEvent(event),
  });

  /** What the card shows: `loading`, `ready`, `empty`, `error`, `forbidden` or `idle`. */
  get loadState(): ResourceState {
    if (this.task) return 'ready';
    return this.resource.state;
  }

  /** Whether live updates are flowing: the card's event stream is connected. */
  get live(): boolean {
    return this.liveEvents.connected;
  }

  /** Loads again (what the Retry button does). */
  retry(): void {
    this.resource.retry();
  }

  private get shown(): { task: Task; updates: readonly ProgressUpdate[]; measure: Measure | undefined } | undefined {
    if (this.task) return { task: this.task, updates: this.updates ?? [], measure: this.measure };
    const value = this.resource.state === 'ready' ? this.resource.value : undefined;
    return value && { task: value.detail.task, updates: value.detail.updates, measure: value.measure };
  }

  private onLiveEvent(event: QjEvent): void {
    if (event.type !== 'task.progress' || event.data.taskId !== this.taskId || this.resource.state !== 'ready') return;
    const { percent, status, warning, authorName } = event.data;
    // Show the new numbers at once, then reconcile quietly with the server's full record.
    this.resource.patch((data) => {
      const { task } = data.detail;
      const history = [...task.history, { at: event.at, percent }];
      const lastUpdate = { at: event.at, percent, authorName, note: task.lastUpdate?.note ?? '' };
      return { ...data, detail: { ...data.detail, task: { ...task, progress: percent, status, warning, lastUpdate, history } } };
    });
    this.announcement = this.t('task.liveUpdate', { percent, author: authorName });
    this.emit('qj-live-update', { type: event.type, id: event.id });
    void this.resource.reload();
  }

  private onTitleClick(event: MouseEvent, taskId: string): void {
    const open = this.emit('qj-task-open', { taskId }, { cancelable: true });
    if (open.defaultPrevented) event.preventDefault();
  }

  protected override render() {
    const locale = this.effectiveLocale;
    const shown = this.shown;
    const stateView = shown
      ? undefined
      : this.renderResourceState(this.resource, { empty: 'task.empty', idle: this.taskId ? 'state.noSource' : 'task.empty' });
    return html`<article
      part="base"
      class="card"
      lang=${locale}
      dir=${this.effectiveDir}
      aria-labelledby=${shown ? 'title' : nothing}
      aria-busy=${this.loadState === 'loading' ? 'true' : 'false'}
    >
      ${shown ? this.renderTask(shown.task, shown.updates, shown.measure) : stateView}
      <div part="live" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </article>`;
  }

  private renderTask(task: Task, updates: readonly ProgressUpdate[], measure: Measure | undefined): TemplateResult {
    const full = this.variant !== 'compact';
    const locale = this.effectiveLocale;
    const english = locale === 'en';
    const title = english && task.titleEn ? task.titleEn : task.title;
    const measureTitle = measure ? (english && measure.titleEn ? measure.titleEn : measure.title) : undefined;
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3));
    return html`
      <header part="header" class="header">
        <p part="eyebrow" class="eyebrow">
          ${measure
            ? html`<span part="measure">${this.t('task.measure', { order: measure.order })}${measureTitle ? ` · ${measureTitle}` : ''}</span>`
            : nothing}
          <span part="code">${this.t('task.code', { code: task.code })}</span>
        </p>
        <div part="title" class="title" id="title" role="heading" aria-level=${level}>
          ${this.href
            ? html`<a part="title-button" class="title-button" href=${this.href} @click=${(event: MouseEvent) => this.onTitleClick(event, task.id)}
                >${title}</a
              >`
            : html`<button part="title-button" class="title-button" type="button" @click=${(event: MouseEvent) => this.onTitleClick(event, task.id)}>
                ${title}
              </button>`}
        </div>
        <p part="lead-unit" class="lead-unit">${this.t('task.leadUnit', { unit: task.leadUnit })}</p>
      </header>
      ${this.renderStatus(task)} ${this.renderProgress(task)} ${this.renderDeadline(task)}
      ${full ? html`${this.renderMilestones(task)} ${this.renderHistory(task, updates)} ${this.renderLastUpdate(task, updates)}` : nothing}
      <slot name="footer"></slot>
    `;
  }

  private renderStatus(task: Task): TemplateResult {
    const statusIcon = task.status === 'done' ? icons.check : task.status === 'overdue' ? icons.cross : icons.pending;
    return html`<div part="status-row" class="status-row">
      <span part="status" class="chip status ${task.status}"
        >${statusIcon}<span class="visually-hidden">${this.t('task.status')}：</span>${this.t(`task.status.${task.status}`)}</span
      >
      ${task.warning === 'none'
        ? nothing
        : html`<span part="warning" class="chip warning ${task.warning}" data-level=${task.warning}
            >${warningIcons[task.warning]}${this.t(`task.warning.${task.warning}`)}</span
          >`}
    </div>`;
  }

  private renderProgress(task: Task): TemplateResult {
    const percent = Math.min(100, Math.max(0, Math.round(task.progress)));
    return html`<div part="progress" class="progress">
      <div class="progress-head">
        <span part="progress-label" id="progress-label">${this.t('task.progress')}</span>
        <span part="progress-value" class="progress-value" aria-hidden="true">${percent}%</span>
      </div>
      <div
        part="progress-bar"
        class="progress-bar"
        role="progressbar"
        aria-labelledby="progress-label"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent}
        aria-valuetext=${this.t('task.progressValueText', { percent })}
      >
        <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect class="track" x="0" y="0" width="100" height="10" rx="5" vector-effect="non-scaling-stroke"></rect>
          ${percent > 0 ? svg`<rect class="fill" x="0" y="0" width=${percent} height="10" rx="5"></rect>` : nothing}
        </svg>
      </div>
    </div>`;
  }

  private renderDeadline(task: Task): TemplateResult {
    const locale = this.effectiveLocale;
    const days = daysLeft(task, this.today ?? chinaToday());
    const remaining =
      task.status === 'done'
        ? this.t('task.status.done')
        : days < 0
          ? this.t('task.overdueBy', { days: -days })
          : days === 0
            ? this.t('task.dueToday')
            : this.t('task.daysLeft', { days });
    return html`<p part="deadline" class="deadline">
      <span>${this.t('task.deadline', { date: formatDate(locale, task.dueDate) })}</span>
      <span part="days-left" class="days-left ${days < 0 && task.status !== 'done' ? 'overdue' : ''}">${remaining}</span>
    </p>`;
  }

  private renderMilestones(task: Task): TemplateResult | typeof nothing {
    if (task.milestones.length === 0) return nothing;
    const locale = this.effectiveLocale;
    const today = this.today ?? chinaToday();
    return html`<div class="milestones-section">
      <p class="section-title" id="milestones-title">${this.t('task.milestones')}</p>
      <ol part="milestones" class="milestones" aria-labelledby="milestones-title">
        ${task.milestones.map((milestone) => {
          const state = milestoneState(milestone, today);
          return html`<li part="milestone" class="milestone ${state}" data-state=${state}>
            ${milestoneIcons[state]}
            <span class="milestone-title">${milestone.title}</span>
            <span class="milestone-date">${this.t('task.milestone.due', { date: formatDate(locale, milestone.dueDate) })}</span>
            <span class="milestone-state">${this.t(`task.milestone.${state}`)}</span>
          </li>`;
        })}
      </ol>
    </div>`;
  }

  private renderHistory(task: Task, updates: readonly ProgressUpdate[]): TemplateResult {
    const history = progressHistory(task, updates);
    const first = history[0];
    const last = history[history.length - 1];
    const summary =
      first && last ? this.t('task.historySummary', { count: history.length, from: first.percent, to: last.percent }) : this.t('task.historyEmpty');
    const points = sparklinePoints(history);
    const end = points[points.length - 1];
    return html`<figure part="history" class="history">
      <svg part="sparkline" class="sparkline" role="img" aria-label=${summary} viewBox="0 0 ${sparkWidth} ${sparkHeight}" focusable="false">
        <line class="baseline" x1="0" y1=${sparkHeight - 1} x2=${sparkWidth} y2=${sparkHeight - 1}></line>
        ${points.length > 1 ? svg`<polyline points=${points.map(([x, y]) => `${x},${y}`).join(' ')}></polyline>` : nothing}
        ${end ? svg`<circle cx=${end[0]} cy=${end[1]} r="3"></circle>` : nothing}
      </svg>
      <figcaption class="history-caption" aria-hidden="true">${this.t('task.history')}</figcaption>
    </figure>`;
  }

  private renderLastUpdate(task: Task, updates: readonly ProgressUpdate[]): TemplateResult {
    const latest = task.lastUpdate ?? [...updates].sort((a, b) => b.at.localeCompare(a.at))[0];
    return html`<p part="last-update" class="last-update">
      ${latest
        ? this.t('task.lastUpdate', { date: formatDate(this.effectiveLocale, latest.at), author: latest.authorName })
        : this.t('task.noUpdate')}
    </p>`;
  }
}
