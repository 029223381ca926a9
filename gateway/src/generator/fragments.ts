/**
 * Real fragments of Chinese government service item names (departments, subjects, actions,
 * materials), recombined by the synthetic catalogue generator. The combinations are plausible,
 * not real items: they exist to give search benchmarks a realistic vocabulary and size.
 */

export interface DepartmentFragment {
  id: string;
  name: string;
  shortName: string;
  /** Subjects this department handles; `person` subjects serve residents, the rest businesses. */
  subjects: { name: string; person: boolean; aliases?: string[] }[];
}

export const DEPARTMENTS: DepartmentFragment[] = [
  {
    id: 'gen-gongan',
    name: '武汉市公安局洪山区分局',
    shortName: '公安',
    subjects: [
      { name: '户口', person: true, aliases: ['落户', '迁户口'] },
      { name: '居民身份证', person: true, aliases: ['身份证'] },
      { name: '居住证', person: true },
      { name: '临时居民身份证', person: true },
      { name: '印章刻制业', person: false },
      { name: '旅馆业', person: false },
      { name: '保安服务', person: false },
      { name: '剧毒化学品购买', person: false },
      { name: '烟花爆竹道路运输', person: false },
      { name: '大型群众性活动安全', person: false },
    ],
  },
  {
    id: 'gen-scjg',
    name: '洪山区市场监督管理局',
    shortName: '市场监管',
    subjects: [
      { name: '食品经营', person: false, aliases: ['开饭店', '餐饮'] },
      { name: '食品生产', person: false },
      { name: '小餐饮', person: false, aliases: ['小饭馆'] },
      { name: '药品零售企业', person: false, aliases: ['开药店'] },
      { name: '医疗器械经营', person: false },
      { name: '公司', person: false, aliases: ['开公司', '注册公司'] },
      { name: '个体工商户', person: true, aliases: ['个体户'] },
      { name: '农民专业合作社', person: false },
      { name: '特种设备使用', person: false },
      { name: '计量器具', person: false },
    ],
  },
  {
    id: 'gen-rsj',
    name: '洪山区人力资源和社会保障局',
    shortName: '人社',
    subjects: [
      { name: '就业创业证', person: true, aliases: ['失业证'] },
      { name: '失业保险金', person: true },
      { name: '人力资源服务', person: false },
      { name: '劳务派遣经营', person: false },
      { name: '高校毕业生就业见习', person: true },
      { name: '一次性创业补贴', person: true },
      { name: '职业技能培训', person: true },
      { name: '技能人才评价', person: true },
      { name: '工伤认定', person: true },
      { name: '劳动能力鉴定', person: true },
    ],
  },
  {
    id: 'gen-shebao',
    name: '洪山区社会保险管理中心',
    shortName: '社保',
    subjects: [
      { name: '城乡居民基本养老保险', person: true, aliases: ['居民养老'] },
      { name: '职工基本养老保险', person: true, aliases: ['养老保险'] },
      { name: '退休待遇', person: true, aliases: ['办退休'] },
      { name: '社会保障卡', person: true, aliases: ['社保卡'] },
      { name: '灵活就业人员参保', person: true },
      { name: '单位社会保险', person: false },
      { name: '养老保险关系转移', person: true },
      { name: '遗属待遇', person: true },
    ],
  },
  {
    id: 'gen-minzheng',
    name: '洪山区民政局',
    shortName: '民政',
    subjects: [
      { name: '结婚', person: true },
      { name: '离婚', person: true },
      { name: '最低生活保障', person: true, aliases: ['低保'] },
      { name: '特困人员', person: true },
      { name: '临时救助', person: true },
      { name: '养老机构', person: false },
      { name: '社会团体', person: false },
      { name: '民办非企业单位', person: false },
      { name: '高龄津贴', person: true },
      { name: '孤儿基本生活费', person: true },
    ],
  },
  {
    id: 'gen-weijian',
    name: '洪山区卫生健康局',
    shortName: '卫健',
    subjects: [
      { name: '医师执业', person: true },
      { name: '护士执业', person: true },
      { name: '医疗机构执业', person: false, aliases: ['开诊所'] },
      { name: '公共场所卫生', person: false },
      { name: '放射诊疗', person: false },
      { name: '母婴保健技术服务', person: false },
      { name: '生育登记服务', person: true },
      { name: '出生医学证明', person: true },
      { name: '计划生育家庭特别扶助', person: true },
    ],
  },
  {
    id: 'gen-yibao',
    name: '洪山区医疗保障局',
    shortName: '医保',
    subjects: [
      { name: '异地就医', person: true },
      { name: '城乡居民医疗保险', person: true, aliases: ['医保'] },
      { name: '门诊慢特病', person: true },
      { name: '医疗费用手工报销', person: true },
      { name: '定点医药机构', person: false },
    ],
  },
  {
    id: 'gen-zhujian',
    name: '洪山区住房和城市更新局',
    shortName: '住建',
    subjects: [
      { name: '建筑工程施工', person: false },
      { name: '商品房预售', person: false },
      { name: '物业服务', person: false },
      { name: '公共租赁住房', person: true, aliases: ['公租房'] },
      { name: '房屋租赁', person: true },
      { name: '建设工程竣工验收', person: false },
      { name: '城市道路挖掘', person: false },
      { name: '燃气经营', person: false },
    ],
  },
  {
    id: 'gen-bdc',
    name: '洪山区不动产登记中心',
    shortName: '不动产',
    subjects: [
      { name: '不动产首次', person: true },
      { name: '二手房转移', person: true, aliases: ['过户', '房产过户'] },
      { name: '抵押权', person: true },
      { name: '不动产更正', person: true },
      { name: '预告', person: true },
      { name: '不动产权籍', person: true },
    ],
  },
  {
    id: 'gen-wenlv',
    name: '洪山区文化和旅游局',
    shortName: '文旅',
    subjects: [
      { name: '营业性演出', person: false },
      { name: '娱乐场所', person: false },
      { name: '互联网上网服务营业场所', person: false, aliases: ['网吧'] },
      { name: '旅行社', person: false },
      { name: '艺术品经营', person: false },
    ],
  },
  {
    id: 'gen-sifa',
    name: '洪山区司法局',
    shortName: '司法',
    subjects: [
      { name: '法律援助', person: true },
      { name: '人民调解', person: true },
      { name: '基层法律服务工作者', person: true },
      { name: '公证', person: true },
    ],
  },
  {
    id: 'gen-canlian',
    name: '洪山区残疾人联合会',
    shortName: '残联',
    subjects: [
      { name: '残疾人证', person: true },
      { name: '残疾人两项补贴', person: true },
      { name: '残疾人康复', person: true },
      { name: '残疾人就业', person: false },
    ],
  },
  {
    id: 'gen-tuiyi',
    name: '洪山区退役军人事务局',
    shortName: '退役军人',
    subjects: [
      { name: '退役士兵', person: true },
      { name: '优待证', person: true },
      { name: '伤残抚恤', person: true },
      { name: '烈士褒扬', person: true },
    ],
  },
  {
    id: 'gen-chengguan',
    name: '洪山区城市管理执法局',
    shortName: '城管',
    subjects: [
      { name: '户外广告设施', person: false },
      { name: '城市建筑垃圾处置', person: false },
      { name: '临时占用城市道路', person: false },
      { name: '城市绿地', person: false },
      { name: '排水', person: false },
    ],
  },
  {
    id: 'gen-jiaoyu',
    name: '洪山区教育局',
    shortName: '教育',
    subjects: [
      { name: '民办学校', person: false },
      { name: '教师资格', person: true },
      { name: '义务教育入学', person: true },
      { name: '校外培训机构', person: false },
      { name: '学生资助', person: true },
    ],
  },
  {
    id: 'gen-huanjing',
    name: '武汉市生态环境局洪山区分局',
    shortName: '生态环境',
    subjects: [
      { name: '建设项目环境影响评价', person: false, aliases: ['环评'] },
      { name: '排污', person: false },
      { name: '危险废物经营', person: false },
    ],
  },
  {
    id: 'gen-shuiwu',
    name: '国家税务总局武汉市洪山区税务局',
    shortName: '税务',
    subjects: [
      { name: '发票', person: false },
      { name: '个人所得税', person: true, aliases: ['个税'] },
      { name: '增值税', person: false },
      { name: '契税', person: true },
      { name: '税务', person: false },
    ],
  },
];

