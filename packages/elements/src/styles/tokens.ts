/**
 * Design tokens in three tiers:
 * 1. `--qj-ref-*`: the palette and scales (constants: 中国红, 24 greys, 督办 blue/yellow/red, fonts, space, radii).
 * 2. `--qj-sys-*`: semantic roles (surface, on-surface, primary, outline, focus, text sizes, line height,
 *    target size) with light and dark values, elder-mode (适老化) overrides, and `prefers-contrast`,
 *    `forced-colors` and `prefers-reduced-motion` adjustments.
 * 3. Per-component tokens (`--qj-card-padding`, `--qj-badge-star-size`, …): never defined by us, only read with
 *    a sys-token fallback, so a page may set them on any ancestor.
 *
 * Every QiangJi host (provider and widgets) includes `tokens`. The theme and elder switches key off
 * `data-qj-theme` (light | dark) / `data-qj-elder`, which `QjElement` keeps in sync with the *resolved* settings
 * (element attribute → provider; `theme="auto"` resolved from `prefers-color-scheme`), so a widget inside `<qj-provider theme="dark" elder>` follows the provider
 * while its own `theme` / `elder` attribute wins. All of it ships through `static styles` (adopted style
 * sheets), which a strict `style-src 'self'` CSP allows.
 */
import { css } from 'lit';

/**
 * The palette and scales. 中国红 is tuned so -600 on white is 5.9:1 and -300 on grey-22 is 7.8:1; the greys are
 * steps of an even 24-step CIE lightness scale from white (0) to near black (23), only the steps the sys tier uses
 * (every declaration ships in every widget); each 督办 warning has a signal colour, a tint and a text colour that is
 * AA (≥ 4.5:1) on the tint and on white.
 */
export const refTokens = css`
  :host {
    --qj-ref-red-50: #fdecee;
    --qj-ref-red-100: #f9d0d5;
    --qj-ref-red-300: #ff8f9b;
    --qj-ref-red-600: #c8102e;
    --qj-ref-red-700: #a50f27;
    --qj-ref-red-800: #7f0a1d;
    --qj-ref-red-900: #4a0712;

    --qj-ref-grey-0: #ffffff;
    --qj-ref-grey-1: #f3f3f3;
    --qj-ref-grey-2: #e7e7e7;
    --qj-ref-grey-3: #dbdbdb;
    --qj-ref-grey-6: #b8b8b8;
    --qj-ref-grey-10: #8c8c8c;
    --qj-ref-grey-11: #818181;
    --qj-ref-grey-15: #585858;
    --qj-ref-grey-18: #3b3b3b;
    --qj-ref-grey-19: #323232;
    --qj-ref-grey-20: #292929;
    --qj-ref-grey-21: #202020;
    --qj-ref-grey-22: #181818;

    --qj-ref-blue-signal: #1d4ed8;
    --qj-ref-blue-tint: #e8efff;
    --qj-ref-blue-text: #1e40af;
    --qj-ref-blue-signal-dark: #8fb4ff;
    --qj-ref-blue-tint-dark: #15264a;
    --qj-ref-blue-text-dark: #c6d8ff;
    --qj-ref-yellow-signal: #9a6b00;
    --qj-ref-yellow-tint: #fff4d6;
    --qj-ref-yellow-text: #7a4b00;
    --qj-ref-yellow-signal-dark: #f5b700;
    --qj-ref-yellow-tint-dark: #3d2f00;
    --qj-ref-yellow-text-dark: #ffe08a;
    --qj-ref-red-signal: #b3141f;
    --qj-ref-red-tint: #fdecec;
    --qj-ref-red-text: #a61b1b;
    --qj-ref-red-signal-dark: #ff8f8f;
    --qj-ref-red-tint-dark: #4a1313;
    --qj-ref-red-text-dark: #ffc9c9;
    --qj-ref-green-signal: #1a7f37;
    --qj-ref-green-tint: #e6f4ea;
    --qj-ref-green-text: #14632b;
    --qj-ref-green-signal-dark: #6fd38b;
    --qj-ref-green-tint-dark: #123a1f;
    --qj-ref-green-text-dark: #b9f0c8;
    --qj-ref-focus: #0b57d0;
    --qj-ref-focus-dark: #a8c7fa;

    --qj-ref-font-sans-sc: system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC',
      'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif;
    --qj-ref-font-sans-tc: system-ui, -apple-system, 'PingFang HK', 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK TC',
      'Source Han Sans TC', sans-serif;
    --qj-ref-font-numeric: ui-monospace, 'SF Mono', Menlo, Consolas, 'Noto Sans Mono', monospace;

    --qj-ref-size-12: 12px;
    --qj-ref-size-14: 14px;
    --qj-ref-size-16: 16px;
    --qj-ref-size-18: 18px;
    --qj-ref-size-22: 22px;
    --qj-ref-size-28: 28px;

    --qj-ref-space-1: 4px;
    --qj-ref-space-2: 8px;
    --qj-ref-space-3: 12px;
    --qj-ref-space-4: 16px;
    --qj-ref-space-5: 20px;
    --qj-ref-space-6: 24px;

    --qj-ref-radius-1: 4px;
    --qj-ref-radius-2: 8px;
    --qj-ref-radius-3: 12px;
    --qj-ref-radius-full: 9999px;
  }
`;

