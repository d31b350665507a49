/**
 * fast-check arbitraries derived from the contract's valibot schemas: for every route, requests whose params, query
 * and body are mostly plausible (so handlers run past validation, into the repositories) with hostile values mixed in
 * at every level — wrong types, huge and odd Unicode strings, overflowing numbers, impossible dates, injection-ish
 * text, unknown and prototype-polluting keys, malformed percent-encoding, bad JSON, empty bodies, wrong media types.
 */
import fc from 'fast-check';
import type { RouteDef } from '@qiangji/contract';

/** A valibot schema or action node, as far as this walker needs it. */
interface Node {
  kind?: string;
  type: string;
  requirement?: unknown;
  message?: unknown;
  literal?: unknown;
  options?: unknown[];
  key?: unknown;
  entries?: Record<string, Node>;
  wrapped?: Node;
  item?: Node;
  value?: Node;
  pipe?: Node[];
}

/** Ids that exist in the seed, so that id-shaped fields often reach real rows (and their scope checks). */
export const knownIds = [
  'T01', 'T03', 'T28', 'M1', 'M8', '4451', '445102', '445103', '445122', '445102007', '445102007200', '445102007201',
  'sp000001', 'sp000002', 'mc00001', 'mc00002', 'mc00007', 'po-445102007200', 'u-city-admin', 'ek-demo',
] as const;

/* eslint-disable no-script-url -- hostile input for the fuzzer, never executed */
const injection = [
  "' OR '1'='1", "'; DROP TABLE tasks; --", '" OR ""="', '1; select pg_sleep(5)', "%' AND 1=0 UNION SELECT * FROM users --",
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${7*7}', '#{7*7}',
  '../../../../etc/passwd', '..%2f..%2fetc%2fpasswd', '\u0000', 'a\u0000b', '\r\nSet-Cookie: x=1', '${jndi:ldap://x/a}',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'NaN', 'Infinity', '-0', 'null', 'undefined',
  'true', '[]', '{}', '\u202e\u0635', '\ud800', '\udfff', '𠜎𠜱𠝹', '👩‍👩‍👧‍👦', 'é', 'ﬀ', 'İ', '\u200b', ' ', '',
];
/* eslint-enable no-script-url */
const badDates = ['2025-02-30', '2025-13-01', '2025-00-10', '0000-01-01', '9999-12-31', '2025-1-1', '20250101', '2025-02-29', '2024-02-29T25:00:00Z', '1e10', '-2025-01-01', '2025-01-01T00:00:00'];
const badNumbers = [-1, 0, -0, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324];

