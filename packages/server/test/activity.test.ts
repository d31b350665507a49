/**
 * The map's record filter (kind, from, to) answered from the activity summary gives exactly the points the
 * straightforward query gives: the summary equals the records it summarises, and random viewports, point types,
 * record kinds and date ranges (month-aligned, single days, open-ended, reversed) agree in every query form and
 * through the API, on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serviceRecordKinds, servicePointTypes, type ServicePointType, type ServiceRecordKind } from '@qiangji/contract';
import type { Viewer } from '../src/auth/scope.js';
import { ALL, rebuildActivity } from '../src/repositories/activity.js';
import { exportServicePoints, type ServicePointFilter } from '../src/repositories/service-points.js';
import { Random } from '../src/seed/prng.js';
import { dialects, startServer, type Loose, type TestServer } from './harness.js';

const cityViewer: Viewer = { kind: 'user', user: null, embedKeyId: null, scopeOrgUnitId: '4451', scopePath: '/4451/', seesPersonalData: true, actor: 'test' };
const kinds = serviceRecordKinds.map((kind) => kind.id) as ServiceRecordKind[];
const types = servicePointTypes.map((type) => type.id) as ServicePointType[];

/** China-time month and day boundaries as UTC instants: 16:00Z is midnight in Chaozhou. */
const boundaryInstants = ['2024-03-31T16:00:00.000Z', '2024-03-31T15:59:59.999Z', '2025-12-31T17:30:00.000Z', '2024-02-29T16:00:00.000Z', '2026-06-30T23:59:00.000Z', '2025-01-31T15:00:00.000Z'];

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const lastDayOf = (month: string): string => isoDay(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));

/** A date range of one of the shapes whose edges the summary must get right. */
function dateRange(random: Random): { from?: string; to?: string } {
  const day = () => isoDay(Date.UTC(2023, 10, 1) + Math.floor(random.next() * 1180) * 86_400_000);
  const month = () => day().slice(0, 7);
  switch (Math.floor(random.next() * 8)) {
    case 0: {
      const [a, b] = [day(), day()].sort();
      return { from: a, to: b };
    }
    case 1: {
      const [a, b] = [month(), month()].sort();
      return { from: `${a}-01`, to: lastDayOf(b!) };
    }
    case 2: {
      const start = month();
      return { from: `${start}-01`, to: `${lastDayOf(start)}` };
    }
    case 3:
      return { from: day() };
    case 4:
      return { to: day() };
    case 5: {
      const single = day();
      return { from: single, to: single };
    }
    case 6: {
      const [a, b] = [day(), day()].sort();
      return { from: b, to: a };
    }
    default: {
      // Across a month boundary: the last day of a month and the first of the next.
      const last = lastDayOf(month());
      return { from: last, to: isoDay(Date.parse(last) + 86_400_000) };
    }
  }
}

function randomFilter(random: Random): ServicePointFilter {
  const width = 0.08 * Math.pow(15, random.next());
  const west = 116.35 + random.next() * (1.0 - Math.min(width, 0.9));
  const south = 23.4 + random.next() * (0.8 - Math.min(width * 0.75, 0.7));
  const subset = <T>(items: T[]): T[] => {
    const picked = items.filter(() => random.next() < 0.35).slice(0, 3);
    return picked.length > 0 ? picked : [items[Math.floor(random.next() * items.length)]!];
  };
  const filter: ServicePointFilter = { bbox: [west, south, west + width, south + width * 0.75] };
  if (random.next() < 0.4) filter.type = subset(types);
  if (random.next() < 0.6) filter.kind = subset(kinds);
  if (random.next() < 0.75 || !filter.kind) Object.assign(filter, dateRange(random));
  return filter;
}

const queryOf = (filter: ServicePointFilter): string => {
  const query = new URLSearchParams();
  if (filter.bbox) query.set('bbox', filter.bbox.map((value) => value.toFixed(6)).join(','));
  for (const key of ['type', 'kind'] as const) if (filter[key]) query.set(key, filter[key]!.join(','));
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  return query.toString();
};

