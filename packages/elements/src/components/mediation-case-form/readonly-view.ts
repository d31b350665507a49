/**
 * Read-only case file: every step as a definition list, the case timeline, and the printable 调解协议书 with every
 * Art. 29 item (parties' basic details, main facts, disputed issues and responsibilities, agreed terms, how and by
 * when performed), the case number, committee and date, and the signature and seal lines.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { maskAddress, maskIdNumber, maskName, maskPhone, type Locale, type MediationCase, type MediationStepId } from '@qiangji/contract';
import { formatDate } from '../../i18n/format.js';
import { stepDefinitions, partyFields, agreementFields, type FieldDef } from './steps/index.js';
import { getPath, optionLabel, type Translate } from './steps/render.js';
import { stepName, type WorkflowStep } from './step-indicator.js';

export interface ReadonlyViewOptions {
  steps: ReadonlyArray<WorkflowStep>;
  data: Partial<Record<MediationStepId, Record<string, unknown>>>;
  serverCase: MediationCase | null;
  locale: Locale;
  t: Translate;
  /** The viewer may see unmasked personal data (else it is masked here even if the server sent it whole). */
  canSeePersonalData: boolean;
  onPrint: () => void;
  onOpenAgreement: (() => void) | undefined;
  agreementOpen: boolean;
}

const isMasked = (value: string): boolean => value.includes('*');

/** Personal data as the viewer may see it. */
export function displayPersonal(field: FieldDef, value: string, canSee: boolean): string {
  if (canSee || isMasked(value) || value === '') return value;
  if (field.personal === 'phone') return maskPhone(value);
  if (field.personal === 'id') return maskIdNumber(value);
  if (field.name === 'name') return maskName(value);
  if (field.name === 'address') return maskAddress(value);
  return value;
}

function formatValue(field: FieldDef, value: unknown, options: ReadonlyViewOptions): string {
  const { t, locale } = options;
  if (value === undefined || value === null || value === '') return t('empty');
  if (field.kind === 'checkbox') return t(value === true ? 'yes' : 'no');
  if ((field.kind === 'select' || field.kind === 'radio') && field.options) {
    const option = field.options.find((candidate) => String(candidate.id) === String(value));
    return option ? optionLabel(option, locale, t) : String(value);
  }
  if (field.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(locale, value);
  return displayPersonal(field, String(value), options.canSeePersonalData);
}

function renderEntries(fields: ReadonlyArray<FieldDef>, data: Record<string, unknown>, options: ReadonlyViewOptions, parties: ReadonlyArray<Record<string, unknown>>): TemplateResult {
  const { t } = options;
  return html`<dl>
    ${fields.map((field) => {
      if (field.showWhen && !field.showWhen(data)) return nothing;
      const value = data[field.name];
      if (field.kind === 'group') {
        return html`<dt>${t(field.label)}</dt><dd>${renderEntries(field.fields ?? [], (value ?? {}) as Record<string, unknown>, options, parties)}</dd>`;
      }
      if (field.kind === 'list') {
        const items = Array.isArray(value) ? value : [];
        return html`<dt>${t(field.label)}</dt><dd>${items.length === 0
          ? t('empty')
          : html`<ol>${items.map((item) =>
              field.fields
                ? html`<li>${renderEntries(field.fields, (item ?? {}) as Record<string, unknown>, options, parties)}</li>`
                : html`<li>${String(item)}</li>`,
            )}</ol>`}</dd>`;
      }
      if (field.kind === 'statements') {
        const statements = Array.isArray(value) ? (value as Array<{ party: number; statement: string }>) : [];
        return html`<dt>${t(field.label)}</dt><dd>${statements.length === 0
          ? t('empty')
          : html`<ul>${statements.map((entry) => {
              const party = parties[entry.party];
              const name = party ? displayPersonal(partyFields[0]!, String(party['name'] ?? ''), options.canSeePersonalData) : '';
              return html`<li>${t('statementOf', { n: entry.party + 1, name })}：${entry.statement || t('empty')}</li>`;
            })}</ul>`}</dd>`;
      }
      return html`<dt>${t(field.label)}</dt><dd>${formatValue(field, value, options)}</dd>`;
    })}
  </dl>`;
}

function formatTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(date);
}

function renderTimeline(options: ReadonlyViewOptions): TemplateResult {
  const { t, locale, steps } = options;
  const history = options.serverCase?.history ?? [];
  const nameOf = (id: MediationStepId | null) => {
    const step = steps.find((candidate) => candidate.id === id);
    return step ? stepName(step, locale) : '';
  };
  return html`<section aria-labelledby="timeline-heading" class="screen-only" part="timeline">
    <h3 id="timeline-heading">${t('timeline')}</h3>
    ${history.length === 0
      ? html`<p>${t('noHistory')}</p>`
      : html`<ol class="timeline">
          ${history.map(
            (entry) => html`<li>
              <time datetime=${entry.at}>${formatTime(locale, entry.at)}</time>
              ${t('historyEntry', { actor: entry.actorName, action: t(`action_${entry.action}`) })}
              ${entry.from || entry.to ? html`（${t('historyMove', { from: nameOf(entry.from) || '—', to: nameOf(entry.to) || '—' })}）` : nothing}
              ${entry.reason ? html`<div>${t('historyReason', { reason: entry.reason })}</div>` : nothing}
            </li>`,
          )}
        </ol>`}
  </section>`;
}

