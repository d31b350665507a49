/**
 * Seed data for 《潮州市基层党组织建设强基工程实施方案(2024—2026年)》: 8 key measures (关键措施), 28 key tasks (重点任务).
 *
 * The full plan text is not public. Everything here is RECONSTRUCTED from the public news report
 * (南方+, 2024-08-20; /work/shared/reference/plan-news-2024-08-20.txt):
 * - every measure and task carries `source`, a quote copied verbatim from that report, and `reconstructed: true`;
 * - the split into measures and tasks, titles, lead/cooperating units, yearly targets, milestones and dates are
 *   plausible illustrative defaults, not the plan's own wording. Operators should replace them with the official
 *   task list (台账) when it is available.
 */

export interface PlanSeedMilestone {
  id: string;
  title: string;
  /** YYYY-MM-DD, within the task's startDate..dueDate. */
  dueDate: string;
}

export interface PlanSeedTask {
  /** 'T01'..'T28', numbered across the whole plan in order. */
  id: string;
  /** measure.order + '.' + index within the measure, e.g. '1.2'. */
  code: string;
  title: string;
  titleEn: string;
  /** Verbatim quote from the news report. */
  source: string;
  reconstructed: true;
  /** 牵头单位 (illustrative). */
  leadUnit: string;
  /** 配合单位 (illustrative). */
  cooperatingUnits: string[];
  targets: { '2024': string; '2025': string; '2026': string };
  milestones: PlanSeedMilestone[];
  startDate: string;
  dueDate: string;
}

export interface PlanSeedMeasure {
  /** 'M1'..'M8'. */
  id: string;
  order: number;
  title: string;
  titleEn: string;
  summary: string;
  /** Verbatim quote from the news report. */
  source: string;
  reconstructed: true;
  tasks: PlanSeedTask[];
}

export interface PlanSeed {
  id: 'chaozhou-qiangji-2024-2026';
  title: '潮州市基层党组织建设强基工程实施方案(2024—2026年)';
  titleEn: string;
  issuer: '中共潮州市委组织部';
  period: { start: '2024-01-01'; end: '2026-12-31' };
  announcedAt: '2024-08-19';
  source: string;
  sourceDocument: { title: string; publisher: '南方+'; date: '2024-08-20'; note: string };
  reconstructed: true;
  measures: PlanSeedMeasure[];
}