/** Odd text: ASCII, full Unicode (lone surrogates included), injection-ish strings, very long strings. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(...injection),
  fc.constantFrom(...badDates),
  fc.integer({ min: 1, max: 5 }).map((power) => 'x'.repeat(10 ** power)),
  fc.integer({ min: 1, max: 4 }).map((power) => '长'.repeat(10 ** power + 1)),
);

/** Any JSON value of the wrong kind: strings, numbers at the edges, booleans, null, arrays, objects. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom<unknown>(...badNumbers, true, false, null, [], {}, [null], { '': '' }),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.integer(), hostileString), { maxLength: 5 }),
  fc.dictionary(hostileString, fc.oneof(fc.integer(), hostileString, fc.constant(null)), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const actions = (node: Node): Node[] => node.pipe?.slice(1) ?? [];
const actionOf = (node: Node, type: string): Node | undefined => actions(node).find((action) => action.type === type);
const checkMessages = (node: Node): string[] => actions(node).filter((action) => action.type === 'check').map((action) => String(action.message));

/** A valid value for a string schema: its picklist-list, date, url, mobile, ID number, regex or length bounds. */
function plausibleString(node: Node, name: string): fc.Arbitrary<string> {
  const list = actions(node).find((action) => action.type === 'array');
  if (list?.item?.options) {
    const options = list.item.options as string[];
    return fc.uniqueArray(fc.constantFrom(...options), { minLength: 1, maxLength: Math.min(3, options.length) }).map((values) => values.join(','));
  }
  const checks = checkMessages(node);
  if (actionOf(node, 'iso_date') || checks.includes('iso_date')) {
    return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  }
  if (actionOf(node, 'iso_timestamp')) return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
  if (actionOf(node, 'url')) return fc.webPath().map((path) => `https://example.org${path.startsWith('/') ? path : `/${path}`}`);
  if (checks.includes('invalid_phone')) return fc.constantFrom('13812341234', '13912345678', '15012345678');
  if (checks.includes('invalid_id_number')) return fc.constantFrom('445102198001011237', '11010519491231002X');
  if (name === 'bbox' || checks.some((message) => message.startsWith('bbox'))) {
    return fc
      .tuple(fc.double({ min: 116, max: 117.4, noNaN: true }), fc.double({ min: 23.2, max: 24.2, noNaN: true }), fc.double({ min: 0.01, max: 1.5, noNaN: true }))
      .map(([west, south, size]) => [west, south, west + size, south + size].map((value) => value.toFixed(4)).join(','));
  }
  const regex = actionOf(node, 'regex');
  if (regex?.requirement instanceof RegExp) {
    const source = regex.requirement.source;
    if (source === '^\\d{1,9}$') {
      const min = Number(actionOf(node, 'min_value')?.requirement ?? 0);
      const max = Number(actionOf(node, 'max_value')?.requirement ?? 999);
      return fc.integer({ min, max }).map(String);
    }
    if (source === '^[A-Za-z0-9_.:-]+$') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...knownIds) }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,20}$/) });
    return fc.stringMatching(regex.requirement);
  }
  const minLength = Number(actionOf(node, 'min_length')?.requirement ?? 0);
  const maxLength = Math.min(Number(actionOf(node, 'max_length')?.requirement ?? 60), 60);
  return fc.string({ unit: 'grapheme', minLength: Math.min(minLength, maxLength), maxLength });
}

function plausibleNumber(node: Node): fc.Arbitrary<number> {
  const min = Number(actionOf(node, 'min_value')?.requirement ?? -1000);
  const max = Number(actionOf(node, 'max_value')?.requirement ?? Math.max(min + 1000, 1000));
  return actionOf(node, 'integer') ? fc.integer({ min, max: Math.min(max, min + 1_000_000) }) : fc.double({ min, max, noNaN: true });
}

/**
 * Values for a schema: plausible ones, with a hostile value instead at any level with probability ~1/(weight+1),
 * optional keys sometimes left out, and now and then an unknown or prototype key added to objects.
 */
export function valueFor(node: Node, name = '', depth = 0, hostileWeight = 8): fc.Arbitrary<unknown> {
  const plausible = plausibleValue(node, name, depth, hostileWeight);
  return depth > 4 ? plausible : fc.oneof({ weight: hostileWeight, arbitrary: plausible }, { weight: 1, arbitrary: hostileJson });
}

