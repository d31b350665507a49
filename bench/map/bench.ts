/**
 * Benchmark page (bench/map/run.mjs drives it): the same deterministic points into `<qj-member-service-map>` and
 * into Leaflet.markercluster (its UMD build on the page's global `L`), timed with performance.now().
 */
import '../../packages/elements/src/components/member-service-map/define.js';
import type { QjMemberServiceMap } from '../../packages/elements/src/components/member-service-map/map.js';
import { columnsAroundChaozhou, objectsAroundChaozhou } from '../../packages/elements/src/components/member-service-map/test-points.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the baseline is the untyped UMD global */
declare const L: any;

const stage = document.querySelector<HTMLElement>('#stage')!;
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const once = (target: EventTarget, name: string) => new Promise<Event>((resolve) => target.addEventListener(name, resolve, { once: true }));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** Chaozhou in [south, west], [north, east]: both maps open on it. */
const chaozhouBounds = [
  [23.42, 116.37],
  [24.24, 117.2],
];

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(src));
    document.head.append(script);
  });
}
function loadStyle(href: string): void {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

/** Main-thread long tasks (> 50 ms) while `run` runs. */
async function withLongTasks<T>(run: () => Promise<T>): Promise<{ result: T; longTasks: number; longestTaskMs: number }> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => durations.push(entry.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  const result = await run();
  await sleep(50);
  observer.disconnect();
  return { result, longTasks: durations.length, longestTaskMs: Math.max(0, ...durations) };
}

/** rAF deltas while `run` runs. */
async function frameTimes(run: () => Promise<void>): Promise<{ frames: number; meanMs: number; p95Ms: number; maxMs: number; over50: number }> {
  const deltas: number[] = [];
  let last = performance.now();
  let running = true;
  const tick = (now: number) => {
    deltas.push(now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => {
    last = now;
    requestAnimationFrame(tick);
  });
  await run();
  running = false;
  await nextFrame();
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    frames: deltas.length,
    meanMs: deltas.reduce((sum, value) => sum + value, 0) / Math.max(deltas.length, 1),
    p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    maxMs: sorted[sorted.length - 1] ?? 0,
    over50: deltas.filter((delta) => delta > 50).length,
  };
}

async function createWidget(points: QjMemberServiceMap['points']): Promise<{ map: QjMemberServiceMap; ms: number }> {
  const t0 = performance.now();
  const map = document.createElement('qj-member-service-map');
  const rendered = once(map, 'qj-view-change');
  map.points = points;
  stage.append(map);
  await rendered;
  await nextFrame();
  const ms = performance.now() - t0;
  // A named span for performance traces of this page (what the widget's first render spends where).
  performance.measure('qj-map first render', { start: t0, duration: ms });
  return { map, ms };
}

/** Map + markers + markerClusterGroup.addLayers, timed until the first frame after it is on the map. */
async function markerclusterFirstRender(count: number, latLngOf: (index: number) => [number, number]) {
  loadStyle('/vendor/leaflet.css');
  loadStyle('/vendor/MarkerCluster.css');
  loadStyle('/vendor/MarkerCluster.Default.css');
  await loadScript('/vendor/leaflet.js');
  await loadScript('/vendor/leaflet.markercluster.js');
  const t0 = performance.now();
  const container = document.createElement('div');
  container.className = 'baseline';
  stage.append(container);
  const map = L.map(container, { preferCanvas: true, maxZoom: 18 }).fitBounds(chaozhouBounds);
  const icon = L.divIcon({ className: 'point', iconSize: [10, 10] });
  const markers = Array.from({ length: count }, (_, index) => L.marker(latLngOf(index), { icon }));
  const group = L.markerClusterGroup({ chunkedLoading: false });
  group.addLayers(markers);
  map.addLayer(group);
  await nextFrame();
  return { map, group, markers, firstRenderMs: performance.now() - t0 };
}

const zoomButton = (map: QjMemberServiceMap, direction: 'in' | 'out') =>
  map.shadowRoot!.querySelectorAll<HTMLButtonElement>('.controls button')[direction === 'in' ? 0 : 1]!;

const api = {
  /** The widget, cold (engine chunk not loaded yet) then warm, with 100k objects. */
  async widget(count: number) {
    const points = objectsAroundChaozhou(count);
    const cold = await createWidget(objectsAroundChaozhou(1_000));
    cold.map.remove();
    const { map, ms } = await createWidget(points);
    const firstRenderMs = ms;
    // Re-filter: hide one of the seven types, then show all again; each until the re-clustered view is drawn.
    const refilterMs: number[] = [];
    const filterTasks = await withLongTasks(async () => {
      for (let round = 0; round < 6; round++) {
        const t0 = performance.now();
        const rendered = once(map, 'qj-view-change');
        if (round % 2 === 0) map.types = 'party_service_center,elder_canteen,civilization_station,tea_mediation_room,model_post,responsibility_zone';
        else map.types = undefined;
        await rendered;
        await nextFrame();
        refilterMs.push(performance.now() - t0);
      }
    });
    await sleep(300);
    const zoom = await frameTimes(async () => {
      for (const direction of ['in', 'in', 'in', 'out', 'out', 'out'] as const) {
        const settled = once(map, 'qj-view-change');
        zoomButton(map, direction).click();
        await settled;
        await sleep(250);
      }
    });
    const summary = map.shadowRoot!.querySelector('.summary')!.textContent!.trim();
    map.remove();
    return {
      count,
      coldFirstRenderMs: cold.ms,
      firstRenderMs,
      refilterMs,
      refilterMedianMs: median(refilterMs),
      refilterLongTasks: filterTasks.longTasks,
      refilterLongestTaskMs: filterTasks.longestTaskMs,
      zoom,
      summary,
      workerClustering: map.workerClustering,
    };
  },

  /** Leaflet.markercluster with the same points (L.marker with a divIcon each, addLayers, chunkedLoading off). */
  async markercluster(count: number) {
    const points = objectsAroundChaozhou(count);
    const { map, group, markers, firstRenderMs } = await markerclusterFirstRender(points.length, (i) => [points[i]!.lat, points[i]!.lon]);
    await sleep(300);
    const zoom = await frameTimes(async () => {
      for (const direction of ['in', 'in', 'in', 'out', 'out', 'out'] as const) {
        const settled = new Promise((resolve) => map.once('zoomend', resolve));
        if (direction === 'in') map.zoomIn();
        else map.zoomOut();
        await settled;
        await sleep(250);
      }
    });
    // Re-filter baseline: markercluster has no filter, so remove one type's markers and add them back.
    const hidden = markers.filter((_marker: unknown, index: number) => points[index]!.type === 'other');
    const refilterMs: number[] = [];
    for (let round = 0; round < 2; round++) {
      const start = performance.now();
      if (round % 2 === 0) group.removeLayers(hidden);
      else group.addLayers(hidden);
      await nextFrame();
      refilterMs.push(performance.now() - start);
    }
    map.remove();
    return { count, firstRenderMs, zoom, refilterMs };
  },

  /** Leaflet.markercluster with the million points of `million` (markers made from the columns). run.mjs caps it. */
  async markerclusterMillion(count: number) {
    const columns = columnsAroundChaozhou(count, 99);
    const { map, firstRenderMs } = await markerclusterFirstRender(count, (i) => [columns.lat[i]!, columns.lon[i]!]);
    map.remove();
    return { count, firstRenderMs };
  },

  /** One million points (columnar) into the widget: the index is built in the worker. */
  async million(count: number) {
    const g0 = performance.now();
    const columns = columnsAroundChaozhou(count, 99);
    const generateMs = performance.now() - g0;
    await sleep(100); // let the generation's long task pass before observing
    let progressSeen = 0;
    const { result, longTasks, longestTaskMs } = await withLongTasks(async () => {
      const observer = new MutationObserver(() => {
        if (map.shadowRoot?.querySelector('[role="progressbar"]')) progressSeen++;
      });
      const map = document.createElement('qj-member-service-map');
      map.addEventListener('qj-view-change', () => observer.disconnect(), { once: true });
      const t0 = performance.now();
      const rendered = once(map, 'qj-view-change');
      map.points = columns;
      stage.append(map);
      await map.updateComplete;
      observer.observe(map.shadowRoot!, { subtree: true, childList: true, attributes: true });
      const event = (await rendered) as CustomEvent<{ count: number }>;
      await nextFrame();
      const loadMs = performance.now() - t0;
      const r0 = performance.now();
      const refiltered = once(map, 'qj-view-change');
      map.types = 'party_service_center,elder_canteen,civilization_station';
      await refiltered;
      await nextFrame();
      const refilterMs = performance.now() - r0;
      return { map, loadMs, refilterMs, viewCount: event.detail.count };
    });
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    const out = {
      count,
      generateMs,
      loadMs: result.loadMs,
      refilterMs: result.refilterMs,
      viewCount: result.viewCount,
      progressUpdates: progressSeen,
      mainThreadLongTasks: longTasks,
      longestMainThreadTaskMs: longestTaskMs,
      mainHeapMb: memory ? memory.usedJSHeapSize / 1_048_576 : null,
      workerClustering: result.map.workerClustering,
    };
    result.map.remove();
    return out;
  },
};

(window as unknown as { bench: typeof api }).bench = api;