export const planSeed: PlanSeed = {
  id: 'chaozhou-qiangji-2024-2026',
  title: '潮州市基层党组织建设强基工程实施方案(2024—2026年)',
  titleEn: 'Chaozhou Implementation Plan for the Grassroots Party Organisation Strengthening Project (2024–2026)',
  // Issuer attribution comes from the report's context: the plan is presented "据潮州市委组织部相关负责人介绍";
  // the report itself only says the plan "已于日前正式印发" and does not name the issuing body.
  issuer: '中共潮州市委组织部',
  period: { start: '2024-01-01', end: '2026-12-31' },
  // Date of the city-wide work conference that deployed the plan (8月19日).
  announcedAt: '2024-08-19',
  source: '该方案主要包含8大关键措施、28个重点任务,为未来三年基层党组织建设工作明确路线图和任务书',
  sourceDocument: {
    // Descriptive title taken from the report's opening sentence; the original headline is not in the stored text.
    title: '潮州召开全市加强基层党组织建设工作会议,部署推进实施基层党建强基工程',
    publisher: '南方+',
    date: '2024-08-20',
    note:
      '据南方+公开报道(记者叶彤,通讯员潮组宣)重建;《方案》全文未公开。措施与任务的拆分、标题、牵头和配合单位、' +
      '年度目标、里程碑及起止日期均为依据报道推定的示例数据,各条 source 为报道原文摘录。',
  },
  reconstructed: true,
  measures: [
    // ------------------------------------------------------------------ 1 铸魂工程
    {
      id: 'M1',
      order: 1,
      title: '全面实施铸魂工程',
      titleEn: 'Soul-Forging Project: strengthen political capacity',
      summary: '以“一把手”政治能力提升、健全党的全面领导制度和党的创新理论学习教育为抓手,切实把“两个维护”落到实处。',
      source: '要全面实施铸魂工程,切实把“两个维护”落到实处',
      reconstructed: true,
      tasks: [
        {
          id: 'T01',
          code: '1.1',
          title: '实施“一把手”政治能力提升计划',
          titleEn: 'Political-capacity programme for top leaders',
          source: '深入实施“一把手”政治能力提升计划,常态化开展政治忠诚教育和党性教育',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市委党校', '市委宣传部', '各县区党委'],
          targets: {
            '2024': '制定提升计划,启动镇(街道)党(工)委书记首轮集中轮训',
            '2025': '政治忠诚教育和党性教育常态化开展,村(社区)党组织书记轮训全覆盖',
            '2026': '形成“一把手”政治能力提升长效机制并完成总结评估',
          },
          milestones: [
            { id: 'T01-M1', title: '印发“一把手”政治能力提升计划', dueDate: '2024-10-31' },
            { id: 'T01-M2', title: '完成镇(街道)党(工)委书记首轮轮训', dueDate: '2024-12-31' },
            { id: 'T01-M3', title: '完成村(社区)党组织书记轮训', dueDate: '2025-12-31' },
            { id: 'T01-M4', title: '开展三年实施情况评估', dueDate: '2026-11-30' },
          ],
          startDate: '2024-08-19',
          dueDate: '2026-12-31',
        },
        {
          id: 'T02',
          code: '1.2',
          title: '健全各领域加强党的全面领导制度机制',
          titleEn: "Institutionalise the Party's overall leadership in every field",
          source: '加强党组织对基层各类组织和各项工作的领导,健全各领域加强党的全面领导制度机制',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市委办公室', '各县区党委'],
          targets: {
            '2024': '梳理各领域党组织领导基层各类组织的制度清单',
            '2025': '修订完善村(社区)、机关、企业、学校、医院等领域议事决策规则',
            '2026': '巩固制度成果,执行情况纳入年度基层党建述职评议',
          },
          milestones: [
            { id: 'T02-M1', title: '完成制度清单梳理', dueDate: '2024-12-31' },
            { id: 'T02-M2', title: '出台各领域议事决策规则', dueDate: '2025-06-30' },
            { id: 'T02-M3', title: '开展制度执行情况检查', dueDate: '2025-12-15' },
          ],
          startDate: '2024-09-01',
          dueDate: '2025-12-31',
        },
        {
          id: 'T03',
          code: '1.3',
          title: '落实第一议题、读书班和“四讲”机制',
          titleEn: 'First-agenda study, leadership reading sessions and the "four lectures" mechanism',
          source:
            '坚持第一议题、领导班子读书班等制度,完善领导带头讲、专家辅导讲、支部书记讲、普通党员讲“四讲”机制',
          reconstructed: true,
          leadUnit: '市委宣传部',
          cooperatingUnits: ['市委组织部', '市直机关工委', '市委党校'],
          targets: {
            '2024': '落实党的创新理论学习教育计划,各级党组织坚持第一议题制度',
            '2025': '“四讲”机制在全市基层党组织普遍推行',
            '2026': '形成党的创新理论学习教育常态长效机制',
          },
          milestones: [
            { id: 'T03-M1', title: '印发年度党的创新理论学习教育计划', dueDate: '2024-09-30' },
            { id: 'T03-M2', title: '举办年度领导班子读书班', dueDate: '2025-04-30' },
            { id: 'T03-M3', title: '开展“四讲”优秀课例评选', dueDate: '2025-11-30' },
            { id: 'T03-M4', title: '总结推广学习教育经验', dueDate: '2026-10-31' },
          ],
          startDate: '2024-08-19',
          dueDate: '2026-12-31',
        },
      ],
    },
    // ------------------------------------------------------------------ 2 南粤党员先锋工程
    {
      id: 'M2',
      order: 2,
      title: '深入实施南粤党员先锋工程',
      titleEn: 'South Guangdong Party Member Vanguard Project',
      summary: '从发展、管理、动员三个环节加强党员队伍建设,推动党员亮身份、亮作为、亮行动。',
      source: '要深入实施南粤党员先锋工程',
      reconstructed: true,
      tasks: [
        {
          id: 'T04',
          code: '2.1',
          title: '科学发展党员并推进分类管理',
          titleEn: 'Annual recruitment plan and tiered management of members',
          source: '科学制定年度发展党员计划,探索推进党员分类管理',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['各县区党委'],
          targets: {
            '2024': '制定年度发展党员计划,确定党员分类管理试点',
            '2025': '在试点基础上完善党员分类管理办法',
            '2026': '发展党员结构持续优化,分类管理全面推开',
          },
          milestones: [
            { id: 'T04-M1', title: '确定党员分类管理试点单位', dueDate: '2024-11-30' },
            { id: 'T04-M2', title: '下达年度发展党员计划', dueDate: '2025-02-28' },
            { id: 'T04-M3', title: '出台党员分类管理办法', dueDate: '2025-09-30' },
            { id: 'T04-M4', title: '总结分类管理经验', dueDate: '2026-09-30' },
          ],
          startDate: '2024-08-19',
          dueDate: '2026-12-31',
        },
        {
          id: 'T05',
          code: '2.2',
          title: '完善流动党员齐抓共管机制',
          titleEn: 'Joint management of mobile Party members',
          source: '完善流动党员齐抓共管机制',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市人社局', '各县区党委'],
          targets: {
            '2024': '开展流动党员底数排查,建立信息台账',
            '2025': '流出地、流入地双向管理机制运行顺畅',
            '2026': '流动党员组织关系和教育管理基本规范',
          },
          milestones: [
            { id: 'T05-M1', title: '完成流动党员排查建档', dueDate: '2024-12-31' },
            { id: 'T05-M2', title: '建立流出地、流入地对接联络机制', dueDate: '2025-06-30' },
            { id: 'T05-M3', title: '开展流动党员管理专项检查', dueDate: '2026-03-31' },
          ],
          startDate: '2024-09-01',
          dueDate: '2026-06-30',
        },
        {
          id: 'T06',
          code: '2.3',
          title: '健全党员应急动员发挥作用机制',
          titleEn: 'Emergency mobilisation: temporary Party organisations and member commando teams',
          source:
            '建立健全党员应急动员发挥作用机制,在应对突发事件、抗击自然灾害时及时成立临时党组织、组建党员突击队',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市应急管理局', '各县区党委'],
          targets: {
            '2024': '制定党员应急动员工作指引,明确临时党组织组建程序',
            '2025': '镇村两级组建党员突击队并开展汛期应急演练',
            '2026': '党员应急动员机制健全,关键时刻拉得出、冲得上',
          },
          milestones: [
            { id: 'T06-M1', title: '印发党员应急动员工作指引', dueDate: '2024-10-31' },
            { id: 'T06-M2', title: '镇村两级党员突击队完成组建', dueDate: '2025-03-31' },
            { id: 'T06-M3', title: '开展汛期应急动员演练', dueDate: '2025-05-31' },
            { id: 'T06-M4', title: '开展机制运行评估', dueDate: '2026-10-31' },
          ],
          startDate: '2024-08-19',
          dueDate: '2026-12-31',
        },
      ],
    },
    // ------------------------------------------------------------------ 3 “头雁”工程
    {
      id: 'M3',
      order: 3,
      title: '深入实施“头雁”工程',
      titleEn: 'Lead-Goose Project for village and community Party secretaries',
      summary: '选优配强、管好用好村(社区)党组织书记,打造素质过硬的“头雁”队伍。',
      source: '要深入实施“头雁”工程',
      reconstructed: true,
      tasks: [
        {
          id: 'T07',
          code: '3.1',
          title: '选优配强村级“头雁”并加强管理监督',
          titleEn: 'Select strong village secretaries and supervise "three-in-one" secretaries',
          source: '选优配强村级“头雁”队伍,进一步加强对“三个一肩挑”村党组织书记的管理监督',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市纪委监委', '市委农办', '各县区党委'],
          targets: {
            '2024': '开展村党组织书记队伍分析研判,建立村级后备力量库',
            '2025': '完善“三个一肩挑”村党组织书记监督管理清单并开展年度考核',
            '2026': '村级“头雁”队伍结构优化,履职监督常态化',
          },
          milestones: [
            { id: 'T07-M1', title: '完成村党组织书记队伍分析研判', dueDate: '2024-11-30' },
            { id: 'T07-M2', title: '建立村级后备力量库', dueDate: '2025-03-31' },
            { id: 'T07-M3', title: '出台“三个一肩挑”书记监督管理办法', dueDate: '2025-06-30' },
            { id: 'T07-M4', title: '开展村党组织书记年度述职考核', dueDate: '2026-01-31' },
          ],
          startDate: '2024-08-19',
          dueDate: '2026-12-31',
        },
        {
          id: 'T08',
          code: '3.2',
          title: '选派驻村第一书记',
          titleEn: 'Dispatch first secretaries to villages',
          source: '坚持从县级以上机关和国有企业、事业单位优秀干部、年轻干部中选派驻村第一书记',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市国资委', '市委农办', '各县区党委'],
          targets: {
            '2024': '完成驻村第一书记选派和轮换衔接',
            '2025': '落实第一书记管理考核和工作保障',
            '2026': '完成第一书记任期考核,巩固驻村工作成果',
          },
          milestones: [
            { id: 'T08-M1', title: '完成第一书记选派与轮换', dueDate: '2024-12-31' },
            { id: 'T08-M2', title: '开展第一书记全员培训', dueDate: '2025-04-30' },
            { id: 'T08-M3', title: '开展第一书记年度考核', dueDate: '2026-01-31' },
            { id: 'T08-M4', title: '完成第一书记任期考核', dueDate: '2026-11-30' },
          ],
          startDate: '2024-09-01',
          dueDate: '2026-12-31',
        },
        {
          id: 'T09',
          code: '3.3',
          title: '拓宽书记上升通道,实施学历提升工程',
          titleEn: 'Career paths and academic upgrading for village and community secretaries',
          source: '拓宽村(社区)党组织书记上升通道,实施学历提升工程',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市教育局', '市人社局', '各县区党委'],
          targets: {
            '2024': '摸清村(社区)党组织书记学历结构,组织首批学员报名',
            '2025': '学历提升工程稳步推进,落实优秀书记上升通道政策',
            '2026': '村(社区)党组织书记学历结构明显改善',
          },
          milestones: [
            { id: 'T09-M1', title: '完成学历结构摸底', dueDate: '2024-10-31' },
            { id: 'T09-M2', title: '首批学历提升学员入学', dueDate: '2025-03-31' },
            { id: 'T09-M3', title: '检查上升通道政策落实情况', dueDate: '2025-11-30' },
            { id: 'T09-M4', title: '开展学历提升中期评估', dueDate: '2026-06-30' },
          ],
          startDate: '2024-08-19',
          dueDate: '2026-12-31',
        },
      ],
    },
    // ------------------------------------------------------------------ 4 党建引领“百千万工程”
    {
      id: 'M4',
      order: 4,
      title: '党建引领“百千万工程”加力提速',
      titleEn: 'Party building drives the "Hundred-Thousand-Ten Thousand Project"',
      summary: '动员党员、人才、高校和企业各方力量,推动“百千万工程”加力提速。',
      source: '潮州动员各方力量推进“百千万工程”',
      reconstructed: true,
      tasks: [
        {
          id: 'T10',
          code: '4.1',
          title: '引导党员创办领办新型农业经营主体',
          titleEn: 'Party members found and lead new agricultural businesses',
          source: '引导党员带头创办领办新型农业经营主体',
          reconstructed: true,
          leadUnit: '市委农办',
          cooperatingUnits: ['市农业农村局', '市委组织部', '各县区党委'],
          targets: {
            '2024': '摸清党员创办领办农民合作社、家庭农场等情况',
            '2025': '培育一批党员领办的新型农业经营主体示范',
            '2026': '党员带头致富、带领群众致富作用充分发挥',
          },
          milestones: [
            { id: 'T10-M1', title: '完成党员领办情况摸底', dueDate: '2024-12-31' },
            { id: 'T10-M2', title: '遴选党员领办示范主体', dueDate: '2025-08-31' },
            { id: 'T10-M3', title: '总结推广典型经验', dueDate: '2026-08-31' },
          ],
          startDate: '2024-09-01',
          dueDate: '2026-12-31',
        },
        {
          id: 'T11',
          code: '4.2',
          title: '实施“启航计划”,推动人才入县下乡',
          titleEn: '"Set Sail" plan: bring talent to counties and villages',
          source:
            '深入实施“启航计划”,大力吸引和推动人才入县下乡,开展人才团队服务“百千万工程”专项行动,充分发挥乡土人才作用',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市人社局', '市科技局', '各县区党委'],
          targets: {
            '2024': '组织首批“启航计划”人才入县下乡',
            '2025': '人才团队服务“百千万工程”专项行动全面开展',
            '2026': '形成人才入县下乡、乡土人才发挥作用的长效机制',
          },
          milestones: [
            { id: 'T11-M1', title: '启动年度“启航计划”', dueDate: '2024-09-30' },
            { id: 'T11-M2', title: '组建人才服务团队', dueDate: '2025-03-31' },
            { id: 'T11-M3', title: '开展乡土人才评价认定', dueDate: '2025-10-31' },
            { id: 'T11-M4', title: '评估专项行动成效', dueDate: '2026-10-31' },
          ],
          startDate: '2024-08-19',
          dueDate: '2026-12-31',
        },
        {
          id: 'T12',
          code: '4.3',
          title: '深化百校联百县“双百行动”',
          titleEn: 'Hundred universities linking with hundred counties ("Double Hundred" action)',
          source: '深化实施百校联百县“双百行动”',
          reconstructed: true,
          leadUnit: '市教育局',
          cooperatingUnits: ['市委农办', '各县区党委'],
          targets: {
            '2024': '对接结对高校,明确校地合作方向',
            '2025': '校地合作项目落地实施',
            '2026': '巩固校地合作成果,推动常态化协作',
          },
          milestones: [
            { id: 'T12-M1', title: '完成校地结对对接', dueDate: '2024-11-30' },
            { id: 'T12-M2', title: '签订合作项目清单', dueDate: '2025-03-31' },
            { id: 'T12-M3', title: '开展合作成效评估', dueDate: '2025-11-30' },
          ],
          startDate: '2024-10-01',
          dueDate: '2025-12-31',
        },
        {
          id: 'T13',
          code: '4.4',
          title: '推进“千企帮千镇、万企兴万村”提质升级',
          titleEn: 'Upgrade "Thousand Firms Help Thousand Towns, Ten Thousand Firms Revitalise Ten Thousand Villages"',
          source: '推进“千企帮千镇、万企兴万村”提质升级',
          reconstructed: true,
          leadUnit: '市委统战部',
          cooperatingUnits: ['市工商联', '市委农办', '各县区党委'],
          targets: {
            '2024': '更新企业与镇村结对清单',
            '2025': '推动结对企业在产业、就业、消费帮扶上落地项目',
            '2026': '形成一批企村共建示范',
          },
          milestones: [
            { id: 'T13-M1', title: '更新企业与镇村结对清单', dueDate: '2024-12-31' },
            { id: 'T13-M2', title: '召开结对项目推进会', dueDate: '2025-06-30' },
            { id: 'T13-M3', title: '评选企村共建示范', dueDate: '2026-09-30' },
          ],
          startDate: '2024-09-01',
          dueDate: '2026-12-31',
        },
      ],
    },
    // ------------------------------------------------------------------ 5 绿美潮州
    {
      id: 'M5',
      order: 5,
      title: '党建引领绿美潮州生态建设',
      titleEn: 'Party-led Green and Beautiful Chaozhou ecological drive',
      summary: '广泛发动党员群众植绿护绿、打造小生态样板,提升党建引领乡村绿化水平。',
      source: '要广泛发动党员群众参与绿美潮州生态建设',
      reconstructed: true,
      tasks: [
        {
          id: 'T14',
          code: '5.1',
          title: '开展爱绿植绿护绿主题党日和植树活动',
          titleEn: 'Green-themed Party days and "Plant a Tree for My Hometown"',
          source: '组织开展爱绿植绿护绿主题党日、“我为家乡种棵树”等活动',
          reconstructed: true,
          leadUnit: '市林业局',
          cooperatingUnits: ['市委组织部', '市直机关工委', '各县区党委'],
          targets: {
            '2024': '结合冬春植树季制定主题党日活动方案',
            '2025': '“我为家乡种棵树”活动在全市镇村普遍开展',
            '2026': '形成党员群众常态化参与植绿护绿机制',
          },
          milestones: [
            { id: 'T14-M1', title: '制定主题党日活动方案', dueDate: '2024-11-30' },
            { id: 'T14-M2', title: '开展冬春植树主题党日', dueDate: '2025-03-31' },
            { id: 'T14-M3', title: '开展年度“我为家乡种棵树”活动', dueDate: '2026-03-31' },
          ],
          startDate: '2024-09-01',
          dueDate: '2026-12-31',
        },
        {
          id: 'T15',
          code: '5.2',
          title: '打造美丽庭院、“四小园”小生态样板',
          titleEn: 'Beautiful courtyards and "four small gardens" micro-ecology models',
          source: '因地制宜发动群众打造美丽庭院、“四小园”等小生态样板',
          reconstructed: true,
          leadUnit: '市委农办',
          cooperatingUnits: ['市妇联', '市农业农村局', '各县区党委'],
          targets: {
            '2024': '各县区确定样板创建点,发动群众参与',
            '2025': '建成一批美丽庭院和“四小园”样板',
            '2026': '总结样板经验并在全市推广',
          },
          milestones: [
            { id: 'T15-M1', title: '确定样板创建点', dueDate: '2024-12-31' },
            { id: 'T15-M2', title: '开展样板建设现场观摩', dueDate: '2025-09-30' },
            { id: 'T15-M3', title: '总结推广样板经验', dueDate: '2026-06-15' },
          ],
          startDate: '2024-10-01',
          dueDate: '2026-06-30',
        },
        {
          id: 'T16',
          code: '5.3',
          title: '提升党建引领乡村绿化水平',
          titleEn: 'Raise the level of Party-led village greening',
          source: '提升党建引领乡村绿化水平',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市林业局', '市自然资源局', '各县区党委'],
          targets: {
            '2024': '举办镇村干部乡村绿化专题培训',
            '2025': '利用党群服务中心周边和边角地打造乡村“微景观”',
            '2026': '党建引领乡村绿化情况纳入基层党建述职评议',
          },
          milestones: [
            { id: 'T16-M1', title: '举办乡村绿化专题培训', dueDate: '2024-12-31' },
            { id: 'T16-M2', title: '推出乡村“微景观”示范点', dueDate: '2025-10-31' },
            { id: 'T16-M3', title: '开展乡村绿化成效评估', dueDate: '2026-11-30' },
          ],
          startDate: '2024-09-01',
          dueDate: '2026-12-31',
        },
      ],
    },
    // ------------------------------------------------------------------ 6 新质生产力
    {
      id: 'M6',
      order: 6,
      title: '党建赋能发展新质生产力',
      titleEn: 'Party building empowers new quality productive forces',
      summary: '发挥科研院所、科技龙头企业和“链主”企业党组织作用,以党建联建推动技术攻关和成果转化。',
      source: '潮州注重党建赋能推动发展新质生产力',
      reconstructed: true,
      tasks: [
        {
          id: 'T17',
          code: '6.1',
          title: '组织党员骨干攻关“卡脖子”技术',
          titleEn: 'Party member teams tackle bottleneck core technologies',
          source: '推动科研院所、科技龙头企业等党组织组织党员骨干解决关键核心技术“卡脖子”问题',
          reconstructed: true,
          leadUnit: '市科技局',
          cooperatingUnits: ['市委组织部', '市工信局'],
          targets: {
            '2024': '梳理重点产业关键核心技术需求清单',
            '2025': '组建党员攻关团队承接攻关项目',
            '2026': '一批攻关项目取得阶段性成果',
          },
          milestones: [
            { id: 'T17-M1', title: '形成关键技术需求清单', dueDate: '2024-12-31' },
            { id: 'T17-M2', title: '组建党员先锋攻关队', dueDate: '2025-04-30' },
            { id: 'T17-M3', title: '开展攻关项目中期检查', dueDate: '2026-03-31' },
          ],
          startDate: '2024-09-01',
          dueDate: '2026-12-31',
        },
        {
          id: 'T18',
          code: '6.2',
          title: '发挥“链主”企业党组织作用',
          titleEn: 'Leverage Party organisations in chain-leader enterprises',
          source: '发挥“链主”企业党组织作用',
          reconstructed: true,
          leadUnit: '市委社会工作部',
          cooperatingUnits: ['市工信局', '市国资委'],
          targets: {
            '2024': '确定重点产业链“链主”企业党建工作联系点',
            '2025': '“链主”企业党组织牵头组建产业链党建联盟',
            '2026': '产业链党建带动上下游协同发展',
          },
          milestones: [
            { id: 'T18-M1', title: '确定“链主”企业党建联系点', dueDate: '2024-11-30' },
            { id: 'T18-M2', title: '成立产业链党建联盟', dueDate: '2025-06-30' },
            { id: 'T18-M3', title: '召开产业链党建联盟年度交流会', dueDate: '2026-06-30' },
          ],
          startDate: '2024-09-01',
          dueDate: '2026-12-31',
        },
        {
          id: 'T19',
          code: '6.3',
          title: '以产学研党建联建促技术攻关和成果转化',
          titleEn: 'Joint Party building of industry, academia and supply chains for R&D and commercialisation',
          source: '通过产学研单位、上下游企业党建联建,加快推进技术攻关、成果转化',
          reconstructed: true,
          leadUnit: '市科技局',
          cooperatingUnits: ['市委社会工作部', '市教育局', '市工信局'],
          targets: {
            '2024': '推动产学研单位、上下游企业签订党建联建协议',
            '2025': '党建联建项目推进技术攻关和成果转化',
            '2026': '形成可复制的党建联建促转化模式',
          },
          milestones: [
            { id: 'T19-M1', title: '签订首批党建联建协议', dueDate: '2025-01-31' },
            { id: 'T19-M2', title: '举办成果转化对接活动', dueDate: '2025-10-31' },
            { id: 'T19-M3', title: '总结党建联建促转化模式', dueDate: '2026-10-31' },
          ],
          startDate: '2024-10-01',
          dueDate: '2026-12-31',
        },
      ],
    },
    // ------------------------------------------------------------------ 7 群众工作
    {
      id: 'M7',
      order: 7,
      title: '做深做实新时代群众工作',
      titleEn: 'Deepen grassroots work with the public',
      summary: '通过“四个万家”、我为群众办实事和“茶文化六步调解法”,因地制宜润民心、解民忧。',
      source: '潮州要组织普遍直接联系群众“四个万家”活动',
      reconstructed: true,
      tasks: [
        {
          id: 'T20',
          code: '7.1',
          title: '落实领导干部直接联系群众制度',
          titleEn: 'Leading officials contact the public directly ("Four Ten-Thousand Homes")',
          source: '市、县领导带头落实党员领导干部直接联系群众制度',
          reconstructed: true,
          leadUnit: '市委社会工作部',
          cooperatingUnits: ['市委组织部', '市委办公室', '各县区党委'],
          targets: {
            '2024': '明确市县领导联系点,启动“四个万家”活动',
            '2025': '领导干部定期到联系点走访,群众诉求办理闭环',
            '2026': '党员领导干部直接联系群众制度常态化运行',
          },
          milestones: [
            { id: 'T20-M1', title: '明确市县领导联系点', dueDate: '2024-09-30' },
            { id: 'T20-M2', title: '完成首轮“四个万家”走访', dueDate: '2024-12-31' },
            { id: 'T20-M3', title: '通报群众诉求办理情况', dueDate: '2025-12-31' },
            { id: 'T20-M4', title: '开展制度落实评估', dueDate: '2026-11-30' },
          ],
          startDate: '2024-08-19',
          dueDate: '2026-12-31',
        },
        {
          id: 'T21',
          code: '7.2',
          title: '镇干部包村联户,村“两委”普遍走访',
          titleEn: 'Town officials take charge of villages and households; village committees visit every home',
          source: '镇(街道)领导干部包村联户,村(社区)“两委”干部开展普遍走访',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市委社会工作部', '各县区党委'],
          targets: {
            '2024': '完成包村联户分工,启动普遍走访',
            '2025': '完成普遍走访,建立民情台账',
            '2026': '民情收集、办理、反馈机制规范运行',
          },
          milestones: [
            { id: 'T21-M1', title: '完成包村联户分工', dueDate: '2024-10-31' },
            { id: 'T21-M2', title: '完成首轮普遍走访', dueDate: '2025-06-30' },
            { id: 'T21-M3', title: '检查民情台账动态更新', dueDate: '2025-12-31' },
          ],
          startDate: '2024-09-01',
          dueDate: '2025-12-31',
        },
        {
          id: 'T22',
          code: '7.3',
          title: '深化“我为群众办实事”,办好长者饭堂',
          titleEn: '"Practical Things for the People": elderly care, childcare and seniors\' canteens',
          source: '深化“我为群众办实事”实践活动,办好养老托育、“长者饭堂”等好事实事',
          reconstructed: true,
          leadUnit: '市民政局',
          cooperatingUnits: ['市卫生健康局', '市委社会工作部', '各县区党委'],
          targets: {
            '2024': '梳理公布年度民生实事项目清单',
            '2025': '长者饭堂等助餐服务点布局逐步完善',
            '2026': '养老托育等民生实事按期办结',
          },
          milestones: [
            { id: 'T22-M1', title: '公布年度办实事项目清单', dueDate: '2024-12-31' },
            { id: 'T22-M2', title: '新增长者饭堂服务点投入运营', dueDate: '2025-09-30' },
            { id: 'T22-M3', title: '开展年度民生实事办结评估', dueDate: '2026-12-15' },
          ],
          startDate: '2024-08-19',
          dueDate: '2026-12-31',
        },
        {
          id: 'T23',
          code: '7.4',
          title: '推广运用“茶文化六步调解法”',
          titleEn: 'Apply the tea-culture six-step mediation method',
          source: '充分运用“茶文化六步调解法”,因地制宜润民心解民忧',
          reconstructed: true,
          leadUnit: '市司法局',
          cooperatingUnits: ['市委政法委', '各县区党委'],
          targets: {
            '2024': '在镇村人民调解组织推广识茶、醒茶、泡茶、斟茶、敬茶、悟茶六步',
            '2025': '完成人民调解员轮训,规范调解卷宗',
            '2026': '形成可推广的“茶文化六步调解法”品牌经验',
          },
          milestones: [
            { id: 'T23-M1', title: '印发推广工作指引', dueDate: '2024-10-31' },
            { id: 'T23-M2', title: '完成人民调解员轮训', dueDate: '2025-06-30' },
            { id: 'T23-M3', title: '评选优秀调解案例', dueDate: '2026-06-30' },
          ],
          startDate: '2024-09-01',
          dueDate: '2026-06-30',
        },
      ],
    },
    // ------------------------------------------------------------------ 8 全域党建
    {
      id: 'M8',
      order: 8,
      title: '推动全域党建全面进步全面过硬',
      titleEn: 'Party building across all fields: rural, urban, emerging and traditional',
      summary: '统筹农村、城市、新兴领域和传统领域基层党建,推动全域党建多点开花、齐头并进。',
      source: '推动全域党建多点开花齐头并进',
      reconstructed: true,
      tasks: [
        {
          id: 'T24',
          code: '8.1',
          title: '深化“斩尾攻坚”三年行动和三级联创',
          titleEn: '"Tail-cutting" three-year campaign and county-town-village joint creation',
          source: '深化基层党建“斩尾攻坚”三年行动,开展县镇村三级联创,健全三级联动争创先进、整顿后进机制',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市委农办', '各县区党委'],
          targets: {
            '2024': '制定县镇村三级联创标准,开展年度评星定级',
            '2025': '后进党组织动态转化,先进典型梯次培育',
            '2026': '完成“斩尾攻坚”三年行动目标',
          },
          milestones: [
            { id: 'T24-M1', title: '印发三级联创工作标准', dueDate: '2024-11-30' },
            { id: 'T24-M2', title: '完成年度评星定级', dueDate: '2025-03-31' },
            { id: 'T24-M3', title: '开展三年行动总结验收', dueDate: '2026-11-30' },
          ],
          startDate: '2024-08-19',
          dueDate: '2026-12-31',
        },
        {
          id: 'T25',
          code: '8.2',
          title: '常态化整顿软弱涣散村党组织',
          titleEn: 'Routine rectification of weak and lax village Party organisations',
          source: '常态化整顿软弱涣散村党组织,提升村民小组党建工作质量',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['各县区党委'],
          targets: {
            '2024': '排查确定年度整顿对象,逐村制定整顿方案',
            '2025': '完成年度整顿销号,提升村民小组党建工作质量',
            '2026': '整顿转化常态长效,防止反弹',
          },
          milestones: [
            { id: 'T25-M1', title: '完成年度排查并确定整顿对象', dueDate: '2024-10-31' },
            { id: 'T25-M2', title: '整顿对象销号验收', dueDate: '2025-06-30' },
            { id: 'T25-M3', title: '开展整顿“回头看”', dueDate: '2026-03-31' },
            { id: 'T25-M4', title: '完成年度整顿销号', dueDate: '2026-11-30' },
          ],
          startDate: '2024-08-19',
          dueDate: '2026-12-31',
        },
        {
          id: 'T26',
          code: '8.3',
          title: '构建“一核多元”机制,推进社区分类治理',
          titleEn: '"One core, many actors" and classified community governance',
          source: '构建“一核多元”治理机制,深入开展党建引领社区分类治理',
          reconstructed: true,
          leadUnit: '市委社会工作部',
          cooperatingUnits: ['市民政局', '市住房和城乡建设局', '各县区党委'],
          targets: {
            '2024': '按旅游聚集类、传统老旧类、新建住宅类、城乡结合类完成社区分类',
            '2025': '每类打造治理示范样本,建强街道“大工委”、社区“大党委”',
            '2026': '社区物业党建联建普遍推开,城市基层治理效能提升',
          },
          milestones: [
            { id: 'T26-M1', title: '完成社区分类', dueDate: '2024-12-31' },
            { id: 'T26-M2', title: '确定四类社区治理示范点', dueDate: '2025-06-30' },
            { id: 'T26-M3', title: '开展社区物业党建联建专项推进', dueDate: '2025-12-31' },
            { id: 'T26-M4', title: '总结推广示范样本经验', dueDate: '2026-10-31' },
          ],
          startDate: '2024-09-01',
          dueDate: '2026-12-31',
        },
        {
          id: 'T27',
          code: '8.4',
          title: '实施“强新、联新、暖新”行动',
          titleEn: '"Strengthen, Connect, Warm" action for Party building in emerging sectors',
          source: '实施“强新、联新、暖新”行动',
          reconstructed: true,
          leadUnit: '市委社会工作部',
          cooperatingUnits: ['市交通运输局', '市住房和城乡建设局'],
          targets: {
            '2024': '推动成立交通运输、物业服务等行业党委',
            '2025': '深入开展“两新”组织党建结对共建',
            '2026': '“两企三新”诉求建议直通机制常态运行',
          },
          milestones: [
            { id: 'T27-M1', title: '成立交通运输、物业服务行业党委', dueDate: '2024-12-31' },
            { id: 'T27-M2', title: '完成“两新”组织党建结对', dueDate: '2025-06-30' },
            { id: 'T27-M3', title: '建立“两企三新”诉求建议直通机制', dueDate: '2025-12-31' },
          ],
          startDate: '2024-09-01',
          dueDate: '2026-12-31',
        },
        {
          id: 'T28',
          code: '8.5',
          title: '拓展“一领域一品牌”创建',
          titleEn: '"One field, one brand": model organs, five-strong firms, four-excellent schools, four-good hospitals',
          source:
            '拓展“一领域一品牌”创建,深入推进模范机关建设,深化党建引领“五强企业”创建,持续开展党建引领“四优学校”“四好医院”创建',
          reconstructed: true,
          leadUnit: '市委组织部',
          cooperatingUnits: ['市直机关工委', '市教育局', '市卫生健康局'],
          targets: {
            '2024': '各传统领域明确党建品牌创建方向',
            '2025': '开展模范机关、“五强企业”“四优学校”“四好医院”年度评选',
            '2026': '形成一批叫得响的传统领域党建品牌',
          },
          milestones: [
            { id: 'T28-M1', title: '确定各领域品牌创建方向', dueDate: '2024-12-31' },
            { id: 'T28-M2', title: '完成年度品牌创建评选', dueDate: '2025-12-31' },
            { id: 'T28-M3', title: '汇编传统领域党建品牌案例', dueDate: '2026-10-31' },
          ],
          startDate: '2024-10-01',
          dueDate: '2026-12-31',
        },
      ],
    },
  ],
};