const lightColors = css`
  color-scheme: light;
  --qj-sys-color-surface: var(--qj-ref-grey-0);
  --qj-sys-color-surface-container: var(--qj-ref-grey-1);
  --qj-sys-color-surface-raised: var(--qj-ref-grey-0);
  --qj-sys-color-on-surface: var(--qj-ref-grey-21);
  --qj-sys-color-on-surface-muted: var(--qj-ref-grey-15);
  --qj-sys-color-outline: var(--qj-ref-grey-10);
  --qj-sys-color-outline-subtle: var(--qj-ref-grey-3);
  --qj-sys-color-track: var(--qj-ref-grey-3);
  --qj-sys-color-skeleton: var(--qj-ref-grey-2);
  --qj-sys-color-primary: var(--qj-ref-red-600);
  --qj-sys-color-primary-strong: var(--qj-ref-red-700);
  --qj-sys-color-on-primary: var(--qj-ref-grey-0);
  --qj-sys-color-primary-container: var(--qj-ref-red-50);
  --qj-sys-color-on-primary-container: var(--qj-ref-red-800);
  --qj-sys-color-star: var(--qj-ref-red-600);
  --qj-sys-color-focus: var(--qj-ref-focus);
  --qj-sys-color-blue: var(--qj-ref-blue-signal);
  --qj-sys-color-blue-container: var(--qj-ref-blue-tint);
  --qj-sys-color-on-blue-container: var(--qj-ref-blue-text);
  --qj-sys-color-yellow: var(--qj-ref-yellow-signal);
  --qj-sys-color-yellow-container: var(--qj-ref-yellow-tint);
  --qj-sys-color-on-yellow-container: var(--qj-ref-yellow-text);
  --qj-sys-color-red: var(--qj-ref-red-signal);
  --qj-sys-color-red-container: var(--qj-ref-red-tint);
  --qj-sys-color-on-red-container: var(--qj-ref-red-text);
  --qj-sys-color-green: var(--qj-ref-green-signal);
  --qj-sys-color-green-container: var(--qj-ref-green-tint);
  --qj-sys-color-on-green-container: var(--qj-ref-green-text);
  --qj-sys-shadow-raised: 0 4px 16px rgb(0 0 0 / 0.16), 0 1px 3px rgb(0 0 0 / 0.12);
`;

const darkColors = css`
  color-scheme: dark;
  --qj-sys-color-surface: var(--qj-ref-grey-22);
  --qj-sys-color-surface-container: var(--qj-ref-grey-20);
  --qj-sys-color-surface-raised: var(--qj-ref-grey-20);
  --qj-sys-color-on-surface: var(--qj-ref-grey-1);
  --qj-sys-color-on-surface-muted: var(--qj-ref-grey-6);
  --qj-sys-color-outline: var(--qj-ref-grey-11);
  --qj-sys-color-outline-subtle: var(--qj-ref-grey-18);
  --qj-sys-color-track: var(--qj-ref-grey-18);
  --qj-sys-color-skeleton: var(--qj-ref-grey-19);
  --qj-sys-color-primary: var(--qj-ref-red-300);
  --qj-sys-color-primary-strong: var(--qj-ref-red-100);
  --qj-sys-color-on-primary: var(--qj-ref-grey-22);
  --qj-sys-color-primary-container: var(--qj-ref-red-900);
  --qj-sys-color-on-primary-container: var(--qj-ref-red-100);
  --qj-sys-color-star: var(--qj-ref-red-300);
  --qj-sys-color-focus: var(--qj-ref-focus-dark);
  --qj-sys-color-blue: var(--qj-ref-blue-signal-dark);
  --qj-sys-color-blue-container: var(--qj-ref-blue-tint-dark);
  --qj-sys-color-on-blue-container: var(--qj-ref-blue-text-dark);
  --qj-sys-color-yellow: var(--qj-ref-yellow-signal-dark);
  --qj-sys-color-yellow-container: var(--qj-ref-yellow-tint-dark);
  --qj-sys-color-on-yellow-container: var(--qj-ref-yellow-text-dark);
  --qj-sys-color-red: var(--qj-ref-red-signal-dark);
  --qj-sys-color-red-container: var(--qj-ref-red-tint-dark);
  --qj-sys-color-on-red-container: var(--qj-ref-red-text-dark);
  --qj-sys-color-green: var(--qj-ref-green-signal-dark);
  --qj-sys-color-green-container: var(--qj-ref-green-tint-dark);
  --qj-sys-color-on-green-container: var(--qj-ref-green-text-dark);
  --qj-sys-shadow-raised: 0 4px 16px rgb(0 0 0 / 0.5);
`;

