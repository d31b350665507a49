/**
 * Renders a step from its declarative field list: native inputs with visible labels, required marked in text,
 * hints and errors linked through aria-describedby, aria-invalid on the offending control.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Locale, MediationStepId } from '@qiangji/contract';
import type { CaseFormMessageKey } from '../case-form.i18n.js';
import type { FieldDef, FieldOption } from './field-types.js';

export type Translate = (key: CaseFormMessageKey, values?: Record<string, string | number>) => string;

/** Everything a step renderer needs from the element. */
export interface StepRenderContext {
  locale: Locale;
  t: Translate;
  step: MediationStepId;
  data: Record<string, unknown>;
  errors: ReadonlyMap<string, string>;
  /** Top-level fields the workflow requires. */
  required: ReadonlySet<string>;
  disabled: boolean;
  /** Parties of 识茶 (for 醒茶 statements and the 敬茶 party summary). */
  parties: ReadonlyArray<Record<string, unknown>>;
  set(path: string, value: unknown): void;
  blur(path: string, field: FieldDef): void;
  addItem(path: string, field: FieldDef): void;
  removeItem(path: string, index: number): void;
}

/** DOM id of the control for a field path (`parties.0.phone` → `f-identify-parties-0-phone`). */
export const controlId = (step: MediationStepId, path: string): string => `f-${step}-${path.replace(/\./g, '-')}`;

