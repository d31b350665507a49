// @custom-elements-manifest/analyzer configuration: `npm run manifest` writes ./custom-elements.json (checked in;
// Storybook's controls and autodocs, scripts/gen-framework-types.mjs and editors read it) and
// `npm run manifest:check` (scripts/check-manifest.mjs) fails when the checked-in file is stale or incomplete.
//
// The components register through `defineElement('qj-…', Class)` (src/base/define.ts, a version-aware guard)
// rather than `customElements.define`, so the analyzer cannot see the tag names itself; the `qiangji-define-element`
// plugin below reads those calls in each component's define.ts and records them as custom-element definitions.
import { posix } from 'node:path';

/** Component class modules, their define modules (tag names) and the base classes (inherited members). */
const globs = ['packages/elements/src/components/**/*.ts', 'packages/elements/src/base/*.ts'];

/** Tests, styles, message catalogs, workers, declaration files and test fixtures describe no element API. */
const exclude = [
  '**/*.test.ts',
  '**/*.styles.ts',
  '**/*.i18n.ts',
  '**/*.worker.ts',
  '**/*.d.ts',
  '**/test-*.ts',
  'packages/elements/src/base/icons.ts',
];

/**
 * `defineElement('qj-task-progress-card', QjTaskProgressCard)` → a `custom-element-definition` export of the define
 * module, pointing at the class's own module; the analyzer's post-processing then links the tag to the class.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
function defineElementPlugin() {
  return {
    name: 'qiangji-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tagArg, classArg] = node.arguments;
      if (!tagArg || !classArg || !ts.isStringLiteral(tagArg) || !ts.isIdentifier(classArg)) return;
      const className = classArg.text;
      const modulePath = moduleDoc.path ?? '';
      let declarationModule = modulePath;
      for (const statement of node.getSourceFile().statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const named = statement.importClause?.namedBindings;
        if (named && ts.isNamedImports(named) && named.elements.some((element) => element.name.text === className)) {
          declarationModule = posix.join(posix.dirname(modulePath), statement.moduleSpecifier.text).replace(/\.js$/, '.ts');
        }
      }
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tagArg.text, declaration: { name: className, module: declarationModule } },
      ];
    },
  };
}

/**
 * Keeps the manifest about the public element API:
 * - private and protected members and `#private` fields are implementation details (the analyzer lists them with
 *   `privacy`);
 * - events are the `qj-*` ones (docs/conventions: every event we emit is `qj-` prefixed). A helper that dispatches
 *   `new CustomEvent(name, …)` with a variable name makes the analyzer invent an event called `name`.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
function publicApiOnlyPlugin() {
  return {
    name: 'qiangji-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (member) => member.privacy !== 'private' && member.privacy !== 'protected' && member.name !== undefined && !member.name.startsWith('#'),
            );
          }
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name?.startsWith('qj-'));
        }
      }
    },
  };
}

export default {
  globs,
  exclude,
  outdir: '.',
  litelement: true,
  // The root package.json is private and not published; nothing to point at the manifest there.
  packagejson: false,
  dependencies: false,
  plugins: [defineElementPlugin(), publicApiOnlyPlugin()],
};
