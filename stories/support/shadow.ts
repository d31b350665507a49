/**
 * Shadow-DOM helpers for the stories' `play` functions: the widgets render into open shadow roots, which
 * Testing Library's `within(canvasElement)` does not enter.
 */
import { expect, waitFor, within } from 'storybook/test';

/** How long a play waits for a widget to settle (the fixtures answer in microseconds; the map indexes in a worker). */
export const SETTLE_MS = 8000;

export function part<T extends Element = HTMLElement>(host: Element, name: string): T | null {
  return host.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}

export function parts(host: Element, name: string): Element[] {
  return [...(host.shadowRoot?.querySelectorAll(`[part~="${name}"]`) ?? [])];
}

/** Rendered text of a node, whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `host` renders the part, and returns it. */
export async function findPart<T extends Element = HTMLElement>(host: Element, name: string, timeout = SETTLE_MS): Promise<T> {
  return waitFor(
    () => {
      const found = part<T>(host, name);
      if (!found) throw new Error(`<${host.localName}> has no part "${name}" yet`);
      return found;
    },
    { timeout },
  );
}

/** Testing Library queries inside a widget's shadow root (roles, labels, text). */
export function inShadow(host: Element) {
  if (!host.shadowRoot) throw new Error(`<${host.localName}> has no open shadow root`);
  return within(host.shadowRoot as unknown as HTMLElement);
}

/** Waits until a data widget's `loadState` is `state` and it has rendered it. */
export async function waitForLoadState(host: HTMLElement & { loadState: string; updateComplete: Promise<unknown> }, state: string): Promise<void> {
  await waitFor(() => expect(host.loadState).toBe(state), { timeout: SETTLE_MS });
  await host.updateComplete;
}

/** The dark theme reached a widget: the host carries it and `surface` is painted dark. */
export async function expectDarkSurface(host: Element, surface: Element | null): Promise<void> {
  await expect(host).toHaveAttribute('data-qj-theme', 'dark');
  await expect(luminance(getComputedStyle(surface!).backgroundColor)).toBeLessThan(0.2);
}

/** Relative luminance (WCAG) of a computed `rgb()` / `rgba()` colour. */
export function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((channel) => {
    const value = Number(channel) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