function plausibleValue(node: Node, name: string, depth: number, hostileWeight: number): fc.Arbitrary<unknown> {
  switch (node.type) {
    case 'optional':
    case 'exact_optional':
    case 'nullish':
    case 'nullable':
      return valueFor(node.wrapped!, name, depth, hostileWeight);
    case 'string':
      return plausibleString(node, name);
    case 'number':
      return plausibleNumber(node);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constant(node.literal);
    case 'picklist':
      return fc.constantFrom(...(node.options as unknown[]));
    case 'array': {
      const maxLength = Math.min(Number(actionOf(node, 'max_length')?.requirement ?? 4), 4);
      const minLength = Math.min(Number(actionOf(node, 'min_length')?.requirement ?? 0), maxLength);
      return fc.array(valueFor(node.item!, name, depth + 1, hostileWeight), { minLength, maxLength });
    }
    case 'variant':
    case 'union':
      return fc.oneof(...(node.options as Node[]).map((option) => plausibleValue(option, name, depth, hostileWeight)));
    case 'record':
      return fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,12}$/), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
    case 'object':
      return objectFor(node, depth, hostileWeight);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectFor(node: Node, depth: number, hostileWeight: number): fc.Arbitrary<Record<string, unknown>> {
  const entries = node.entries ?? {};
  const keys = Object.keys(entries);
  const requiredKeys = keys.filter((key) => !['optional', 'exact_optional', 'nullish'].includes(entries[key]!.type));
  const model = fc.record(Object.fromEntries(keys.map((key) => [key, valueFor(entries[key]!, key, depth + 1, hostileWeight)])), { requiredKeys });
  return fc.tuple(model, fc.nat({ max: 2 * hostileWeight }), fc.option(fc.constantFrom(...keys, 'id'), { nil: undefined }), fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'unknownField'))).map(([value, roll, drop, extraKey]) => {
    const copy: Record<string, unknown> = { ...value };
    if (roll === 0 && drop !== undefined) delete copy[drop];
    // defineProperty: a plain assignment of `__proto__` would set the prototype instead of adding a key.
    if (roll === 1) Object.defineProperty(copy, extraKey, { value: { polluted: 'yes' }, enumerable: true, configurable: true, writable: true });
    return copy;
  });
}

/** One request of the fuzzer, before it is turned into an HTTP request. */
export interface FuzzRequest {
  /** Path after /api/v1 with params filled in, and the query string. */
  url: string;
  params: Record<string, string>;
  query: Array<[string, string]>;
  /** JSON body (undefined = none), or a raw body with its own content type. */
  body?: unknown;
  raw?: { payload: string; contentType: string | null };
  auth: 'user' | 'anonymous' | 'embed' | 'garbage';
  idempotencyKey?: string;
}

/**
 * Percent-encodes the UTF-8 bytes of a string, as a client would put it on the wire. Unlike encodeURIComponent it
 * does not throw on lone surrogates (they become U+FFFD, as in any UTF-8 encoder).
 */
export function percentEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A path parameter: a known or plausible id, or something hostile (percent-encoded, raw bad escapes, very long). */
const paramArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...knownIds) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/) },
  { weight: 2, arbitrary: hostileString.map((value) => percentEncode(value.slice(0, 400)) || 'x') },
  { weight: 1, arbitrary: fc.constantFrom('%ZZ', '%', '%E4%B8', '%00', '..', '.', '%2e%2e', 'a%2Fb', '%C0%AF', 'x'.repeat(201), '-', ':', 'T01%20') },
);

/** The query: plausible values for the route's keys, hostile values, unknown, repeated and prototype keys. */
function queryArb(route: RouteDef, hostileWeight: number): fc.Arbitrary<Array<[string, string]>> {
  const entries = (route.query?.entries ?? {}) as Record<string, Node>;
  const keys = Object.keys(entries);
  const plausiblePairs = fc.record(Object.fromEntries(keys.map((key) => [key, fc.option(valueForQuery(entries[key]!, key, hostileWeight), { nil: undefined, freq: 2 })]))).map((record) =>
    Object.entries(record)
      .filter((pair): pair is [string, string] => pair[1] !== undefined)
      .map(([key, value]) => [key, value] as [string, string]),
  );
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'embedKey', 'unknown', 'limit', 'bbox', '', ...keys), hostileString.map((text) => text.slice(0, 30))), hostileString.map((text) => text.slice(0, 2000))), { maxLength: 2 });
  return fc.tuple(plausiblePairs, fc.nat({ max: hostileWeight }), extra).map(([pairs, roll, more]) => (roll === 0 ? [...pairs, ...more] : pairs));
}

function valueForQuery(node: Node, name: string, hostileWeight: number): fc.Arbitrary<string> {
  const inner = node.type === 'optional' ? node.wrapped! : node;
  return fc.oneof(
    { weight: hostileWeight, arbitrary: plausibleString(inner, name) },
    { weight: 1, arbitrary: hostileString.map((text) => text.slice(0, 3000)) },
    { weight: 1, arbitrary: fc.constantFrom('-1', '0', '1e3', '0x10', '99999999999', '1.5', ' 1', ',,', ',bogus', 'on_track,,done', '-181,-91,181,91', '117,24,116,23', '1,2,3', 'NaN') },
  );
}

