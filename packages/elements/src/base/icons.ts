/**
 * Small inline SVG icons (Lit `svg` templates, no markup strings). Each warning level has its own shape so colour is
 * never the only signal: blue = circle (clock), yellow = triangle, red = octagon; done = check, overdue = cross.
 */
import { svg, type TemplateResult } from 'lit';

/** An icon: `body` in a 16×16 box, hidden from assistive technology. */
export const icon = (body: TemplateResult): TemplateResult =>
  svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" class="icon">${body}</svg>`;

export const icons = {
  clock: icon(svg`<circle cx="8" cy="8" r="7"/><path d="M7.2 3.5h1.6v4.2l2.7 1.6-.8 1.4-3.5-2.1z" class="cut"/>`),
  triangle: icon(svg`<path d="M8 1 15.5 14.5H.5z"/><path d="M7.2 5.5h1.6v4.5H7.2zm0 5.6h1.6v1.6H7.2z" class="cut"/>`),
  octagon: icon(svg`<path d="M5 .8h6L15.2 5v6L11 15.2H5L.8 11V5z"/><path d="M7.2 3.8h1.6v5.4H7.2zm0 6.6h1.6V12H7.2z" class="cut"/>`),
  check: icon(svg`<circle cx="8" cy="8" r="7"/><path d="m4.3 8.2 1.2-1.2 1.7 1.7 3.3-3.4 1.2 1.2-4.5 4.6z" class="cut"/>`),
  cross: icon(svg`<circle cx="8" cy="8" r="7"/><path d="m5.2 4.1 2.8 2.8 2.8-2.8 1.1 1.1L9.1 8l2.8 2.8-1.1 1.1L8 9.1l-2.8 2.8-1.1-1.1L6.9 8 4.1 5.2z" class="cut"/>`),
  pending: icon(svg`<circle cx="8" cy="8" r="6.2" class="ring"/>`),
  flag: icon(svg`<path d="M3 1h1.6v14H3zm2.4 1h8.1l-2 3.5 2 3.5H5.4z"/>`),
  award: icon(svg`<circle cx="8" cy="6" r="5"/><path d="M4.6 9.8 3.5 15l4.5-2 4.5 2-1.1-5.2A6.4 6.4 0 0 1 8 11a6.4 6.4 0 0 1-3.4-1.2z"/>`),
};

/** A five-pointed star in a 24×24 box. */
export const starPath = 'M12 1.5l3.1 6.9 7.4.7-5.6 5 1.7 7.4L12 17.6l-6.6 3.9 1.7-7.4-5.6-5 7.4-.7z';
