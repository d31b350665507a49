import { css } from 'lit';

export const badgeStyles = css`
  :host {
    --_star-size: var(--qj-badge-star-size, 1.25rem);
    position: relative;
    display: inline-block;
    vertical-align: middle;
  }
  :host([size='sm']) {
    --_star-size: var(--qj-badge-star-size, 0.875rem);
    font-size: var(--qj-sys-font-size-sm);
  }
  :host([size='lg']) {
    --_star-size: var(--qj-badge-star-size, 1.75rem);
    font-size: var(--qj-sys-font-size-lg);
  }
  :host([data-qj-elder]) {
    --_star-size: var(--qj-badge-star-size, 1.75rem);
  }

  .badge {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--qj-badge-gap, var(--qj-sys-space-sm));
    padding: var(--qj-badge-padding, var(--qj-sys-space-xs) var(--qj-sys-space-sm));
    border: var(--qj-sys-border-width) solid var(--qj-badge-border-color, var(--qj-sys-color-outline-subtle));
    border-radius: var(--qj-badge-radius, var(--qj-sys-radius-md));
    background: var(--qj-badge-background, var(--qj-sys-color-surface));
    color: var(--qj-sys-color-on-surface);
  }
  .summary {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--qj-sys-space-xs) var(--qj-sys-space-sm);
  }
  .stars {
    display: block;
    flex: none;
    width: calc(var(--_star-size) * 5.2);
    height: var(--_star-size);
  }
  .stars .on {
    fill: var(--qj-badge-star-color, var(--qj-sys-color-star));
  }
  .stars .off {
    fill: none;
    stroke: var(--qj-sys-color-outline);
    stroke-width: 1.5;
  }
  .level {
    font-weight: var(--qj-sys-font-weight-strong);
  }
  .year {
    color: var(--qj-sys-color-on-surface-muted);
  }

  .chips {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--qj-sys-space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip.flag {
    background: var(--qj-sys-color-red-container);
    color: var(--qj-sys-color-on-red-container);
    border-color: var(--qj-sys-color-red);
  }
  .chip.flag.under_rectification {
    background: var(--qj-sys-color-yellow-container);
    color: var(--qj-sys-color-on-yellow-container);
    border-color: var(--qj-sys-color-yellow);
  }
  .chip.brand {
    background: var(--qj-sys-color-primary-container);
    color: var(--qj-sys-color-on-primary-container);
    border-color: var(--qj-sys-color-primary);
  }

  .state {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
  }
  .skeleton.line-0 {
    width: calc(var(--_star-size) * 5.2);
    height: var(--_star-size);
    margin: 0;
  }
  .skeleton.line-1 {
    width: 6em;
    margin: 0;
  }
`;