export interface ActionFragment {
  name: string;
  itemType: string;
  /** Whether the action reads naturally after a subject naming a licence/qualification. */
  licence: boolean;
}

export const ACTIONS: ActionFragment[] = [
  { name: '许可（新办）', itemType: '行政许可', licence: true },
  { name: '许可（变更）', itemType: '行政许可', licence: true },
  { name: '许可（延续）', itemType: '行政许可', licence: true },
  { name: '许可（注销）', itemType: '行政许可', licence: true },
  { name: '审批', itemType: '行政许可', licence: true },
  { name: '核准', itemType: '行政许可', licence: true },
  { name: '登记', itemType: '行政确认', licence: false },
  { name: '设立登记', itemType: '行政确认', licence: false },
  { name: '变更登记', itemType: '行政确认', licence: false },
  { name: '注销登记', itemType: '行政确认', licence: false },
  { name: '认定', itemType: '行政确认', licence: false },
  { name: '备案', itemType: '行政备案', licence: false },
  { name: '申领', itemType: '行政确认', licence: false },
  { name: '补领', itemType: '行政确认', licence: false },
  { name: '换领', itemType: '行政确认', licence: false },
  { name: '注册', itemType: '行政许可', licence: true },
  { name: '补贴申领', itemType: '行政给付', licence: false },
  { name: '待遇核定', itemType: '行政给付', licence: false },
  { name: '资格审核', itemType: '行政确认', licence: false },
  { name: '证明开具', itemType: '公共服务', licence: false },
  { name: '信息查询', itemType: '公共服务', licence: false },
  { name: '信息变更', itemType: '公共服务', licence: false },
  { name: '年度报告', itemType: '公共服务', licence: false },
  { name: '迁移', itemType: '行政确认', licence: false },
  { name: '验收', itemType: '行政确认', licence: true },
];

