/**
 * Strings of `<qj-member-service-map>`: zh-CN here (the source of keys and placeholders, built into the map), zh-HK
 * and en loaded on demand like the shared catalogs. Kept out of src/i18n so the card and badge bundles do not carry
 * the map's text. The map also uses the shared `state.*` messages.
 */
import { createMessages, type CatalogOf, type Messages } from '../../i18n/index.js';

const zhCN = {
  'map.mapLabel': '{area}党员服务群众地图',
  'map.mapRoleDescription': '地图',
  'map.mapHelp': '地图获得焦点后，用方向键平移，加号和减号缩放。右侧列表逐个列出本视图中的聚合和服务点。',
  'map.summary': '本视图共 {count} 个服务点',
  'map.summaryLoading': '正在加载服务点…',
  'map.loadingPoints': '正在加载服务点',
  'map.indexing': '正在建立聚合索引（{done}/{total}）',
  'map.progressLabel': '服务点加载进度',
  'map.loadFailed': '服务点加载失败，请稍后重试',
  'map.retry': '重试',
  'map.noSource': '未配置数据源：请设置 api-base，放入 <qj-provider>，或设置 points 属性',
  'map.breadcrumbLabel': '区划层级',
  'map.levelCounts': '{name}：{count} 个',
  'map.childrenHeading': '下级区划',
  'map.childItem': '{name}，{count} 个服务点',
  'map.directItem': '{name}直属，{count} 个服务点',
  'map.noChildren': '没有下级区划',
  'map.legendHeading': '图例（本视图）',
  'map.legendToggleHint': '按下切换是否显示该类型',
  'map.legendItem': '{type}，{count} 个',
  'map.listHeading': '本视图中的聚合和服务点',
  'map.listHint': '上下方向键移动，回车在地图上定位',
  'map.clusterItem': '{count} 个服务点的聚合',
  'map.clusterDetail': '回车放大到此处',
  'map.pointDetail': '{org} · 服务记录 {records} 条',
  'map.pager': '第 {page}/{pages} 页，共 {total} 条',
  'map.pagerLabel': '列表翻页',
  'map.previousPage': '上一页',
  'map.nextPage': '下一页',
  'map.emptyView': '本视图内没有服务点',
  'map.zoomIn': '放大',
  'map.zoomOut': '缩小',
  'map.wholeCity': '回到全市',
  'map.close': '关闭',
  'map.popupType': '类型',
  'map.popupOrg': '所属单位',
  'map.popupAddress': '地址',
  'map.popupRecords': '服务记录',
  'map.popupRecordsValue': '{count} 条',
  'map.popupMembers': '服务党员',
  'map.popupMembersMasked': '（已脱敏）',
  'map.popupLoading': '正在加载详情…',
  'map.popupFallbackName': '服务点 {id}',
  'map.unknownOrg': '未标注单位',
  'map.boundariesNote': '区县边界为示意图，非测绘成果',
  'map.tiandituKeyMissing': '天地图底图需要 tianditu-key，暂以离线底图显示',
} as const;

/** A translation of the map's catalog: every key of the zh-CN one. */
export type MapCatalog = CatalogOf<typeof zhCN>;

/** The map's messages (awaited by the element before it renders, with the shared ones). */
export const mapMessages: Messages<typeof zhCN> = createMessages(zhCN, {
  'zh-HK': () => import('./map-zh-HK.i18n.js').then((module) => module.zhHK),
  en: () => import('./map-en.i18n.js').then((module) => module.en),
});

/** A map message in `locale`, `{placeholders}` filled from the parameters. */
export const mapT: Messages<typeof zhCN>['t'] = mapMessages.t;
