import { expect } from '@open-wc/testing';
import Supercluster from 'supercluster';
import { ClusterIndex, type PointColumns } from './cluster-index.js';
import { ClusterClient } from './cluster-client.js';
import { codePath, orgPathsFor } from './divisions.js';
import { columnsAroundChaozhou } from './test-points.js';

const everywhere: [number, number, number, number] = [100, 10, 130, 40];

function columnsOf(count: number): PointColumns {
  const data = columnsAroundChaozhou(count, 5);
  return { lon: data.lon, lat: data.lat, type: data.type, org: data.org, orgPaths: orgPathsFor(data.orgUnitIds, new Map()) };
}

describe('ClusterIndex (supercluster over columns)', () => {
  it('clusters exactly like stock supercluster at every zoom', () => {
    const columns = columnsOf(20_000);
    const index = new ClusterIndex(columns, 7);
    index.applyFilter({});
    const features = Array.from(columns.lon, (lon, i) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Point' as const, coordinates: [lon, columns.lat[i]!] },
    }));
    const stock = new Supercluster({ radius: 56, extent: 256, maxZoom: 16 }).load(features);
    for (const zoom of [6, 9, 11, 13, 15, 16, 17]) {
      const ours = index.getClusters(everywhere, zoom);
      const theirs = stock.getClusters(everywhere, zoom);
      expect(ours.size, `zoom ${zoom}`).to.equal(theirs.length);
      const sum = Array.from(ours.count.subarray(0, ours.size)).reduce((total, count) => total + count, 0);
      expect(sum, `points at zoom ${zoom}`).to.equal(20_000);
    }
  });

  it('counts points in a bbox by type, and expands clusters to their leaves', () => {
    const columns = columnsOf(5_000);
    const index = new ClusterIndex(columns, 7);
    index.applyFilter({});
    const bbox: [number, number, number, number] = [116.55, 23.55, 116.75, 23.75];
    let expected = 0;
    const byType = new Array<number>(7).fill(0);
    columns.lon.forEach((lon, i) => {
      const lat = columns.lat[i]!;
      if (lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]) {
        expected++;
        byType[columns.type[i]!]!++;
      }
    });
    const view = index.getClusters(bbox, 12);
    expect(view.total).to.equal(expected);
    expect(Array.from(view.byType)).to.deep.equal(byType);
    const cluster = Array.from(view.clusterId.subarray(0, view.size)).find((id) => id >= 0)!;
    const count = view.count[Array.from(view.clusterId).indexOf(cluster)]!;
    expect(index.leaves(cluster, 10_000)).to.have.length(count);
    expect(index.expansionZoom(cluster)).to.be.greaterThan(12);
  });

  it('filters by type, org subtree, record kind and date, and re-clusters', () => {
    const columns = columnsOf(3_000);
    // Every point gets one record: kind i % 6 on day 19_000 + i % 100.
    const recordPoint = Uint32Array.from({ length: 3_000 }, (_, i) => i);
    const recordKind = Uint8Array.from(recordPoint, (i) => i % 6);
    const recordDay = Int32Array.from(recordPoint, (i) => 19_000 + (i % 100));
    const index = new ClusterIndex({ ...columns, recordPoint, recordKind, recordDay }, 7);
    const count = (keep: (i: number) => boolean) => Array.from(columns.lon).filter((_, i) => keep(i)).length;

    index.applyFilter({ types: [0, 3] });
    expect(index.total).to.equal(count((i) => columns.type[i] === 0 || columns.type[i] === 3));
    const clustered = index.getClusters(everywhere, 8);
    expect(Array.from(clustered.count.subarray(0, clustered.size)).reduce((a, b) => a + b, 0)).to.equal(index.total);

    index.applyFilter({ scope: '445102' });
    expect(index.total).to.equal(count((i) => columns.orgPaths[columns.org[i]!]!.includes('/445102/')));

    index.applyFilter({ kinds: [1], fromDay: 19_010, toDay: 19_049 });
    expect(index.total).to.equal(count((i) => i % 6 === 1 && i % 100 >= 10 && i % 100 <= 49));
  });

  it('aggregates a scope by its child divisions, counting the filter but not the drill scope', () => {
    const columns = columnsOf(4_000);
    const index = new ClusterIndex(columns, 7);
    index.applyFilter({ types: [1, 2, 3, 4, 5, 6], scope: '445103' });
    const city = index.aggregate('4451');
    expect(city.keys.sort()).to.deep.equal(['445102', '445103', '445122']);
    const expected = Array.from(columns.lon).filter((_, i) => columns.type[i] !== 0).length;
    expect(city.total).to.equal(expected);
    const district = index.aggregate('445103');
    expect(district.keys.every((key) => key.length === 9 && key.startsWith('445103'))).to.equal(true);
    const inDistrict = Array.from(columns.lon).filter((_, i) => columns.type[i] !== 0 && columns.orgPaths[columns.org[i]!]!.startsWith('/4451/445103/')).length;
    expect(district.total).to.equal(inDistrict);
    expect(Array.from(district.count).reduce((a, b) => a + b, 0) + district.direct).to.equal(inDistrict);
    // Centroids lie inside the scope's bbox.
    district.keys.forEach((_, i) => {
      expect(district.lon[i]).to.be.within(district.bbox![0], district.bbox![2]);
      expect(district.lat[i]).to.be.within(district.bbox![1], district.bbox![3]);
    });
  });

  it('runs in a module worker built from the typed arrays (load, filter, clusters in one round trip)', async () => {
    const client = new ClusterClient();
    const columns = columnsOf(10_000);
    const expected = Array.from(columns.type).filter((type) => type === 2).length;
    const result = await client.request(
      'load',
      { columns, typeCount: 7, update: { filter: { types: [2] }, scopes: ['4451'], view: { bbox: everywhere, zoom: 10 } } },
      { transfer: [columns.lon.buffer as ArrayBuffer, columns.lat.buffer as ArrayBuffer] },
    );
    expect(client.inWorker).to.equal(true);
    expect(columns.lon.byteLength, 'coordinates were transferred, not copied').to.equal(0);
    expect(result.size).to.equal(10_000);
    expect(result.update!.totals!.total).to.equal(expected);
    expect(result.update!.view!.total).to.equal(expected);
    expect(result.update!.aggregates[0]!.total).to.equal(expected);
    client.terminate();
  });

  it('builds org paths from division codes inside ids', () => {
    expect(codePath('445103100201')).to.equal('/4451/445103/445103100/445103100201/');
    expect(orgPathsFor(['445122', 'ou-445102007002', 'school-7'], new Map())).to.deep.equal([
      '/4451/445122/',
      '/4451/445102/445102007/445102007002/',
      '',
    ]);
  });
});
