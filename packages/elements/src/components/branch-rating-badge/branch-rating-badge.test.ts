import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../provider/define.js';
import './define.js';
import type { QjProvider } from '../provider/provider.js';
import { FakeClient } from '../../testing/fake-client.js';
import { applyMode, modes, part, parts, setHtmlLang, settled, shadowText, waitFor } from '../../testing/helpers.js';
import { sampleHistory, sampleRating } from '../../testing/sample-data.js';
import type { QjBranchRatingBadge } from './branch-rating-badge.js';

const presentational = (rating = sampleRating()) =>
  fixture<QjBranchRatingBadge>(html`<qj-branch-rating-badge .rating=${rating} .history=${sampleHistory} details></qj-branch-rating-badge>`);

const connected = (client: FakeClient, orgId = '445102001001', year: number | undefined = 2025) =>
  fixture<QjBranchRatingBadge>(html`<qj-branch-rating-badge org-id=${orgId} year=${year ?? ''} .client=${client} details></qj-branch-rating-badge>`);

const stars = (badge: QjBranchRatingBadge) => part<SVGSVGElement>(badge, 'stars');

describe('<qj-branch-rating-badge>', () => {
  describe('presentational (.rating)', () => {
    it('names the stars 「四星级党支部 · 2025年度」 and shows four filled stars', async () => {
      const badge = await presentational();
      expect(stars(badge).getAttribute('role')).to.equal('img');
      expect(stars(badge).getAttribute('aria-label')).to.equal('四星级党支部 · 2025年度');
      expect(parts(badge, 'star-on')).to.have.length(4);
      expect(parts(badge, 'star-off')).to.have.length(1);
      expect(part(badge, 'level').textContent).to.equal('四星级党支部');
      expect(part(badge, 'year').textContent).to.equal('2025年度');
    });

    it('takes the organisation type from the name, the org-type attribute, or says 党组织', async () => {
      const general = await presentational(sampleRating({ partyOrganizationName: '某某村党总支', stars: 5, score: 96 }));
      expect(stars(general).getAttribute('aria-label')).to.equal('五星级党总支 · 2025年度');
      general.orgType = 'committee';
      await general.updateComplete;
      expect(stars(general).getAttribute('aria-label')).to.equal('五星级党委 · 2025年度');
      const unnamed = await presentational(sampleRating({ partyOrganizationName: '某某组织', stars: 0, score: 40 }));
      expect(stars(unnamed).getAttribute('aria-label')).to.equal('相对后进党组织 · 2025年度');
      expect(parts(unnamed, 'star-on')).to.have.length(0);
    });

    it('shows flags and field brands as labelled chips', async () => {
      const badge = await presentational(sampleRating({ stars: 1, score: 61, flags: ['weak', 'under_rectification'], brands: ['four_good_hospital', 'model_organ'] }));
      expect(part(badge, 'flags').getAttribute('aria-label')).to.equal('预警标记');
      expect(parts(badge, 'flag').map((chip) => chip.textContent?.trim())).to.deep.equal(['软弱涣散', '整顿中']);
      expect(part(badge, 'brands').getAttribute('aria-label')).to.equal('领域品牌');
      expect(parts(badge, 'brand').map((chip) => chip.textContent?.trim())).to.deep.equal(['四好医院', '模范机关']);
    });

    it('renders in Traditional Chinese and English', async () => {
      const badge = await presentational(sampleRating({ flags: ['weak'] }));
      badge.lang = 'zh-HK';
      await badge.updateComplete;
      expect(stars(badge).getAttribute('aria-label')).to.equal('四星級黨支部 · 2025年度');
      expect(part(badge, 'flag').textContent?.trim()).to.equal('軟弱渙散');
      badge.lang = 'en';
      await badge.updateComplete;
      expect(stars(badge).getAttribute('aria-label')).to.equal('Four-star Party branch · 2025');
      expect(part(badge, 'brand').textContent?.trim()).to.equal('Four-Good Hospital');
    });

    it('reflects size, details, open, org-id and year', async () => {
      const badge = await presentational();
      expect(badge.getAttribute('size')).to.equal('md');
      const small = stars(badge).getBoundingClientRect().height;
      badge.size = 'lg';
      badge.orgId = '445102';
      badge.year = 2024;
      await badge.updateComplete;
      expect(badge.getAttribute('size')).to.equal('lg');
      expect(badge.getAttribute('org-id')).to.equal('445102');
      expect(badge.getAttribute('year')).to.equal('2024');
      expect(stars(badge).getBoundingClientRect().height).to.be.greaterThan(small);
      badge.setAttribute('size', 'sm');
      await badge.updateComplete;
      expect(badge.size).to.equal('sm');
      expect(stars(badge).getBoundingClientRect().height).to.be.lessThan(small);
      expect(badge.hasAttribute('details')).to.be.true;
      badge.show();
      await badge.updateComplete;
      expect(badge.hasAttribute('open')).to.be.true;
    });

    it('has no details button without the details attribute', async () => {
      const badge = await fixture<QjBranchRatingBadge>(html`<qj-branch-rating-badge .rating=${sampleRating()}></qj-branch-rating-badge>`);
      expect(parts(badge, 'trigger')).to.have.length(0);
      expect(parts(badge, 'popover')).to.have.length(0);
    });
  });

  describe('details popover', () => {
    it('opens with Enter, shows breakdown, stage and history, and closes with Escape returning focus', async () => {
      const badge = await presentational();
      const trigger = part<HTMLButtonElement>(badge, 'trigger');
      const popover = part(badge, 'popover');
      expect(trigger.getAttribute('aria-expanded')).to.equal('false');
      expect(trigger.getAttribute('aria-controls')).to.equal(popover.id);
      expect(popover.hidden).to.be.true;
      trigger.focus();
      const opened = oneEvent(badge, 'qj-popover-toggle');
      await sendKeys({ press: 'Enter' });
      expect((await opened).detail).to.deep.equal({ open: true });
      await badge.updateComplete;
      expect(trigger.getAttribute('aria-expanded')).to.equal('true');
      expect(popover.hidden).to.be.false;
      expect(popover.getBoundingClientRect().height).to.be.greaterThan(0);

      const rows = [...part(badge, 'breakdown').querySelectorAll('tbody tr')].map((row) => row.textContent?.replace(/\s+/g, ' ').trim());
      expect(rows[0]).to.equal('政治功能 19 20');
      expect(part(badge, 'breakdown').querySelector('tfoot')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('合计 88.5 100');
      const current = part(badge, 'stage').querySelector('[aria-current="step"]');
      expect(current?.textContent).to.contain('公示');
      const years = [...part(badge, 'history').querySelectorAll('tbody th')].map((cell) => cell.textContent);
      expect(years).to.deep.equal(['2025年度', '2024年度', '2023年度']);
      expect(part(badge, 'history').textContent).to.contain('二星级党支部');

      // Focus inside the panel (e.g. after clicking into it): Escape closes and returns it to the button.
      popover.focus();
      expect(badge.shadowRoot!.activeElement).to.equal(popover);
      const closed = oneEvent(badge, 'qj-popover-toggle');
      await sendKeys({ press: 'Escape' });
      expect((await closed).detail).to.deep.equal({ open: false });
      await badge.updateComplete;
      expect(popover.hidden).to.be.true;
      expect(badge.shadowRoot!.activeElement).to.equal(trigger);
    });

    it('speaks the badge’s locale in the details (their text ships with the details chunk)', async () => {
      const badge = await presentational();
      expect(part(badge, 'trigger').textContent?.trim()).to.equal('评定详情');
      expect(part(badge, 'popover').getAttribute('aria-label')).to.equal('四星级党支部评定详情');
      badge.lang = 'en';
      await badge.updateComplete;
      expect(part(badge, 'trigger').textContent?.trim()).to.equal('Rating details');
      expect(part(badge, 'popover').getAttribute('aria-label')).to.equal('Rating details: Four-star Party branch');
      expect(part(badge, 'breakdown').querySelector('caption')?.textContent?.trim()).to.equal('Score breakdown');
      expect(part(badge, 'stage').querySelector('[aria-current="step"]')?.textContent).to.contain('current stage');
      badge.lang = 'zh-HK';
      await badge.updateComplete;
      expect(part(badge, 'history').querySelector('caption')?.textContent?.trim()).to.equal('歷年評定');
      expect(part(badge, 'breakdown').querySelector('tfoot th')?.textContent?.trim()).to.equal('合計');
    });

    it('toggles with Space and closes on a click outside', async () => {
      const badge = await presentational();
      const trigger = part<HTMLButtonElement>(badge, 'trigger');
      trigger.focus();
      await sendKeys({ press: ' ' });
      await waitFor(() => badge.open, 'Space did not open the details');
      await sendKeys({ press: ' ' });
      await waitFor(() => !badge.open, 'Space did not close the details');
      trigger.click();
      await badge.updateComplete;
      expect(badge.open).to.be.true;
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await badge.updateComplete;
      expect(badge.open).to.be.false;
      expect(part(badge, 'popover').hidden).to.be.true;
    });
  });

  describe('connected (org-id, year)', () => {
    it('shows a skeleton while loading, then the year’s rating with its history', async () => {
      const client = new FakeClient();
      client.hold = true;
      const badge = await connected(client);
      expect(badge.loadState).to.equal('loading');
      expect(parts(badge, 'skeleton')).to.have.length(1);
      client.release();
      await settled(badge);
      expect(badge.loadState).to.equal('ready');
      expect(stars(badge).getAttribute('aria-label')).to.equal('四星级党支部 · 2025年度');
      expect(client.calls).to.include.members(['ratings.list 445102001001 2025', 'ratings.history 445102001001', 'ratings.scheme']);
      expect(part(badge, 'history').querySelectorAll('tbody tr')).to.have.length(3);
    });

    it('picks the latest year when none is given', async () => {
      const client = new FakeClient();
      const badge = await fixture<QjBranchRatingBadge>(html`<qj-branch-rating-badge org-id="445102001001" .client=${client}></qj-branch-rating-badge>`);
      await settled(badge);
      expect(part(badge, 'year').textContent).to.equal('2025年度');
      badge.year = 2023;
      await badge.updateComplete;
      await settled(badge);
      expect(stars(badge).getAttribute('aria-label')).to.equal('二星级党支部 · 2023年度');
      expect(part(badge, 'flag').textContent?.trim()).to.equal('整顿中');
    });

    it('reloads quietly when a rating of its unit and year is recorded (rating.updated), and only then', async () => {
      const client = new FakeClient();
      const badge = await connected(client);
      await settled(badge);
      await waitFor(() => badge.live, 'event stream not reported open');
      const shown = client.ratingList.find((rating) => rating.orgUnitId === '445102001001' && rating.year === 2025)!;
      const lists = () => client.calls.filter((call) => call === 'ratings.list 445102001001 2025').length;
      const event = (orgUnitId: string, year: number) =>
        ({ id: `e-${orgUnitId}-${year}`, at: '2026-11-27T02:00:00.000Z', type: 'rating.updated', orgUnitId, data: { ratingId: shown.id, year, stars: 5 } }) as const;
      client.push(event('445102001002', 2025));
      client.push(event('445102001001', 2024));
      await badge.updateComplete;
      expect(lists(), 'other units and years are ignored').to.equal(1);
      client.ratingList = client.ratingList.map((rating) => (rating === shown ? { ...rating, stars: 5, score: 96, level: '五星级党组织' } : rating));
      const updated = oneEvent(badge, 'qj-live-update');
      client.push(event('445102001001', 2025));
      expect((await updated).detail).to.deep.equal({ type: 'rating.updated', id: 'e-445102001001-2025' });
      await waitFor(() => stars(badge).getAttribute('aria-label') === '五星级党支部 · 2025年度', 'the new stars are not shown');
      expect(parts(badge, 'skeleton'), 'no skeleton during the reload').to.have.length(0);
      badge.remove();
      expect(client.subscriptions).to.equal(0);
    });

    it('shows the empty state when there is no rating for the year', async () => {
      const badge = await connected(new FakeClient(), '445102001001', 2019);
      await settled(badge);
      expect(badge.loadState).to.equal('empty');
      expect(shadowText(badge)).to.contain('暂无评定数据');
    });

    it('shows the forbidden state on 403', async () => {
      const client = new FakeClient();
      client.failures['ratings.list'] = 403;
      const badge = await connected(client);
      await settled(badge);
      expect(badge.loadState).to.equal('forbidden');
      expect(part(badge, 'forbidden').textContent).to.contain('无权查看');
    });

    it('shows an error with Retry, and Retry loads again', async () => {
      const client = new FakeClient();
      client.failures['ratings.list'] = 503;
      const badge = await connected(client);
      await settled(badge);
      expect(badge.loadState).to.equal('error');
      delete client.failures['ratings.list'];
      part(badge, 'retry-button').click();
      await badge.updateComplete;
      await settled(badge);
      expect(badge.loadState).to.equal('ready');
    });

    it('falls back to the default scheme when the API has none', async () => {
      const client = new FakeClient();
      client.failures['ratings.scheme'] = 500;
      const badge = await connected(client);
      await settled(badge);
      expect(badge.loadState).to.equal('ready');
      expect(stars(badge).getAttribute('aria-label')).to.equal('四星级党支部 · 2025年度');
    });

    it('switches language with its provider and <html lang> without loading again', async () => {
      const restore = setHtmlLang('en');
      try {
        const client = new FakeClient();
        const provider = await fixture<QjProvider>(html`<qj-provider .client=${client} locale="zh-CN"><qj-branch-rating-badge org-id="445102001001" year="2025"></qj-branch-rating-badge></qj-provider>`);
        const badge = provider.querySelector('qj-branch-rating-badge')!;
        await settled(badge);
        expect(stars(badge).getAttribute('aria-label')).to.equal('四星级党支部 · 2025年度');
        provider.locale = 'zh-HK';
        await provider.updateComplete;
        await badge.updateComplete;
        expect(stars(badge).getAttribute('aria-label')).to.equal('四星級黨支部 · 2025年度');
        provider.locale = undefined;
        await provider.updateComplete;
        await badge.updateComplete;
        expect(stars(badge).getAttribute('aria-label')).to.equal('Four-star Party branch · 2025');
        expect(client.calls.filter((call) => call.startsWith('ratings.list'))).to.have.length(1);
      } finally {
        restore();
      }
    });
  });

  describe('accessibility', () => {
    for (const mode of modes) {
      describe(`${mode.name} mode`, () => {
        it('is accessible when ready, with flags and brands, closed and open', async () => {
          const badge = await presentational(sampleRating({ flags: ['weak', 'under_rectification'], brands: ['four_good_hospital'] }));
          applyMode(badge, mode.attrs);
          await badge.updateComplete;
          await expect(badge).to.be.accessible();
          badge.show();
          await badge.updateComplete;
          await expect(badge).to.be.accessible();
        });

        for (const [state, setUp] of [
          ['loading', (client: FakeClient) => void (client.hold = true)],
          ['empty', (client: FakeClient) => void (client.ratingList = [])],
          ['error', (client: FakeClient) => void (client.failures['ratings.list'] = 500)],
          ['forbidden', (client: FakeClient) => void (client.failures['ratings.list'] = 403)],
        ] as const) {
          it(`is accessible when ${state}`, async () => {
            const client = new FakeClient();
            setUp(client);
            const badge = await connected(client);
            applyMode(badge, mode.attrs);
            if (state !== 'loading') await settled(badge);
            await badge.updateComplete;
            expect(badge.loadState).to.equal(state);
            await expect(badge).to.be.accessible();
          });
        }
      });
    }
  });

  describe('elder mode', () => {
    it('makes the details button and retry button at least 60×60px and every text at least 18px', async () => {
      const provider = await fixture<QjProvider>(html`<qj-provider elder><qj-branch-rating-badge size="sm" details .rating=${sampleRating({ flags: ['weak'] })} .history=${sampleHistory}></qj-branch-rating-badge></qj-provider>`);
      const badge = provider.querySelector('qj-branch-rating-badge')!;
      await badge.updateComplete;
      const trigger = part(badge, 'trigger').getBoundingClientRect();
      expect(trigger.width).to.be.at.least(60);
      expect(trigger.height).to.be.at.least(60);
      badge.show();
      await badge.updateComplete;
      const texts = [...badge.shadowRoot!.querySelectorAll('*')].filter((element) =>
        [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim() && !element.closest('.visually-hidden')),
      );
      expect(texts.length).to.be.greaterThan(10);
      for (const element of texts) {
        const style = getComputedStyle(element);
        expect(Number.parseFloat(style.fontSize), element.textContent ?? '').to.be.at.least(18);
        expect(Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize)).to.be.at.least(1.3);
      }

      const client = new FakeClient();
      client.failures['ratings.list'] = 500;
      const failing = await fixture<QjBranchRatingBadge>(html`<qj-branch-rating-badge elder org-id="445102001001" .client=${client}></qj-branch-rating-badge>`);
      await settled(failing);
      const retry = part(failing, 'retry-button').getBoundingClientRect();
      expect(retry.width).to.be.at.least(60);
      expect(retry.height).to.be.at.least(60);
    });
  });
});
