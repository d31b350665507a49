/**
 * Rendering story args onto an element, driven by custom-elements.json: writable properties are set as properties
 * (objects too, e.g. `.task`), the remaining known attributes as attributes, and `on<Event>` function args
 * (Storybook actions, or `fn()` spies a `play` checks) become listeners of the element's `qj-*` events.
 */
import type { Args } from '@storybook/web-components-vite';
import type { Mock } from 'storybook/test';
import { elementDoc, eventArgName, writableProperties } from './manifest.js';

/** Story args of an element: its own properties, and `onQj…` listeners (`fn()` spies) of its `qj-*` events. */
export type ElementArgs<K extends keyof HTMLElementTagNameMap> = Partial<Omit<HTMLElementTagNameMap[K], keyof HTMLElement>> & {
  [listener: `onQj${string}`]: Mock<(event: CustomEvent) => void> | undefined;
};

export function renderElement<K extends keyof HTMLElementTagNameMap>(tag: K, args: Args): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  const doc = elementDoc(tag);
  const properties = writableProperties(tag);
  const attributes = new Set((doc.attributes ?? []).map((attribute) => attribute.name));
  const listeners = new Map((doc.events ?? []).map((event) => [eventArgName(event.name), event.name]));
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    const event = listeners.get(key);
    if (event) {
      if (typeof value === 'function') element.addEventListener(event, value as EventListener);
    } else if (properties.has(key)) {
      (element as unknown as Record<string, unknown>)[key] = value;
    } else if (attributes.has(key)) {
      if (value === false || value === null) element.removeAttribute(key);
      else element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  return element;
}

/** The first `tag` inside the story's canvas (light DOM; the decorator's provider is not a shadow host of it). */
export function hostIn<K extends keyof HTMLElementTagNameMap>(canvasElement: HTMLElement, tag: K): HTMLElementTagNameMap[K] {
  const element = canvasElement.querySelector(tag);
  if (!element) throw new Error(`no <${tag}> in the story`);
  return element;
}
