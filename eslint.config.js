// ESLint flat config for the whole monorepo. `npm run lint` runs `eslint .` and then lit-analyzer
// (template type-checking) over packages/elements/src.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Lit's escape hatches that turn strings into markup or styles; banned by the security house rules. */
const unsafeLitApis = ['unsafeHTML', 'unsafeSVG', 'unsafeMathML', 'unsafeCSS'];
/** lit/directives/unsafe-html.js, lit-html/directives/unsafe-svg.js, ... */
const unsafeLitModules = '**/directives/unsafe-*';
const securityMessage = 'Banned by the security house rules (docs/conventions.md).';

/** Banned everywhere (`no-restricted-syntax` entries): markup from strings, and focused/skipped tests. */
const restrictedSyntax = [
  {
    // Any use (call, member access, re-export); static imports are reported by no-restricted-imports.
    selector: `:not(ImportSpecifier) > Identifier[name=/^(${unsafeLitApis.join('|')})$/]`,
    message: `Lit's unsafe* APIs: ${securityMessage}`,
  },
  {
    selector: 'ImportExpression[source.value=/\\/directives\\/unsafe-/]',
    message: securityMessage,
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: `Assigning innerHTML/outerHTML: ${securityMessage} Render with Lit templates or DOM APIs.`,
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: `insertAdjacentHTML: ${securityMessage}`,
  },
  {
    selector: 'CallExpression > MemberExpression.callee[object.name=/^(describe|it|test|suite)$/][property.name=/^(only|skip)$/]',
    message: 'No .only/.skip in committed tests (docs/conventions.md).',
  },
  {
    selector: "CallExpression[callee.name=/^(describe|it|test|suite)$/] > ObjectExpression > Property[key.name='only']",
    message: 'No { only: true } in committed tests (docs/conventions.md).',
  },
];

/** Unused variables, arguments and caught errors are fine when their name says so: a leading `_`. */
const unusedVars = {
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
};

/** Web-component code: the elements package and the Storybook stories that render it. */
const componentFiles = ['packages/elements/src/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'];

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/build/',
    '**/storybook-static/',
    '**/coverage/',
    'data/',
    'packages/*/data-*/',
    '.bench/',
    '.cache/',
    '**/custom-elements.json',
    // Data modules written by scripts/import-chaozhou.mjs: type-checked, not hand-written.
    '**/*.generated.ts',
  ]),

  {
    name: 'qiangji/javascript',
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      // Chinese copy legitimately uses the ideographic space (U+3000) in template literals and comments.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true }],
      'no-unused-vars': ['error', unusedVars],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['lit', 'lit-element', '@lit/reactive-element', '@lit/reactive-element/css-tag.js'].map((name) => ({
              name,
              importNames: ['unsafeCSS'],
              message: `unsafeCSS: ${securityMessage}`,
            })),
          ],
          patterns: [{ group: [unsafeLitModules], message: securityMessage }],
        },
      ],
      'no-restricted-syntax': ['error', ...restrictedSyntax],
    },
  },

  {
    name: 'qiangji/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  {
    name: 'qiangji/typescript',
    files: ['**/*.{ts,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', unusedVars],
    },
  },

  {
    name: 'qiangji/components',
    files: componentFiles,
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    languageOptions: { globals: { ...globals.browser } },
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      // LitElement implements connectedCallback/disconnectedCallback/attributeChangedCallback, and Lit
      // requires calling them unguarded; the guard only makes sense for bare HTMLElement subclasses.
      'wc/guard-super-call': 'off',
      // Inline style="..." attributes are banned by the house rules (CSP-friendly; use classes or styleMap).
      'no-restricted-syntax': [
        'error',
        ...restrictedSyntax,
        {
          selector: "TaggedTemplateExpression[tag.name='html'] TemplateElement[value.raw=/\\sstyle\\s*=/]",
          message: `Inline style="..." attribute: ${securityMessage} Use a class in static styles (or styleMap for computed values).`,
        },
      ],
    },
  },

  {
    name: 'qiangji/portal',
    files: ['packages/portal/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
  },

  {
    name: 'qiangji/browser-tests',
    files: ['packages/elements/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    // Chai's property assertions (`expect(x).to.be.true`, `.to.exist`) are expressions by design.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
]);
