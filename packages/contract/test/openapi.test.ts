import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { openApiDocument, openApiPath, type OpenApiOperation, type OpenApiParameter } from '../src/openapi.js';
import { API_PREFIX, routes, type RouteDef } from '../src/routes.js';

const doc = openApiDocument({
  serverUrl: 'https://qiangji.example.cn',
  extraPaths: { '/healthz': { get: { operationId: 'healthz', responses: { '200': { description: 'alive' } } } } },
});
const entries = Object.entries(routes) as Array<[string, RouteDef]>;
const operationOf = (route: RouteDef): OpenApiOperation => {
  const operation = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase() as 'get'];
  assert.ok(operation, `${route.method} ${route.path} documented`);
  return operation;
};
const parameter = (operation: OpenApiOperation, name: string): OpenApiParameter => {
  const found = operation.parameters?.find((candidate) => candidate.name === name);
  assert.ok(found, `parameter ${name} of ${operation.operationId}`);
  return found;
};

describe('openApiDocument', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    await SwaggerParser.validate(structuredClone(doc) as never);
  });

  it('documents every route once, under /api/v1 with {param} paths', () => {
    const operationIds = Object.values(doc.paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
    assert.equal(new Set(operationIds).size, operationIds.length, 'operationIds are unique');
    for (const [name, route] of entries) {
      const operation = operationOf(route);
      assert.equal(operation.operationId, name);
      assert.deepEqual(operation.tags, [route.tag]);
      assert.equal(operation.summary, route.summary);
      assert.equal(operation['x-summary-zh'], route.summaryZh);
    }
    assert.ok(doc.paths[`${API_PREFIX}/tasks/{id}`]?.get);
    assert.ok(Object.keys(doc.paths).every((path) => !path.includes(':')));
    assert.ok(doc.paths['/healthz'], 'extra paths are added');
    assert.equal(operationIds.length, entries.length + 1);
  });

  it('has info, servers, tags and both security schemes', () => {
    assert.equal(doc.info.title, 'QiangJi Plan API');
    assert.ok(doc.info.version);
    assert.match(doc.info.description, /[\u4e00-\u9fff]/u);
    assert.match(doc.info.description, /Plan API/);
    assert.deepEqual(doc.servers.map((server) => server.url), ['https://qiangji.example.cn']);
    assert.deepEqual(openApiDocument().servers.map((server) => server.url), ['/']);
    assert.deepEqual(new Set(doc.tags.map((tag) => tag.name)), new Set(entries.map(([, route]) => route.tag)));
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, {
      type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: doc.components.securitySchemes.bearerAuth?.description,
    });
    assert.equal(doc.components.securitySchemes.embedKey?.type, 'apiKey');
    assert.equal(doc.components.securitySchemes.embedKey?.in, 'header');
    assert.equal(doc.components.securitySchemes.embedKey?.name, 'X-QJ-Embed-Key');
  });

  it('maps access to security: read = bearer or embed key, user = bearer, public = none', () => {
    const expected = { read: [{ bearerAuth: [] }, { embedKey: [] }], user: [{ bearerAuth: [] }], public: [] };
    for (const [, route] of entries) assert.deepEqual(operationOf(route).security, expected[route.access], route.path);
  });

  it('documents path and query parameters from the schemas', () => {
    for (const [, route] of entries) {
      const operation = operationOf(route);
      const names = (operation.parameters ?? []).map((candidate) => `${candidate.in}:${candidate.name}`);
      const expected = [
        ...Object.keys(route.params?.entries ?? {}).map((key) => `path:${key}`),
        ...Object.keys(route.query?.entries ?? {}).map((key) => `query:${key}`),
      ];
      assert.deepEqual(names, expected, route.path);
      for (const key of Object.keys(route.params?.entries ?? {})) assert.equal(parameter(operation, key).required, true);
      for (const [key, entry] of Object.entries(route.query?.entries ?? {})) {
        assert.equal(parameter(operation, key).required, entry.type !== 'optional', `${route.path} ?${key}`);
      }
    }
    const clusters = operationOf(routes.clusterServicePoints);
    assert.equal(parameter(clusters, 'bbox').required, true);
    assert.equal(parameter(clusters, 'bbox').schema.type, 'string', 'transformed query strings stay strings');
    assert.ok(parameter(clusters, 'bbox').schema.pattern, 'with their regex');
    assert.deepEqual(parameter(clusters, 'zoom').schema, { type: 'string', pattern: '^\\d{1,9}$' });
    assert.match(parameter(clusters, 'zoom').description ?? '', /0–22/);
    const status = parameter(operationOf(routes.listTasks), 'status');
    assert.deepEqual([status.style, status.explode, status.schema.type], ['form', false, 'array']);
    assert.deepEqual((status.schema.items as { enum: string[] }).enum, ['not_started', 'on_track', 'at_risk', 'overdue', 'done']);
    assert.equal(parameter(operationOf(routes.getTask), 'id').in, 'path');
  });

  it('documents bodies and success responses, with the ApiError component on every 4xx', () => {
    for (const [, route] of entries) {
      const operation = operationOf(route);
      assert.equal(Boolean(operation.requestBody), Boolean(route.body), route.path);
      if (route.body) assert.equal(operation.requestBody?.required, true);
      const success = operation.responses[String(route.status ?? 200)];
      assert.ok(success, `${route.path} success`);
      const mediaType = route.produces ?? 'application/json';
      assert.deepEqual(Object.keys(success.content ?? {}), [mediaType]);
      const codes = ['400', '401', '403', '404', '409', '429', '503', ...(route.body ? ['413', '415'] : []), ...(route.checksStep ? ['422'] : [])];
      for (const code of codes) {
        assert.deepEqual(operation.responses[code]?.content?.['application/json']?.schema, { $ref: '#/components/schemas/ApiError' }, `${route.path} ${code}`);
      }
      if (!route.body) assert.equal(operation.responses['413'], undefined, `${route.path}: no body, no 413`);
      if (!route.checksStep) assert.equal(operation.responses['422'], undefined, `${route.path}: 422 only where a step is checked`);
      for (const code of ['429', '503']) assert.ok(operation.responses[code]?.headers?.['Retry-After'], `${route.path} ${code} Retry-After`);
    }
    assert.ok(operationOf(routes.reportProgress).responses['201']);
    assert.ok(operationOf(routes.advanceMediationCase).responses['422']);
    assert.deepEqual(operationOf(routes.createMediationCase).requestBody?.content['application/json']?.schema, { $ref: '#/components/schemas/CreateMediationCase' });
    assert.deepEqual(doc.components.schemas.ApiError?.required, ['code', 'message', 'messageEn', 'requestId']);
  });

  it('emits JSON Schema without root-only keywords in sub-schemas, and every $ref resolves', () => {
    const refs: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${path}/${index}`));
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        assert.notEqual(key, '$schema', `${path} has $schema`);
        assert.notEqual(key, '$defs', `${path} has $defs`);
        if (key === '$ref' && typeof value === 'string') refs.push(value);
        walk(value, `${path}/${key}`);
      }
    };
    walk(doc, '#');
    assert.ok(refs.length > 0);
    for (const ref of refs) assert.ok(doc.components.schemas[ref.replace('#/components/schemas/', '')], ref);
  });
});
