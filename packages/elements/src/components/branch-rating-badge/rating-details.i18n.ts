/**
 * The badge details' own text in the three locales. It ships with the lazily loaded details chunk rather than the
 * shared catalog (which every card and badge loads up front); the few strings need no chunk per locale.
 */
import type { Locale } from '@qiangji/contract';

const zhCN = {
  details: '评定详情',
  /** `{name}`: the level name the badge shows (「四星级党支部」). */
  detailsFor: '{name}评定详情',
  breakdown: '得分明细',
  item: '评分项目',
  itemScore: '得分',
  itemMax: '满分',
  total: '合计',
  stage: '评定阶段',
  stageCurrent: '当前阶段',
  history: '历年评定',
  historyYear: '年度',
  historyStars: '星级',
};

export type DetailsText = Record<keyof typeof zhCN, string>;

export const detailsText: Record<Locale, DetailsText> = {
  'zh-CN': zhCN,
  'zh-HK': {
    details: '評定詳情',
    detailsFor: '{name}評定詳情',
    breakdown: '得分明細',
    item: '評分項目',
    itemScore: '得分',
    itemMax: '滿分',
    total: '合計',
    stage: '評定階段',
    stageCurrent: '當前階段',
    history: '歷年評定',
    historyYear: '年度',
    historyStars: '星級',
  },
  en: {
    details: 'Rating details',
    detailsFor: 'Rating details: {name}',
    breakdown: 'Score breakdown',
    item: 'Item',
    itemScore: 'Score',
    itemMax: 'Max',
    total: 'Total',
    stage: 'Assessment stage',
    stageCurrent: 'current stage',
    history: 'Ratings by year',
    historyYear: 'Year',
    historyStars: 'Stars',
  },
};