/** Raw bodies: malformed JSON, empty, wrong media types, prototype-polluting JSON text. */
const rawBodyArb = fc.oneof(
  fc.constantFrom(
    { payload: '', contentType: 'application/json' },
    { payload: '{', contentType: 'application/json' },
    { payload: '{"a":1,}', contentType: 'application/json' },
    { payload: 'null', contentType: 'application/json' },
    { payload: '"text"', contentType: 'application/json' },
    { payload: '[1,2,3]', contentType: 'application/json' },
    { payload: '{"__proto__":{"polluted":"yes"}}', contentType: 'application/json' },
    { payload: '{"constructor":{"prototype":{"polluted":"yes"}}}', contentType: 'application/json' },
    { payload: '{"percent":1e999}', contentType: 'application/json' },
    { payload: '\ufeff{}', contentType: 'application/json' },
    { payload: 'percent=50&note=x', contentType: 'application/x-www-form-urlencoded' },
    { payload: 'hello', contentType: 'text/plain' },
    { payload: '<a/>', contentType: 'application/xml' },
    { payload: '{}', contentType: 'application/json; charset=utf-16' },
    { payload: '{}', contentType: null },
    { payload: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--', contentType: 'multipart/form-data; boundary=b' },
  ),
  hostileString.map((text) => ({ payload: text, contentType: 'application/json' })),
);
/** Over the 1 MiB body limit. */
const hugeBody = { payload: JSON.stringify({ note: 'x'.repeat(1024 * 1024 + 10) }), contentType: 'application/json' };

const idempotencyKeyArb = fc.option(
  fc.oneof(fc.uuid(), fc.constantFrom('', ' ', 'a'.repeat(201), 'has space', 'key\tkey', 'ok-key-1'), fc.stringMatching(/^[\x21-\x7e]{1,40}$/)),
  { nil: undefined, freq: 3 },
);

/** Requests for one route. `hostileWeight`: plausible : hostile odds at each level. */
export function requestArb(route: RouteDef, hostileWeight = 8): fc.Arbitrary<FuzzRequest> {
  const paramNames = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const params = fc.tuple(...paramNames.map(() => paramArb)).map((values) => Object.fromEntries(paramNames.map((name, index) => [name, values[index]!])));
  const auth = fc.constantFrom<FuzzRequest['auth']>('user', 'user', 'user', 'user', 'user', 'user', 'user', 'user', 'anonymous', 'embed', 'garbage');
  const hasBody = route.method === 'POST' || route.method === 'PUT';
  const body: fc.Arbitrary<{ body?: unknown; raw?: FuzzRequest['raw'] }> = hasBody
    ? fc.oneof(
        { weight: 24, arbitrary: (route.body ? valueFor(route.body as unknown as Node, 'body', 0, hostileWeight) : fc.constant({})).map((value) => ({ body: value })) },
        { weight: 4, arbitrary: hostileJson.map((value) => ({ body: value })) },
        { weight: 4, arbitrary: rawBodyArb.map((raw) => ({ raw })) },
        { weight: 1, arbitrary: fc.constant({ raw: hugeBody }) },
      )
    : fc.oneof({ weight: 16, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: rawBodyArb.map((raw) => ({ raw })) });
  return fc.record({ params, query: queryArb(route, hostileWeight), body, auth, idempotencyKey: hasBody ? idempotencyKeyArb : fc.constant(undefined) }).map(({ params: values, query, body: payload, auth: who, idempotencyKey }) => {
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? '');
    const search = query.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`).join('&');
    return { url: `${path}${search ? `?${search}` : ''}`, params: values, query, ...payload, auth: who, ...(idempotencyKey !== undefined ? { idempotencyKey } : {}) };
  });
}
