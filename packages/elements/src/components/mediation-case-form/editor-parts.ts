/**
 * Pieces of the editing view, as pure render functions: the restored-draft notice, the submission status, the
 * error summary, what a step shows above its fields, and the 退回 panel.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, MediationStepId } from '@qiangji/contract';
import { formatDate } from '../../i18n/format.js';
import type { OutboxStatus } from './outbox.js';
import { stepDefinitions } from './steps/index.js';
import { labelForPath, type Translate } from './steps/render.js';
import type { StepErrors } from './validation.js';

type Part = TemplateResult | typeof nothing;

/** The second click of a double click repeats nothing (the queue would drop it anyway; this keeps the step). */
export const singleClick = (event: MouseEvent): boolean => event.detail <= 1;

/** YYYY-MM-DD plus `days`, or undefined for anything that is not a date. */
export function addDays(value: unknown, days: number): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 「已恢复草稿」 with when it was saved, and the choice to discard it. */
export function renderRestoredNotice(restoredAt: string | undefined, locale: Locale, t: Translate, onDismiss: () => void, onDiscard: () => void): Part {
  if (!restoredAt) return nothing;
  const time = new Date(restoredAt);
  const shown = Number.isNaN(time.getTime())
    ? restoredAt
    : `${formatDate(locale, time)} ${time.toLocaleTimeString(locale === 'en' ? 'en-GB' : locale, { hour: '2-digit', minute: '2-digit' })}`;
  return html`<div class="notice restored" part="notice" role="status">
    <p><strong>${t('restored')}</strong>${t('restoredDetail', { time: shown })}</p>
    <button type="button" class="action" part="button" @click=${onDismiss}>${t('dismiss')}</button>
    <button type="button" class="action" part="button" @click=${onDiscard}>${t('discardDraft')}</button>
  </div>`;
}

/** 已排队 / 正在提交 / 已提交 / retrying / failed, with the count still pending and "retry now". */
export function renderStatusNotice(status: OutboxStatus, t: Translate, errorText: (error: unknown) => string, onRetry: () => void): Part {
  const { state, pending, retryAt, error } = status;
  if (state === 'idle') return nothing;
  const text =
    state === 'queued'
      ? t('statusQueued')
      : state === 'sending'
        ? t('statusSending')
        : state === 'sent'
          ? t('statusSent')
          : state === 'retrying'
            ? t('statusRetrying', { seconds: Math.max(1, Math.round(((retryAt ?? Date.now()) - Date.now()) / 1000)) })
            : t('statusError', { message: errorText(error) });
  return html`<div class="notice status" part="notice status" role="status" data-state=${state}>
    <span class="status-text">${text}</span>
    ${pending > 0 && state !== 'sending' ? html`<span>（${t('pendingCount', { count: pending })}）</span>` : nothing}
    ${state === 'retrying' || state === 'queued' ? html`<button type="button" class="action" part="button" @click=${onRetry}>${t('retryNow')}</button>` : nothing}
  </div>`;
}

/** The errors of the step, each a button that focuses its field; the same on Next and on 退回. */
export function renderErrorSummary(step: MediationStepId, errors: StepErrors, mode: 'next' | 'back' | undefined, t: Translate, focus: (path: string) => void): Part {
  if (!errors.size || !mode) return nothing;
  const fields = stepDefinitions[step].fields;
  return html`<div class="error-summary" part="error-summary" aria-labelledby="error-summary-heading">
    <h4 id="error-summary-heading" tabindex="-1">${t(mode === 'next' ? 'errorSummary' : 'errorSummaryBack', { count: errors.size })}</h4>
    <ul>
      ${[...errors].map(
        ([path, message]) => html`<li>
          <button type="button" class="link-button" @click=${() => focus(path)}>${labelForPath(fields, path, t)}：${message}</button>
        </li>`,
      )}
    </ul>
    ${mode === 'back' ? html`<p>${t('backIncomplete')}</p>` : nothing}
  </div>`;
}

/** What a step shows above its fields: the parties in 敬茶, the Art. 33 judicial-confirmation reminder in 悟茶. */
export function renderStepExtras(options: {
  step: MediationStepId;
  parties: ReadonlyArray<Record<string, unknown>>;
  serve: Record<string, unknown>;
  judicialConfirmationDue: string | null | undefined;
  locale: Locale;
  t: Translate;
}): Part {
  const { step, parties, serve, locale, t } = options;
  if (step === 'serve' && parties.length) {
    return html`<p>${t('agreementParties')}</p>
      <ul class="party-summary">
        ${parties.map(
          (party, index) =>
            html`<li>${t('party', { n: index + 1 })}：${[party['name'], party['ethnicity'], party['age'], party['occupation']].filter((part) => part !== undefined && part !== '').join('，')}</li>`,
        )}
      </ul>`;
  }
  if (step === 'reflect' && serve['outcome'] === 'agreement') {
    const due = options.judicialConfirmationDue ?? addDays(serve['signedOn'], 30);
    return html`<p class="notice" part="notice" role="note">${due ? t('judicialDue', { date: formatDate(locale, due) }) : t('judicialDueUnknown')}</p>`;
  }
  return nothing;
}

export interface BackPanelOptions {
  t: Translate;
  /** Server mode: the reason is required (the server records it in the case history). */
  needsReason: boolean;
  reason: string;
  reasonError: string;
  disabled: boolean;
  onReason: (reason: string) => void;
  onCancel: () => void;
  onConfirm: () => void;
}

/** The 退回 panel: what is kept, the reason, confirm or cancel. */
export function renderBackPanel(options: BackPanelOptions): TemplateResult {
  const { t, reasonError, disabled } = options;
  return html`<div class="back-panel" part="back-panel" role="group" aria-labelledby="back-heading">
    <h4 id="back-heading">${t('back')}</h4>
    <p id="back-hint">${t('backReasonHint')}</p>
    ${options.needsReason
      ? html`<div class="field" part="field">
          <label for="back-reason">${t('backReason')}<span class="req"> (${t('required')})</span></label>
          <textarea id="back-reason" maxlength="500" aria-required="true" aria-invalid=${reasonError ? 'true' : 'false'}
            aria-describedby=${reasonError ? 'back-hint back-reason-error' : 'back-hint'} ?disabled=${disabled}
            .value=${options.reason} @input=${(event: Event) => options.onReason((event.target as HTMLTextAreaElement).value)}></textarea>
          ${reasonError ? html`<span class="error" id="back-reason-error">${reasonError}</span>` : nothing}
        </div>`
      : nothing}
    <div class="actions" part="actions">
      <button type="button" part="button" @click=${options.onCancel}>${t('cancel')}</button>
      <button type="button" id="back-confirm" class="primary" part="button primary-button" ?disabled=${disabled} @click=${(event: MouseEvent) => singleClick(event) && options.onConfirm()}>
        ${t('backConfirm')}
      </button>
    </div>
  </div>`;
}
