import { expect } from '@open-wc/testing';
import { formatDate, formatNumber, formatRelativeDays, hasCatalog, label, loadCatalog, normalizeLocale, t } from './index.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';
import { zhHK } from './zh-HK.js';
import { defaultRatingLevels, fieldBrandLabels, ratingFlagLabels } from '@qiangji/contract';
import { createMessages } from './messages.js';
import { mapMessages } from '../components/member-service-map/map.i18n.js';
import { en as mapEn } from '../components/member-service-map/map-en.i18n.js';
import { zhHK as mapZhHK } from '../components/member-service-map/map-zh-HK.i18n.js';

describe('i18n', () => {
  it('maps language tags to the shipped locales', () => {
    const cases: Array<[string | null, string | undefined]> = [
      ['zh-CN', 'zh-CN'],
      ['zh', 'zh-CN'],
      ['zh-Hans-SG', 'zh-CN'],
      ['zh-HK', 'zh-HK'],
      ['zh-TW', 'zh-HK'],
      ['zh-Hant', 'zh-HK'],
      ['zh_MO', 'zh-HK'],
      ['en-GB', 'en'],
      ['EN', 'en'],
      ['fr', undefined],
      ['', undefined],
      [null, undefined],
    ];
    for (const [tag, locale] of cases) expect(normalizeLocale(tag), String(tag)).to.equal(locale);
  });

  it('has the same keys in every catalog', () => {
    const keys = Object.keys(zhCN).sort();
    expect(Object.keys(zhHK).sort()).to.deep.equal(keys);
    expect(Object.keys(en).sort()).to.deep.equal(keys);
  });

  it('carries the contract\'s default level names and flag and brand labels word for word', () => {
    const catalogs = { 'zh-CN': zhCN, 'zh-HK': zhHK, en } as const;
    for (const [locale, catalog] of Object.entries(catalogs) as Array<[keyof typeof catalogs, Record<string, string>]>) {
      for (const level of defaultRatingLevels) {
        const name = locale === 'en' ? level.nameEn : locale === 'zh-HK' ? level.nameZhHk : level.name;
        expect(catalog[`rating.level.${level.stars}`], `${locale} level ${level.stars}`).to.equal(name);
      }
      for (const [flag, text] of Object.entries(ratingFlagLabels)) expect(catalog[`rating.flag.${flag}`], `${locale} ${flag}`).to.equal(text[locale]);
      for (const [brand, text] of Object.entries(fieldBrandLabels)) expect(catalog[`rating.brand.${brand}`], `${locale} ${brand}`).to.equal(text[locale]);
    }
  });

  it('loads zh-HK and en on demand', async () => {
    expect(hasCatalog('zh-CN')).to.be.true;
    await Promise.all([loadCatalog('zh-HK'), loadCatalog('en')]);
    expect(hasCatalog('zh-HK') && hasCatalog('en')).to.be.true;
  });

  it('keeps the map strings in catalogs of its own, complete in every locale', async () => {
    expect(Object.keys(zhCN).some((key) => key.startsWith('map.'))).to.be.false;
    expect(Object.keys(mapEn).sort()).to.deep.equal(Object.keys(mapZhHK).sort());
    await mapMessages.load('en');
    expect(mapMessages.t('en', 'map.summary', { count: 3 })).to.equal('3 service points in this view');
    expect(mapMessages.t('zh-CN', 'map.summary', { count: 3 })).to.equal('本视图共 3 个服务点');
  });

  it('answers in zh-CN until a locale arrives, and tries a failed load again', async () => {
    let attempts = 0;
    const catalog = createMessages({ hello: '你好，{name}' }, {
      'zh-HK': () => Promise.resolve({ hello: '你好，{name}！' }),
      en: () => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ hello: 'Hello, {name}' })),
    });
    expect(catalog.has('en')).to.be.false;
    expect(catalog.t('en', 'hello', { name: 'A' })).to.equal('你好，A');
    await catalog.load('en');
    expect(catalog.has('en')).to.be.false;
    await catalog.load('en');
    expect(catalog.t('en', 'hello', { name: 'A' })).to.equal('Hello, A');
    expect(attempts).to.equal(2);
  });

  it('fills placeholders', async () => {
    await Promise.all([loadCatalog('zh-HK'), loadCatalog('en')]);
    expect(t('zh-CN', 'task.daysLeft', { days: 3 })).to.equal('剩余 3 天');
    expect(t('en', 'task.historySummary', { count: 2, from: 0, to: 40 })).to.equal('Progress history: 2 reports, from 0% to 40%');
    expect(t('zh-HK', 'action.retry')).to.equal('重試');
  });

  it('formats large counts as 万/亿 in Chinese', () => {
    expect(formatNumber('zh-CN', 12_000, { compact: true })).to.equal('1.2万');
    expect(formatNumber('zh-CN', 340_000_000, { compact: true })).to.equal('3.4亿');
    expect(formatNumber('zh-HK', 12_000, { compact: true })).to.equal('1.2萬');
    expect(formatNumber('en', 12_000, { compact: true })).to.equal('12K');
    expect(formatNumber('zh-CN', 9_999, { compact: true })).to.equal('9,999');
    expect(formatNumber('zh-CN', 123_456.7)).to.equal('123,456.7');
  });

  it('formats dates in prose, calendar dates without time-zone shifts', () => {
    expect(formatDate('zh-CN', '2026-11-26')).to.equal('2026年11月26日');
    expect(formatDate('zh-HK', '2026-11-26')).to.equal('2026年11月26日');
    expect(formatDate('en', '2026-11-26')).to.equal('26 Nov 2026');
    // 20:00 UTC on the 25th is already the 26th in China.
    expect(formatDate('zh-CN', '2026-11-25T20:00:00Z')).to.equal('2026年11月26日');
  });

  it('formats relative days', () => {
    expect(formatRelativeDays('zh-CN', 3)).to.equal('3天后');
    expect(formatRelativeDays('en', -1)).to.equal('yesterday');
  });

  it('reads contract labels in a locale', () => {
    expect(label(ratingFlagLabels.weak, 'zh-HK')).to.equal('軟弱渙散');
  });
});
