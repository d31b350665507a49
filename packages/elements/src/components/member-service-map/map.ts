import { CHAOZHOU_CITY_CODE, chaozhouDistricts, coordinateSystems, servicePointTypeIds, servicePointTypes, type CoordinateSystem, type Locale, type ServicePointType } from '@qiangji/contract';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { QjWidget } from '../../base/qj-widget.js';
import { formatNumber } from '../../i18n/index.js';
import { mapMessages, mapT } from './map.i18n.js';
import { isBaseLayerId, resolveBaseLayer, type BaseLayerId } from './base-layers.js';
import type { ClusterView } from './cluster-index.js';
import type { ViewQuery } from './cluster-protocol.js';
import { ancestry, keyOf, loadVillageNames, nameOf, type OrgUnitLike } from './divisions.js';
import { leafletStyles } from './leaflet.styles.js';
import { MapDataController, type DataHost } from './map-data-controller.js';
import { fetchDetails, isMapClient, localDetails, orgNameOf, parseList, viewItems, type ViewItem } from './map-data.js';
import type { MapEngine } from './map-engine.js';
import { listKeyTarget, PAGE_SIZE, type Crumb } from './map-panel.js';
import { frameTemplate, type Popup } from './map-view.js';
import { mapStyles } from './map.styles.js';
import { readPalette } from './palette.js';
import type { PointsInput } from './points.js';
import './map-events.js';

type EngineModule = typeof import('./map-engine.js');
let engineModule: Promise<EngineModule> | null = null;
/** The engine module once loaded (for synchronous conversions in `pixelOf` / `centreOn`). */
let engineLoaded: EngineModule | null = null;
/** Leaflet, gcoord and the canvas layers: one chunk, fetched when the first map connects. */
const loadEngine = () => (engineModule ??= import('./map-engine.js').then((module) => (engineLoaded = module)));

const typeLabel = (type: ServicePointType, locale: Locale) => servicePointTypes.find((entry) => entry.id === type)?.label[locale] ?? type;

/**
 * Where party members serve the people (党群服务中心, 长者饭堂, 调解室, 示范岗 …) across Chaozhou: clustered on a Leaflet
 * canvas map with an offline district drawing, drill-down city → district → town → village, Chinese base layers
 * with coordinate conversion, and a synced, keyboard-operable list of what is in view.
 *
 * Points come from the `points` property (objects or the columnar typed-array form) or from the SDK
 * (`client.servicePoints.export()`); clustering (supercluster) runs in a module Web Worker. Type and org-unit filters
 * always run in the worker; record-kind and date filters run there when the points carry records
 * (`serviceRecords` / record columns), otherwise they are sent to the server's export and the points reloaded.
 *
 * @summary Service map of party members serving the people, clustered, offline-capable and keyboard-operable.
 * @status experimental
 * @since 0.1.0
 *
 * @slot attribution - Lower left of the map, beside the tile credits: the portal's 审图号 (map approval number).
 *
 * @event qj-point-select - A point was chosen (map click or Enter in the list). `detail: { id, lon, lat, type }`, WGS-84.
 * @event qj-view-change - The view settled and was re-clustered. `detail: { bbox, zoom, level, orgUnitId, count }`.
 * @event qj-load - The points loaded (`ready` / `empty`) or failed (`error` / `forbidden`). `detail: { state, status?, code? }`.
 *
 * @csspart frame - The outer box.
 * @csspart breadcrumb - The division levels (潮州市 › 潮安区 › 庵埠镇).
 * @csspart summary - The live count of points in view.
 * @csspart map - The Leaflet container.
 * @csspart controls - Zoom and whole-city buttons.
 * @csspart attribution - Tile credits, boundary note and the `attribution` slot.
 * @csspart progress - The progress indicator while points load and the index builds.
 * @csspart popup - The point's details dialog.
 * @csspart popup-close - Its close button.
 * @csspart panel - Legend, divisions and list.
 * @csspart legend - The legend (type toggles with counts).
 * @csspart legend-item - One type toggle.
 * @csspart divisions - Buttons of the divisions below the current one.
 * @csspart list - The in-view list and its pager.
 * @csspart list-item - One cluster or point in the list.
 *
 * @cssprop [--qj-map-height=520px] - Height of the map.
 * @cssprop [--qj-map-panel-width=320px] - Width of the side panel (it moves below the map under 760px).
 * @cssprop [--qj-map-background=var(--qj-sys-color-surface-container)] - Map background without tiles.
 * @cssprop [--qj-map-radius=var(--qj-sys-radius-lg)] - Corner radius.
 */
