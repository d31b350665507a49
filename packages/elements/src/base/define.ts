/**
 * Registration with a version-aware guard. Pages often end up with two copies of a widget bundle (a CMS plugin and
 * a hand-added script tag); a second `customElements.define` of the same tag would throw and break the page.
 */

/** The package version stamped on every class we register. */
export const elementsVersion = '0.1.0';

const versionKey = Symbol.for('qiangji.elements.version');
type Versioned = CustomElementConstructor & { [versionKey]?: string };
const warned = new Set<string>();

/**
 * Defines `tag` as `ctor` unless it is already defined. The same version defined again is ignored silently;
 * another version (or someone else's element) keeps its registration and we warn once per tag.
 * Returns the constructor now registered for the tag.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor, version: string = elementsVersion): CustomElementConstructor {
  (ctor as Versioned)[versionKey] = version;
  const existing = customElements.get(tag) as Versioned | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return ctor;
  }
  const existingVersion = existing[versionKey];
  if (existing !== ctor && existingVersion !== version && !warned.has(tag)) {
    warned.add(tag);
    const owner = existingVersion ? `@qiangji/elements ${existingVersion}` : 'another script';
    console.warn(`[qiangji] <${tag}> is already defined by ${owner}; keeping it and ignoring version ${version}.`);
  }
  return existing;
}

/** The @qiangji/elements version a registered constructor carries, if it is one of ours. */
export function definedVersion(tag: string): string | undefined {
  return (customElements.get(tag) as Versioned | undefined)?.[versionKey];
}
