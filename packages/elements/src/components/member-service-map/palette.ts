/** Canvas colours from the host's resolved tokens (theme, elder mode, high contrast): canvas cannot read CSS. */
import type { EnginePalette } from './map-engine.js';

export function readPalette(host: HTMLElement, options: { dark: boolean; elder: boolean }): EnginePalette {
  const style = getComputedStyle(host);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    cluster: token('--qj-sys-color-primary', '#c8102e'),
    clusterRing: token('--qj-sys-color-primary-container', '#fdecee'),
    onCluster: token('--qj-sys-color-on-primary', '#ffffff'),
    pointStroke: token('--qj-sys-color-surface', '#ffffff'),
    selected: token('--qj-sys-color-focus', '#0b57d0'),
    bubble: token('--qj-sys-color-surface-raised', '#ffffff'),
    onBubble: token('--qj-sys-color-on-surface', '#202020'),
    bubbleBorder: token('--qj-sys-color-outline', '#8c8c8c'),
    font: token('--qj-sys-font-family', 'sans-serif'),
    scale: options.elder ? 1.3 : 1,
    dark: options.dark,
    boundary: {
      stroke: token('--qj-sys-color-outline', '#8c8c8c'),
      fill: token('--qj-sys-color-primary', '#c8102e'),
      highlight: token('--qj-sys-color-primary-strong', '#a50f27'),
    },
  };
}
