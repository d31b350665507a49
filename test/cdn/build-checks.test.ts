/**
 * Two build-time helpers of the drop-in build (scripts/vite/transforms.ts): the Chromium 90 check of the output (the build
 * targets chrome91 and proves the one construct Chromium 90 gets wrong is absent), and the pure wrapping of the
 * contract's top-level schema declarations (so an unused schema built from data is dropped whole).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { optionalCallsWithEarlySpread, pureTopLevelFactoryCalls } from '../../scripts/vite/transforms.js';

describe('optionalCallsWithEarlySpread', () => {
  test('finds a spread before the last argument of a call inside an optional chain', () => {
    const code = 'a?.f(...x, 1); a?.(...x, y); a?.b.c(...x, 1).d; (null)?.func(...[], 1);';
    assert.deepEqual(optionalCallsWithEarlySpread(code, 'chunk.js'), ['a?.f(...x, 1)', 'a?.(...x, y)', 'a?.b.c(...x, 1)', '(null)?.func(...[], 1)']);
  });

  test('accepts what Chromium 90 runs: a last spread, a plain call, a chain without calls', () => {
    const code = 'a?.f(...x); a?.f(x, ...y); f(...x, 1); a?.b?.c; a.f(...x, 1); a?.f(g(...x, 1));';
    assert.deepEqual(optionalCallsWithEarlySpread(code, 'chunk.js'), []);
  });
});

describe('pureTopLevelFactoryCalls', () => {
  const factories = /^(v\.[A-Za-z]+|text)$/;

  test('wraps top-level declarations whose value is a factory call in a pure arrow call', () => {
    const code = 'export const ItemSchema = v.picklist(items.map((item) => item.id));\nconst Name = text(1, 20);';
    assert.equal(
      pureTopLevelFactoryCalls(code, 'schemas.ts', factories),
      'export const ItemSchema = /* @__PURE__ */ (() => v.picklist(items.map((item) => item.id)))();\nconst Name = /* @__PURE__ */ (() => text(1, 20))();',
    );
  });

  test('leaves other declarations and nested calls alone', () => {
    const code = 'export const ids = items.map((item) => item.id);\nfunction f() { const S = v.string(); return S; }\nexport const labels = { a: v.string() };';
    assert.equal(pureTopLevelFactoryCalls(code, 'schemas.ts', factories), code);
  });
});
