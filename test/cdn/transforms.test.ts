/**
 * The source transforms of the drop-in build (scripts/vite/transforms.ts): CSS literal and template whitespace, and Lit's
 * decorators written as `static properties`. Each keeps what the browser renders, only the bytes go.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { litDecoratorsAsStaticProperties, squeezeCssLiteral, squeezeHtmlTemplates, squeezeTemplateWhitespace } from '../../scripts/vite/transforms.js';

describe('squeezeCssLiteral', () => {
  test('drops comments, whitespace runs and the spaces around punctuation and after colons', () => {
    const css = `
      /* the card */
      :host {
        display: block;
        --qj-card-gap: var(--qj-sys-space-md, 12px);
      }
      @media (forced-colors: active) {
        svg { forced-color-adjust: none; }
      }`;
    assert.equal(squeezeCssLiteral(css), ':host{display:block;--qj-card-gap:var(--qj-sys-space-md,12px)}@media (forced-colors:active){svg{forced-color-adjust:none}}');
  });

  test('keeps what changes selectors and strings, and interpolations', () => {
    assert.equal(squeezeCssLiteral('a :hover { color: red; }'), 'a :hover{color:red}');
    assert.equal(squeezeCssLiteral('a:hover, .x :is(.y) { content: "a:  b;  c"; }'), 'a:hover,.x :is(.y){content:"a:  b;  c"}');
    assert.equal(squeezeCssLiteral(' ${other}  :host { ${fragment}  --a:  1px; }'), '${other} :host{${fragment} --a:1px}');
  });

  test('squeezes a declaration fragment (composed into a rule elsewhere)', () => {
    assert.equal(squeezeCssLiteral('\n  color-scheme: light;\n  --qj-sys-color-surface: var(--qj-ref-grey-0);\n'), 'color-scheme:light;--qj-sys-color-surface:var(--qj-ref-grey-0);');
  });
});

describe('squeezeTemplateWhitespace', () => {
  test('inside a tag a run becomes one space, none before > or />', () => {
    assert.deepEqual(squeezeTemplateWhitespace(['<a\n  part="title"\n  href="/t"\n  >Title</a\n>', '<br  />']), ['<a part="title" href="/t">Title</a>', '<br/>']);
  });

  test('in text a run with a line break becomes one space; one without stays', () => {
    assert.deepEqual(squeezeTemplateWhitespace(['<p>\n    a  b\n  </p>\n  <p>c</p>']), ['<p> a  b </p> <p>c</p>']);
  });

  test('quoted attribute values and text that only looks like a tag are kept', () => {
    assert.deepEqual(squeezeTemplateWhitespace([`<p title="a\n   b" data-x='c\n  d'>1 < 2\n  </p>`]), [`<p title="a\n   b" data-x='c\n  d'>1 < 2 </p>`]);
  });

  test('the position carries across bindings: quoted value, attribute list, text', () => {
    // html`<div class="x ${a}"\n  id=${b}\n>\n  ${c}\n</div>`
    assert.deepEqual(squeezeTemplateWhitespace(['<div class="x ', '"\n  id=', '\n>\n  ', '\n</div>']), ['<div class="x ', '" id=', '> ', ' </div>']);
  });
});

describe('squeezeHtmlTemplates', () => {
  test('squeezes html and svg templates, nested ones too, and nothing else', () => {
    const code = [
      'const note = `keep\n  this`;',
      'const list = html`<ul>\n  ${items.map((item) => html`<li\n    class="item">\n    ${item}\n  </li>`)}\n</ul>`;',
      'const icon = svg`<svg viewBox="0 0 16 16">\n  <path d="M0 0h16"/>\n</svg>`;',
    ].join('\n');
    assert.equal(
      squeezeHtmlTemplates(code, 'x.ts'),
      [
        'const note = `keep\n  this`;',
        'const list = html`<ul> ${items.map((item) => html`<li class="item"> ${item} </li>`)} </ul>`;',
        'const icon = svg`<svg viewBox="0 0 16 16"> <path d="M0 0h16"/> </svg>`;',
      ].join('\n'),
    );
  });

  test('leaves a module without templates alone', () => {
    assert.equal(squeezeHtmlTemplates('export const a = `x\n  y`;', 'x.ts'), undefined);
  });
});

describe('litDecoratorsAsStaticProperties', () => {
  const element = `import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
export class Card extends LitElement {
  static override styles = [];
  /** Id of the task. */
  @property({ attribute: 'task-id', reflect: true }) taskId?: string;
  @property() override lang!: string;
  @property({ type: Boolean }) open = false;
  @state() private announcement = '';
  @state({ hasChanged: () => true }) private tick = 0;
  render() { return this.taskId; }
}`;

  test('moves @property and @state options into one static properties block', () => {
    const result = litDecoratorsAsStaticProperties(element, 'card.ts')!;
    assert.match(
      result,
      /class Card extends LitElement \{ static properties = \{ taskId: \{ attribute: 'task-id', reflect: true \}, lang: \{\}, open: \{ type: Boolean \}, announcement: \{ state: true, attribute: false \}, tick: \{ \.\.\.\{ hasChanged: \(\) => true \}, state: true, attribute: false \} \};/,
    );
    assert.doesNotMatch(result, /@property|@state/);
    // The fields stay as written (types, modifiers, initial values, docs).
    for (const field of [' taskId?: string;', ' override lang!: string;', ' open = false;', ' private announcement = \'\';', '/** Id of the task. */']) {
      assert.ok(result.includes(field), field);
    }
  });

  test('leaves classes with other decorators or their own static properties alone', () => {
    const withQuery = element.replace("import { property, state }", "import { property, query, state }").replace('render()', "@query('p') paragraph!: HTMLElement;\n  render()");
    assert.equal(litDecoratorsAsStaticProperties(withQuery, 'card.ts'), undefined);
    const withProperties = element.replace('static override styles = [];', 'static override properties = { extra: {} };');
    assert.equal(litDecoratorsAsStaticProperties(withProperties, 'card.ts'), undefined);
    assert.equal(litDecoratorsAsStaticProperties("import { html } from 'lit';\nexport const a = 1;", 'x.ts'), undefined);
  });
});
