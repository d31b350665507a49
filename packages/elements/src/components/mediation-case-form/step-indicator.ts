/**
 * The tea-themed step indicator: an ordered list of the six steps, each with a tea-cup icon whose SHAPE tells the
 * state (filled cup with a tick = done, steaming half-full cup = current, dashed empty cup = remaining) plus the
 * state in words; colour only adds to it. Done steps are buttons that show the step again.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Locale, MediationWorkflow } from '@qiangji/contract';
import type { Translate } from './steps/render.js';

export type WorkflowStep = MediationWorkflow['steps'][number];
export type StepState = 'done' | 'current' | 'remaining';

/** The step's name in the locale (the workflow carries all three). */
export const stepName = (step: WorkflowStep, locale: Locale): string =>
  locale === 'en' ? step.nameEn : locale === 'zh-HK' ? step.nameZhHk : step.name;

const cup = svg`<path d="M6 12h18v6a8 8 0 0 1-8 8h-2a8 8 0 0 1-8-8z" />`;
const handle = svg`<path d="M24 14h2a3 3 0 0 1 0 6h-2" fill="none" stroke="currentColor" stroke-width="2" />`;
const saucer = svg`<path d="M4 29h24" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`;

const icons: Record<StepState, TemplateResult> = {
  done: html`<svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <g fill="currentColor" stroke="currentColor" stroke-width="2">${cup}</g>${handle}${saucer}
    <path d="M10 18l4 4 7-8" fill="none" stroke="var(--mcf-bg)" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />
  </svg>`,
  current: html`<svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <g fill="none" stroke="currentColor" stroke-width="2">${cup}</g>
    <path d="M7 17h16v1a7 7 0 0 1-7 7h-2a7 7 0 0 1-7-7z" fill="currentColor" />${handle}${saucer}
    <path d="M11 9c-1-2 1-3 0-5M15 9c-1-2 1-3 0-5M19 9c-1-2 1-3 0-5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
  </svg>`,
  remaining: html`<svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <g fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="3 2">${cup}</g>${handle}${saucer}
  </svg>`,
};

export interface StepIndicatorOptions {
  steps: ReadonlyArray<WorkflowStep>;
  currentIndex: number;
  viewingIndex: number;
  locale: Locale;
  t: Translate;
  /** Whether done steps can be opened (not in read-only/disabled state). */
  interactive: boolean;
  onSelect: (index: number) => void;
}

export function renderStepIndicator(options: StepIndicatorOptions): TemplateResult {
  const { steps, currentIndex, viewingIndex, locale, t } = options;
  return html`<nav aria-label=${t('stepsLabel')} class="screen-only" part="step-indicator">
    <ol class="steps">
      ${steps.map((step, index) => {
        const state: StepState = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'remaining';
        const stateText = t(state === 'done' ? 'stepDone' : state === 'current' ? 'stepCurrent' : 'stepRemaining');
        const viewing = index === viewingIndex && index !== currentIndex;
        const body = html`${icons[state]}<span class="step-text"
            ><span>${t('stepOf', { n: index + 1, name: stepName(step, locale) })}</span
            ><span class="step-state">${stateText}${viewing ? html` · ${t('stepViewing')}` : nothing}</span></span
          >`;
        return html`<li aria-current=${ifDefined(state === 'current' ? ('step' as const) : undefined)}>
          ${state === 'done' && options.interactive
            ? html`<button type="button" class="step" part="step" data-state=${state} ?data-viewing=${viewing} @click=${() => options.onSelect(index)}>${body}</button>`
            : html`<span class="step" part="step" data-state=${state} ?data-viewing=${viewing}>${body}</span>`}
        </li>`;
      })}
    </ol>
  </nav>`;
}
