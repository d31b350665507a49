/**
 * Registers a handler for a route of the contract's route table, by name. The wrapper resolves the viewer
 * (401/403 by the route's access), validates params, query and body with the route's valibot schemas (400 with
 * `field` = `params.id`, `query.limit`, `body.parties.0.phone`…; unknown fields are refused too), wires
 * idempotent writes, and in development checks the response against the route's response schema. A handler may
 * return its answer already serialised (read-cache.ts); the check then applies to the value it was made from.
 * Fastify's own JSON-schema validation is not used: one source of truth, the contract.
 */
import { API_PREFIX, routes, validate, type FieldError, type RouteBody, type RouteDef, type RouteName, type RouteParams, type RouteQuery, type RouteResponse, type Routes } from '@qiangji/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type * as v from 'valibot';
import { resolveViewer } from '../auth/viewer.js';
import type { Viewer } from '../auth/scope.js';
import { requestFingerprint } from '../repositories/idempotency.js';
import type { Services } from '../services.js';
import { ApiHttpError, sendApiError, validationError } from './errors.js';
import { Serialized } from './read-cache.js';
import { IdempotentReplay, runWrite, type IdempotencyContext, type WriteScope } from './write.js';

export interface RouteContext<N extends RouteName> {
  request: FastifyRequest;
  reply: FastifyReply;
  services: Services;
  /** Null only on public routes. */
  viewer: Routes[N]['access'] extends 'public' ? Viewer | null : Viewer;
  params: RouteParams<N>;
  query: RouteQuery<N>;
  body: RouteBody<N>;
  /** Runs a write transaction (audit, events, idempotency); `remember: false` skips storing the response. */
  write<T>(work: (scope: WriteScope) => Promise<T>, options?: { remember?: boolean }): Promise<T>;
}

/** JSON routes return their response; text/html and text/event-stream routes answer through `reply` themselves. */
export type RouteHandler<N extends RouteName> = (
  context: RouteContext<N>,
) => Promise<Routes[N] extends { produces: string } ? FastifyReply | void : RouteResponse<N> | Serialized<RouteResponse<N>>>;

/** Query keys accepted on every route besides its schema: the EventSource-friendly embed key. */
const globalQueryKeys = new Set(['embedKey']);
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

type AnyNode = { type: string; entries?: Record<string, AnyNode>; wrapped?: AnyNode; item?: AnyNode; key?: string; options?: AnyNode[]; literal?: unknown };

const unknownField = (field: string): FieldError => ({ field, message: '不支持的字段', messageEn: 'Unknown field' });
const notAnObject = (field: string): FieldError => ({ field, message: '格式不正确', messageEn: 'Wrong format: expected an object' });

/**
 * What valibot lets through silently but we refuse: object keys the schema does not know (object() drops them)
 * and arrays where an object or record is expected (record() turns [] into {}).
 */
export function strictnessErrors(schema: unknown, value: unknown, path: string): FieldError[] {
  const node = schema as AnyNode;
  if (value === null || value === undefined) return [];
  switch (node.type) {
    case 'optional':
    case 'nullable':
    case 'nullish':
    case 'exact_optional':
      return node.wrapped ? strictnessErrors(node.wrapped, value, path) : [];
    case 'array':
      return Array.isArray(value) && node.item ? value.flatMap((item, index) => strictnessErrors(node.item, item, `${path}.${index}`)) : [];
    case 'record':
      return Array.isArray(value) ? [notAnObject(path)] : [];
    case 'variant': {
      if (typeof value !== 'object' || !node.key) return [];
      const tag = (value as Record<string, unknown>)[node.key];
      const option = node.options?.find((candidate) => candidate.entries?.[node.key!]?.literal === tag);
      return option ? strictnessErrors(option, value, path) : [];
    }
    case 'object': {
      if (typeof value !== 'object' || !node.entries) return [];
      if (Array.isArray(value)) return [notAnObject(path)];
      return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
        node.entries![key] ? strictnessErrors(node.entries![key], child, `${path}.${key}`) : [unknownField(`${path}.${key}`)],
      );
    }
    default:
      return [];
  }
}

function check<S extends v.GenericSchema>(schema: S, input: unknown, prefix: string): v.InferOutput<S> {
  const result = validate(schema, input, prefix);
  if (!result.ok) throw validationError(result.errors);
  const strict = strictnessErrors(schema, input, prefix);
  if (strict.length > 0) throw validationError(strict);
  return result.value;
}

