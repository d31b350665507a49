import { css } from 'lit';

/**
 * Styles of `<qj-mediation-case-form>`. Colours come from the shared `--qj-*` tokens when the page defines them, with
 * tea-toned fallbacks that keep 4.5:1 contrast in light and dark. Elder mode: text >= 18px, targets >= 60px.
 */
export const caseFormStyles = css`
  :host {
    --mcf-bg: var(--qj-sys-color-surface, #ffffff);
    --mcf-bg-muted: var(--qj-sys-color-surface-container, #f3f3f3);
    --mcf-text: var(--qj-sys-color-on-surface, #202020);
    --mcf-text-muted: var(--qj-sys-color-on-surface-muted, #585858);
    --mcf-border: var(--qj-sys-color-outline, #8c8c8c);
    --mcf-accent: var(--qj-mediation-accent, var(--qj-sys-color-green, #1a7f37));
    --mcf-accent-text: var(--qj-sys-color-surface, #ffffff);
    --mcf-tea: var(--qj-mediation-tea, var(--qj-sys-color-yellow, #9a6b00));
    --mcf-danger: var(--qj-sys-color-on-red-container, #a61b1b);
    --mcf-danger-bg: var(--qj-sys-color-red-container, #fdecec);
    --mcf-info-bg: var(--qj-sys-color-green-container, #e6f4ea);
    --mcf-focus: var(--qj-sys-color-focus, #0b57d0);
    --mcf-target: var(--qj-sys-target-size, 44px);
    --mcf-radius: var(--qj-sys-radius-md, 6px);
    display: block;
    color: var(--mcf-text);
    background: var(--mcf-bg);
    font-size: var(--qj-sys-font-size-md, 16px);
    line-height: var(--qj-sys-line-height, 1.5);
    padding: 1rem;
    border: 1px solid var(--mcf-border);
    border-radius: var(--mcf-radius);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 0.5rem;
    line-height: 1.3;
  }
  h2 {
    font-size: 1.35em;
  }
  h3 {
    font-size: 1.15em;
  }
  p {
    margin: 0.25rem 0;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :focus-visible {
    outline: var(--qj-sys-focus-width, 2px) solid var(--mcf-focus);
    outline-offset: var(--qj-sys-focus-offset, 2px);
  }

  /* Step indicator: shape and text tell done/current/remaining, colour only adds to it. */
  .steps {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0.5rem 0 1rem;
    padding: 0;
    counter-reset: step;
  }
  .steps li {
    flex: 1 1 8rem;
    min-width: 7rem;
  }
  .step {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    width: 100%;
    min-height: var(--mcf-target);
    padding: 0.25rem 0.5rem;
    border: 2px solid transparent;
    border-radius: var(--mcf-radius);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
  }
  button.step {
    cursor: pointer;
    border-color: var(--mcf-border);
  }
  button.step:hover {
    background: var(--mcf-bg-muted);
  }
  .step[data-state='current'] {
    border-color: var(--mcf-accent);
    background: var(--mcf-info-bg);
    font-weight: 700;
  }
  .step[data-viewing] {
    outline: 2px dashed var(--mcf-tea);
  }
  .step svg {
    flex: none;
    width: 2rem;
    height: 2rem;
    color: var(--mcf-tea);
  }
  .step[data-state='current'] svg {
    color: var(--mcf-accent);
  }
  .step-text {
    display: flex;
    flex-direction: column;
  }
  .step-state {
    font-size: 0.85em;
    font-weight: 400;
    color: var(--mcf-text-muted);
  }

  .notice {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0;
    border: 1px solid var(--mcf-accent);
    border-inline-start-width: 6px;
    border-radius: var(--mcf-radius);
    background: var(--mcf-info-bg);
  }
  .notice strong {
    margin-inline-end: 0.25rem;
  }
  .notice[data-kind='error'] {
    border-color: var(--mcf-danger);
    background: var(--mcf-danger-bg);
  }
  .status[data-state='queued'],
  .status[data-state='retrying'] {
    border-color: var(--mcf-tea);
  }

  .error-summary {
    padding: 0.75rem;
    margin: 0.5rem 0 1rem;
    border: 2px solid var(--mcf-danger);
    border-radius: var(--mcf-radius);
    background: var(--mcf-danger-bg);
  }
  .error-summary ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .link-button {
    min-height: var(--mcf-target);
    padding: 0.25rem 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-decoration: underline;
    text-align: start;
    cursor: pointer;
  }

  .gloss {
    color: var(--mcf-text-muted);
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.75rem 1rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .wide {
    grid-column: 1 / -1;
  }
  label,
  legend {
    font-weight: 600;
  }
  .req {
    font-weight: 400;
    color: var(--mcf-text-muted);
    font-size: 0.9em;
  }
  input[type='text'],
  input[type='tel'],
  input[type='number'],
  input[type='date'],
  select,
  textarea {
    width: 100%;
    min-height: var(--mcf-target);
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--mcf-border);
    border-radius: var(--mcf-radius);
    background: var(--mcf-bg);
    color: var(--mcf-text);
    font: inherit;
  }
  textarea {
    min-height: 5.5em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--mcf-danger);
    border-width: 2px;
  }
  .hint {
    font-size: 0.9em;
    color: var(--mcf-text-muted);
  }
  .error {
    color: var(--mcf-danger);
    font-weight: 600;
  }
  .error::before {
    content: '⚠ ';
  }
  fieldset {
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    border: 1px solid var(--mcf-border);
    border-radius: var(--mcf-radius);
    min-width: 0;
  }
  fieldset.choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  fieldset.choices legend {
    width: 100%;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: var(--mcf-target);
    font-weight: 400;
  }
  .choice input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
  }
  :host([data-qj-elder]) .choice input {
    width: 1.6em;
    height: 1.6em;
  }
  .item {
    margin-bottom: 0.75rem;
  }
  .item-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
  }
  .inline-item {
    display: flex;
    gap: 0.5rem;
    align-items: flex-end;
    margin-bottom: 0.5rem;
  }
  .inline-item .field {
    flex: 1;
  }

  button.action,
  .actions button {
    min-height: var(--mcf-target);
    min-width: var(--mcf-target);
    padding: 0.4rem 1rem;
    border: 2px solid var(--mcf-accent);
    border-radius: var(--mcf-radius);
    background: var(--mcf-bg);
    color: var(--mcf-text);
    font: inherit;
    cursor: pointer;
  }
  .actions button.primary,
  button.action.primary {
    background: var(--mcf-accent);
    color: var(--mcf-accent-text);
    font-weight: 700;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.65;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: flex-end;
    margin-top: 1rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--mcf-border);
  }
  .actions .spacer {
    flex: 1;
  }
  .back-panel {
    margin-top: 1rem;
    padding: 0.75rem;
    border: 2px solid var(--mcf-tea);
    border-radius: var(--mcf-radius);
    background: var(--mcf-bg-muted);
  }
  .party-summary {
    margin: 0 0 0.75rem;
    padding-inline-start: 1.25rem;
  }

  @media (forced-colors: active) {
    .step[data-state='current'] {
      border-color: Highlight;
    }
    [aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;
