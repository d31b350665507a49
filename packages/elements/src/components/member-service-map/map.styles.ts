/** Styles of `<qj-member-service-map>`; Leaflet's own rules come from leaflet.styles.ts. Tokens only. */
import { css } from 'lit';

export const mapStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_height: var(--qj-map-height, 520px);
    --_panel-width: var(--qj-map-panel-width, 320px);
    --_radius: var(--qj-map-radius, var(--qj-sys-radius-lg));
    --_background: var(--qj-map-background, var(--qj-sys-color-surface-container));
  }
  .frame {
    display: grid;
    gap: var(--qj-sys-space-sm);
    background: var(--qj-sys-color-surface);
    color: var(--qj-sys-color-on-surface);
    border: var(--qj-sys-border-width) solid var(--qj-sys-color-outline-subtle);
    border-radius: var(--_radius);
    padding: var(--qj-sys-space-md);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--qj-sys-space-sm);
  }
  .breadcrumb ol {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--qj-sys-space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .breadcrumb li {
    display: inline-flex;
    align-items: center;
    gap: var(--qj-sys-space-xs);
  }
  .breadcrumb li + li::before {
    content: '›';
    color: var(--qj-sys-color-on-surface-muted);
    padding-inline-end: var(--qj-sys-space-xs);
  }
  .breadcrumb [aria-current] {
    font-weight: var(--qj-sys-font-weight-strong);
  }
  .count {
    font-family: var(--qj-sys-font-family-numeric);
    font-size: var(--qj-sys-font-size-sm);
    color: var(--qj-sys-color-on-surface-muted);
  }
  .summary {
    margin: 0;
    font-weight: var(--qj-sys-font-weight-strong);
  }
  .body {
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--_panel-width);
    gap: var(--qj-sys-space-md);
    align-items: start;
  }
  @container (max-width: 760px) {
    .body {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .stage {
    position: relative;
    height: var(--_height);
    border-radius: var(--qj-sys-radius-md);
    overflow: hidden;
    background: var(--_background);
  }
  .map {
    position: absolute;
    inset: 0;
    background: var(--_background);
    font: inherit;
  }
  .map:focus-visible {
    outline: var(--qj-sys-focus-width) solid var(--qj-sys-color-focus);
    outline-offset: calc(-1 * var(--qj-sys-focus-width) - 2px);
  }
  .controls {
    position: absolute;
    top: var(--qj-sys-space-sm);
    left: var(--qj-sys-space-sm);
    z-index: 1000;
    display: flex;
    flex-direction: column;
    gap: var(--qj-sys-space-xs);
  }
  button {
    font: inherit;
    color: inherit;
  }
  .button {
    min-width: var(--qj-sys-target-size);
    min-height: var(--qj-sys-target-size);
    padding: 0 var(--qj-sys-space-sm);
    border: var(--qj-sys-border-width) solid var(--qj-sys-color-outline);
    border-radius: var(--qj-sys-radius-md);
    background: var(--qj-sys-color-surface-raised);
    color: var(--qj-sys-color-on-surface);
    cursor: pointer;
  }
  .button:hover {
    background: var(--qj-sys-color-surface-container);
  }
  .button[disabled] {
    cursor: default;
    color: var(--qj-sys-color-on-surface-muted);
  }
  .controls .button {
    box-shadow: var(--qj-sys-shadow-raised);
    font-size: var(--qj-sys-font-size-lg);
    font-weight: var(--qj-sys-font-weight-strong);
  }
  .controls .reset {
    font-size: var(--qj-sys-font-size-sm);
  }
  .link {
    min-height: var(--qj-sys-target-size);
    padding: 0 var(--qj-sys-space-xs);
    border: 0;
    background: none;
    color: var(--qj-sys-color-primary);
    text-decoration: underline;
    cursor: pointer;
  }
  .attribution {
    position: absolute;
    left: 0;
    bottom: 0;
    z-index: 1000;
    max-width: 100%;
    padding: 2px var(--qj-sys-space-sm);
    font-size: var(--qj-sys-font-size-xs);
    background: color-mix(in srgb, var(--qj-sys-color-surface) 88%, transparent);
    color: var(--qj-sys-color-on-surface);
    border-top-right-radius: var(--qj-sys-radius-sm);
  }
  .attribution span + span::before {
    content: ' · ';
  }
  .attribution ::slotted(*) {
    margin-inline-end: 0.5em;
  }
  .notice {
    position: absolute;
    top: var(--qj-sys-space-sm);
    right: var(--qj-sys-space-sm);
    left: calc(var(--qj-sys-target-size) + var(--qj-sys-space-lg));
    z-index: 1000;
    margin: 0;
    padding: var(--qj-sys-space-xs) var(--qj-sys-space-sm);
    border-radius: var(--qj-sys-radius-sm);
    background: var(--qj-sys-color-yellow-container);
    color: var(--qj-sys-color-on-yellow-container);
    font-size: var(--qj-sys-font-size-sm);
  }
  .progress {
    position: absolute;
    left: 50%;
    top: 50%;
    z-index: 1001;
    transform: translate(-50%, -50%);
    min-width: 16em;
    padding: var(--qj-sys-space-md);
    border-radius: var(--qj-sys-radius-md);
    background: var(--qj-sys-color-surface-raised);
    box-shadow: var(--qj-sys-shadow-raised);
    text-align: center;
  }
  .progress .track {
    height: 6px;
    margin-top: var(--qj-sys-space-sm);
    border-radius: var(--qj-sys-radius-full);
    background: var(--qj-sys-color-track);
    overflow: hidden;
  }
  .progress .bar {
    display: block;
    height: 100%;
    width: 100%;
    transform-origin: left center;
    transform: scaleX(var(--_progress, 0.3));
    background: var(--qj-sys-color-primary);
  }
  .state {
    position: absolute;
    inset: 0;
    z-index: 1001;
    display: grid;
    place-content: center;
    gap: var(--qj-sys-space-sm);
    padding: var(--qj-sys-space-lg);
    text-align: center;
    background: color-mix(in srgb, var(--qj-sys-color-surface) 90%, transparent);
  }

  /* Popup: a real dialog in the shadow root, anchored over the point. */
  .popup {
    position: absolute;
    z-index: 1002;
    left: clamp(8px, calc(var(--_x, 50%) - 9rem), calc(100% - 18rem - 8px));
    top: clamp(8px, calc(var(--_y, 50%) + 16px), calc(100% - 8px - var(--_popup-height, 12rem)));
    width: min(18rem, calc(100% - 16px));
    max-height: calc(100% - 16px);
    overflow: auto;
    padding: var(--qj-sys-space-md);
    border: var(--qj-sys-border-width) solid var(--qj-sys-color-outline);
    border-radius: var(--qj-sys-radius-md);
    background: var(--qj-sys-color-surface-raised);
    color: var(--qj-sys-color-on-surface);
    box-shadow: var(--qj-sys-shadow-raised);
  }
  .popup header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--qj-sys-space-sm);
  }
  .popup h3 {
    margin: 0;
    font-size: var(--qj-sys-font-size-lg);
    line-height: var(--qj-sys-line-height-tight);
  }
  .popup dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--qj-sys-space-xs) var(--qj-sys-space-sm);
    margin: var(--qj-sys-space-sm) 0 0;
    font-size: var(--qj-sys-font-size-sm);
  }
  .popup dt {
    color: var(--qj-sys-color-on-surface-muted);
  }
  .popup dd {
    margin: 0;
  }
  .close {
    flex: none;
  }

  /* Side panel: legend, divisions and the in-view list. */
  .panel {
    display: grid;
    gap: var(--qj-sys-space-md);
    min-width: 0;
  }
  .panel h2 {
    margin: 0 0 var(--qj-sys-space-xs);
    font-size: var(--qj-sys-font-size-md);
  }
  .panel ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend ul {
    display: grid;
    gap: 2px;
  }
  .legend button {
    display: flex;
    width: 100%;
    align-items: center;
    gap: var(--qj-sys-space-sm);
    min-height: var(--qj-sys-target-size);
    padding: 0 var(--qj-sys-space-sm);
    border: var(--qj-sys-border-width) solid transparent;
    border-radius: var(--qj-sys-radius-sm);
    background: none;
    text-align: start;
    cursor: pointer;
  }
  .legend button:hover {
    border-color: var(--qj-sys-color-outline-subtle);
  }
  .legend button[aria-pressed='false'] {
    color: var(--qj-sys-color-on-surface-muted);
    text-decoration: line-through;
  }
  .legend button[aria-pressed='false'] .swatch {
    opacity: 0.35;
  }
  .legend .name {
    flex: 1;
  }
  .swatch {
    flex: none;
    width: 1.25em;
    height: 1.25em;
  }
  .swatch path {
    stroke: var(--qj-sys-color-surface);
    stroke-width: 1.5;
  }
  .divisions ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--qj-sys-space-xs);
    max-height: 12rem;
    overflow: auto;
  }
  .divisions .button {
    min-height: var(--qj-sys-target-size);
    font-size: var(--qj-sys-font-size-sm);
  }
  .hint {
    margin: 0 0 var(--qj-sys-space-xs);
    font-size: var(--qj-sys-font-size-sm);
    color: var(--qj-sys-color-on-surface-muted);
  }
  [role='listbox'] {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: 2px;
    border: var(--qj-sys-border-width) solid var(--qj-sys-color-outline-subtle);
    border-radius: var(--qj-sys-radius-md);
  }
  [role='option'] {
    display: flex;
    align-items: center;
    gap: var(--qj-sys-space-sm);
    min-height: var(--qj-sys-target-size);
    padding: var(--qj-sys-space-xs) var(--qj-sys-space-sm);
    border-radius: var(--qj-sys-radius-sm);
    cursor: pointer;
  }
  [role='option']:hover {
    background: var(--qj-sys-color-surface-container);
  }
  [role='option'][aria-selected='true'] {
    background: var(--qj-sys-color-primary-container);
    color: var(--qj-sys-color-on-primary-container);
  }
  [role='option'] .text {
    display: grid;
    min-width: 0;
  }
  [role='option'] .detail {
    font-size: var(--qj-sys-font-size-sm);
    color: inherit;
    opacity: 0.85;
  }
  .cluster-glyph {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    fill: var(--qj-sys-color-primary);
  }
  .pager {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--qj-sys-space-sm);
    margin-top: var(--qj-sys-space-xs);
    font-size: var(--qj-sys-font-size-sm);
  }
  .empty {
    margin: 0;
    padding: var(--qj-sys-space-sm);
    color: var(--qj-sys-color-on-surface-muted);
  }
  @media (prefers-reduced-motion: reduce) {
    .leaflet-zoom-anim .leaflet-zoom-animated {
      transition: none;
    }
  }
`;