/** Read a dotted path out of nested objects/arrays. */
export function getPath(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A copy of `data` with `value` at `path` (arrays stay arrays; `undefined` removes the key). */
export function setPath<T extends Record<string, unknown>>(data: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy = (Array.isArray(data) ? [...data] : { ...data }) as Record<string, unknown>;
  if (rest.length === 0) {
    if (value === undefined && !Array.isArray(data)) delete copy[head];
    else copy[head] = value;
    return copy as T;
  }
  const child = copy[head];
  const nextIsIndex = /^\d+$/.test(rest[0]!);
  const base = child && typeof child === 'object' ? child : nextIsIndex ? [] : {};
  copy[head] = setPath(base as Record<string, unknown>, rest.join('.'), value);
  return copy as T;
}

export const optionLabel = (option: FieldOption, locale: Locale, t: Translate): string =>
  typeof option.label === 'string' ? t(option.label, { n: option.id }) : option.label[locale];

/** The value an input shows. */
const shown = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** Converts what an input holds into the step data value (numbers as numbers, empty choices removed). */
export function readInput(field: FieldDef, element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): unknown {
  if (field.kind === 'checkbox') return (element as HTMLInputElement).checked;
  const raw = element.value;
  if (field.kind === 'select' || field.kind === 'radio') {
    if (raw === '') return undefined;
    const option = field.options?.find((candidate) => String(candidate.id) === raw);
    return option ? option.id : raw;
  }
  if (field.kind === 'number') {
    if (raw.trim() === '') return undefined;
    return /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
  }
  if (field.kind === 'date') return raw === '' ? undefined : raw;
  // An emptied optional field is absent, not '' (an empty ID number is no ID number).
  if (raw === '' && field.required === false) return undefined;
  return raw;
}

function labelText(ctx: StepRenderContext, field: FieldDef, required: boolean, labelOverride?: string): TemplateResult {
  return html`${labelOverride ?? ctx.t(field.label)}<span class="req"> (${ctx.t(required ? 'required' : 'optional')})</span>`;
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function helpAndError(ctx: StepRenderContext, field: FieldDef, id: string, error: string | undefined) {
  return html`${field.hint ? html`<span class="hint" id="${id}-hint">${ctx.t(field.hint)}</span>` : nothing}${error
    ? html`<span class="error" id="${id}-error">${error}</span>`
    : nothing}`;
}

/** One scalar control (text, textarea, select, number, date, tel, checkbox, radio group). */
function renderControl(ctx: StepRenderContext, field: FieldDef, path: string, required: boolean, labelOverride?: string): TemplateResult {
  const id = controlId(ctx.step, path);
  const value = getPath(ctx.data, path);
  const error = ctx.errors.get(path);
  const described = describedBy(id, Boolean(field.hint), Boolean(error));
  const invalid = error ? 'true' : 'false';
  const onInput = (event: Event) => ctx.set(path, readInput(field, event.target as HTMLInputElement));
  const onBlur = () => ctx.blur(path, field);
  const wide = field.wide ? 'wide' : '';

  switch (field.kind) {
    case 'textarea':
      return html`<div class="field ${wide}" part="field">
        <label for=${id}>${labelText(ctx, field, required, labelOverride)}</label>
        <textarea id=${id} name=${path} maxlength=${ifDefined(field.maxLength)} aria-required=${required ? 'true' : 'false'}
          aria-invalid=${invalid} aria-describedby=${ifDefined(described)} ?disabled=${ctx.disabled}
          .value=${live(shown(value))} @input=${onInput} @blur=${onBlur}></textarea>
        ${helpAndError(ctx, field, id, error)}
      </div>`;
    case 'select':
      return html`<div class="field ${wide}" part="field">
        <label for=${id}>${labelText(ctx, field, required, labelOverride)}</label>
        <select id=${id} name=${path} aria-required=${required ? 'true' : 'false'} aria-invalid=${invalid}
          aria-describedby=${ifDefined(described)} ?disabled=${ctx.disabled} @change=${onInput} @blur=${onBlur}>
          <option value="" ?selected=${value === undefined}>${ctx.t('chooseOne')}</option>
          ${(field.options ?? []).map(
            (option) => html`<option value=${String(option.id)} ?selected=${String(option.id) === shown(value)}>${optionLabel(option, ctx.locale, ctx.t)}</option>`,
          )}
        </select>
        ${helpAndError(ctx, field, id, error)}
      </div>`;
    case 'radio':
      return html`<fieldset class="choices field ${wide}" part="field" id=${id} aria-describedby=${ifDefined(described)}>
        <legend>${labelText(ctx, field, required, labelOverride)}</legend>
        ${(field.options ?? []).map((option, index) => {
          const optionId = `${id}-${index}`;
          return html`<label class="choice" for=${optionId}>
            <input type="radio" id=${optionId} name=${`${ctx.step}-${path}`} value=${String(option.id)}
              aria-invalid=${invalid} ?disabled=${ctx.disabled} .checked=${live(shown(value) === String(option.id))}
              @change=${onInput} @blur=${onBlur} />${optionLabel(option, ctx.locale, ctx.t)}</label>`;
        })}
        ${helpAndError(ctx, field, id, error)}
      </fieldset>`;
    case 'checkbox':
      return html`<div class="field ${wide}" part="field">
        <label class="choice" for=${id}>
          <input type="checkbox" id=${id} name=${path} aria-required=${required ? 'true' : 'false'} aria-invalid=${invalid}
            aria-describedby=${ifDefined(described)} ?disabled=${ctx.disabled} .checked=${live(value === true)}
            @change=${onInput} @blur=${onBlur} />${labelOverride ?? ctx.t(field.label)}</label>
        ${helpAndError(ctx, field, id, error)}
      </div>`;
    default: {
      const type = field.kind === 'number' ? 'number' : field.kind === 'date' ? 'date' : field.kind === 'tel' ? 'tel' : 'text';
      return html`<div class="field ${wide}" part="field">
        <label for=${id}>${labelText(ctx, field, required, labelOverride)}</label>
        <input id=${id} name=${path} type=${type} inputmode=${ifDefined(field.inputmode)} autocomplete=${ifDefined(field.autocomplete)}
          maxlength=${ifDefined(field.kind === 'number' || field.kind === 'date' ? undefined : field.maxLength)}
          min=${ifDefined(field.min)} max=${ifDefined(field.max)} aria-required=${required ? 'true' : 'false'} aria-invalid=${invalid}
          aria-describedby=${ifDefined(described)} ?disabled=${ctx.disabled} .value=${live(shown(value))}
          @input=${onInput} @change=${onInput} @blur=${onBlur} />
        ${helpAndError(ctx, field, id, error)}
      </div>`;
    }
  }
}

/** A list of objects (parties) or of scalars (evidence), with add/remove buttons. */
function renderList(ctx: StepRenderContext, field: FieldDef, path: string, required: boolean): TemplateResult {
  const items = (Array.isArray(getPath(ctx.data, path)) ? getPath(ctx.data, path) : []) as unknown[];
  const item = field.item!;
  const id = controlId(ctx.step, path);
  const error = ctx.errors.get(path);
  const canRemove = items.length > item.min && !ctx.disabled;
  const canAdd = items.length < item.max && !ctx.disabled;
  return html`<fieldset class="field wide" part="field" id=${id} aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}>
    <legend>${labelText(ctx, field, required)}</legend>
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    ${items.length === 0 && !field.fields ? html`<p class="hint">${ctx.t('noEvidence')}</p>` : nothing}
    ${items.map((_, index) => {
      const n = index + 1;
      const itemPath = `${path}.${index}`;
      const remove = html`<button type="button" class="action" part="button" ?disabled=${!canRemove} @click=${() => ctx.removeItem(path, index)}>
        ${ctx.t(item.remove, { n })}</button>`;
      if (!field.fields) {
        return html`<div class="inline-item">
          ${renderControl(ctx, { ...field, kind: 'text', hint: undefined, wide: false } as FieldDef, itemPath, true, ctx.t(item.label, { n }))}
          ${remove}
        </div>`;
      }
      return html`<fieldset class="item">
        <legend>${ctx.t(item.label, { n })}</legend>
        <div class="item-head">${remove}</div>
        <div class="fields">${field.fields.map((sub) => renderControl(ctx, sub, `${itemPath}.${sub.name}`, Boolean(sub.required)))}</div>
      </fieldset>`;
    })}
    <div><button type="button" class="action" part="button" ?disabled=${!canAdd} @click=${() => ctx.addItem(path, field)}>${ctx.t(item.add)}</button></div>
  </fieldset>`;
}

/** 醒茶: one statement per party registered in 识茶. */
function renderStatements(ctx: StepRenderContext, field: FieldDef, required: boolean): TemplateResult {
  const id = controlId(ctx.step, field.name);
  const error = ctx.errors.get(field.name);
  return html`<fieldset class="field wide" part="field" id=${id} aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}>
    <legend>${labelText(ctx, field, required)}</legend>
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    ${ctx.parties.length === 0 ? html`<p>${ctx.t('noParties')}</p>` : nothing}
    ${ctx.parties.map((party, index) =>
      renderControl(
        ctx,
        { name: 'statement', kind: 'textarea', label: field.label, maxLength: field.maxLength, wide: true },
        `${field.name}.${index}.statement`,
        true,
        ctx.t('statementOf', { n: index + 1, name: shown(party['name']) || '—' }),
      ),
    )}
  </fieldset>`;
}

/** A step's fields. */
export function renderFields(ctx: StepRenderContext, fields: ReadonlyArray<FieldDef>, prefix = ''): TemplateResult {
  return html`${fields.map((field) => {
    if (field.showWhen && !field.showWhen(ctx.data)) return nothing;
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    const required = prefix ? Boolean(field.required) : ctx.required.has(field.name) || Boolean(field.required);
    if (field.kind === 'list') return renderList(ctx, field, path, required);
    if (field.kind === 'statements') return renderStatements(ctx, field, required);
    if (field.kind === 'group') {
      const id = controlId(ctx.step, path);
      const error = ctx.errors.get(path);
      return html`<fieldset class="field wide" part="field" id=${id} aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}>
        <legend>${labelText(ctx, field, required)}</legend>
        ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
        <div class="fields">${renderFields(ctx, field.fields ?? [], path)}</div>
      </fieldset>`;
    }
    return renderControl(ctx, field, path, required);
  })}`;
}

/** Human label of a field path for the error summary: `parties.0.phone` → 「当事人1 · 手机号码」. */
export function labelForPath(fields: ReadonlyArray<FieldDef>, path: string, t: Translate): string {
  const parts = path.split('.');
  const labels: string[] = [];
  let current: ReadonlyArray<FieldDef> | undefined = fields;
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const field: FieldDef | undefined = current?.find((candidate) => candidate.name === part);
    if (!field) break;
    labels.push(t(field.label));
    const next = parts[index + 1];
    if ((field.kind === 'list' || field.kind === 'statements') && next !== undefined && /^\d+$/.test(next)) {
      const n = Number(next) + 1;
      labels[labels.length - 1] = field.kind === 'statements' ? t('statementOf', { n, name: '' }).replace(/（）|\(\)/, '') : t(field.item!.label, { n });
      index += 1;
      if (field.kind === 'statements') break;
    }
    current = field.fields;
  }
  return labels.join(' · ') || path;
}
