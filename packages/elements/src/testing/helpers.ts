/** Shared helpers of the element tests. */
import { waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';

/** The modes every state is checked in for accessibility. */
export const modes = [
  { name: 'light', attrs: {} },
  { name: 'dark', attrs: { theme: 'dark' } },
  { name: 'elder', attrs: { elder: '' } },
  { name: 'dark + elder', attrs: { theme: 'dark', elder: '' } },
] as const;

/**
 * `waitUntil` with a 5 s default instead of 1 s: two browsers share two cores in CI, and a lazy chunk or a server
 * answer can take longer than a second there. A condition that never holds still fails.
 */
export function waitFor(condition: () => unknown, message?: string, options: { timeout?: number; interval?: number } = {}): Promise<void> {
  return waitUntil(condition, message, { timeout: 5000, ...options });
}

export function applyMode(element: HTMLElement, attrs: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
}

/** The rendered text of an element's shadow root, whitespace collapsed. */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function part<T extends Element = HTMLElement>(element: Element, name: string): T {
  const found = element.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part "${name}" in <${element.localName}>`);
  return found;
}

export function parts(element: Element, name: string): Element[] {
  return [...(element.shadowRoot?.querySelectorAll(`[part~="${name}"]`) ?? [])];
}

/** Waits until a widget's load settles (its loadState leaves `loading`) and it has rendered. */
export async function settled(element: LitElement & { loadState: string }): Promise<void> {
  await waitUntil(() => element.loadState !== 'loading', `<${element.localName}> still loading`, { timeout: 8000 });
  await element.updateComplete;
}

/** Sets `<html lang>` for a test and returns a function that restores it. */
export function setHtmlLang(lang: string | null): () => void {
  const root = document.documentElement;
  const previous = root.getAttribute('lang');
  if (lang === null) root.removeAttribute('lang');
  else root.setAttribute('lang', lang);
  return () => (previous === null ? root.removeAttribute('lang') : root.setAttribute('lang', previous));
}
