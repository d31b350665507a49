/** createClient: typed resources over the request pipeline, one method per route of the contract. */
import type { QjEvent, RouteName } from '@qiangji/contract';
import type { DecodedServicePointExport } from './columns.js';
import { createCore, type ClientOptions, type RequestOptions } from './core.js';
import type { EventFilter, SubscribeOptions } from './events.js';
import type { BodyOf, IdOf, IdRoute, ItemOf, IterateQueryOf, PagedRoute, Paginator, QueryOf, ResultOf } from './types.js';

type Get<N extends RouteName> = (opts?: RequestOptions) => Promise<ResultOf<N>>;
type List<N extends RouteName> = (query?: QueryOf<N>, opts?: RequestOptions) => Promise<ResultOf<N>>;
type Query<N extends RouteName> = (query: QueryOf<N>, opts?: RequestOptions) => Promise<ResultOf<N>>;
type ById<N extends RouteName> = (id: IdOf<N>, opts?: RequestOptions) => Promise<ResultOf<N>>;
type Iterate<N extends RouteName> = (query?: IterateQueryOf<N>, opts?: RequestOptions) => Paginator<ItemOf<N>>;
type Action<N extends RouteName> = (id: IdOf<N>, body: BodyOf<N>, opts?: RequestOptions) => Promise<ResultOf<N>>;
type Create<N extends RouteName> = (body: BodyOf<N>, opts?: RequestOptions) => Promise<ResultOf<N>>;

/** The typed client. Every method takes optional `RequestOptions` (signal, timeoutMs, idempotencyKey, retries). */
export interface QiangJiClient {
  plan: { get: Get<'getPlan'> };
  measures: { list: Get<'listMeasures'> };
  tasks: {
    list: List<'listTasks'>;
    get: ById<'getTask'>;
    iterate: Iterate<'listTasks'>;
    /** Report progress (POST, retried safely with its idempotency key). */
    updateProgress: Action<'reportProgress'>;
  };
  orgUnits: { list: List<'listOrgUnits'>; get: ById<'getOrgUnit'>; iterate: Iterate<'listOrgUnits'> };
  partyOrganizations: { list: List<'listPartyOrganizations'>; iterate: Iterate<'listPartyOrganizations'> };
  ratings: {
    list: List<'listRatings'>;
    iterate: Iterate<'listRatings'>;
    /** Year-by-year ratings of one org unit. */
    history: ById<'getRatingHistory'>;
    summary: Query<'getRatingSummary'>;
    scheme: Get<'getRatingScheme'>;
    /** Record an org unit's rating for a year (assessors above the unit; PUT, retried safely); emits rating.updated. */
    record: (orgUnitId: string, year: number, body: BodyOf<'recordRating'>, opts?: RequestOptions) => Promise<ResultOf<'recordRating'>>;
  };
  members: { list: List<'listMembers'>; iterate: Iterate<'listMembers'> };
  serviceRecords: { list: List<'listServiceRecords'>; iterate: Iterate<'listServiceRecords'> };
  servicePoints: {
    /** Points in a bounding box, paged (same as `list`). */
    query: List<'listServicePoints'>;
    list: List<'listServicePoints'>;
    iterate: Iterate<'listServicePoints'>;
    get: ById<'getServicePoint'>;
    clusters: Query<'clusterServicePoints'>;
    /** Columnar export decoded into typed arrays, for client-side clustering of many points. */
    export: (query?: QueryOf<'exportServicePoints'>, opts?: RequestOptions) => Promise<DecodedServicePointExport>;
  };
  mediationCases: {
    workflow: Get<'getMediationWorkflow'>;
    list: List<'listMediationCases'>;
    iterate: Iterate<'listMediationCases'>;
    create: Create<'createMediationCase'>;
    get: ById<'getMediationCase'>;
    /** Save the current step's draft (PUT with `version`; retried safely with its idempotency key). */
    updateStep: Action<'updateMediationStep'>;
    advance: Action<'advanceMediationCase'>;
    back: Action<'backMediationCase'>;
    followUp: Action<'followUpMediationCase'>;
    /** The printable 调解协议书 as an HTML document. */
    agreement: (id: IdOf<'getMediationAgreement'>, opts?: RequestOptions) => Promise<string>;
  };
  events: {
    /** Live change events over SSE, reconnecting with Last-Event-ID. Returns the function that stops it. */
    subscribe(filter: EventFilter, handler: (event: QjEvent) => void, options?: SubscribeOptions): () => void;
  };
  auth: {
    /** Signs in and keeps the tokens in this client. */
    login: Create<'login'>;
    /** Exchanges the stored refresh token for new tokens (done automatically on a 401). */
    refresh: (opts?: RequestOptions) => Promise<ResultOf<'refresh'>>;
    /** Revokes the refresh token on the server, then clears every credential and calls the onLogout listeners. */
    logout: (opts?: RequestOptions) => Promise<void>;
    me: Get<'me'>;
    /** Called after logout (e.g. to clear drafts). Returns the function that removes the listener. */
    onLogout: (listener: () => void) => () => void;
  };
  /** Uses this access token from now on (null: none). Drops any stored refresh token. */
  setToken(token: string | null): void;
}

/** The stream reader, loaded with the first subscription (most pages, a card or a badge, never need it). */
let eventsModule: Promise<typeof import('./events.js')> | undefined;