export class QjMemberServiceMap extends QjWidget implements DataHost {
  static override styles = [...QjWidget.styles, leafletStyles, mapStyles];
  protected static override catalogs = [...QjWidget.catalogs, mapMessages];

  /** Base map: `none` (offline drawing only), `tianditu-vec`, `tianditu-img` (need `tianditu-key`), `amap` (GCJ-02), `osm`. */
  @property({ attribute: 'base-layer' }) baseLayer: BaseLayerId = 'none';
  /** 天地图 key for the tianditu-* layers. */
  @property({ attribute: 'tianditu-key' }) tiandituKey?: string;
  /** A tile URL template replacing the preset's tiles (the portal's approved tile server, or a test server). */
  @property({ attribute: 'tile-url' }) tileUrl?: string;
  /** CRS of `tile-url`'s tiles: WGS84 (default for presets drawn in it), GCJ02 or BD09. */
  @property({ attribute: 'tile-crs' }) tileCrs?: CoordinateSystem;
  /** `off` hides the bundled (approximate) district drawing, for portals that must use an approved base map. */
  @property() boundaries: 'on' | 'off' = 'on';
  /** Start the drill-down at this org unit (id or 统计用区划代码); its subtree is what the map shows. */
  @property({ attribute: 'org-unit' }) orgUnit?: string;
  /** Comma-separated service point types to show (default all). */
  @property() types?: string;
  /** Comma-separated record kinds: only points with such records. */
  @property() kinds?: string;
  /** Only points with records on or after this date (YYYY-MM-DD). */
  @property() from?: string;
  /** Only points with records on or before this date (YYYY-MM-DD). */
  @property() to?: string;
  /** Points to show instead of loading them: objects, or the columnar typed-array export form. */
  @property({ attribute: false }) points?: PointsInput;
  /** Org units (id, code, name, path) naming units that have no division code; fetched from the client otherwise. */
  @property({ attribute: false }) orgUnits?: readonly OrgUnitLike[];

  /** Types switched off in the legend (on top of the `types` attribute). */
  @state() hiddenTypes: ReadonlySet<ServicePointType> = new Set<ServicePointType>();
  @state() private items: ViewItem[] = [];
  @state() private viewTotal = 0;
  @state() private legendCounts: Uint32Array | null = null;
  @state() private page = 0;
  @state() private focusIndex = 0;
  @state() private popup: Popup | null = null;
  @state() private namesVersion = 0;

  @query('.map') private mapElement!: HTMLElement;
  @query('.popup') private popupElement?: HTMLElement;

