/**
 * The source transforms and output checks of the drop-in build (vite.config.ts): contract schemas marked pure, Lit's
 * CSS literals and html templates squeezed, Lit decorators written as `static properties`, the Chromium 90 check of
 * the output, and the per-module byte report for scripts/size-budget.mjs. Pure functions are exported for
 * test/cdn/*.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync, Visitor, type ESTree, type Plugin } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The contract's modules declare valibot schemas at top level (`export const XSchema = v.object({...})`). valibot marks
 * its factories side-effect free, but the bundler does not see that through the `v.` namespace, so every schema of a
 * module the widgets touch (for a label or a helper) would ship. The annotation says what is true: building a schema
 * has no effect, so unused ones are dropped. Scoped to packages/contract/src; the factory helpers of common.ts
 * (`text()`, `queryInt()` …) only call `v.*`.
 *
 * A pure call still evaluates its arguments, and an argument computed from data (`v.picklist(items.map(…))`) would
 * stay, with an import of valibot's chunk for ordering. So a top-level declaration whose value is a factory call is
 * also wrapped in a pure arrow call, which drops it whole when unused.
 */
export function pureContractSchemasPlugin(): Plugin {
  const contractSource = /\/packages\/contract\/src\/(?!.*\.generated\.ts$).*\.ts$/;
  const factories = 'v\\.[A-Za-z]+|text|queryInt|queryNumber|queryList|pageOf';
  const factoryCall = new RegExp(`(?<![\\w$.]|function )\\b(${factories})\\(`, 'g');
  const factoryCallee = new RegExp(`^(${factories})$`);
  return {
    name: 'qiangji-pure-contract-schemas',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!contractSource.test(file)) return undefined;
      return { code: pureTopLevelFactoryCalls(code, file, factoryCallee).replace(factoryCall, '/* @__PURE__ */ $1('), map: null };
    },
  };
}

/** `const X = factory(…)` at module top level → `const X = /* @__PURE__ *\/ (() => factory(…))()`. */
export function pureTopLevelFactoryCalls(code: string, file: string, factoryCallee: RegExp): string {
  const { program, errors } = parseSync(file, code, { lang: 'ts', sourceType: 'module' });
  if (errors.length > 0) return code;
  const edits: SourceEdit[] = [];
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const { init } of declaration.declarations) {
      if (init?.type !== 'CallExpression' || !factoryCallee.test(code.slice(init.callee.start, init.callee.end))) continue;
      edits.push({ start: init.start, end: init.start, text: '/* @__PURE__ */ (() => ' }, { start: init.end, end: init.end, text: ')()' });
    }
  }
  return edits.length > 0 ? applyEdits(code, edits) : code;
}

/**
 * The text of a Lit `css` literal without what cannot matter in CSS: comments, whitespace runs, spaces next to `{`,
 * `}`, `;` and after `,`, and the space after a declaration's or media feature's colon. It never touches a space
 * before `:` (`a :hover` ≠ `a:hover`) or inside strings, and leaves `${…}` interpolations alone.
 */
export function squeezeCssLiteral(text: string): string {
  return text
    .split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\$\{[^}]*\})/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};])\s*/g, '$1')
            .replace(/,\s+/g, ',')
            // `{color: red` → `{color:red`: a name right after `{`, `;` or at the start with a space after its colon (a
            // selector has none: `a:hover`, `a :hover`), a custom property anywhere (no selector starts with `--`),
            // and a media feature `(forced-colors: active)`.
            .replace(/(^\s*|[{;])(-?[a-zA-Z][\w-]*):\s+/g, '$1$2:')
            .replace(/(^|[{;\s])(--[\w-]+):\s+/g, '$1$2:')
            .replace(/\(([a-z-]+):\s+/g, '($1:'),
    )
    .join('')
    .replace(/;}/g, '}')
    .trim();
}

/** Lit's `css` literals ship as written (indentation, comments, line breaks): squeezeCssLiteral them. */
export function minifyCssLiteralsPlugin(): Plugin {
  const elementsSource = /\/packages\/elements\/src\/.*\.ts$/;
  const cssLiteral = /\bcss`((?:[^`\\]|\\.)*)`/g;
  return {
    name: 'qiangji-minify-css-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!elementsSource.test(id.split('?')[0]!) || !code.includes('css`')) return undefined;
      return { code: code.replace(cssLiteral, (_, body: string) => `css\`${squeezeCssLiteral(body)}\``), map: null };
    },
  };
}

/**
 * Modules whose Lit templates and decorators the two transforms below rewrite: the foundation, the provider, the card
 * and the badge, checked to hold no whitespace-sensitive template text (`<pre>`, `<textarea>` content, text under
 * `white-space: pre*`) and only `@property` / `@state` decorators. Add a component after checking it the same way.
 */
