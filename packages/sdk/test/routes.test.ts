import assert from 'node:assert/strict';
import { test } from 'node:test';
import { routes } from '@qiangji/contract';
import { routeMap } from '../src/routes.js';

test('the SDK route map is exactly the contract route table (names, methods, paths)', () => {
  const expected = Object.fromEntries(Object.entries(routes).map(([name, route]) => [name, `${route.method} ${route.path}`]));
  assert.deepEqual({ ...routeMap }, expected);
});
