/**
 * The case form's screens as render functions of what the element holds: the header with its notices, and the
 * editor (step indicator, the step shown with its fields, the 退回 panel and the action bar).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { mediationWorkflow, type Locale } from '@qiangji/contract';
import type { Notice } from './case-session.js';
import { renderBackPanel, renderErrorSummary, renderRestoredNotice, renderStatusNotice, renderStepExtras, singleClick } from './editor-parts.js';
import type { OutboxStatus } from './outbox.js';
import { renderStepIndicator, stepName, type WorkflowStep } from './step-indicator.js';
import type { Steps } from './step-edits.js';
import { stepDefinitions } from './steps/index.js';
import { renderFields, type StepRenderContext, type Translate } from './steps/render.js';
import type { StepErrors } from './validation.js';

export interface HeaderOptions {
  title: string;
  locale: Locale;
  t: Translate;
  restoredAt: string | undefined;
  status: OutboxStatus;
  notice: Notice | undefined;
  errorText: (error: unknown) => string;
  onDismissRestored: () => void;
  onDiscardDraft: () => void;
  onRetry: () => void;
}

/** Title, the restored-draft notice, the submission status and any other notice. */
export function renderHeader(options: HeaderOptions): TemplateResult {
  const { t, notice } = options;
  return html`<header class="screen-only" part="header">
    <h2 class="title" part="title">${options.title}</h2>
    ${renderRestoredNotice(options.restoredAt, options.locale, t, options.onDismissRestored, options.onDiscardDraft)}
    ${renderStatusNotice(options.status, t, options.errorText, options.onRetry)}
    ${notice ? html`<div class="notice" part="notice" data-kind=${notice.kind} role=${notice.kind === 'error' ? 'alert' : 'status'}>${notice.text}</div>` : nothing}
  </header>`;
}

/** What the editor does on the user's actions (field edits come through the step render context). */
export interface EditorHandlers extends Pick<StepRenderContext, 'set' | 'blur' | 'addItem' | 'removeItem'> {
  selectStep(index: number): void;
  focusField(path: string): void;
  backReason(reason: string): void;
  cancelBack(): void;
  confirmBack(): void;
  requestBack(): void;
  save(): void;
  next(): void;
}

export interface EditorOptions {
  locale: Locale;
  t: Translate;
  workflowSteps: ReadonlyArray<WorkflowStep>;
  data: Steps;
  currentIndex: number;
  /** The step shown: the current one, or a done one opened from the indicator. */
  viewIndex: number;
  errors: StepErrors;
  errorMode: 'next' | 'back' | undefined;
  disabled: boolean;
  /** Server mode: going back needs a reason. */
  serverMode: boolean;
  judicialConfirmationDue: string | null | undefined;
  back: { open: boolean; reason: string; error: string };
  on: EditorHandlers;
}

/** The step's gloss; the zh-HK wording of the default workflow comes from our catalog (the server sends zh-CN). */
function glossOf(step: WorkflowStep, locale: Locale, t: Translate): string {
  if (locale === 'en') return step.glossEn;
  const standard = mediationWorkflow.steps.find((candidate) => candidate.id === step.id);
  if (locale === 'zh-HK' && standard?.gloss === step.gloss) return t(`gloss_${step.id}`);
  return step.gloss;
}

/** Step indicator, the step shown, the 退回 panel and the actions. */
export function renderEditor(options: EditorOptions): TemplateResult {
  const { t, locale, on, disabled, currentIndex, viewIndex } = options;
  const step = options.workflowSteps[viewIndex];
  if (!step) return html``;
  const viewingDone = viewIndex !== currentIndex;
  const last = currentIndex === options.workflowSteps.length - 1;
  const ctx: StepRenderContext = {
    locale,
    t,
    step: step.id,
    data: options.data[step.id] ?? {},
    errors: options.errors,
    required: new Set(step.required),
    disabled: disabled || viewingDone,
    parties: ((options.data.identify?.['parties'] as Array<Record<string, unknown>>) ?? []).filter(Boolean),
    set: on.set,
    blur: on.blur,
    addItem: on.addItem,
    removeItem: on.removeItem,
  };
  return html`
    ${renderStepIndicator({ steps: options.workflowSteps, currentIndex, viewingIndex: viewIndex, locale, t, interactive: !disabled, onSelect: on.selectStep })}
    <section class="screen-only" part="step-panel" aria-labelledby="step-heading">
      <h3 id="step-heading" tabindex="-1">${t('stepOf', { n: viewIndex + 1, name: stepName(step, locale) })}</h3>
      <p class="gloss">${glossOf(step, locale, t)}${step.defaultReading ? t('defaultReading') : ''}</p>
      ${viewingDone
        ? html`<div class="notice" part="notice" role="status">
            <span>${t('viewingDone')}</span>
            <button type="button" class="action" part="button" @click=${() => on.selectStep(currentIndex)}>${t('backToCurrent')}</button>
          </div>`
        : nothing}
      ${renderErrorSummary(step.id, options.errors, options.errorMode, t, on.focusField)}
      ${renderStepExtras({ step: step.id, parties: ctx.parties, serve: options.data.serve ?? {}, judicialConfirmationDue: options.judicialConfirmationDue, locale, t })}
      <div class="fields">${renderFields(ctx, stepDefinitions[step.id].fields)}</div>
      ${options.back.open && !viewingDone
        ? renderBackPanel({
            t,
            needsReason: options.serverMode,
            reason: options.back.reason,
            reasonError: options.back.error,
            disabled,
            onReason: on.backReason,
            onCancel: on.cancelBack,
            onConfirm: on.confirmBack,
          })
        : nothing}
    </section>
    <div class="actions screen-only" part="actions">
      <button type="button" part="button" ?disabled=${disabled || currentIndex === 0 || viewingDone} @click=${on.requestBack}>${t('back')}</button>
      <span class="spacer"></span>
      <button type="button" part="button" ?disabled=${disabled || viewingDone} @click=${(event: MouseEvent) => singleClick(event) && on.save()}>${t('save')}</button>
      <button type="button" class="primary" part="button primary-button" ?disabled=${disabled || viewingDone} @click=${(event: MouseEvent) => singleClick(event) && on.next()}>
        ${last ? t('finish') : t('next')}
      </button>
    </div>
  `;
}