for (const dialect of dialects()) {
  describe(`map record filter from the activity summary (${dialect})`, () => {
    let server: TestServer;
    let token: string;
    before(async () => {
      server = await startServer(dialect, { seed: { members: 600, servicePoints: 500, serviceRecords: 9000, mediationCases: 10 } });
      token = await server.login('city-admin');
      // The seed's records fall in China daytime; add some in the hours where the UTC and China days (and months)
      // differ, then rebuild the summary as a bulk load does.
      const template = await server.handle.db.selectFrom('service_records').selectAll().orderBy('id').executeTakeFirstOrThrow();
      const points = await server.handle.db.selectFrom('service_points').select('id').orderBy('id').limit(boundaryInstants.length).execute();
      await server.handle.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('service_records')
          .values(boundaryInstants.map((at, index) => ({ ...template, id: `sr-boundary-${index}`, service_point_id: points[index]!.id, kind: 'emergency', at })))
          .execute();
        await rebuildActivity(trx, dialect);
      });
    });
    after(async () => {
      await server.close();
    });

    it('holds exactly the per-point counts by kind and China-time month of the records, with * rollups', async () => {
      const records = await server.handle.db.selectFrom('service_records').select(['service_point_id', 'kind', 'at']).execute();
      const expected = new Map<string, number>();
      for (const record of records) {
        const month = new Date(Date.parse(record.at) + 8 * 3_600_000).toISOString().slice(0, 7);
        for (const kind of [record.kind, ALL]) {
          for (const bucket of [month, ALL]) {
            const key = `${record.service_point_id}|${kind}|${bucket}`;
            expected.set(key, (expected.get(key) ?? 0) + 1);
          }
        }
      }
      const rows = await server.handle.db.selectFrom('service_point_activity').selectAll().execute();
      const actual = new Map(rows.map((row) => [`${row.service_point_id}|${row.kind}|${row.month}`, Number(row.records)]));
      assert.equal(records.length, 9000 + boundaryInstants.length);
      assert.equal(actual.size, expected.size);
      assert.deepEqual(actual, expected);
    });

    it('finds the same points as the straightforward query for random viewports, kinds and date ranges', async () => {
      const random = new Random(0xac71);
      let nonEmpty = 0;
      for (let index = 0; index < 120; index += 1) {
        const filter = randomFilter(random);
        const label = JSON.stringify(filter);
        const reference = (await exportServicePoints(server.handle.db, cityViewer, filter, { form: 'records' })).ids;
        if (reference.length > 0) nonEmpty += 1;
        for (const form of ['probe', 'set'] as const) {
          assert.deepEqual((await exportServicePoints(server.handle.db, cityViewer, filter, { form })).ids, reference, `${form}: ${label}`);
        }
        const exported = await server.api<Loose>(`/api/v1/service-points/export?${queryOf(filter)}`, { token });
        assert.equal(exported.status, 200, exported.text);
        assert.deepEqual(exported.body.ids, reference, `API export: ${label}`);
        const clusters = await server.api<Loose>(`/api/v1/service-points/clusters?${queryOf(filter)}&zoom=12`, { token });
        assert.equal(clusters.status, 200, clusters.text);
        assert.equal(clusters.body.total, reference.length, `API clusters: ${label}`);
      }
      // The comparison means something only if many filters match some points and many match none.
      assert.ok(nonEmpty > 40 && nonEmpty < 115, `non-empty answers: ${nonEmpty}`);
    });

    it('takes the extremes of the date range the contract allows (0000-01-01, 9999-12-31), as the straightforward query does', async () => {
      // A `to` of 9999-12-31 makes the month after it 10000-01, which Date cannot parse from a string (a fuzz find).
      const filters: ServicePointFilter[] = [
        { from: '2027-07-09', to: '9999-12-31' },
        { from: '2024-05-01', to: '9999-12-31' },
        { from: '0000-01-01', to: '2025-06-15' },
        { from: '0000-01-01', to: '9999-12-31', kind: ['visit'] },
      ];
      for (const filter of filters) {
        const reference = (await exportServicePoints(server.handle.db, cityViewer, filter, { form: 'records' })).ids;
        for (const form of ['probe', 'set'] as const) {
          assert.deepEqual((await exportServicePoints(server.handle.db, cityViewer, filter, { form })).ids, reference, `${form}: ${JSON.stringify(filter)}`);
        }
        const exported = await server.api<Loose>(`/api/v1/service-points/export?${queryOf(filter)}`, { token });
        assert.equal(exported.status, 200, exported.text);
        assert.deepEqual(exported.body.ids, reference);
      }
    });

    it('gets the edges right around single records: their day, the days and month parts before and after', async () => {
      const random = new Random(0xed9e);
      const records = await server.handle.db
        .selectFrom('service_records')
        .innerJoin('service_points', 'service_points.id', 'service_records.service_point_id')
        .select(['service_records.kind as kind', 'service_records.at as at', 'service_points.lon as lon', 'service_points.lat as lat'])
        .orderBy('service_records.id')
        .execute();
      const shift = (day: string, days: number) => isoDay(Date.parse(day) + days * 86_400_000);
      let matched = 0;
      const boundary = records.filter((record) => boundaryInstants.includes(record.at));
      assert.equal(boundary.length, boundaryInstants.length);
      for (let index = 0; index < 50 + boundary.length; index += 1) {
        const record = boundary[index - 50] ?? records[Math.floor(random.next() * records.length)]!;
        const day = isoDay(Date.parse(record.at) + 8 * 3_600_000);
        const first = `${day.slice(0, 8)}01`;
        const last = lastDayOf(day.slice(0, 7));
        const ranges = [[day, day], [shift(day, -2), shift(day, -1)], [first, shift(day, -1)], [shift(day, 1), last], [shift(day, 1), shift(day, 30)], [shift(day, -30), shift(day, -1)], [first, last], [day, undefined], [undefined, shift(day, -1)]];
        for (const [from, to] of ranges) {
          const filter: ServicePointFilter = { bbox: [record.lon, record.lat, record.lon, record.lat], kind: random.next() < 0.7 ? [record.kind as ServiceRecordKind] : undefined, from, to };
          if (!filter.kind) delete filter.kind;
          const reference = (await exportServicePoints(server.handle.db, cityViewer, filter, { form: 'records' })).ids;
          if (from === day && to === day) assert.ok(reference.length > 0, 'the record is found on its own day');
          if (reference.length > 0) matched += 1;
          for (const form of ['probe', 'set'] as const) {
            assert.deepEqual((await exportServicePoints(server.handle.db, cityViewer, filter, { form })).ids, reference, `${form}: ${JSON.stringify(filter)}`);
          }
        }
      }
      assert.ok(matched > 100 && matched < 450, `matched: ${matched}`);
    });
  });
}
