import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitFor } from '../../testing/helpers.js';
import { servicePointTypeIds, type ServicePointType } from '@qiangji/contract';
import { createClient } from '@qiangji/sdk';
import { createFixturesTransport } from '@qiangji/sdk/fixtures';
import './define.js';
import type { QjMemberServiceMap } from './map.js';
import type { ViewChangeDetail } from './map-events.js';
import { columnsAroundChaozhou, objectsAroundChaozhou } from './test-points.js';

const root = (el: QjMemberServiceMap) => el.shadowRoot!;
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const summary = (el: QjMemberServiceMap) => textOf(root(el).querySelector('.summary'));
const formatted = (value: number) => new Intl.NumberFormat('zh-CN').format(value);

async function mapWith(points: QjMemberServiceMap['points'], attributes = ''): Promise<QjMemberServiceMap> {
  const el = await fixture<QjMemberServiceMap>(html`<qj-member-service-map .points=${points}></qj-member-service-map>`);
  for (const pair of attributes.split(' ').filter(Boolean)) {
    const [name, value] = pair.split('=');
    el.setAttribute(name!, value ?? '');
  }
  await el.ready;
  return el;
}

/** Waits for the next re-clustered view after `change`. */
async function nextView(el: QjMemberServiceMap, change: () => void): Promise<ViewChangeDetail> {
  const event = oneEvent(el, 'qj-view-change');
  change();
  return ((await event) as CustomEvent<ViewChangeDetail>).detail;
}

