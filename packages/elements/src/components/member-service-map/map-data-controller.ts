/**
 * The data side of `<qj-member-service-map>`: loads points (property or SDK export), hands them to the cluster
 * worker, applies filters and the drill scope, and asks for the clusters of each view — with sequence numbers so
 * that a slow answer never overwrites a newer one, and at most one worker round trip per filter change.
 * The element draws what it reports (onView, onDrill) and renders its state.
 */
import { CHAOZHOU_CITY_CODE, servicePointTypeIds, serviceRecordKindIds, type DistrictBoundaries, type ServicePointType } from '@qiangji/contract';
import type { ReactiveControllerHost } from 'lit';
import { isAbort, isForbidden, type ErrorLike } from '../../context/client.js';
import { chaozhouBbox } from './base-layers.js';
import { ClusterClient } from './cluster-client.js';
import type { Aggregates, ClusterView, PointFilter } from './cluster-index.js';
import type { UpdateResult, ViewQuery } from './cluster-protocol.js';
import { ancestry, codeInId, indexUnits, keyOf, levelOf, orgPathsFor, type DrillLevel, type OrgUnitLike } from './divisions.js';
import { bboxOfCoordinates, padBbox, type Bbox } from './geometry.js';
import { buildFilter, isMapClient, parseList } from './map-data.js';
import type { MapEngine } from './map-engine.js';
import type { PointsInput, PointTable } from './points.js';

export type Phase = 'idle' | 'loading' | 'indexing' | 'ready' | 'error' | 'forbidden' | 'no-source';
type EngineModule = typeof import('./map-engine.js');

/** Above this many points, indexing shows its progress. */
export const LARGE = 50_000;

/** What the controller reads from, and reports to, its element. */
export interface DataHost extends ReactiveControllerHost {
  readonly points?: PointsInput | undefined;
  readonly orgUnits?: readonly OrgUnitLike[] | undefined;
  readonly orgUnit?: string | undefined;
  readonly types?: string | undefined;
  readonly kinds?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly hiddenTypes: ReadonlySet<ServicePointType>;
  readonly effectiveClient: unknown;
  /** New points are on their way: drop selections that refer to the old ones. */
  dataChanging(): void;
  /** The clusters of `query`'s view are ready to draw and list. */
  onView(view: ClusterView, query: ViewQuery): void;
  /** Scope, drill counts or bubbles changed. */
  onDrill(): void;
  /** A load settled. */
  onLoad(detail: { state: 'ready' | 'empty' | 'error' | 'forbidden'; status?: number; code?: string }): void;
}

export class MapDataController {
  phase: Phase = 'idle';
  progress: { done: number; total: number } | null = null;
  /** The drill key (统计用区划代码, or a unit id) whose subtree the map shows. */
  scope: string = CHAOZHOU_CITY_CODE;
  /** The scope's children with their counts and centroids. */
  aggregates: Aggregates | null = null;
  /** Filtered totals of the scope and its ancestors. */
  levelTotals = new Map<string, number>();
  table: PointTable | null = null;
  units: ReadonlyMap<string, OrgUnitLike> = new Map();
  view: ClusterView | null = null;
  /** The points came from the SDK (record filters then go to the server). */
  fromSdk = false;
  boundaryData: DistrictBoundaries | null = null;

  private module: EngineModule | null = null;
  private engine: MapEngine | null = null;
  private cluster: ClusterClient | null = null;
  private sourceClient: unknown = undefined;
  private loadAbort: AbortController | null = null;
  private sequence = { load: 0, filter: 0, view: 0 };
  /** A filter is on its way to the worker: view changes wait for it (viewDirty) instead of racing it. */
  private filtering = false;
  private viewDirty = false;

  constructor(private readonly host: DataHost) {}

  /** Starts the cluster worker (before the engine chunk arrives, so both load in parallel); resolves once it runs. */
  startWorker(): Promise<void> {
    this.cluster ??= new ClusterClient();
    return this.cluster.ready;
  }

  attach(module: EngineModule, engine: MapEngine): void {
    this.module = module;
    this.engine = engine;
    void this.startWorker();
  }

  detach(): void {
    this.loadAbort?.abort();
    this.cluster?.terminate();
    this.cluster = null;
    this.engine = null;
    this.table = null;
    this.view = null;
  }

  /** Whether clustering runs in a Web Worker. */
  get inWorker(): boolean {
    return this.cluster?.inWorker ?? false;
  }

  get level(): DrillLevel {
    return levelOf(this.scope);
  }

