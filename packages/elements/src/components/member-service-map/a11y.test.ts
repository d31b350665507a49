import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitFor } from '../../testing/helpers.js';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { QjMemberServiceMap } from './map.js';
import type { ServicePointInput } from './points.js';
import { objectsAroundChaozhou, townCentres } from './test-points.js';

const target = '凤新街道新时代文明实践站';
/** A dense area (clusters) plus named points far apart: single points in the city view. */
function points(): ServicePointInput[] {
  const dense = objectsAroundChaozhou(400).map((point) => ({ ...point, lon: 116.62 + (point.lon % 0.05), lat: 23.62 + (point.lat % 0.05) }));
  const single = (name: string, lon: number, lat: number, type: ServicePointInput['type']): ServicePointInput => ({
    id: `named-${lon}-${lat}`,
    name,
    lon,
    lat,
    type,
    orgUnitId: '445102009001',
    records: 12,
    memberNames: ['陈柔燕'],
  });
  return [
    ...dense,
    single('饶平县黄冈镇党群服务中心', 117.0, 23.7, 'party_service_center'),
    single('饶平县三饶镇长者饭堂', 116.95, 24.1, 'elder_canteen'),
    single('潮安区归湖镇茶文化调解室', 116.55, 23.95, 'tea_mediation_room'),
    single(target, 116.8, 24.18, 'civilization_station'),
    single('潮安区凤凰镇党员示范岗', 116.45, 23.5, 'model_post'),
  ];
}

const deepActive = (el: QjMemberServiceMap) => el.shadowRoot!.activeElement as HTMLElement | null;

async function mapWith(template = html`<qj-member-service-map .points=${points()}></qj-member-service-map>`): Promise<QjMemberServiceMap> {
  const el = await fixture<QjMemberServiceMap>(template);
  await el.ready;
  return el;
}

