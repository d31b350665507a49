#!/usr/bin/env node
// `npm run manifest:check`: fails (exit 1) when
//  1. custom-elements.json or the framework typings of packages/elements/types differ from what `npm run manifest`
//     would write now (the fresh copies land in a temp dir, printed, for a diff);
//  2. an element registered by a components/*/define.ts is missing from the manifest;
//  3. an element's manifest entry lacks something its source declares or does: a JSDoc @attr / @slot / @csspart /
//     @cssprop / @event / @fires tag, a `part="…"` its templates render, a `qj-*` event it emits or dispatches, a
//     `--qj-<component>-*` custom property its styles read;
//  4. an element has no attributes or no CSS custom properties at all, or renders parts but lists none.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { frameworkTypes, manifestElements } from './gen-framework-types.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const componentsDir = join(root, 'packages/elements/src/components');
const problems = [];
const problem = (message) => problems.push(message);

// 1. Fresh manifest and typings, compared with the checked-in files.
const fresh = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
const outputs = { 'custom-elements.json': `${JSON.stringify(fresh, null, 2)}\n`, ...frameworkTypes(fresh) };
const freshDir = mkdtempSync(join(tmpdir(), 'qiangji-manifest-'));
for (const [path, content] of Object.entries(outputs)) {
  mkdirSync(dirname(join(freshDir, path)), { recursive: true });
  writeFileSync(join(freshDir, path), content);
  const current = existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined;
  if (current === undefined) problem(`${path} is missing: run \`npm run manifest\``);
  else if (current !== content) problem(`${path} is stale: run \`npm run manifest\` (fresh copy: ${join(freshDir, path)})`);
}

// 2. Every registered tag is in the manifest.
const elements = new Map(manifestElements(fresh).map((element) => [element.tagName, element]));
const registered = new Map();
for (const folder of readdirSync(componentsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
  const definePath = join(componentsDir, folder.name, 'define.ts');
  if (!existsSync(definePath)) continue;
  for (const match of readFileSync(definePath, 'utf8').matchAll(/(?:defineElement|customElements\.define)\(\s*['"](qj-[a-z0-9-]+)['"]/g)) {
    registered.set(match[1], folder.name);
  }
}
for (const [tag, folder] of registered) if (!elements.has(tag)) problem(`<${tag}> (components/${folder}/define.ts) is not in custom-elements.json`);

// 3 and 4. What each element's source declares and does, against its manifest entry.
const names = (list) => new Set((list ?? []).map((item) => item.name));

/** The JSDoc block right before `export class <name>`. */
function classJsDoc(source, className) {
  const at = source.search(new RegExp(`export\\s+(?:default\\s+)?class\\s+${className}\\b`));
  if (at < 0) return '';
  const before = source.slice(0, at);
  const start = before.lastIndexOf('/**');
  const end = before.lastIndexOf('*/');
  return start >= 0 && end > start && before.slice(end + 2).trim() === '' ? before.slice(start, end) : '';
}

/** `@tag name - …` entries of a JSDoc block: `[--qj-x=default]` → `--qj-x`, `@slot - …` → '' (the default slot). */
function jsDocNames(jsDoc, tags) {
  const found = new Set();
  const pattern = new RegExp(`@(?:${tags.join('|')})\\s+(\\{[^}]*\\}\\s+)?(\\[[^\\]]+\\]|[^\\s]+)`, 'g');
  for (const match of jsDoc.matchAll(pattern)) {
    const raw = match[2];
    found.add(raw === '-' ? '' : raw.replace(/^\[/, '').replace(/\]$/, '').split('=')[0].trim());
  }
  return found;
}

/** Source files of a component folder (templates and styles), tests excluded. */
function folderSources(folder) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') && !entry.name.startsWith('test-')) files.push(path);
    }
  };
  walk(folder);
  return files.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

/** Part names in `part="a b ${x ? 'c' : 'd'}"` attributes: the static words and the quoted words of expressions. */
function renderedParts(text) {
  const found = new Set();
  for (const match of text.matchAll(/\spart=(?:"([^"]*)"|'([^']*)')/g)) {
    const value = match[1] ?? match[2] ?? '';
    const expressions = [...value.matchAll(/\$\{([^}]*)\}/g)].map((expression) => expression[1]);
    for (const word of value.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/)) if (word) found.add(word);
    for (const expression of expressions) for (const literal of expression.matchAll(/'([a-z][a-z0-9-]*)'/g)) found.add(literal[1]);
  }
  return found;
}