/** Query values as strings: repeated keys are joined with commas (the list format of the contract). */
function queryInput(raw: unknown): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    if (globalQueryKeys.has(key)) continue;
    input[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return input;
}

/**
 * A NUL character (`%00`, `\u0000`) in a path, query or body string is never meaningful, and PostgreSQL refuses it in
 * any text parameter (SQLite stores it): a 400 naming the first such field, before any query runs, on every database
 * alike. Walks the body without recursion (a deeply nested body must not overflow the stack).
 */
function refuseNulCharacters(value: unknown, prefix: 'params' | 'query' | 'body'): void {
  const pending: Array<[unknown, string]> = [[value, prefix]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) {
        throw validationError([{ field: path, message: '格式不正确（含空字符）', messageEn: 'Wrong format: contains a NUL character' }]);
      }
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) pending.push([key, `${path}.${key}`], [child, `${path}.${key}`]);
    }
  }
}

export function registerRoute<N extends RouteName>(app: FastifyInstance, name: N, handler: RouteHandler<N>, extra: { rateLimit?: { max: number; timeWindow: number } } = {}): void {
  const route: RouteDef = routes[name];
  const services = app.services;
  app.route({
    method: route.method,
    url: `${API_PREFIX}${route.path}`,
    config: extra.rateLimit ? { rateLimit: extra.rateLimit } : {},
    handler: async (request, reply) => {
      try {
        const viewer = await resolveViewer(request, route.access, services);
        request.viewer = viewer;
        const rawQuery = queryInput(request.query);
        refuseNulCharacters(request.params, 'params');
        refuseNulCharacters(rawQuery, 'query');
        refuseNulCharacters(request.body, 'body');
        const params = route.params ? check(route.params, request.params ?? {}, 'params') : {};
        const query = route.query ? check(route.query, rawQuery, 'query') : {};
        if (!route.query) {
          const extraKeys = Object.keys(rawQuery);
          if (extraKeys.length > 0) throw validationError(extraKeys.map((key) => unknownField(`query.${key}`)));
        }
        const body = route.body ? check(route.body, request.body, 'body') : undefined;

        const header = request.headers['idempotency-key'];
        let idempotency: IdempotencyContext | null = null;
        // Every write may carry a key (POST and PUT alike: a retried PUT must replay, not meet its own new version).
        if (route.method !== 'GET' && header !== undefined) {
          if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) {
            throw validationError([{ field: 'header.idempotency-key', message: '幂等键格式不正确', messageEn: 'Idempotency-Key must be 1–200 visible ASCII characters' }]);
          }
          const path = request.url.split('?')[0] ?? request.url;
          idempotency = { key: header, requestHash: requestFingerprint(services.secrets.fingerprintKey, route.method, path, request.body), status: route.status ?? 200 };
        }
        const actor = viewer?.actor ?? 'anonymous';
        const context = {
          request,
          reply,
          services,
          viewer,
          params,
          query,
          body,
          write: <T>(work: (scope: WriteScope) => Promise<T>, options: { remember?: boolean } = {}) =>
            runWrite(services, actor, options.remember === false ? null : idempotency, work),
        } as unknown as RouteContext<N>;
        const result = await handler(context);
        if (route.produces) return reply.sent || reply.raw.headersSent ? reply : reply.send(result);
        const serialized = result instanceof Serialized ? result : null;
        if (services.config.validateResponses && route.response) {
          const checked = validate(route.response, serialized ? serialized.value : result, 'response');
          if (!checked.ok) {
            request.log.error({ route: name, errors: checked.errors.slice(0, 5) }, 'response does not match the contract');
            throw new Error(`response of ${name} does not match the contract: ${checked.errors[0]?.field}`);
          }
        }
        if (serialized) return reply.code(route.status ?? 200).type('application/json; charset=utf-8').send(serialized.body);
        return reply.code(route.status ?? 200).send(result);
      } catch (error) {
        if (error instanceof IdempotentReplay) {
          return reply.code(error.status).header('idempotent-replayed', 'true').send(error.body);
        }
        if (error instanceof ApiHttpError) return sendApiError(request, reply, error);
        throw error;
      }
    },
  });
}
