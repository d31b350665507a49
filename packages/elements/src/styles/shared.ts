/**
 * Styles every QiangJi widget shares: host defaults, focus ring, visually-hidden text, chips, buttons sized to the
 * target token, the loading skeleton and the state panels (empty, error, forbidden). Colours and sizes come only
 * from tokens, so light/dark/elder/high-contrast apply everywhere.
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--qj-sys-font-family);
    font-size: var(--qj-sys-font-size-md);
    line-height: var(--qj-sys-line-height);
    color: var(--qj-sys-color-on-surface);
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :lang(zh-HK) {
    font-family: var(--qj-sys-font-family-hant);
  }

  :focus-visible {
    outline: var(--qj-sys-focus-width) solid var(--qj-sys-color-focus);
    outline-offset: var(--qj-sys-focus-offset);
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--qj-sys-space-xs);
    padding: 0 var(--qj-sys-space-sm);
    border: var(--qj-sys-border-width) solid currentColor;
    border-radius: var(--qj-sys-radius-full);
    font-size: var(--qj-sys-font-size-sm);
    line-height: var(--qj-sys-line-height);
    white-space: nowrap;
  }
  .chip svg {
    flex: none;
    width: 1em;
    height: 1em;
    fill: currentColor;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--qj-sys-space-xs);
    min-width: var(--qj-sys-target-size);
    min-height: var(--qj-sys-target-size);
    padding: 0 var(--qj-sys-space-lg);
    border: var(--qj-sys-border-width) solid var(--qj-sys-color-primary);
    border-radius: var(--qj-sys-radius-md);
    background: var(--qj-sys-color-surface);
    color: var(--qj-sys-color-primary-strong);
    font: inherit;
    font-weight: var(--qj-sys-font-weight-strong);
    cursor: pointer;
    transition: background-color var(--qj-sys-motion-duration);
  }
  .button:hover {
    background: var(--qj-sys-color-primary-container);
  }

  .skeleton {
    display: block;
    height: 1em;
    margin: var(--qj-sys-space-sm) 0;
    border-radius: var(--qj-sys-radius-sm);
    background: var(--qj-sys-color-skeleton);
    animation: qj-pulse 1.4s ease-in-out infinite;
  }
  @keyframes qj-pulse {
    50% {
      opacity: 0.45;
    }
  }

  .state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--qj-sys-space-sm);
    color: var(--qj-sys-color-on-surface);
  }
  .state p {
    margin: 0;
  }
  .state .hint {
    color: var(--qj-sys-color-on-surface-muted);
    font-size: var(--qj-sys-font-size-sm);
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    svg {
      forced-color-adjust: none;
    }
  }
`;