/** The 调解协议书 (Art. 29); hidden on screen unless opened, the only thing printed. */
export function renderAgreement(options: ReadonlyViewOptions): TemplateResult {
  const { t, locale, data, serverCase } = options;
  const serve = (data.serve ?? {}) as Record<string, unknown>;
  const agreement = (serve['agreement'] ?? {}) as Record<string, unknown>;
  const parties = ((data.identify?.['parties'] as unknown[]) ?? []) as Array<Record<string, unknown>>;
  const signedOn = typeof serve['signedOn'] === 'string' ? serve['signedOn'] : undefined;
  const shownParty = (field: FieldDef, party: Record<string, unknown>) => formatValue(field, party[field.name], options);
  return html`<article class="agreement" part="agreement" ?data-open=${options.agreementOpen} aria-labelledby="agreement-heading">
    <h2 id="agreement-heading">${t('agreementTitle')}</h2>
    <p class="meta">${t('caseNumber')}：${serverCase?.caseNumber ?? t('empty')}</p>
    <p>${t('committee')}：${serverCase?.committee ?? t('empty')}　${t('mediator')}：${serverCase?.mediatorName ?? t('empty')}</p>
    <section>
      <h3>${t('partiesHeading')}</h3>
      <table>
        <thead><tr>${partyFields.map((field) => html`<th scope="col">${t(field.label)}</th>`)}</tr></thead>
        <tbody>${parties.map((party) => html`<tr>${partyFields.map((field) => html`<td>${shownParty(field, party)}</td>`)}</tr>`)}</tbody>
      </table>
    </section>
    ${serve['outcome'] === 'no_agreement'
      ? html`<section><h3>${t('noAgreement')}</h3><p>${String(serve['noAgreementReason'] ?? '')}</p></section>`
      : agreementFields.map(
          (field) => html`<section><h3>${t(field.label)}</h3><p>${formatValue(field, getPath(agreement, field.name), options)}</p></section>`,
        )}
    <p>${t('signedOn')}：${signedOn ? formatDate(locale, signedOn) : t('empty')}</p>
    <p>${t('agreementLegalNote')}</p>
    <div class="signatures">
      <div><p>${t('signatures')}</p><div class="signature"></div></div>
      <div><p>${t('mediatorSignature')}</p><div class="signature"></div></div>
      <div><p>${t('committeeSeal')}</p><div class="signature"></div></div>
    </div>
  </article>`;
}

/** The whole read-only case file. */
export function renderReadonly(options: ReadonlyViewOptions): TemplateResult {
  const { t, locale, steps, data, serverCase } = options;
  const parties = ((data.identify?.['parties'] as unknown[]) ?? []) as Array<Record<string, unknown>>;
  const agreed = (data.serve as Record<string, unknown> | undefined)?.['outcome'] === 'agreement';
  return html`<section class="screen-only" part="case-file" aria-labelledby="readonly-heading">
      <h2 id="readonly-heading">${t('readonlyTitle')}${serverCase ? html` · ${serverCase.caseNumber}` : nothing}</h2>
      ${serverCase?.status === 'closed' ? html`<p><strong>${t('caseClosed')}</strong></p>` : nothing}
      ${serverCase?.judicialConfirmationDue
        ? html`<p>${t('judicialDue', { date: formatDate(locale, serverCase.judicialConfirmationDue) })}</p>`
        : nothing}
      ${steps.map((step, index) => {
        const stepData = (data[step.id] ?? {}) as Record<string, unknown>;
        return html`<section class="readonly-step" aria-labelledby="ro-${step.id}">
          <h3 id="ro-${step.id}">${t('stepOf', { n: index + 1, name: stepName(step, locale) })}</h3>
          ${renderEntries(stepDefinitions[step.id].fields, stepData, options, parties)}
        </section>`;
      })}
      ${renderTimeline(options)}
      <div class="actions" part="actions">
        ${agreed ? html`<button type="button" class="primary" part="button primary-button" @click=${options.onPrint}>${t('printAgreement')}</button>` : nothing}
        ${agreed && options.onOpenAgreement ? html`<button type="button" part="button" @click=${options.onOpenAgreement}>${t('openAgreement')}</button>` : nothing}
      </div>
    </section>
    ${agreed ? renderAgreement(options) : nothing}`;
}