  /** The client changed (a provider's context arrived or switched) since the points were requested. */
  get clientChanged(): boolean {
    return !this.host.points && this.host.effectiveClient !== this.sourceClient;
  }

  private set(patch: Partial<Pick<MapDataController, 'phase' | 'progress'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** The district boundaries (their own chunk). */
  async boundaries(): Promise<DistrictBoundaries> {
    this.boundaryData ??= (await import('./boundaries.js')).chaozhouBoundaries;
    return this.boundaryData;
  }

  /** Loads the points (property or SDK), hands them to the worker and builds the index and the first view. */
  async load(): Promise<void> {
    const { module, cluster, host } = this;
    if (!module || !cluster) return;
    const sequence = ++this.sequence.load;
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    host.dataChanging();
    const client = host.effectiveClient;
    this.sourceClient = host.points ? undefined : client;
    let input: PointsInput;
    if (host.points) {
      input = host.points;
      this.fromSdk = false;
    } else if (isMapClient(client)) {
      this.set({ phase: 'loading', progress: null });
      const kinds = parseList(host.kinds, serviceRecordKindIds);
      try {
        input = await client.servicePoints.export(
          { ...(kinds ? { kind: kinds } : {}), ...(host.from ? { from: host.from } : {}), ...(host.to ? { to: host.to } : {}) },
          { signal: abort.signal },
        );
      } catch (error) {
        if (abort.signal.aborted || isAbort(error)) return;
        const state = isForbidden(error) ? 'forbidden' : 'error';
        this.set({ phase: state });
        const { status, code } = (error ?? {}) as ErrorLike;
        host.onLoad({ state, ...(status ? { status } : {}), ...(code ? { code } : {}) });
        return;
      }
      this.fromSdk = true;
    } else {
      this.set({ phase: 'no-source' });
      return;
    }
    if (sequence !== this.sequence.load) return;
    const { table, columns } = module.normalisePoints(input);
    let units = indexUnits(host.orgUnits ?? []);
    if (isMapClient(client) && client.orgUnits?.iterate && table.orgUnitIds.some((id) => !units.has(id) && !codeInId(id))) {
      const list = await client.orgUnits.iterate({}, { signal: abort.signal }).toArray({ limit: 20_000 }).catch(() => []);
      units = indexUnits([...(host.orgUnits ?? []), ...list]);
    }
    if (sequence !== this.sequence.load) return;
    this.units = units;
    this.view = null;
    this.table = table;
    if (host.orgUnit) this.scope = keyOf(host.orgUnit, units);
    this.set({ phase: 'indexing', progress: { done: 0, total: 1 } });
    const transfer = [columns.lon, columns.lat, columns.type, columns.org, columns.recordPoint, columns.recordKind, columns.recordDay]
      .filter((column): column is NonNullable<typeof column> => Boolean(column))
      .map((column) => column.buffer as ArrayBuffer);
    // Points, filter, drill counts and the first view: one round trip to the worker.
    this.filtering = true;
    const prefitted = await this.prefit();
    const filterSequence = ++this.sequence.filter;
    const scopes = ancestry(this.scope, units);
    this.viewDirty = false;
    const query = prefitted ? this.viewQuery() : null;
    const result = await cluster.request(
      'load',
      {
        columns: { ...columns, orgPaths: orgPathsFor(table.orgUnitIds, units) },
        typeCount: servicePointTypeIds.length,
        update: { filter: this.currentFilter(table), scopes, ...(query ? { view: query } : {}) },
      },
      { transfer, onProgress: (done, total) => this.set({ progress: { done, total } }) },
    );
    if (sequence !== this.sequence.load || filterSequence !== this.sequence.filter) return;
    await this.applyUpdate(result.update!, scopes, query);
    host.onLoad({ state: table.size > 0 ? 'ready' : 'empty' });
  }

  /**
   * Re-clusters in the worker with the current filters and scope: filter, drill counts and the view's clusters come
   * back in one round trip. With `fit`, the view first moves to the scope when its extent is known here (city,
   * district); otherwise after the answer, and clusters again then.
   */
  async refilter(options: { fit?: boolean } = {}): Promise<void> {
    const { cluster, table, engine } = this;
    if (!cluster || !table || !engine) return;
    const sequence = ++this.sequence.filter;
    this.filtering = true;
    const prefitted = options.fit ? await this.prefit() : true;
    if (sequence !== this.sequence.filter) return;
    const large = table.size >= LARGE;
    if (large) this.set({ phase: 'indexing' });
    const scopes = ancestry(this.scope, this.units);
    this.viewDirty = false;
    const query = prefitted ? this.viewQuery() : null;
    const result = await cluster.request(
      'update',
      { filter: this.currentFilter(table), scopes, ...(query ? { view: query } : {}) },
      { onProgress: large ? (done, total) => this.set({ progress: { done, total } }) : undefined },
    );
    if (sequence !== this.sequence.filter || this.engine !== engine) return;
    await this.applyUpdate(result, scopes, query);
  }

  /** Drills to a division or unit (its subtree only), fitting the map to it. */
  async drillTo(key: string): Promise<void> {
    this.scope = key;
    if (this.table) await this.refilter({ fit: true });
    else this.host.requestUpdate();
  }

  /** Fits the scope again (the map was laid out while hidden) and clusters that view. */
  async refit(): Promise<void> {
    if (!this.table || this.phase !== 'ready') return;
    if (!(await this.prefit()) && this.aggregates?.bbox) this.engine?.fitWgs(padBbox(this.aggregates.bbox, 0.05), false);
    await this.renderView();
  }

  /** Clusters for the current view (after a pan or zoom). */
  async renderView(): Promise<void> {
    const { engine, cluster } = this;
    if (!engine || !cluster || !this.table || this.phase !== 'ready') return;
    if (this.filtering) {
      this.viewDirty = true;
      return;
    }
    const sequence = ++this.sequence.view;
    const query = this.viewQuery();
    const view = await cluster.request('clusters', query);
    if (sequence !== this.sequence.view || this.engine !== engine) return;
    this.view = view;
    this.host.onView(view, query);
  }

  /** The zoom at which a cluster splits. */
  expansionZoom(clusterId: number): Promise<number> {
    return this.cluster ? this.cluster.request('expansion', { clusterId }) : Promise.resolve(0);
  }

  private currentFilter(table: PointTable): PointFilter {
    const { host } = this;
    return buildFilter({
      types: parseList(host.types, servicePointTypeIds),
      hidden: host.hiddenTypes,
      scope: this.scope === CHAOZHOU_CITY_CODE ? null : this.scope,
      kinds: parseList(host.kinds, serviceRecordKindIds),
      from: host.from,
      to: host.to,
      localRecords: table.hasRecords,
    });
  }

  /** Takes a worker update: drill counts, then the view (or a fit and a fresh view). */
  private async applyUpdate(result: UpdateResult, scopes: string[], query: ViewQuery | null): Promise<void> {
    this.filtering = false;
    this.levelTotals = new Map(scopes.map((key, index) => [key, result.aggregates[index]!.total]));
    this.aggregates = result.aggregates[result.aggregates.length - 1] ?? null;
    this.set({ phase: 'ready', progress: null });
    this.host.onDrill();
    if (!query) {
      if (this.aggregates?.bbox) this.engine?.fitWgs(padBbox(this.aggregates.bbox, 0.05), false);
      await this.renderView();
    } else if (result.view && !this.viewDirty) {
      this.view = result.view;
      this.host.onView(result.view, query);
    } else {
      await this.renderView();
    }
  }

  /** Moves to the scope when its extent is known without the worker (city, district); false otherwise. */
  private async prefit(): Promise<boolean> {
    const level = levelOf(this.scope);
    if (level === 'city') {
      this.engine?.fitWgs(cityView(this.table?.bbox ?? null), false, 11);
      return true;
    }
    if (level !== 'district') return false;
    const feature = (await this.boundaries()).features.find((candidate) => candidate.id === this.scope);
    if (!feature) return false;
    this.engine?.fitWgs(bboxOfCoordinates(feature.geometry.coordinates), false);
    return true;
  }

  /** The current view for the worker: padded bbox for panning, exact bbox for counts. */
  private viewQuery(): { bbox: Bbox; zoom: number; countBbox: Bbox } {
    const exact = this.engine!.viewBbox();
    return { bbox: padBbox(exact, 0.25), zoom: this.engine!.zoom, countBbox: exact };
  }
}

/** The city view: Chaozhou, widened to the points near it (outliers far away do not zoom the map out). */
function cityView(points: Bbox | null): Bbox {
  const [west, south, east, north] = chaozhouBbox;
  if (!points) return chaozhouBbox;
  const near = padBbox(chaozhouBbox, 0.4);
  const clip = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
  return [
    Math.min(west, clip(points[0], near[0], near[2])),
    Math.min(south, clip(points[1], near[1], near[3])),
    Math.max(east, clip(points[2], near[0], near[2])),
    Math.max(north, clip(points[3], near[1], near[3])),
  ];
}
