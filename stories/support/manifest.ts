/**
 * The checked-in custom-elements.json (written by `npm run manifest`), read by the preview (controls and autodocs)
 * and by `renderElement()`, which turns a story's args into an element the way the manifest describes it.
 */
import manifestJson from '../../custom-elements.json';

interface ManifestMember {
  kind: 'field' | 'method';
  name: string;
  attribute?: string;
  readonly?: boolean;
  static?: boolean;
  privacy?: string;
}

export interface ManifestElement {
  name: string;
  tagName: string;
  description?: string;
  members?: ManifestMember[];
  attributes?: Array<{ name: string; fieldName?: string }>;
  events?: Array<{ name: string; description?: string }>;
  slots?: Array<{ name: string }>;
  cssParts?: Array<{ name: string }>;
  cssProperties?: Array<{ name: string }>;
}

interface Manifest {
  modules: Array<{ declarations?: Array<Partial<ManifestElement> & { kind: string }> }>;
}

export const manifest = manifestJson as unknown as Manifest;

/** Every `qj-*` element of the manifest by tag name. */
export const elements: ReadonlyMap<string, ManifestElement> = new Map(
  manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration): declaration is ManifestElement & { kind: string } => declaration.kind === 'class' && Boolean(declaration.tagName))
    .map((declaration) => [declaration.tagName, declaration]),
);

export function elementDoc(tag: string): ManifestElement {
  const doc = elements.get(tag);
  if (!doc) throw new Error(`<${tag}> is not in custom-elements.json; run \`npm run manifest\``);
  return doc;
}

/** `qj-task-open` → `onQjTaskOpen`, the arg name Storybook gives an event's action. */
export function eventArgName(event: string): string {
  return `on${event.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, char: string) => char.toUpperCase())}`;
}

/** `task-id` → `taskId`. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, char: string) => char.toUpperCase());
}

/** Public, writable properties of an element (the ones a story arg may set). */
export function writableProperties(tag: string): Set<string> {
  return new Set(
    (elementDoc(tag).members ?? [])
      .filter((member) => member.kind === 'field' && !member.readonly && !member.static && member.privacy === undefined)
      .map((member) => member.name),
  );
}
