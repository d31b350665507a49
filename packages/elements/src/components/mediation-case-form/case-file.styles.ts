import { css } from 'lit';

/**
 * Styles of the case file views of `<qj-mediation-case-form>`: the read-only record and timeline, and the printable
 * 调解协议书 (black on white in a serif face, the only thing printed). The `--mcf-*` properties come from case-form.styles.ts.
 */
export const caseFileStyles = css`
  /* Read-only case file */
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 1rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .readonly-step {
    margin-bottom: 1.25rem;
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    border-inline-start: 3px solid var(--mcf-tea);
  }
  .timeline li {
    padding: 0.25rem 0 0.5rem 0.75rem;
  }
  .timeline time {
    display: block;
    color: var(--mcf-text-muted);
    font-size: 0.9em;
  }

  /* 调解协议书: shown when printing; on screen only when asked for. */
  .agreement {
    display: none;
    color: #000000;
    background: #ffffff;
    font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', serif;
    padding: 1rem;
  }
  .agreement[data-open] {
    display: block;
    border: 1px solid var(--mcf-border);
    margin-top: 1rem;
  }
  .agreement h2 {
    text-align: center;
    font-size: 1.6em;
    letter-spacing: 0.2em;
  }
  .agreement .meta {
    text-align: end;
  }
  .agreement table {
    width: 100%;
    border-collapse: collapse;
    margin: 0.5rem 0;
  }
  .agreement th,
  .agreement td {
    border: 1px solid #000000;
    padding: 0.25rem 0.4rem;
    text-align: start;
  }
  .agreement .signatures {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 1rem;
    margin-top: 2rem;
  }
  .agreement .signature {
    min-height: 4rem;
    border-bottom: 1px solid #000000;
  }
  @media print {
    :host {
      border: 0;
      padding: 0;
      background: #ffffff;
      color: #000000;
    }
    :host > :not(.agreement),
    .screen-only {
      display: none !important;
    }
    .agreement {
      display: block !important;
      border: 0 !important;
      margin: 0 !important;
      font-size: 12pt;
    }
    .agreement section {
      break-inside: avoid;
    }
  }
`;