/** Extra qualifiers that real catalogues use to split one item into variants. */
export const PERSON_QUALIFIERS = [
  '',
  '（个人）',
  '（首次）',
  '（跨区迁入）',
  '（因损毁）',
  '（网上办理）',
  '（街道受理）',
  '（委托代办）',
];
export const BUSINESS_QUALIFIERS = [
  '',
  '（单位）',
  '（首次）',
  '（分支机构）',
  '（告知承诺）',
  '（网上办理）',
  '（简易程序）',
  '（迁入）',
];

/**
 * Who applies, for the variants a provincial catalogue splits out by applicant (港澳台居民办理,
 * 外商投资企业办理…). Used only beyond the district-sized catalogue (see `generateCatalogue`).
 */
export const PERSON_APPLICANTS = [
  '港澳台居民',
  '外籍人员',
  '老年人',
  '残疾人',
  '未成年人',
  '现役军人',
  '农村居民',
  '退役军人',
  '华侨',
  '困难群众',
];
export const BUSINESS_APPLICANTS = [
  '外商投资企业',
  '个人独资企业',
  '合伙企业',
  '国有企业',
  '民办非企业单位',
  '农村集体经济组织',
  '小微企业',
  '事业单位',
  '社会团体',
  '个体经营者',
];

export const PERSON_MATERIALS = [
  '居民身份证',
  '居民户口簿',
  '近期免冠彩色证件照片',
  '结婚证',
  '出生医学证明',
  '社会保障卡',
  '本人银行账户信息',
  '授权委托书及受托人身份证件',
  '不动产权证书',
  '房屋租赁合同',
  '学历证书',
  '劳动合同',
  '离职证明',
  '残疾人证',
  '退出现役证',
  '无犯罪记录证明',
  '家庭收入状况申报表',
  '医疗诊断证明',
  '居住证',
];

export const BUSINESS_MATERIALS = [
  '营业执照',
  '法定代表人身份证件',
  '公司章程',
  '股东会决议',
  '经营场所使用证明',
  '场所平面布局图',
  '主要设施设备清单',
  '从业人员健康证明',
  '管理制度文本',
  '专业技术人员资格证书',
  '消防安全检查合格证明',
  '环境影响评价文件',
  '建设工程规划许可证',
  '授权委托书及受托人身份证件',
  '告知承诺书',
  '安全生产责任制度',
  '应急预案',
];
