/**
 * Simplified Chinese, the source catalog: its keys define `CatalogKey`, and its `{placeholders}` define the
 * parameters `t()` asks for. zh-HK and en must list exactly the same keys (`satisfies Catalog`).
 */
export const zhCN = {
  'state.loading': '正在加载…',
  'state.error': '加载失败，请稍后重试',
  'state.forbidden': '无权查看',
  'state.forbiddenHint': '该数据不在您的查看范围内，请联系管理员。',
  'state.noSource': '未配置数据源：请设置 api-base 或放入 <qj-provider>',
  'action.retry': '重试',

  'task.empty': '暂无任务数据',
  'task.measure': '措施{order}',
  'task.code': '任务 {code}',
  'task.leadUnit': '牵头单位：{unit}',
  'task.progress': '完成进度',
  'task.progressValueText': '已完成 {percent}%',
  'task.deadline': '截止：{date}',
  'task.daysLeft': '剩余 {days} 天',
  'task.dueToday': '今天到期',
  'task.overdueBy': '已逾期 {days} 天',
  'task.status': '状态',
  'task.status.not_started': '未开始',
  'task.status.on_track': '按计划推进',
  'task.status.at_risk': '进度滞后',
  'task.status.overdue': '已逾期',
  'task.status.done': '已完成',
  'task.warning.blue': '蓝色督办 · 临近截止',
  'task.warning.yellow': '黄色督办 · 进度滞后',
  'task.warning.red': '红色督办 · 已逾期',
  'task.milestones': '节点目标',
  'task.milestone.done': '已完成',
  'task.milestone.overdue': '已逾期',
  'task.milestone.upcoming': '待完成',
  'task.milestone.due': '{date}前',
  'task.lastUpdate': '最近报送：{date} · {author}',
  'task.noUpdate': '暂无进度报送',
  'task.history': '进度历史',
  'task.historySummary': '进度历史：{count} 次报送，从 {from}% 到 {to}%',
  'task.historyEmpty': '暂无进度历史',
  'task.liveUpdate': '进度已更新：{percent}%（{author}）',

  'rating.empty': '暂无评定数据',
  'rating.starsName': '{level} · {year}',
  'rating.year': '{year}年度',
  'rating.genericOrg': '党组织',
  'rating.flags': '预警标记',
  'rating.brands': '领域品牌',
  // The default scheme's level names and the flag and brand labels (the contract's, which i18n.test.ts compares):
  // in the catalogs, a page carries only its own language's.
  'rating.level.5': '五星级党组织',
  'rating.level.4': '四星级党组织',
  'rating.level.3': '三星级党组织',
  'rating.level.2': '二星级党组织',
  'rating.level.1': '一星级党组织',
  'rating.level.0': '相对后进党组织',
  'rating.flag.weak': '软弱涣散',
  'rating.flag.under_rectification': '整顿中',
  'rating.brand.four_good_hospital': '四好医院',
  'rating.brand.four_excellent_school': '四优学校',
  'rating.brand.five_strong_enterprise': '五强企业',
  'rating.brand.model_organ': '模范机关',
} as const;

export type CatalogKey = keyof typeof zhCN;
/** Every locale's catalog: the same keys as zh-CN, each a (translated) string. */
export type Catalog = Record<CatalogKey, string>;
