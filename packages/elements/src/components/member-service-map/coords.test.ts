import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import gcoord from 'gcoord';
import './define.js';
import type { QjMemberServiceMap } from './map.js';
import type { BaseLayerId } from './base-layers.js';
import type { ServicePointInput } from './points.js';
import { typeStyles } from './shapes.js';

/** A 1×1 PNG: tiles without network. */
const blankTile = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
/** A place in 潮安区 and a view centre 1 km away from it. */
const wgs: [number, number] = [116.792, 23.838];
const centre: [number, number] = [116.783, 23.832];
const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
const bd = gcoord.transform(wgs, gcoord.WGS84, gcoord.BD09) as [number, number];

const point = (lon: number, lat: number, crs: ServicePointInput['crs']): ServicePointInput => ({
  id: 'target',
  lon,
  lat,
  crs,
  type: 'other',
  orgUnitId: '445103100201',
  name: '目标服务点',
});

async function mapOver(baseLayer: BaseLayerId, points: ServicePointInput[]): Promise<QjMemberServiceMap> {
  const map = await fixture<QjMemberServiceMap>(
    html`<qj-member-service-map base-layer=${baseLayer} tile-url=${blankTile} .points=${points}></qj-member-service-map>`,
  );
  await map.ready;
  return map;
}

/** The same WGS-84 place in the middle of the map at `zoom`, on whatever base it has. */
async function showPlace(map: QjMemberServiceMap, zoom: number): Promise<void> {
  const view = oneEvent(map, 'qj-view-change');
  map.centreOn(centre[0], centre[1], { zoom, animate: false });
  expect(((await view) as CustomEvent<{ zoom: number }>).detail.zoom).to.equal(zoom);
}

/** The canvas colour at a container point (where the marker should be drawn). */
function colourAt(map: QjMemberServiceMap, { x, y }: { x: number; y: number }): string {
  const container = map.shadowRoot!.querySelector<HTMLElement>('.map')!.getBoundingClientRect();
  const canvas = map.shadowRoot!.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas')!;
  const box = canvas.getBoundingClientRect();
  const scale = canvas.width / box.width;
  const [r, g, b] = canvas.getContext('2d')!.getImageData(Math.round((container.left + x - box.left) * scale), Math.round((container.top + y - box.top) * scale), 1, 1).data;
  return `#${[r, g, b].map((value) => value!.toString(16).padStart(2, '0')).join('')}`;
}

describe('<qj-member-service-map> coordinates', function () {
  this.timeout(30_000);

  it('draws a WGS-84 point over a WGS-84 base and its GCJ-02 counterpart over a GCJ-02 base on the same pixel', async () => {
    const overOsm = await mapOver('osm', [point(wgs[0], wgs[1], 'WGS84')]);
    const overAmap = await mapOver('amap', [point(gcj[0], gcj[1], 'GCJ02')]);
    // At zoom 15 the ~500 m GCJ-02 shift is over a hundred pixels: a missed or doubled conversion cannot hide.
    await showPlace(overOsm, 15);
    await showPlace(overAmap, 15);

    const onOsm = overOsm.pixelOf(wgs[0], wgs[1])!;
    const onAmap = overAmap.pixelOf(gcj[0], gcj[1], 'GCJ02')!;
    expect(onAmap.x).to.be.closeTo(onOsm.x, 1);
    expect(onAmap.y).to.be.closeTo(onOsm.y, 1);

    // Sensitivity: the raw GCJ-02 numbers taken as WGS-84 would land far from there.
    const unconverted = overAmap.pixelOf(gcj[0], gcj[1], 'WGS84')!;
    expect(Math.hypot(unconverted.x - onAmap.x, unconverted.y - onAmap.y)).to.be.greaterThan(20);

    // And the marker really is drawn there, on both maps.
    const fill = typeStyles.other.light;
    expect(colourAt(overOsm, onOsm)).to.equal(fill);
    expect(colourAt(overAmap, onAmap)).to.equal(fill);
  });

  it('places WGS-84, GCJ-02 and BD-09 input of the same place on the same pixel of one map', async () => {
    const map = await mapOver('amap', [point(wgs[0], wgs[1], 'WGS84')]);
    await showPlace(map, 15);
    const fromWgs = map.pixelOf(wgs[0], wgs[1], 'WGS84')!;
    const fromGcj = map.pixelOf(gcj[0], gcj[1], 'GCJ02')!;
    const fromBd = map.pixelOf(bd[0], bd[1], 'BD09')!;
    for (const other of [fromGcj, fromBd]) {
      expect(other.x).to.be.closeTo(fromWgs.x, 1);
      expect(other.y).to.be.closeTo(fromWgs.y, 1);
    }
    expect(colourAt(map, fromWgs)).to.equal(typeStyles.other.light);
  });
});