/** Creates a client of the Plan API. */
export function createClient(options: ClientOptions): QiangJiClient {
  const core = createCore(options);
  const { request } = core;
  const logoutListeners = new Set<() => void>();

  const get =
    <N extends RouteName>(name: N) =>
    (opts?: RequestOptions) =>
      request(name, {}, opts);
  const list =
    <N extends RouteName>(name: N) =>
    (query?: QueryOf<N>, opts?: RequestOptions) =>
      request(name, { query }, opts);
  const byId =
    <N extends IdRoute>(name: N) =>
    (id: string, opts?: RequestOptions) =>
      request(name, { params: { id } }, opts);
  const action =
    <N extends IdRoute>(name: N) =>
    (id: string, body: BodyOf<N>, opts?: RequestOptions) =>
      request(name, { params: { id }, body }, opts);
  const create =
    <N extends RouteName>(name: N) =>
    (body: BodyOf<N>, opts?: RequestOptions) =>
      request(name, { body }, opts);
  const iterate =
    <N extends PagedRoute>(name: N) =>
    (query?: IterateQueryOf<N>, opts?: RequestOptions): Paginator<ItemOf<N>> => {
      const pages = (pageQuery?: object) => ({
        async *[Symbol.asyncIterator]() {
          let cursor: string | null | undefined;
          do {
            const page = (await request(name, { query: { ...pageQuery, cursor } }, opts)) as unknown as {
              items: Array<ItemOf<N>>;
              nextCursor: string | null;
            };
            yield* page.items;
            cursor = page.nextCursor;
          } while (cursor);
        },
      });
      return {
        ...pages(query),
        async toArray({ limit }) {
          const items: Array<ItemOf<N>> = [];
          // Ask for pages no bigger than needed (the API caps a page at 500).
          if (limit > 0) for await (const item of pages({ limit: Math.min(limit, 500), ...query })) if (items.push(item) >= limit) break;
          return items;
        },
      };
    };

  const servicePointList = list('listServicePoints');
  return {
    plan: { get: get('getPlan') },
    measures: { list: get('listMeasures') },
    tasks: { list: list('listTasks'), get: byId('getTask'), iterate: iterate('listTasks'), updateProgress: action('reportProgress') },
    orgUnits: { list: list('listOrgUnits'), get: byId('getOrgUnit'), iterate: iterate('listOrgUnits') },
    partyOrganizations: { list: list('listPartyOrganizations'), iterate: iterate('listPartyOrganizations') },
    ratings: {
      list: list('listRatings'),
      iterate: iterate('listRatings'),
      history: byId('getRatingHistory'),
      summary: list('getRatingSummary'),
      scheme: get('getRatingScheme'),
      record: (orgUnitId, year, body, opts) => request('recordRating', { params: { id: orgUnitId, year: String(year) }, body }, opts),
    },
    members: { list: list('listMembers'), iterate: iterate('listMembers') },
    serviceRecords: { list: list('listServiceRecords'), iterate: iterate('listServiceRecords') },
    servicePoints: {
      query: servicePointList,
      list: servicePointList,
      iterate: iterate('listServicePoints'),
      get: byId('getServicePoint'),
      clusters: list('clusterServicePoints'),
      // The decoder and the stream reader load with their first use: most pages (a card, a badge) never need them.
      export: async (query, opts) => {
        const [{ decodeServicePointExport }, raw] = await Promise.all([import('./columns.js'), request('exportServicePoints', { query }, opts)]);
        return decodeServicePointExport(raw);
      },
    },
    mediationCases: {
      workflow: get('getMediationWorkflow'),
      list: list('listMediationCases'),
      iterate: iterate('listMediationCases'),
      create: create('createMediationCase'),
      get: byId('getMediationCase'),
      updateStep: action('updateMediationStep'),
      advance: action('advanceMediationCase'),
      back: action('backMediationCase'),
      followUp: action('followUpMediationCase'),
      agreement: (id, opts) => request('getMediationAgreement', { params: { id } }, opts ?? {}, 'text'),
    },
    events: {
      subscribe: (filter, handler, subscribeOptions = {}) => {
        let stop: (() => void) | undefined;
        let stopped = false;
        // One promise for every subscription: subscriptions made together attach in order, before any event is read.
        (eventsModule ??= import('./events.js')).then(
          ({ subscribe }) => {
            if (!stopped) stop = subscribe(core, filter, handler, subscribeOptions);
          },
          (error: unknown) => {
            eventsModule = undefined; // a failed chunk load is tried again by the next subscription
            subscribeOptions.onError?.(error);
          },
        );
        return () => {
          stopped = true;
          stop?.();
        };
      },
    },
    auth: {
      login: async (body, opts) => {
        const tokens = await request('login', { body }, opts);
        core.signIn(tokens);
        return tokens;
      },
      refresh: async (opts) => {
        const tokens = await request('refresh', { body: { refreshToken: core.refreshToken ?? '' } }, opts);
        core.signIn(tokens);
        return tokens;
      },
      logout: async (opts) => {
        try {
          await request('logout', { body: { refreshToken: core.refreshToken ?? undefined } }, opts);
        } finally {
          core.clear();
          for (const listener of logoutListeners) listener();
        }
      },
      me: get('me'),
      onLogout: (listener) => {
        logoutListeners.add(listener);
        return () => logoutListeners.delete(listener);
      },
    },
    setToken: core.setToken,
  };
}
