import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
    max-width: var(--qj-card-max-width, 36rem);
  }

  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--qj-card-gap, var(--qj-sys-space-md));
    padding: var(--qj-card-padding, var(--qj-sys-space-lg));
    border: var(--qj-sys-border-width) solid var(--qj-card-border-color, var(--qj-sys-color-outline-subtle));
    border-radius: var(--qj-card-radius, var(--qj-sys-radius-lg));
    background: var(--qj-card-background, var(--qj-sys-color-surface));
    color: var(--qj-sys-color-on-surface);
  }
  p {
    margin: 0;
  }

  .header {
    display: flex;
    flex-direction: column;
    gap: var(--qj-sys-space-xs);
  }
  .eyebrow {
    display: flex;
    flex-wrap: wrap;
    gap: var(--qj-sys-space-sm);
    color: var(--qj-sys-color-on-surface-muted);
    font-size: var(--qj-sys-font-size-sm);
  }
  .title {
    margin: 0;
    font-size: var(--qj-card-title-size, var(--qj-sys-font-size-lg));
    font-weight: var(--qj-sys-font-weight-strong);
    line-height: var(--qj-sys-line-height-tight);
  }
  .title-button {
    display: inline-flex;
    align-items: center;
    min-height: var(--qj-sys-target-size);
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--qj-sys-color-primary-strong);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .title-button:hover {
    text-decoration-thickness: 2px;
  }
  .lead-unit {
    color: var(--qj-sys-color-on-surface-muted);
    font-size: var(--qj-sys-font-size-sm);
  }

  .status-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--qj-sys-space-sm);
  }
  .chip {
    color: var(--qj-sys-color-on-surface);
    border-color: var(--qj-sys-color-outline);
  }
  /* Icons: the cut-out shows the background behind them (a warning chip's tint sets --qj-icon-cut). */
  .icon .cut {
    fill: var(--qj-icon-cut, var(--qj-sys-color-surface));
  }
  .icon .ring {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
  }
  .warning {
    font-weight: var(--qj-sys-font-weight-strong);
  }
  .warning.blue {
    --qj-icon-cut: var(--qj-sys-color-blue-container);
    background: var(--qj-sys-color-blue-container);
    color: var(--qj-sys-color-on-blue-container);
    border-color: var(--qj-sys-color-blue);
  }
  .warning.yellow {
    --qj-icon-cut: var(--qj-sys-color-yellow-container);
    background: var(--qj-sys-color-yellow-container);
    color: var(--qj-sys-color-on-yellow-container);
    border-color: var(--qj-sys-color-yellow);
  }
  .warning.red {
    --qj-icon-cut: var(--qj-sys-color-red-container);
    background: var(--qj-sys-color-red-container);
    color: var(--qj-sys-color-on-red-container);
    border-color: var(--qj-sys-color-red);
  }
  .status.done {
    --qj-icon-cut: var(--qj-sys-color-green-container);
    background: var(--qj-sys-color-green-container);
    color: var(--qj-sys-color-on-green-container);
    border-color: var(--qj-sys-color-green);
  }

  .progress-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    font-size: var(--qj-sys-font-size-sm);
  }
  .progress-value {
    font-size: var(--qj-sys-font-size-lg);
    font-weight: var(--qj-sys-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .progress-bar {
    display: block;
    height: var(--qj-card-bar-height, 0.75rem);
    margin-top: var(--qj-sys-space-xs);
  }
  .progress-bar svg {
    display: block;
    width: 100%;
    height: 100%;
    overflow: visible;
  }
  .progress-bar .track {
    fill: var(--qj-sys-color-track);
    stroke: var(--qj-sys-color-outline);
    stroke-width: 1;
  }
  .progress-bar .fill {
    fill: var(--qj-card-bar-color, var(--qj-sys-color-primary));
  }

  .deadline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--qj-sys-space-sm);
    font-size: var(--qj-sys-font-size-sm);
  }
  .days-left {
    font-weight: var(--qj-sys-font-weight-strong);
  }
  .days-left.overdue {
    color: var(--qj-sys-color-on-red-container);
  }

  .section-title {
    font-size: var(--qj-sys-font-size-sm);
    font-weight: var(--qj-sys-font-weight-strong);
  }
  .milestones {
    display: flex;
    flex-direction: column;
    gap: var(--qj-sys-space-xs);
    margin: var(--qj-sys-space-xs) 0 0;
    padding: 0;
    list-style: none;
    font-size: var(--qj-sys-font-size-sm);
  }
  .milestone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--qj-sys-space-xs) var(--qj-sys-space-sm);
  }
  .milestone .icon {
    flex: none;
    width: 1.1em;
    height: 1.1em;
    fill: currentColor;
  }
  .milestone.done .icon {
    color: var(--qj-sys-color-green);
  }
  .milestone.overdue .icon {
    color: var(--qj-sys-color-red);
  }
  .milestone-date,
  .milestone-state {
    color: var(--qj-sys-color-on-surface-muted);
  }
  .milestone.overdue .milestone-state {
    color: var(--qj-sys-color-on-red-container);
    font-weight: var(--qj-sys-font-weight-strong);
  }

  .history {
    display: flex;
    align-items: center;
    gap: var(--qj-sys-space-sm);
    margin: 0;
  }
  .sparkline {
    width: var(--qj-card-sparkline-width, 7.5rem);
    height: var(--qj-card-sparkline-height, 2rem);
    overflow: visible;
  }
  .sparkline polyline {
    fill: none;
    stroke: var(--qj-sys-color-primary);
    stroke-width: 2;
    stroke-linejoin: round;
    stroke-linecap: round;
    vector-effect: non-scaling-stroke;
  }
  .sparkline circle {
    fill: var(--qj-sys-color-primary);
  }
  .sparkline .baseline {
    stroke: var(--qj-sys-color-outline);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .history-caption,
  .last-update {
    color: var(--qj-sys-color-on-surface-muted);
    font-size: var(--qj-sys-font-size-sm);
  }

  .skeleton.line-0 {
    width: 40%;
  }
  .skeleton.line-1 {
    width: 85%;
    height: 1.4em;
  }
  .skeleton.line-2 {
    width: 100%;
    height: 0.75rem;
  }

  :host([variant='compact']) .card {
    gap: var(--qj-sys-space-sm);
    padding: var(--qj-card-padding, var(--qj-sys-space-md));
  }
`;