for (const [tag, element] of elements) {
  const where = `<${tag}>`;
  const classSource = readFileSync(join(root, element.modulePath), 'utf8');
  const jsDoc = classJsDoc(classSource, element.name);
  const folder = dirname(join(root, element.modulePath));
  const sources = folder.startsWith(componentsDir) ? folderSources(folder) : [{ path: element.modulePath, text: classSource }];

  const declared = {
    attributes: [jsDocNames(jsDoc, ['attr', 'attribute']), names(element.attributes), '@attr'],
    slots: [jsDocNames(jsDoc, ['slot']), names(element.slots), '@slot'],
    parts: [jsDocNames(jsDoc, ['csspart']), names(element.cssParts), '@csspart'],
    cssProperties: [jsDocNames(jsDoc, ['cssprop', 'cssproperty']), names(element.cssProperties), '@cssprop'],
    events: [jsDocNames(jsDoc, ['event', 'fires']), names(element.events), '@event'],
  };
  for (const [kind, [inJsDoc, inManifest, jsDocTag]] of Object.entries(declared)) {
    for (const name of inJsDoc) if (!inManifest.has(name)) problem(`${where}: JSDoc ${jsDocTag} ${name || '(default slot)'} is missing from the manifest's ${kind}`);
  }

  const rendered = new Set(sources.flatMap((source) => [...renderedParts(source.text)]));
  for (const name of rendered) if (!names(element.cssParts).has(name)) problem(`${where} renders part "${name}" without a @csspart`);

  const emitted = new Set(
    sources.flatMap((source) => [...source.text.matchAll(/(?:\.emit|\.dispatch|new CustomEvent)\(\s*['"](qj-[a-z0-9-]+)['"]/g)].map((match) => match[1])),
  );
  for (const name of emitted) if (!names(element.events).has(name)) problem(`${where} emits "${name}" without an @event`);

  // Component tokens a page may set: read (`var(--qj-card-padding, …)`) but never declared inside the component, where
  // a declaration would win over the page's. --qj-sys-* / --qj-ref-* are the shared design tokens.
  const read = (pattern) => new Set(sources.flatMap((source) => [...source.text.matchAll(pattern)].map((match) => match[1])));
  const ownDeclarations = read(/(--qj-[a-z0-9-]+)\s*:/g);
  for (const name of read(/var\(\s*(--qj-(?!sys-|ref-)[a-z0-9-]+)/g)) {
    if (!ownDeclarations.has(name) && !names(element.cssProperties).has(name)) problem(`${where} reads ${name} without a @cssprop`);
  }

  if (!element.attributes?.length) problem(`${where} lists no attributes`);
  if (!element.cssProperties?.length) problem(`${where} lists no CSS custom properties`);
  if (rendered.size > 0 && !element.cssParts?.length) problem(`${where} renders parts but lists none`);
}

if (problems.length > 0) {
  console.error(`custom-elements.json check failed (${problems.length}):\n${problems.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
const summary = [...elements.values()].map(
  (element) =>
    `  <${element.tagName}> ${element.attributes?.length ?? 0} attributes, ${(element.members ?? []).filter((member) => member.kind === 'field').length} properties, ` +
    `${element.events?.length ?? 0} events, ${element.slots?.length ?? 0} slots, ${element.cssParts?.length ?? 0} parts, ${element.cssProperties?.length ?? 0} CSS properties`,
);
rmSync(freshDir, { recursive: true, force: true });
console.log(`custom-elements.json and the framework typings are up to date and complete:\n${summary.join('\n')}`);