describe('<qj-member-service-map> accessibility', function () {
  this.timeout(30_000);

  it('reaches a chosen point with the keyboard only: Tab into the list, arrows, Enter opens its popup, Escape closes it', async () => {
    const el = await mapWith();
    const selected = oneEvent(el, 'qj-point-select');
    let tabs = 0;
    while (deepActive(el)?.getAttribute('role') !== 'option' && tabs < 40) {
      await sendKeys({ press: 'Tab' });
      tabs++;
    }
    expect(deepActive(el)?.getAttribute('role'), 'Tab reaches the list').to.equal('option');
    let arrows = 0;
    while (!deepActive(el)?.textContent?.includes(target) && arrows < 30) {
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      arrows++;
    }
    const option = deepActive(el)!;
    expect(option.textContent).to.include(target);
    expect(option.getAttribute('aria-selected')).to.equal('true');
    const key = option.dataset['key'];

    await sendKeys({ press: 'Enter' });
    const { detail } = (await selected) as CustomEvent<{ id: string }>;
    expect(detail.id).to.equal('named-116.8-24.18');
    const popup = el.shadowRoot!.querySelector('[role="dialog"]')!;
    expect(popup).to.exist;
    expect(popup.querySelector('h3')!.textContent).to.equal(target);
    await waitFor(() => popup.contains(deepActive(el)), 'focus moves into the popup');
    expect(popup.textContent).to.include('陈*燕');

    await sendKeys({ press: 'Escape' });
    await waitFor(() => !el.shadowRoot!.querySelector('[role="dialog"]'), 'Escape closes the popup');
    await waitFor(() => deepActive(el)?.dataset['key'] === key, 'focus returns to the list item');
  });

  it('pans with the arrow keys and zooms with = / - when the map has focus', async () => {
    const el = await mapWith();
    type View = { bbox: number[]; zoom: number };
    /** The first view change (from now) that satisfies `test`. */
    const viewWhere = (test: (view: View) => boolean) =>
      new Promise<View>((resolve) => {
        const listener = (event: Event) => {
          const view = (event as CustomEvent<View>).detail;
          if (!test(view)) return;
          el.removeEventListener('qj-view-change', listener);
          resolve(view);
        };
        el.addEventListener('qj-view-change', listener);
      });
    el.shadowRoot!.querySelector<HTMLElement>('.map')!.focus();
    const start = (await new Promise<View>((resolve) => {
      void viewWhere(() => true).then(resolve);
      el.centreOn(116.7, 23.8, { zoom: 10, animate: false });
    }));
    const east = viewWhere((view) => view.bbox[0]! > start.bbox[0]! + 0.01);
    await sendKeys({ press: 'ArrowRight' });
    const panned = await east;
    expect(panned.zoom).to.equal(10);
    const closer = viewWhere((view) => view.zoom === 11);
    await sendKeys({ press: 'Equal' });
    const zoomed = await closer;
    expect(zoomed.bbox[2]! - zoomed.bbox[0]!).to.be.closeTo((panned.bbox[2]! - panned.bbox[0]!) / 2, 0.01);
    const further = viewWhere((view) => view.zoom === 10);
    await sendKeys({ press: 'Minus' });
    await further;
  });

  it('pages through the list and moves across pages with the arrows', async () => {
    const many = objectsAroundChaozhou(3_000);
    const el = await mapWith(html`<qj-member-service-map .points=${many}></qj-member-service-map>`);
    // Into a town, where there are more than ten clusters and points in view.
    const [lon, lat] = [...townCentres().values()][20]!;
    const view = oneEvent(el, 'qj-view-change');
    el.centreOn(lon, lat, { zoom: 14, animate: false });
    await view;
    expect(el.shadowRoot!.querySelector('.pager')!.textContent).to.match(/第 1\/[2-9]/);
    expect(el.shadowRoot!.querySelectorAll('[role="option"]').length).to.equal(10);
    el.shadowRoot!.querySelector<HTMLElement>('[role="option"][tabindex="0"]')!.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => /第 2\//.test(el.shadowRoot!.querySelector('.pager')!.textContent!), 'moved to page 2');
    expect(deepActive(el)?.getAttribute('role')).to.equal('option');
  });

  for (const [label, attributes] of [
    ['light', {}],
    ['dark', { theme: 'dark' }],
    ['elder', { elder: '' }],
    ['en', { lang: 'en' }],
    ['zh-HK', { lang: 'zh-HK' }],
  ] as const) {
    it(`has no axe violations (${label}), with the popup open too`, async () => {
      // Attributes before the first render (a later theme switch would be caught mid-transition by axe).
      const map = document.createElement('qj-member-service-map');
      for (const [name, value] of Object.entries(attributes)) map.setAttribute(name, value);
      map.points = points();
      const el = await mapWith(html`${map}`);
      await expect(el).to.be.accessible();
      const option = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].find((node) => node.dataset['key']?.startsWith('p'))!;
      option.click();
      await waitFor(() => el.shadowRoot!.querySelector('[role="dialog"]'));
      await expect(el).to.be.accessible();
    });
  }

  it('speaks all three locales', async () => {
    const el = await mapWith();
    const summary = () => el.shadowRoot!.querySelector('.summary')!.textContent!.trim();
    const mapLabel = () => el.shadowRoot!.querySelector('.map')!.getAttribute('aria-label');
    expect(summary()).to.equal('本视图共 405 个服务点');
    el.lang = 'zh-HK';
    await el.updateComplete;
    expect(summary()).to.equal('本視圖共 405 個服務點');
    el.lang = 'en';
    await el.updateComplete;
    expect(summary()).to.equal('405 service points in this view');
    expect(mapLabel()).to.equal('Map of party members serving the people in 潮州市');
    expect(el.shadowRoot!.querySelector('.legend button')!.textContent).to.include('Party-community service centre');
  });

  it('gives elder mode ≥ 18px text and ≥ 60px targets', async () => {
    const el = await mapWith(html`<qj-member-service-map elder .points=${points()}></qj-member-service-map>`);
    const targets = el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"], .legend button, .controls button, .divisions button, .pager button');
    expect(targets.length).to.be.greaterThan(10);
    for (const node of targets) {
      const box = node.getBoundingClientRect();
      expect(box.height, node.textContent ?? '').to.be.at.least(60);
      expect(box.width, node.textContent ?? '').to.be.at.least(60);
      expect(parseFloat(getComputedStyle(node).fontSize)).to.be.at.least(18);
    }
  });
});
