/**
 * Recording star ratings (PUT /org-units/:id/ratings/:year): stars and level follow from the score, assessors only
 * rate units below their own, every rule names the offending field, the write is audited, emits rating.updated, and a
 * retried PUT with the same Idempotency-Key is replayed instead of applied twice.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultRatingScheme } from '@qiangji/contract';
import { DEMO_EMBED_KEY, EMBED_ORIGIN, dialects, openEventStream, startServer, type TestServer } from './harness.js';

const unit = '445102007200'; // 下津村, below 桥东街道 (qiaodong-admin) and 湘桥区
const itemIds = defaultRatingScheme.breakdownItems.map((item) => item.id);
/** A breakdown of `scores` in scheme order, with a total that adds up. */
const rating = (scores: number[], extra: Record<string, unknown> = {}) => ({
  score: scores.reduce((sum, score) => sum + score, 0),
  breakdown: itemIds.map((id, index) => ({ id, score: scores[index]! })),
  flags: [],
  brands: [],
  stage: 'organization',
  ...extra,
});

for (const dialect of dialects()) {
  describe(`recording ratings (${dialect})`, () => {
    let server: TestServer;
    let townAdmin: string;
    before(async () => {
      server = await startServer(dialect);
      townAdmin = await server.login('qiaodong-admin');
    });
    after(async () => {
      await server.close();
    });

    const put = (body: unknown, options: { token?: string; year?: number; id?: string; headers?: Record<string, string> } = {}) =>
      server.api(`/api/v1/org-units/${options.id ?? unit}/ratings/${options.year ?? 2026}`, { method: 'PUT', token: options.token ?? townAdmin, body, headers: options.headers });

    it('creates then replaces the year\'s rating, deriving stars and level, and the history shows it', async () => {
      const created = await put(rating([19, 19, 19, 19, 20]));
      assert.equal(created.status, 200, created.text);
      assert.equal(created.body.score, 96);
      assert.equal(created.body.stars, 5);
      assert.equal(created.body.level, '五星级党组织');
      assert.deepEqual(created.body.breakdown[0], { id: 'political', score: 19, max: 20 });
      const replaced = await put(rating([12, 12, 12, 11, 11]));
      assert.equal(replaced.status, 200, replaced.text);
      assert.equal(replaced.body.id, created.body.id);
      assert.equal(replaced.body.stars, 0);
      assert.deepEqual(replaced.body.flags, ['weak'], 'below weakBelowStars the 软弱涣散 flag is implied');
      const history = await server.api(`/api/v1/ratings/history/${unit}`, { token: townAdmin });
      const years = history.body.items.filter((item: { year: number }) => item.year === 2026);
      assert.equal(years.length, 1);
      assert.equal(years[0].score, 58);
    });

    it('audits the write and streams rating.updated', async () => {
      const stream = await openEventStream(`${server.url}/api/v1/events?types=rating.updated`, { authorization: `Bearer ${townAdmin}` });
      try {
        const answer = await put(rating([16, 16, 16, 16, 16], { brands: ['model_organ'] }));
        assert.equal(answer.status, 200, answer.text);
        const [event] = await stream.take(1);
        assert.equal(event!.data.type, 'rating.updated');
        assert.deepEqual(event!.data.data, { ratingId: answer.body.id, year: 2026, stars: 3 });
        assert.equal(event!.data.orgUnitId, unit);
      } finally {
        stream.close();
      }
      const audit = await server.handle.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'record_rating').execute();
      assert.ok(audit.some((row) => row.entity_id === `r2026-${unit}`));
    });

    it('replays a retried PUT with the same Idempotency-Key, and refuses the key for another body', async () => {
      const headers = { 'idempotency-key': `rating-${dialect}-1` };
      const first = await put(rating([15, 15, 15, 15, 15]), { headers });
      assert.equal(first.status, 200, first.text);
      const audited = async () => (await server.handle.db.selectFrom('audit_log').select('seq').where('action', '=', 'record_rating').execute()).length;
      const before = await audited();
      const again = await put(rating([15, 15, 15, 15, 15]), { headers });
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(again.body, first.body);
      assert.equal(await audited(), before, 'the replay wrote nothing');
      const other = await put(rating([14, 15, 15, 15, 15]), { headers });
      assert.equal(other.status, 409);
      assert.equal(other.body.field, 'header.idempotency-key');
    });

    it('names the offending field for scheme rules', async () => {
      const cases: Array<[unknown, string]> = [
        [{ ...rating([18, 18, 18, 18, 18]), score: 91 }, 'body.breakdown'],
        [rating([25, 15, 18, 18, 18]), 'body.breakdown'],
        [{ ...rating([18, 18, 18, 18, 18]), breakdown: itemIds.map((_, index) => ({ id: 'political', score: index ? 18 : 18 })) }, 'body.breakdown'],
        [{ ...rating([18, 18, 18, 18, 18]), score: 72, breakdown: itemIds.slice(0, 4).map((id) => ({ id, score: 18 })) }, 'body.breakdown'],
        [rating([18, 18, 18, 18, 18], { stage: 'final' }), 'body.stage'],
        [rating([18, 18, 18, 18, 18], { stars: 5 }), 'body.stars'],
        [{ ...rating([18, 18, 18, 18, 18]), score: 101 }, 'body.score'],
      ];
      for (const [body, field] of cases) {
        const answer = await put(body);
        assert.equal(answer.status, 400, `${JSON.stringify(body)}: ${answer.text}`);
        assert.equal(answer.body.code, 'validation_failed');
        assert.equal(answer.body.field, field, JSON.stringify(body));
      }
      assert.equal((await put(rating([18, 18, 18, 18, 18]), { year: 1999 })).body.field, 'params.year');
    });

    it('lets only assessors above the unit record it', async () => {
      const body = rating([18, 18, 18, 18, 18]);
      const secretary = await server.login('xiajin-secretary');
      assert.equal((await put(body, { token: secretary })).status, 403, 'a branch secretary does not rate (even their own branch)');
      const mediator = await server.login('qiaodong-mediator');
      assert.equal((await put(body, { token: mediator })).status, 403);
      const chaoan = await server.login('chaoan-admin');
      const outside = await put(body, { token: chaoan });
      assert.equal(outside.status, 403);
      assert.deepEqual([outside.body.code, outside.body.field], ['out_of_scope', 'params.id']);
      const own = await put(body, { id: '445102007' });
      assert.deepEqual([own.status, own.body.field], [403, 'params.id'], 'no rating of one\'s own unit');
      assert.equal((await put(body, { id: '445102999999' })).status, 404);
      const embed = await server.api(`/api/v1/org-units/${unit}/ratings/2026`, { method: 'PUT', token: null, body, headers: { 'x-qj-embed-key': DEMO_EMBED_KEY, origin: EMBED_ORIGIN } });
      assert.ok([401, 403].includes(embed.status), `embed key: ${embed.status} ${embed.text}`);
      const city = await server.login('city-admin');
      assert.equal((await put(body, { token: city })).status, 200);
    });
  });
}