describe('<qj-member-service-map>', function () {
  this.timeout(20_000);

  it('renders points given as objects: summary, list and legend agree with the data', async () => {
    const points = objectsAroundChaozhou(3_000);
    const el = await mapWith(points);
    expect(summary(el)).to.equal(`本视图共 ${formatted(3_000)} 个服务点`);
    expect(el.workerClustering).to.equal(true);
    const options = root(el).querySelectorAll('[role="option"]');
    expect(options.length).to.be.within(1, 10);
    const legendCounts = [...root(el).querySelectorAll('.legend .count')].map((node) => Number(textOf(node).replace(/,/g, '')));
    expect(legendCounts.reduce((a, b) => a + b, 0)).to.equal(3_000);
    const canteens = points.filter((point) => point.type === 'elder_canteen').length;
    expect(legendCounts[servicePointTypeIds.indexOf('elder_canteen')]).to.equal(canteens);
    expect(root(el).querySelector('canvas'), 'Leaflet canvas renderer inside the shadow root').to.exist;
  });

  it('takes the columnar typed-array form without detaching the caller’s arrays', async () => {
    const columns = columnsAroundChaozhou(5_000);
    const el = await mapWith(columns);
    expect(summary(el)).to.equal(`本视图共 ${formatted(5_000)} 个服务点`);
    expect(columns.lon.length).to.equal(5_000);
    expect(columns.lon[0]).to.be.a('number');
  });

  it('re-clusters when filters change: types attribute and legend toggles', async () => {
    const points = objectsAroundChaozhou(2_000);
    const el = await mapWith(points);
    const count = (types: ServicePointType[]) => points.filter((point) => types.includes(point.type)).length;

    let detail = await nextView(el, () => el.setAttribute('types', 'elder_canteen,tea_mediation_room'));
    expect(detail.count).to.equal(count(['elder_canteen', 'tea_mediation_room']));
    expect(summary(el)).to.equal(`本视图共 ${formatted(detail.count)} 个服务点`);
    expect(root(el).querySelectorAll('.legend button')).to.have.length(2, 'the legend lists the allowed types');

    const toggle = root(el).querySelector<HTMLButtonElement>('.legend button')!; // 长者饭堂
    detail = await nextView(el, () => toggle.click());
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(detail.count).to.equal(count(['tea_mediation_room']));

    detail = await nextView(el, () => el.removeAttribute('types'));
    expect(detail.count).to.equal(2_000 - count(['elder_canteen']));
  });

  it('filters by record kind and date locally when the points carry records', async () => {
    const points = objectsAroundChaozhou(600).map((point, i) => ({
      ...point,
      serviceRecords: [{ kind: (['visit', 'mediation', 'volunteer'] as const)[i % 3]!, at: `2025-0${1 + (i % 6)}-15T09:00:00+08:00` }],
    }));
    const el = await mapWith(points);
    const detail = await nextView(el, () => {
      el.kinds = 'mediation';
      el.from = '2025-02-01';
      el.to = '2025-04-30';
    });
    const expected = points.filter((_, i) => i % 3 === 1 && i % 6 >= 1 && i % 6 <= 3).length;
    expect(detail.count).to.equal(expected);
  });

  it('drills down city → district → town → village with a breadcrumb and counts at each level', async () => {
    const points = objectsAroundChaozhou(4_000);
    const el = await mapWith(points);
    const inScope = (code: string) => points.filter((point) => point.orgUnitId.startsWith(code)).length;
    const crumbs = () => [...root(el).querySelectorAll('.breadcrumb li')].map(textOf);
    const childButtons = () => [...root(el).querySelectorAll<HTMLButtonElement>('.divisions button')];
    const childCounts = () => childButtons().map((button) => Number(textOf(button.querySelector('.count')).replace(/,/g, '')));

    expect(crumbs()).to.deep.equal([`潮州市 ${formatted(4_000)}`]);
    expect(childButtons().map((button) => textOf(button).split(' ')[0])).to.deep.equal(['湘桥区', '潮安区', '饶平县']);
    expect(childCounts()).to.deep.equal(['445102', '445103', '445122'].map(inScope));

    let detail = await nextView(el, () => childButtons()[1]!.click());
    expect(detail.level).to.equal('district');
    expect(detail.orgUnitId).to.equal('445103');
    expect(crumbs()).to.deep.equal([`潮州市 ${formatted(4_000)}`, `潮安区 ${formatted(inScope('445103'))}`]);
    expect(root(el).querySelector('.breadcrumb [aria-current="location"]')!.textContent).to.equal('潮安区');
    expect(childCounts().reduce((a, b) => a + b, 0)).to.equal(inScope('445103'));
    expect(summary(el)).to.equal(`本视图共 ${formatted(detail.count)} 个服务点`);

    const town = childButtons()[0]!;
    const townName = textOf(town).split(' ')[0]!;
    detail = await nextView(el, () => town.click());
    expect(detail.level).to.equal('town');
    const townCode = detail.orgUnitId;
    expect(crumbs()[2]).to.equal(`${townName} ${formatted(inScope(townCode))}`);
    await waitFor(() => childButtons().every((button) => !/^\d+$/.test(textOf(button).split(' ')[0]!)), 'village names load');
    expect(childCounts().reduce((a, b) => a + b, 0)).to.equal(inScope(townCode));

    detail = await nextView(el, () => childButtons()[0]!.click());
    expect(detail.level).to.equal('village');
    expect(crumbs()).to.have.length(4);
    expect(detail.count).to.equal(inScope(detail.orgUnitId));

    detail = await nextView(el, () => root(el).querySelector<HTMLButtonElement>('.breadcrumb button')!.click());
    expect(detail.level).to.equal('city');
    expect(detail.count).to.equal(4_000);
  });

  it('starts the drill at org-unit and reports the view in qj-view-change', async () => {
    const points = objectsAroundChaozhou(1_500);
    const el = await fixture<QjMemberServiceMap>(html`<qj-member-service-map org-unit="445102" .points=${points}></qj-member-service-map>`);
    const detail = ((await oneEvent(el, 'qj-view-change')) as CustomEvent<ViewChangeDetail>).detail;
    expect(detail.level).to.equal('district');
    expect(detail.orgUnitId).to.equal('445102');
    expect(detail.count).to.equal(points.filter((point) => point.orgUnitId.startsWith('445102')).length);
    const [west, south, east, north] = detail.bbox;
    expect(west).to.be.lessThan(east);
    expect(south).to.be.lessThan(north);
    expect(detail.zoom).to.be.greaterThan(8);
  });

  it('loads from the SDK export, and fills popups from the API with masked member names', async () => {
    const client = createClient({ baseUrl: 'https://fixtures.invalid', fetch: createFixturesTransport({ servicePointCount: 400, eventIntervalMs: 0 }) });
    const el = await fixture<QjMemberServiceMap>(html`<qj-member-service-map .client=${client}></qj-member-service-map>`);
    await el.ready;
    const exported = await client.servicePoints.export();
    expect(summary(el)).to.match(/^本视图共 [\d,]+ 个服务点$/);
    // Zoom into a point through the list until one is listed, then open it.
    let point = root(el).querySelector<HTMLElement>('[role="option"][data-key^="p"]');
    for (let step = 0; !point && step < 8; step++) {
      await nextView(el, () => root(el).querySelector<HTMLElement>('[role="option"]')!.click());
      point = root(el).querySelector<HTMLElement>('[role="option"][data-key^="p"]');
    }
    expect(point, 'a single point in the list').to.exist;
    const selected = oneEvent(el, 'qj-point-select');
    point!.click();
    const { detail } = (await selected) as CustomEvent<{ id: string; lon: number; lat: number; type: ServicePointType }>;
    const index = exported.ids.indexOf(detail.id);
    expect(index).to.be.at.least(0);
    expect(detail.lon).to.be.closeTo(exported.lon[index]!, 1e-9);
    await waitFor(() => !root(el).querySelector('.popup [role="status"]'), 'details loaded');
    const full = await client.servicePoints.get(detail.id);
    expect(textOf(root(el).querySelector('#popup-title'))).to.equal(full.name);
    expect(textOf(root(el).querySelector('.popup dl'))).to.include(`服务记录${formatted(full.recordCount)} 条`);
  });

  it('masks member names in popups unless the data clears them', async () => {
    const [first, second] = objectsAroundChaozhou(2);
    const points = [
      { ...first!, name: '庵埠镇党群服务中心', memberNames: ['陈柔燕', '欧阳修文'] },
      { ...second!, lon: first!.lon + 0.3, name: '意溪镇长者饭堂', memberNames: ['林少芬'], personalData: true },
    ];
    const el = await mapWith(points);
    const open = async (name: string) => {
      const option = [...root(el).querySelectorAll<HTMLElement>('[role="option"]')].find((node) => textOf(node).includes(name))!;
      option.click();
      await waitFor(() => textOf(root(el).querySelector('#popup-title')) === name);
      return textOf(root(el).querySelector('.popup dl'));
    };
    expect(await open('庵埠镇党群服务中心')).to.include('陈*燕、欧**文');
    const cleared = await open('意溪镇长者饭堂');
    expect(cleared).to.include('林少芬');
    expect(cleared).not.to.include('（已脱敏）');
  });

  it('switches base layers: tile hosts per preset, 天地图 needs a key, boundaries can be switched off', async () => {
    const points = objectsAroundChaozhou(300);
    const el = await mapWith(points);
    const attribution = () => textOf(root(el).querySelector('.attribution'));
    expect(attribution()).to.include('区县边界为示意图');
    expect(root(el).querySelectorAll('img.leaflet-tile')).to.have.length(0, 'no tiles, no network by default');

    el.setAttribute('base-layer', 'tianditu-vec');
    await el.updateComplete;
    expect(textOf(root(el).querySelector('.notice'))).to.include('tianditu-key');
    expect(root(el).querySelectorAll('img.leaflet-tile')).to.have.length(0);

    // With a key the tiles come from 天地图 (intercepted here by a local tile-url so the test stays offline).
    el.setAttribute('tianditu-key', 'test-key');
    el.setAttribute('tile-url', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=');
    await el.updateComplete;
    expect(root(el).querySelector('.notice')).to.equal(null);
    await waitFor(() => root(el).querySelectorAll('img.leaflet-tile').length > 0, 'tiles are requested');
    expect(attribution()).to.include('© 天地图');

    el.setAttribute('boundaries', 'off');
    await el.updateComplete;
    expect(attribution()).not.to.include('区县边界为示意图');
    const approval = document.createElement('span');
    approval.slot = 'attribution';
    approval.textContent = '审图号：粤S(2024)000号';
    el.append(approval);
    const slot = root(el).querySelector<HTMLSlotElement>('.attribution slot[name="attribution"]')!;
    expect(slot.assignedElements()).to.deep.equal([approval]);
  });

  it('reports qj-load, and the forbidden state when the export is out of scope', async () => {
    const client = createClient({
      baseUrl: 'https://fixtures.invalid',
      fetch: createFixturesTransport({ forbidden: ['exportServicePoints'], eventIntervalMs: 0 }),
    });
    const el = await fixture<QjMemberServiceMap>(html`<qj-member-service-map .client=${client}></qj-member-service-map>`);
    const { detail } = (await oneEvent(el, 'qj-load')) as CustomEvent<{ state: string; status?: number }>;
    expect(detail.state).to.equal('forbidden');
    expect(detail.status).to.equal(403);
    await el.updateComplete;
    expect(textOf(root(el).querySelector('.state'))).to.include('无权查看');
  });

  it('fits its view again when first shown after loading in a hidden tab or dialog', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div hidden><qj-member-service-map .points=${objectsAroundChaozhou(3_000)}></qj-member-service-map></div>`);
    const el = wrapper.querySelector('qj-member-service-map')!;
    await el.ready;
    const detail = await nextView(el, () => (wrapper.hidden = false));
    expect(detail.count).to.equal(3_000);
    expect(summary(el)).to.equal(`本视图共 ${formatted(3_000)} 个服务点`);
  });
});
