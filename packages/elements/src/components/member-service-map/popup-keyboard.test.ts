import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitFor } from '../../testing/helpers.js';
import { createClient } from '@qiangji/sdk';
import { createFixturesTransport } from '@qiangji/sdk/fixtures';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import './define.js';
import type { QjMemberServiceMap } from './map.js';
import { objectsAroundChaozhou } from './test-points.js';

const root = (el: QjMemberServiceMap) => el.shadowRoot!;
const active = (el: QjMemberServiceMap) => root(el).activeElement as HTMLElement | null;
const dialog = (el: QjMemberServiceMap) => root(el).querySelector<HTMLElement>('[role="dialog"]');

/** Enter on the list's first entry until it is a single point (Enter on a cluster zooms into it); returns its key. */
async function openFirstPointFromList(el: QjMemberServiceMap): Promise<string> {
  for (let step = 0; step < 12; step++) {
    const first = root(el).querySelector<HTMLElement>('[role="option"]')!;
    first.focus();
    const key = first.dataset['key']!;
    if (key.startsWith('p')) {
      const selected = oneEvent(el, 'qj-point-select');
      await sendKeys({ press: 'Enter' });
      await selected;
      return key;
    }
    const view = oneEvent(el, 'qj-view-change');
    await sendKeys({ press: 'Enter' });
    await view;
  }
  throw new Error('no single point reached through the list');
}

describe('<qj-member-service-map> popup keyboard', function () {
  this.timeout(30_000);

  it('Escape in a popup opened from the list closes it and focuses that list item, with points and details from the SDK', async () => {
    const client = createClient({ baseUrl: 'https://fixtures.invalid', fetch: createFixturesTransport({ servicePointCount: 3_000, eventIntervalMs: 0 }) });
    const el = await fixture<QjMemberServiceMap>(html`<qj-member-service-map .client=${client} org-unit="445102"></qj-member-service-map>`);
    await el.ready;
    const key = await openFirstPointFromList(el);
    await waitFor(() => dialog(el)?.contains(active(el)), 'focus moves into the popup');
    await waitFor(() => !dialog(el)!.querySelector('[role="status"]'), 'details loaded');

    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog(el), 'Escape closes the popup');
    await waitFor(() => active(el)?.dataset['key'] === key, `focus returns to list item ${key}`);
    expect(active(el)!.getAttribute('role')).to.equal('option');
  });

  it('Escape in a popup opened on the map closes it and focuses the map', async () => {
    // One point alone: it is drawn as a point, not a cluster, in the city view.
    const [point] = objectsAroundChaozhou(1).map((item) => ({ ...item, name: '意溪镇长者饭堂' }));
    const el = await fixture<QjMemberServiceMap>(html`<qj-member-service-map .points=${[point!]}></qj-member-service-map>`);
    await el.ready;
    const at = el.pixelOf(point!.lon, point!.lat)!;
    const box = root(el).querySelector('.map')!.getBoundingClientRect();
    const selected = oneEvent(el, 'qj-point-select');
    await sendMouse({ type: 'click', position: [Math.round(box.left + at.x), Math.round(box.top + at.y)] });
    await selected;
    await waitFor(() => dialog(el)?.contains(active(el)), 'focus moves into the popup');

    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog(el), 'Escape closes the popup');
    await waitFor(() => active(el)?.classList.contains('map'), 'focus returns to the map');
  });
});
