import { expect } from '@open-wc/testing';
import Supercluster from 'supercluster';
import { ClusterIndex, defaultIndexOptions, type PointColumns } from './cluster-index.js';
import { ColumnarSupercluster, STRIDE } from './columnar-supercluster.js';
import { ClusterClient } from './cluster-client.js';
import { codePath, orgPathsFor } from './divisions.js';
import { NeighbourGrid } from './neighbour-grid.js';
import { seededRandom } from '@qiangji/sdk/fixtures';
import { columnsAroundChaozhou } from './test-points.js';

const everywhere: [number, number, number, number] = [100, 10, 130, 40];

/** The id stock supercluster's features go by: cluster id and size, or the point's index. */
function clusterKey(feature: { id?: number | string; properties: Record<string, unknown> }): string {
  return feature.properties['cluster'] ? `c${feature.properties['cluster_id']}:${feature.properties['point_count']}` : `p${feature.properties['index']}`;
}

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
      properties: { index: i },
      geometry: { type: 'Point' as const, coordinates: [lon, columns.lat[i]!] },
    }));
    const stock = new Supercluster({ radius: 56, extent: 256, maxZoom: 16 }).load(features);
    for (const zoom of [6, 9, 11, 13, 15, 16, 17]) {
      const ours = index.getClusters(everywhere, zoom);
      const theirs = stock.getClusters(everywhere, zoom);
      expect(ours.size, `zoom ${zoom}`).to.equal(theirs.length);
      const sum = Array.from(ours.count.subarray(0, ours.size)).reduce((total, count) => total + count, 0);
      expect(sum, `points at zoom ${zoom}`).to.equal(20_000);
      // The same clusters: ids, sizes and centres (centres to rounding: neighbours are summed in another order).
      const byId = new Map(theirs.map((feature) => [clusterKey(feature), feature.geometry.coordinates]));
      for (let i = 0; i < ours.size; i++) {
        const key = ours.clusterId[i]! >= 0 ? `c${ours.clusterId[i]}:${ours.count[i]}` : `p${ours.point[i]}`;
        const centre = byId.get(key);
        expect(centre, `zoom ${zoom}: ${key}`).to.not.equal(undefined);
        expect(ours.lon[i]).to.be.closeTo(centre![0]!, 1e-9);
        expect(ours.lat[i]).to.be.closeTo(centre![1]!, 1e-9);
      }
    }
    // Leaves and expansion zooms, which walk the trees built after the clustering.
    const cluster = index.getClusters(everywhere, 12);
    const id = Array.from(cluster.clusterId.subarray(0, cluster.size)).find((value) => value >= 0)!;
    expect(index.expansionZoom(id)).to.equal(stock.getClusterExpansionZoom(id));
    const leaves = stock.getLeaves(id, Infinity).map((leaf) => features.indexOf(leaf as (typeof features)[number]));
    expect(index.leaves(id, Infinity).sort((a, b) => a - b)).to.deep.equal(leaves.sort((a, b) => a - b));
  });

  it('finds exactly the neighbours a KD-tree finds, radius edge included', () => {
    const random = seededRandom(11);
    const size = 5_000;
    const x = Float32Array.from({ length: size }, () => 0.8 + random() * 0.01);
    const y = Float32Array.from({ length: size }, () => 0.4 + random() * 0.01);
    // Duplicates, a point exactly one radius away, and a coordinate that is not a number.
    x[1] = x[0]!;
    y[1] = y[0]!;
    const r = 56 / (256 * 2 ** 12);
    x[2] = Math.fround(x[0]! + r);
    y[2] = y[0]!;
    x[3] = Number.NaN;
    const items = new Float64Array(size * STRIDE);
    x.forEach((value, i) => items.set([value, y[i]!], i * STRIDE));
    const tree = new ColumnarSupercluster(defaultIndexOptions).tree(items); // supercluster's own KD-tree (kdbush)
    const grid = new NeighbourGrid(x, y, r);
    const out = new Uint32Array(size);
    for (let q = 0; q < 300; q++) {
      const [qx, qy] = q < 3 ? [x[q]!, y[q]!] : [0.8 + random() * 0.01, 0.4 + random() * 0.01];
      const expected = tree.within(qx, qy, r).sort((a, b) => a - b);
      const found = grid.withinInto(qx, qy, r, out);
      expect(Array.from(out.subarray(0, found)).sort((a, b) => a - b), `query ${q}`).to.deep.equal(expected);
    }
    // A too-small buffer still reports the full count.
    expect(grid.withinInto(0.805, 0.405, 0.02, new Uint32Array(4))).to.equal(size - 1);
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
