/** Query serialisation, paths, base64 column decoding and the SSE parser: no server needed. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { routes, validate, type RouteName } from '@qiangji/contract';
import { base64ToBytes, decodeServicePointExport } from '../src/columns.js';
import { routePath, toQueryString } from '../src/core.js';
import { createSseParser, type SseMessage } from '../src/events.js';

/** What the route's own query schema makes of the query string the SDK produced. */
function parsedByContract(name: RouteName, query: object) {
  const search = new URLSearchParams(toQueryString(query));
  const schema = (routes[name] as { query?: Parameters<typeof validate>[0] }).query!;
  const result = validate(schema, Object.fromEntries(search), 'query');
  assert.ok(result.ok, JSON.stringify(result));
  return result.value;
}

describe('query serialisation', () => {
  test('lists are comma-joined, numbers are digits, empty values are left out', () => {
    assert.equal(
      toQueryString({ status: ['on_track', 'at_risk'], limit: 20, measureId: undefined, warning: [], leadUnit: '' }),
      '?status=on_track%2Cat_risk&limit=20',
    );
    assert.equal(toQueryString({}), '');
    assert.equal(toQueryString(undefined), '');
  });

  test('round-trips through the contract query schemas to the same typed values', () => {
    const tasks = { status: ['on_track', 'at_risk'], warning: ['red'], leadUnit: '市委组织部', limit: 20, cursor: 'abc' } as const;
    assert.deepEqual(parsedByContract('listTasks', tasks), tasks);
    const clusters = { bbox: [116.5, 23.5, 117.25, 24.1], zoom: 11, type: ['elder_canteen'], from: '2025-01-01' } as const;
    assert.deepEqual(parsedByContract('clusterServicePoints', clusters), clusters);
    assert.deepEqual(parsedByContract('listRatings', { year: 2025, stars: 0 }), { year: 2025, stars: 0 });
    assert.deepEqual(parsedByContract('events', { types: ['task.progress', 'case.created'], orgUnitId: '445102' }), {
      types: ['task.progress', 'case.created'],
      orgUnitId: '445102',
    });
  });

  test('paths fill in and encode the id', () => {
    assert.deepEqual(routePath('getTask', { params: { id: 'T01' } }), ['GET', '/tasks/T01']);
    assert.deepEqual(routePath('advanceMediationCase', { params: { id: 'a/b c' } }), ['POST', '/mediation-cases/a%2Fb%20c/advance']);
    assert.deepEqual(routePath('listOrgUnits', { query: { kind: ['town', 'street'] } }), ['GET', '/org-units?kind=town%2Cstreet']);
  });
});

describe('columnar export decoding', () => {
  const lon = new Float64Array([116.623, 117.0000001, -0.5]);
  const lat = new Float64Array([23.66, 24.05, 89.9]);
  const le = (array: Float64Array | Uint32Array) => {
    // Encode explicitly little-endian, independent of the platform.
    const view = new DataView(new ArrayBuffer(array.length * array.BYTES_PER_ELEMENT));
    array.forEach((value, i) =>
      array instanceof Float64Array ? view.setFloat64(i * 8, value, true) : view.setUint32(i * 4, value, true),
    );
    return Buffer.from(view.buffer).toString('base64');
  };
  const raw = {
    count: 3,
    crs: 'WGS84' as const,
    types: ['elder_canteen', 'model_post'] as Array<'elder_canteen' | 'model_post'>,
    orgUnitIds: ['445102007', '445103100'],
    ids: ['a', 'b', 'c'],
    lon: le(lon),
    lat: le(lat),
    type: Buffer.from([1, 0, 1]).toString('base64'),
    org: le(new Uint32Array([0, 1, 1])),
    records: le(new Uint32Array([0, 70000, 4294967295])),
  };

  test('decodes little-endian Float64/Uint8/Uint32 columns into typed arrays', () => {
    const decoded = decodeServicePointExport(raw);
    assert.ok(decoded.lon instanceof Float64Array && decoded.type instanceof Uint8Array && decoded.org instanceof Uint32Array);
    assert.deepEqual([...decoded.lon], [...lon]);
    assert.deepEqual([...decoded.lat], [...lat]);
    assert.deepEqual([...decoded.type], [1, 0, 1]);
    assert.deepEqual([...decoded.org], [0, 1, 1]);
    assert.deepEqual([...decoded.records], [0, 70000, 4294967295]);
    assert.deepEqual(decoded.ids, raw.ids);
    assert.equal(decoded.count, 3);
  });

  test('needs no Buffer (works the same in browsers)', () => {
    const saved = globalThis.Buffer;
    try {
      // @ts-expect-error hiding Node's Buffer for this check
      delete globalThis.Buffer;
      assert.equal(typeof globalThis.Buffer, 'undefined');
      assert.deepEqual([...decodeServicePointExport(raw).lon], [...lon]);
      assert.deepEqual([...base64ToBytes('AAEC/w==')], [0, 1, 2, 255]);
    } finally {
      globalThis.Buffer = saved;
    }
  });

  test('an empty export decodes to empty arrays', () => {
    const decoded = decodeServicePointExport({ ...raw, count: 0, ids: [], lon: '', lat: '', type: '', org: '', records: '' });
    assert.equal(decoded.lon.length + decoded.type.length + decoded.records.length, 0);
  });
});

describe('SSE parser', () => {
  const stream =
    ': comment\n' +
    'retry: 1500\n' +
    'id: 1\nevent: task.progress\ndata: {"a":1}\n\n' +
    'id: 2\r\nevent: case.created\r\ndata: line one\r\ndata: line two\r\n\r\n' +
    'data:no-space\rid:3\r\r' +
    'id: 4\ndata\n\n' +
    'event: ping\n\n' +
    'id: 5\ndata: cut short';
  const expected: SseMessage[] = [
    { id: '1', event: 'task.progress', data: '{"a":1}' },
    { id: '2', event: 'case.created', data: 'line one\nline two' },
    { id: '3', event: 'message', data: 'no-space' },
    { id: '4', event: 'message', data: '' },
  ];

  function parseIn(chunks: string[]) {
    const messages: SseMessage[] = [];
    const retries: number[] = [];
    const feed = createSseParser((message) => messages.push(message), (ms) => retries.push(ms));
    for (const chunk of chunks) feed(chunk);
    return { messages, retries };
  }

  test('parses ids, events, multi-line data, comments, retry and every line ending', () => {
    const { messages, retries } = parseIn([stream]);
    // A bare `data` line makes an empty (but present) data field, which dispatches; `event: ping` alone does not.
    assert.deepEqual(messages, expected);
    assert.deepEqual(retries, [1500]);
  });

  test('gives the same result for every way of cutting the stream into chunks', () => {
    const whole = parseIn([stream]).messages;
    for (let cut = 1; cut < stream.length; cut++) {
      assert.deepEqual(parseIn([stream.slice(0, cut), stream.slice(cut)]).messages, whole, `cut at ${cut}`);
    }
    assert.deepEqual(parseIn([...stream]).messages, whole, 'one character at a time');
  });

  test('never acknowledges the id of a message cut short', () => {
    const { messages } = parseIn(['id: 7\ndata: {"x":1}\n\nid: 8\ndata: {"x":']);
    assert.deepEqual(messages.map((message) => message.id), ['7']);
  });
});