  private readonly data = new MapDataController(this);
  private engine: MapEngine | null = null;
  private popupAbort: AbortController | null = null;
  private selectedPoint = -1;
  private focusPending: 'list' | 'popup' | null = null;
  private returnFocus: HTMLElement | null = null;
  private teardownTimer: ReturnType<typeof setTimeout> | undefined;
  private renderedLook = '';
  private resolveReady!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));

  /** Resolves once the engine, the data and the first clustered view are in place. */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  /** Whether clustering runs in a Web Worker (false: the same-page fallback, e.g. for a cross-origin bundle). */
  get workerClustering(): boolean {
    return this.data.inWorker;
  }

  /** Where a coordinate is drawn, in pixels from the map's top left (null before the map exists). */
  pixelOf(lon: number, lat: number, crs: CoordinateSystem = 'WGS84'): { x: number; y: number } | null {
    if (!this.engine || !engineLoaded) return null;
    const [x, y] = crs === 'WGS84' ? [lon, lat] : engineLoaded.convert(lon, lat, crs, 'WGS84');
    return this.engine.containerPoint(x, y);
  }

  /**
   * Centres the map on a place, optionally at a zoom (the place is WGS-84 unless `crs` says otherwise); the view
   * re-clusters and `qj-view-change` follows.
   */
  centreOn(lon: number, lat: number, options: { zoom?: number; crs?: CoordinateSystem; animate?: boolean } = {}): void {
    if (!this.engine || !engineLoaded) return;
    const [x, y] = options.crs && options.crs !== 'WGS84' ? engineLoaded.convert(lon, lat, options.crs, 'WGS84') : [lon, lat];
    this.engine.centreOn(x, y, options.zoom, options.animate ?? true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    clearTimeout(this.teardownTimer);
    if (this.hasUpdated && !this.engine) void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move in the DOM reconnects at once: keep the map and its index.
    this.teardownTimer = setTimeout(() => this.teardown(), 0);
  }

  protected override firstUpdated(): void {
    void this.start();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('baseLayer') && !isBaseLayerId(this.baseLayer)) this.baseLayer = 'none';
    if (changed.has('tileCrs') && this.tileCrs && !coordinateSystems.includes(this.tileCrs)) this.tileCrs = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.engine) return;
    // Reactions that set state run after this update, not inside it.
    queueMicrotask(() => this.react(changed));
    const look = `${this.effectiveLocale}|${this.effectiveTheme}|${this.effectiveElder}`;
    if (look !== this.renderedLook) {
      this.renderedLook = look;
      this.drawBubbles();
      this.drawClusters();
      void this.drawBoundaries();
    }
    this.placePopup();
    const progress = this.data.progress;
    this.renderRoot.querySelector<HTMLElement>('.progress .bar')?.style.setProperty('--_progress', progress ? String(progress.done / Math.max(progress.total, 1)) : '0.3');
    if (this.focusPending === 'popup' && this.popupElement) {
      this.focusPending = null;
      this.popupElement.querySelector<HTMLElement>('.close')?.focus();
    } else if (this.focusPending === 'list') {
      const option = this.renderRoot.querySelector<HTMLElement>('[role="option"][tabindex="0"]');
      if (option) {
        this.focusPending = null;
        option.focus();
      }
    }
  }

  /** What changed attributes and properties mean for the map and its data. */
  private react(changed: PropertyValues<this>): void {
    if (changed.has('baseLayer') || changed.has('tiandituKey') || changed.has('tileUrl') || changed.has('tileCrs')) this.applyBaseLayer();
    if (changed.has('boundaries')) void this.drawBoundaries();
    const recordFilters = changed.has('kinds') || changed.has('from') || changed.has('to');
    if (changed.has('points') || this.data.clientChanged || (recordFilters && this.data.fromSdk)) void this.data.load();
    else if (changed.has('types') || changed.has('hiddenTypes') || recordFilters) void this.data.refilter();
    if (changed.has('orgUnit') && this.data.table) void this.drillTo(this.orgUnit ? keyOf(this.orgUnit, this.data.units) : CHAOZHOU_CITY_CODE);
  }

  // ——— engine ———

  private async start(): Promise<void> {
    const workerStarted = this.data.startWorker();
    // Points given as a property are normalised on this thread right away, and the worker's start needs this thread
    // too: let it start first (it then warms up while the points are prepared). Points from the SDK are fetched at
    // once instead; the worker starts while they are on their way.
    if (this.points) await workerStarted;
    const module = await loadEngine();
    if (!this.isConnected || this.engine) return;
    this.engine = new module.MapEngine(this.mapElement, {
      viewChanged: () => void this.data.renderView(),
      itemClicked: (index) => {
        const item = this.items.find((candidate) => candidate.index === index) ?? this.itemAt(index);
        if (item) void this.activate(item, false);
      },
      divisionClicked: (key) => void this.drillTo(key),
      shown: () => void this.data.refit(),
    });
    this.engine.map.on('move zoom', () => this.placePopup());
    this.data.attach(module, this.engine);
    this.renderedLook = '';
    this.applyBaseLayer();
    // The points go to the worker first (normalised now, posted within this task's microtasks); the boundaries are
    // drawn in the next task, while the worker clusters.
    const loading = this.data.load();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.drawBoundaries();
    await loading;
  }

  private teardown(): void {
    if (this.isConnected) return;
    this.popupAbort?.abort();
    this.data.detach();
    this.engine?.destroy();
    this.engine = null;
  }

  private applyBaseLayer(): void {
    if (!this.engine) return;
    const spec = resolveBaseLayer(this.baseLayer, { tiandituKey: this.tiandituKey ?? null, tileUrl: this.tileUrl ?? null, tileCrs: this.tileCrs ?? null });
    const crsBefore = this.engine.baseCrs;
    this.engine.setBaseLayer(spec, this.tiandituKey ?? null);
    if (crsBefore !== this.engine.baseCrs) {
      this.drawBubbles();
      void this.drawBoundaries();
    }
  }

  private get dark(): boolean {
    return this.getAttribute('data-qj-theme') === 'dark' || (this.effectiveTheme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  }

  /** Canvas colours from the resolved tokens: reading them forces a style pass, so only drawing does. */
  private palette() {
    return readPalette(this, { dark: this.dark, elder: this.effectiveElder });
  }

  private async drawBoundaries(): Promise<void> {
    if (!this.engine) return;
    if (this.boundaries === 'off') return this.engine.setBoundaries(null, null, this.palette().boundary);
    const data = await this.data.boundaries();
    const scope = this.data.scope;
    this.engine?.setBoundaries(data, scope.length >= 6 ? scope.slice(0, 6) : null, this.palette().boundary);
  }

  private drawClusters(): void {
    const view = this.data.view;
    if (!this.engine || !view) return;
    const locale = this.effectiveLocale;
    this.engine.renderClusters(view, this.palette(), (count) => formatNumber(locale, count, { compact: true }), this.selectedPoint);
  }

  private drawBubbles(): void {
    if (!this.engine) return;
    const { aggregates, units } = this.data;
    if (!aggregates) return this.engine.renderBubbles([], this.palette());
    const locale = this.effectiveLocale;
    const bubbles = aggregates.keys.map((key, index) => {
      const district = chaozhouDistricts.find((candidate) => candidate.code === key);
      return {
        key,
        name: nameOf(key, units) ?? key,
        countLabel: formatNumber(locale, aggregates.count[index]!),
        lon: district ? district.labelPoint[0] : aggregates.lon[index]!,
        lat: district ? district.labelPoint[1] : aggregates.lat[index]!,
      };
    });
    this.engine.renderBubbles(bubbles, this.palette());
  }

  // ——— what the data controller reports ———

  dataChanging(): void {
    this.closePopup(false);
    this.selectedPoint = -1;
    this.items = [];
  }

  onDrill(): void {
    const level = this.data.level;
    if (level !== 'city' && level !== 'district') void loadVillageNames().then(() => this.namesVersion++);
    this.drawBubbles();
    void this.drawBoundaries();
  }

  /** Draws a cluster view and refreshes list, legend and summary (reported as the view it was asked for). */
  onView(view: ClusterView, query: ViewQuery): void {
    const exact = query.countBbox ?? query.bbox;
    this.drawClusters();
    const items = viewItems(view, exact);
    const focusedKey = this.items[this.page * PAGE_SIZE + this.focusIndex]?.key;
    const keep = items.findIndex((item) => item.key === (this.popup?.item.key ?? focusedKey));
    this.items = items;
    this.page = keep >= 0 ? Math.floor(keep / PAGE_SIZE) : 0;
    this.focusIndex = keep >= 0 ? keep % PAGE_SIZE : 0;
    this.viewTotal = view.total;
    this.legendCounts = view.byType;
    const { scope, units } = this.data;
    this.emit('qj-view-change', { bbox: exact, zoom: query.zoom, level: this.data.level, orgUnitId: units.get(scope)?.id ?? scope, count: view.total });
    this.resolveReady();
  }

  onLoad(detail: Parameters<DataHost['onLoad']>[0]): void {
    this.emit('qj-load', detail);
  }

  // ——— drill-down ———

  private async drillTo(key: string): Promise<void> {
    this.closePopup(false);
    await this.data.drillTo(key);
  }

  private crumbs(): Crumb[] {
    const { scope, units, levelTotals } = this.data;
    return ancestry(scope, units).map((key) => ({ key, name: nameOf(key, units) ?? key, count: levelTotals.get(key) ?? null }));
  }

  private childDivisions(): Crumb[] {
    const { aggregates, units } = this.data;
    if (!aggregates) return [];
    return aggregates.keys
      .map((key, index) => ({ key, name: nameOf(key, units) ?? key, count: aggregates.count[index]! }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  // ——— list, selection and popup ———

  private itemAt(index: number): ViewItem | undefined {
    const view = this.data.view;
    if (!view || index >= view.size) return undefined;
    return viewItems(view, [-180, -90, 180, 90]).find((item) => item.index === index);
  }

  private async activate(item: ViewItem, fromList: boolean): Promise<void> {
    const { engine } = this;
    const table = this.data.table;
    if (!engine || !table) return;
    if (item.kind === 'cluster') {
      this.closePopup(false);
      const zoom = await this.data.expansionZoom(item.clusterId);
      if (fromList) this.focusPending = 'list';
      engine.centreOn(item.lon, item.lat, Math.min(zoom, engine.maxZoom));
      return;
    }
    this.returnFocus = fromList ? (this.renderRoot.querySelector<HTMLElement>(`[data-key="${item.key}"]`) ?? null) : this.mapElement;
    this.selectedPoint = item.point;
    this.drawClusters();
    const details = localDetails(table, item.point, this.data.units);
    this.popup = { item, details, loading: false };
    this.focusPending = 'popup';
    engine.centreOn(item.lon, item.lat);
    this.emit('qj-point-select', { id: details.id, lon: item.lon, lat: item.lat, type: details.type });
    const client = this.effectiveClient;
    if (this.data.fromSdk && isMapClient(client)) {
      this.popupAbort?.abort();
      const abort = (this.popupAbort = new AbortController());
      this.popup = { item, details, loading: true };
      const full = await fetchDetails(client, details, abort.signal);
      if (!abort.signal.aborted && this.popup?.item.key === item.key) this.popup = { item, details: full, loading: false };
    }
  }

  private closePopup(restoreFocus = true): void {
    if (!this.popup) return;
    const key = this.popup.item.key;
    this.popupAbort?.abort();
    this.popup = null;
    this.selectedPoint = -1;
    this.drawClusters();
    if (!restoreFocus) return;
    const target = this.returnFocus?.isConnected ? this.returnFocus : (this.renderRoot.querySelector<HTMLElement>(`[data-key="${key}"]`) ?? this.mapElement);
    void this.updateComplete.then(() => target.focus());
  }

  /** Anchors the popup over its point (CSS custom properties set through CSSOM, which CSP allows). */
  private placePopup(): void {
    const popup = this.popupElement;
    if (!popup || !this.popup || !this.engine) return;
    const { x, y } = this.engine.containerPoint(this.popup.item.lon, this.popup.item.lat);
    popup.style.setProperty('--_x', `${x}px`);
    popup.style.setProperty('--_y', `${y}px`);
    popup.style.setProperty('--_popup-height', `${popup.offsetHeight}px`);
  }

  private onListKeydown = (event: KeyboardEvent): void => {
    const target = listKeyTarget(event.key, { page: this.page, focusIndex: this.focusIndex }, this.items.length);
    if (target === null) return;
    event.preventDefault();
    if (target === 'activate') {
      const item = this.items[this.page * PAGE_SIZE + this.focusIndex];
      if (item) void this.activate(item, true);
    } else if (target.page !== this.page || target.focusIndex !== this.focusIndex) {
      this.page = target.page;
      this.focusIndex = target.focusIndex;
      this.focusPending = 'list';
    }
  };

  private onPopupKeydown = (event: KeyboardEvent): void => {
    // Keys typed in the popup are the popup's, not the map's.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      this.closePopup();
    }
  };

  private onStageKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.popup) {
      event.preventDefault();
      event.stopPropagation();
      this.closePopup();
    }
  };

  private pointLabel = (item: ViewItem): { name: string; detail: string } => {
    const locale = this.effectiveLocale;
    const { table, units } = this.data;
    const details = localDetails(table!, item.point, units);
    return {
      name: details.name ?? typeLabel(details.type, locale),
      detail: mapT(locale, 'map.pointDetail', {
        org: orgNameOf(table!.orgUnitIds[table!.org[item.point]!], units) ?? mapT(locale, 'map.unknownOrg'),
        records: formatNumber(locale, details.records ?? 0),
      }),
    };
  };

  private toggleType(type: ServicePointType): void {
    const hidden = new Set(this.hiddenTypes);
    if (hidden.has(type)) hidden.delete(type);
    else hidden.add(type);
    this.hiddenTypes = hidden;
  }

  // ——— render ———

  protected override render() {
    const locale = this.effectiveLocale;
    const crumbs = this.crumbs();
    return frameTemplate({
      locale,
      phase: this.data.phase,
      size: this.data.table?.size ?? null,
      progress: this.data.progress,
      spec: resolveBaseLayer(this.baseLayer, { tiandituKey: this.tiandituKey ?? null, tileUrl: this.tileUrl ?? null, tileCrs: this.tileCrs ?? null }),
      boundaries: this.boundaries === 'on',
      area: crumbs[crumbs.length - 1]?.name ?? '潮州市',
      crumbs,
      children: this.childDivisions(),
      viewTotal: this.viewTotal,
      popup: this.popup,
      legend: {
        locale,
        dark: this.dark,
        counts: this.legendCounts,
        hidden: this.hiddenTypes,
        allowed: parseList(this.types, servicePointTypeIds),
        onToggle: (type) => this.toggleType(type),
      },
      list: {
        locale,
        dark: this.dark,
        items: this.items,
        page: this.page,
        focusIndex: this.focusIndex,
        pointLabel: this.pointLabel,
        onKeydown: this.onListKeydown,
        onActivate: (item) => void this.activate(item, true),
        onFocusItem: (index) => (this.focusIndex = index),
        onPage: (page) => {
          this.page = page;
          this.focusIndex = 0;
        },
      },
      onDrill: (key) => void this.drillTo(key),
      onZoom: (delta) => this.engine?.zoomBy(delta),
      onRetry: () => void this.data.load(),
      onClosePopup: () => this.closePopup(),
      onPopupKeydown: this.onPopupKeydown,
      onStageKeydown: this.onStageKeydown,
    });
  }
}