const transformedSources = /\/packages\/elements\/src\/(base|components\/(provider|task-progress-card|branch-rating-badge))\/(?!.*\.test\.ts$)[^/]+\.ts$/;

interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

/** `code` with `edits` (non-overlapping ranges of the original) applied. */
function applyEdits(code: string, edits: SourceEdit[]): string {
  let result = code;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/**
 * The static parts of one Lit `html` / `svg` template with whitespace squeezed as far as it cannot change what
 * renders, given text that is not laid out with `white-space: pre*`:
 * - inside a tag (between attributes): a run becomes one space, and none is left before `>` / `/>`;
 * - in text (between tags, around text bindings): a run holding a line break becomes one space, which renders the
 *   same in normal flow; a run without a line break stays as written;
 * - quoted attribute values are never touched (and `${…}` expressions are not among the parts).
 * The position (text, tag, quoted value) carries from one part into the next, across the bindings.
 */
export function squeezeTemplateWhitespace(parts: readonly string[]): string[] {
  let state: 'text' | 'tag' | '"' | "'" = 'text';
  return parts.map((part) => {
    let out = '';
    for (let index = 0; index < part.length; ) {
      const char = part[index]!;
      if (state === '"' || state === "'") {
        if (char === state) state = 'tag';
        out += char;
        index++;
        continue;
      }
      const space = /^\s+/.exec(part.slice(index))?.[0];
      if (space) {
        index += space.length;
        if (state === 'tag') out += /^\/?>/.test(part.slice(index)) ? '' : ' ';
        else out += space.includes('\n') ? ' ' : space;
        continue;
      }
      if (state === 'text' && char === '<' && /^<[a-zA-Z/]/.test(part.slice(index))) state = 'tag';
      else if (state === 'tag' && char === '>') state = 'text';
      else if (state === 'tag' && (char === '"' || char === "'")) state = char;
      out += char;
      index++;
    }
    return out;
  });
}

/**
 * A module's source with the whitespace of its `html` and `svg` templates squeezed (squeezeTemplateWhitespace), or
 * undefined when there is nothing to change. Templates are found with the parser, so nested templates and `${…}`
 * expressions are handled exactly.
 */
export function squeezeHtmlTemplates(code: string, file: string): string | undefined {
  if (!/\b(html|svg)`/.test(code)) return undefined;
  const { program, errors } = parseSync(file, code, { lang: 'ts', sourceType: 'module' });
  if (errors.length > 0) return undefined;
  const edits: SourceEdit[] = [];
  new Visitor({
    TaggedTemplateExpression(node) {
      if (node.tag.type !== 'Identifier' || (node.tag.name !== 'html' && node.tag.name !== 'svg')) return;
      const quasis = node.quasi.quasis;
      const squeezed = squeezeTemplateWhitespace(quasis.map((quasi) => quasi.value.raw));
      quasis.forEach((quasi, index) => {
        // A quasi's range includes its delimiters: the opening ` or }, and the closing ` or ${.
        const start = quasi.start + 1;
        const end = quasi.end - (quasi.tail ? 1 : 2);
        if (code.slice(start, end) !== quasi.value.raw) throw new Error(`${file}: template positions do not match the source`);
        if (squeezed[index] !== quasi.value.raw) edits.push({ start, end, text: squeezed[index]! });
      });
    },
  }).visit(program);
  return edits.length > 0 ? applyEdits(code, edits) : undefined;
}

/**
 * A module's source with Lit's legacy `@property()` / `@state()` field decorators written as what they stand for,
 * one `static properties` block per class (Lit makes the same reactive accessors from either; `@state(o)` is
 * `@property({ ...o, state: true, attribute: false })`), or undefined when there is nothing to change. A class with
 * any other decorator, or with `static properties` of its own, is left alone.
 */
export function litDecoratorsAsStaticProperties(code: string, file: string): string | undefined {
  if (!code.includes('lit/decorators.js')) return undefined;
  const { program, errors } = parseSync(file, code, { lang: 'ts', sourceType: 'module' });
  if (errors.length > 0) return undefined;
  // Local names of `property` and `state` imported from lit/decorators.js.
  const kinds = new Map<string, 'property' | 'state'>();
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || statement.source.value !== 'lit/decorators.js') continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== 'ImportSpecifier' || specifier.imported.type !== 'Identifier') continue;
      if (specifier.imported.name === 'property' || specifier.imported.name === 'state') kinds.set(specifier.local.name, specifier.imported.name);
    }
  }
  if (kinds.size === 0) return undefined;
  const source = (node: ESTree.Span) => code.slice(node.start, node.end);
  /** `@property(options)` / `@state(options)`: its kind and options, or undefined for any other decorator. */
  const litDecorator = (decorator: ESTree.Decorator) => {
    const call = decorator.expression;
    if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.arguments.length > 1) return undefined;
    const kind = kinds.get(call.callee.name);
    const [options] = call.arguments;
    return kind && options?.type !== 'SpreadElement' ? { kind, options: options && source(options) } : undefined;
  };
  const decoratorsOf = (member: ESTree.ClassElement): ESTree.Decorator[] => ('decorators' in member ? member.decorators : []);
  const edits: SourceEdit[] = [];
  const visitClass = (node: ESTree.Class) => {
    const members = node.body.body;
    const decorated = members.filter((member) => decoratorsOf(member).length > 0);
    if (decorated.length === 0 || node.decorators.length > 0) return;
    if (members.some((member) => member.type === 'PropertyDefinition' && member.static && member.key.type === 'Identifier' && member.key.name === 'properties')) return;
    const entries: string[] = [];
    const removals: SourceEdit[] = [];
    for (const member of decorated) {
      const [decorator, ...others] = decoratorsOf(member);
      const lit = decorator && others.length === 0 ? litDecorator(decorator) : undefined;
      if (!lit || member.type !== 'PropertyDefinition' || member.static || member.computed || member.key.type !== 'Identifier') return;
      const options = lit.kind === 'state' ? `{ ${lit.options ? `...${lit.options}, ` : ''}state: true, attribute: false }` : (lit.options ?? '{}');
      entries.push(`${member.key.name}: ${options}`);
      removals.push({ start: decorator!.start, end: decorator!.end, text: '' });
    }
    edits.push(...removals, { start: node.body.start + 1, end: node.body.start + 1, text: ` static properties = { ${entries.join(', ')} };` });
  };
  new Visitor({ ClassDeclaration: visitClass, ClassExpression: visitClass }).visit(program);
  return edits.length > 0 ? applyEdits(code, edits) : undefined;
}

/**
 * The two transforms above in the transformedSources modules: template whitespace goes (every render copies the
 * static strings), and Lit's decorators become `static properties`, so the bundles carry no decorator runtime
 * (`__decorate` and the decorators' own code, ~0.5 KB gzip). The sources keep their decorators: the type-checker,
 * the manifest analyzer and the tests see them as written.
 */
export function litSourcesPlugin(): Plugin {
  return {
    name: 'qiangji-lit-sources',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!transformedSources.test(file)) return undefined;
      const properties = litDecoratorsAsStaticProperties(code, file) ?? code;
      const squeezed = squeezeHtmlTemplates(properties, file) ?? properties;
      return squeezed === code ? undefined : { code: squeezed, map: null };
    },
  };
}

/**
 * Fails the build when an output file holds a call with a spread argument before the last inside an optional chain
 * (`a?.f(...x, y)`, `a?.(...x, y)`): Chrome 80-90 throw on it, and the build targets chrome91 (see browserTargets).
 */
export function optionalCallsWithEarlySpread(code: string, file: string): string[] {
  const { program, errors } = parseSync(file, code, { lang: 'js', sourceType: 'module' });
  if (errors.length > 0) throw new Error(`${file}: cannot parse the output to check it for Chromium 90`);
  const found: string[] = [];
  new Visitor({
    ChainExpression(chain) {
      // The calls and member accesses of one chain: a call's callee, a member's object, down to its start.
      for (let node: ESTree.Expression | ESTree.Super = chain.expression; ; ) {
        if (node.type === 'CallExpression') {
          const spreadAt = node.arguments.findIndex((argument) => argument.type === 'SpreadElement');
          if (spreadAt >= 0 && spreadAt < node.arguments.length - 1) found.push(code.slice(node.start, node.end));
          node = node.callee;
        } else if (node.type === 'MemberExpression') node = node.object;
        else break;
      }
    },
  }).visit(program);
  return found;
}

export function noOptionalCallSpreadPlugin(): Plugin {
  return {
    name: 'qiangji-chromium-90',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const [call] = optionalCallsWithEarlySpread(output.code, output.fileName);
        if (call) this.error(`${output.fileName}: \`${call.slice(0, 120)}\` throws in Chromium 80-90 (a spread before the last argument of an optional call); write it without the spread or the optional call`);
      }
    },
  };
}

/**
 * Which source modules each output file holds, and how many bytes of it each one renders: written to
 * .bench/cdn-modules.json for scripts/size-budget.mjs (which chunk is the map engine, what makes a bundle heavy).
 */
export function moduleReportPlugin(): Plugin {
  return {
    name: 'qiangji-module-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const report: Record<string, Record<string, number>> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        report[output.fileName] = Object.fromEntries(
          Object.entries(output.modules)
            .map(([id, module]): [string, number] => [relative(root, id.replace(/^\0/, '')).split('\\').join('/'), module.renderedLength])
            .filter(([, length]) => length > 0)
            .sort((a, b) => b[1] - a[1]),
        );
      }
      mkdirSync(join(root, '.bench'), { recursive: true });
      writeFileSync(join(root, '.bench/cdn-modules.json'), JSON.stringify(report, null, 2) + '\n');
    },
  };
}
