/**
 * Type tests: the client's parameters and results are the contract's types, and wrong parameters do not compile.
 * Checked by the root typecheck (`tsc -p tsconfig.json`, which includes packages/*\/test); every `@ts-expect-error`
 * line fails the typecheck if it ever compiles.
 */
import { test } from 'node:test';
import { expectTypeOf } from 'expect-type';
import type {
  BranchRating,
  MediationCase,
  MediationWorkflow,
  Member,
  OrgUnit,
  Plan,
  QjEvent,
  RatingSummary,
  RouteBodyInput,
  RouteQuery,
  ServicePoint,
  Task,
  TaskDetail,
  TaskStatus,
  TokenResponse,
  Viewer,
} from '@qiangji/contract';
import { createClient, type DecodedServicePointExport, type Paginator, type QiangJiClient, type QueryOf } from '../src/index.js';

/** Never run: only compiled. */
function typeChecks(client: QiangJiClient) {
  // Results are the contract's types.
  expectTypeOf(client.plan.get()).resolves.toEqualTypeOf<Plan>();
  expectTypeOf(client.tasks.get('T01')).resolves.toEqualTypeOf<TaskDetail>();
  expectTypeOf(client.tasks.list()).resolves.toEqualTypeOf<{ items: Task[]; nextCursor: string | null }>();
  expectTypeOf(client.tasks.iterate()).toEqualTypeOf<Paginator<Task>>();
  expectTypeOf(client.tasks.iterate().toArray({ limit: 10 })).resolves.toEqualTypeOf<Task[]>();
  expectTypeOf(client.tasks.updateProgress('T01', { percent: 50, note: 'x' })).resolves.toEqualTypeOf<TaskDetail>();
  expectTypeOf(client.orgUnits.get('4451')).resolves.toEqualTypeOf<OrgUnit>();
  expectTypeOf(client.ratings.history('445102')).resolves.toEqualTypeOf<{ items: BranchRating[] }>();
  expectTypeOf(client.ratings.summary({ year: 2025 })).resolves.toEqualTypeOf<RatingSummary>();
  expectTypeOf(client.members.iterate()).toEqualTypeOf<Paginator<Member>>();
  expectTypeOf(client.servicePoints.get('sp-1')).resolves.toEqualTypeOf<ServicePoint>();
  expectTypeOf(client.servicePoints.export()).resolves.toEqualTypeOf<DecodedServicePointExport>();
  expectTypeOf<DecodedServicePointExport['lon']>().toEqualTypeOf<Float64Array>();
  expectTypeOf<DecodedServicePointExport['org']>().toEqualTypeOf<Uint32Array>();
  expectTypeOf<DecodedServicePointExport['ids']>().toEqualTypeOf<string[]>();
  expectTypeOf(client.mediationCases.workflow()).resolves.toEqualTypeOf<MediationWorkflow>();
  expectTypeOf(client.mediationCases.create({ orgUnitId: '445102' })).resolves.toEqualTypeOf<MediationCase>();
  expectTypeOf(client.mediationCases.agreement('c1')).resolves.toEqualTypeOf<string>();
  expectTypeOf(client.auth.login({ username: 'u', password: 'p' })).resolves.toEqualTypeOf<TokenResponse>();
  expectTypeOf(client.auth.me()).resolves.toEqualTypeOf<Viewer>();
  expectTypeOf(client.auth.logout()).resolves.toEqualTypeOf<void>();

  // Parameters are the contract's types: the typed query form, the body's input type.
  expectTypeOf(client.tasks.list).parameter(0).toEqualTypeOf<QueryOf<'listTasks'> | undefined>();
  expectTypeOf<keyof QueryOf<'listTasks'>>().toEqualTypeOf<keyof RouteQuery<'listTasks'>>();
  expectTypeOf<QueryOf<'listTasks'>['status']>().toEqualTypeOf<readonly TaskStatus[] | undefined>();
  expectTypeOf<QueryOf<'listTasks'>['limit']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<QueryOf<'listServicePoints'>['bbox']>().toEqualTypeOf<readonly [number, number, number, number] | undefined>();
  expectTypeOf(client.tasks.updateProgress).parameter(1).toEqualTypeOf<RouteBodyInput<'reportProgress'>>();
  expectTypeOf(client.mediationCases.back).parameter(1).toEqualTypeOf<RouteBodyInput<'backMediationCase'>>();
  expectTypeOf<Parameters<Parameters<QiangJiClient['events']['subscribe']>[1]>[0]>().toEqualTypeOf<QjEvent>();

  // Accepted forms.
  void client.tasks.list({ status: ['on_track', 'at_risk'] as const, warning: ['red'], limit: 20 });
  void client.servicePoints.clusters({ bbox: [116.5, 23.5, 117.2, 24.1], zoom: 10, type: ['elder_canteen'] });
  void client.servicePoints.query({ bbox: [116.5, 23.5, 117.2, 24.1] });
  void client.ratings.list({ year: 2025, stars: 5 });
  void client.tasks.get('T01', { signal: AbortSignal.timeout(1000), timeoutMs: 500, retries: 0 });
  void client.mediationCases.create({ orgUnitId: '445102' }, { idempotencyKey: false });
  const stop: () => void = client.events.subscribe({ types: ['task.progress'] }, (event) => {
    if (event.type === 'task.progress') expectTypeOf(event.data.percent).toEqualTypeOf<number>();
  });
  stop();

  // Wrong parameters do not compile.
  // @ts-expect-error a status that does not exist
  void client.tasks.list({ status: ['late'] });
  // @ts-expect-error lists are arrays, not the URL's comma string
  void client.tasks.list({ status: 'on_track,at_risk' });
  // @ts-expect-error limit is a number
  void client.tasks.list({ limit: '20' });
  // @ts-expect-error unknown query parameter
  void client.tasks.list({ colour: 'red' });
  // @ts-expect-error bbox is a [west, south, east, north] tuple
  void client.servicePoints.clusters({ bbox: [116.5, 23.5, 117.2], zoom: 10 });
  // @ts-expect-error zoom is required for clusters
  void client.servicePoints.clusters({ bbox: [116.5, 23.5, 117.2, 24.1] });
  // @ts-expect-error the summary needs a year
  void client.ratings.summary({});
  // @ts-expect-error percent is a number
  void client.tasks.updateProgress('T01', { percent: '50', note: 'x' });
  // @ts-expect-error note is required
  void client.tasks.updateProgress('T01', { percent: 50 });
  // @ts-expect-error the id is a string
  void client.tasks.get(1);
  // @ts-expect-error back needs a reason
  void client.mediationCases.back('c1', { version: 2 });
  // @ts-expect-error advance needs the version read
  void client.mediationCases.advance('c1', {});
  // @ts-expect-error toArray requires a limit
  void client.tasks.iterate().toArray();
  // @ts-expect-error iterate manages the cursor itself
  void client.tasks.iterate({ cursor: 'x' });
  // @ts-expect-error no such event type
  client.events.subscribe({ types: ['task.deleted'] }, () => {});
  // @ts-expect-error login needs a password
  void client.auth.login({ username: 'u' });
  // @ts-expect-error the retries option is a number
  void client.plan.get({ retries: 'twice' });
  // @ts-expect-error no such resource
  void client.widgets;
  // @ts-expect-error baseUrl is required
  createClient({ token: 't' });
  // @ts-expect-error unknown locale
  createClient({ baseUrl: '', locale: 'fr' });
}

test('type checks compile (see the typecheck); the module loads', () => {
  void typeChecks;
});