/** Colours that only need to be stronger, whatever the theme: muted text and outlines become full text colour. */
const strongerContrast = css`
  --qj-sys-color-on-surface-muted: var(--qj-sys-color-on-surface);
  --qj-sys-color-outline: var(--qj-sys-color-on-surface);
  --qj-sys-border-width: 2px;
`;

/**
 * Semantic tokens. Targets are 44×44px (WCAG 2.5.5), 60×60px in elder mode; elder mode (适老化) also sets every text
 * ≥ 18px, line height 1.6 and stronger contrast. Forced colours (Windows high contrast) map everything to system
 * colours; components draw borders rather than rely on fills.
 */
export const tokens = css`
  ${refTokens}

  :host {
    ${lightColors}
    --qj-sys-font-family: var(--qj-ref-font-sans-sc);
    --qj-sys-font-family-hant: var(--qj-ref-font-sans-tc);
    --qj-sys-font-family-numeric: var(--qj-ref-font-numeric);
    --qj-sys-font-size-xs: var(--qj-ref-size-12);
    --qj-sys-font-size-sm: var(--qj-ref-size-14);
    --qj-sys-font-size-md: var(--qj-ref-size-16);
    --qj-sys-font-size-lg: var(--qj-ref-size-18);
    --qj-sys-font-size-xl: var(--qj-ref-size-22);
    --qj-sys-font-weight-strong: 600;
    --qj-sys-line-height: 1.5;
    --qj-sys-line-height-tight: 1.3;
    --qj-sys-target-size: 44px;
    --qj-sys-space-xs: var(--qj-ref-space-1);
    --qj-sys-space-sm: var(--qj-ref-space-2);
    --qj-sys-space-md: var(--qj-ref-space-3);
    --qj-sys-space-lg: var(--qj-ref-space-4);
    --qj-sys-space-xl: var(--qj-ref-space-6);
    --qj-sys-radius-sm: var(--qj-ref-radius-1);
    --qj-sys-radius-md: var(--qj-ref-radius-2);
    --qj-sys-radius-lg: var(--qj-ref-radius-3);
    --qj-sys-radius-full: var(--qj-ref-radius-full);
    --qj-sys-border-width: 1px;
    --qj-sys-focus-width: 2px;
    --qj-sys-focus-offset: 2px;
    --qj-sys-motion-duration: 180ms;
  }

  :host([data-qj-theme='dark']) {
    ${darkColors}
  }

  :host([data-qj-elder]) {
    ${strongerContrast}
    --qj-sys-font-size-xs: var(--qj-ref-size-18);
    --qj-sys-font-size-sm: var(--qj-ref-size-18);
    --qj-sys-font-size-md: var(--qj-ref-size-18);
    --qj-sys-font-size-lg: var(--qj-ref-size-22);
    --qj-sys-font-size-xl: var(--qj-ref-size-28);
    --qj-sys-line-height: 1.6;
    --qj-sys-line-height-tight: 1.4;
    --qj-sys-target-size: 60px;
    --qj-sys-space-sm: var(--qj-ref-space-3);
    --qj-sys-space-md: var(--qj-ref-space-4);
    --qj-sys-space-lg: var(--qj-ref-space-5);
    --qj-sys-focus-width: 3px;
  }

  @media (prefers-contrast: more) {
    :host([data-qj-theme]) {
      ${strongerContrast}
    }
  }

  @media (forced-colors: active) {
    :host([data-qj-theme]) {
      --qj-sys-color-surface: Canvas;
      --qj-sys-color-surface-container: Canvas;
      --qj-sys-color-surface-raised: Canvas;
      --qj-sys-color-on-surface: CanvasText;
      --qj-sys-color-on-surface-muted: CanvasText;
      --qj-sys-color-outline: CanvasText;
      --qj-sys-color-outline-subtle: CanvasText;
      --qj-sys-color-track: Canvas;
      --qj-sys-color-skeleton: GrayText;
      --qj-sys-color-primary: Highlight;
      --qj-sys-color-primary-strong: Highlight;
      --qj-sys-color-on-primary: HighlightText;
      --qj-sys-color-primary-container: Canvas;
      --qj-sys-color-on-primary-container: CanvasText;
      --qj-sys-color-star: CanvasText;
      --qj-sys-color-focus: Highlight;
      --qj-sys-color-blue: CanvasText;
      --qj-sys-color-blue-container: Canvas;
      --qj-sys-color-on-blue-container: CanvasText;
      --qj-sys-color-yellow: CanvasText;
      --qj-sys-color-yellow-container: Canvas;
      --qj-sys-color-on-yellow-container: CanvasText;
      --qj-sys-color-red: CanvasText;
      --qj-sys-color-red-container: Canvas;
      --qj-sys-color-on-red-container: CanvasText;
      --qj-sys-color-green: CanvasText;
      --qj-sys-color-green-container: Canvas;
      --qj-sys-color-on-green-container: CanvasText;
      --qj-sys-shadow-raised: none;
      --qj-sys-border-width: 2px;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --qj-sys-motion-duration: 0ms;
    }
  }
`;
