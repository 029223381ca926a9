/**
 * 一件事（主题集成服务）：把多个关联事项合并为一次申请、一套材料、一次办结。
 * 名称参照湖北省“高效办成一件事”和武汉市主题服务清单。itemCodes 必须引用 catalogue 中存在的事项编码
 * （名称写在注释里便于核对）；promisedDays 为集成办理后的承诺时限，小于各事项承诺时限之和。
 */

export interface SeedTheme {
  code: string;
  name: string;
  description: string;
  audiences: ('person' | 'business')[];
  itemCodes: string[];
  /** 承诺时限 of the bundle, in working days. */
  promisedDays: number;
  /** 到现场次数. */
  visits: number;
}

export const seedThemes: SeedTheme[] = [
  {
    code: 'HS-YJS-001',
    name: '企业开办一件事',
    description:
      '营业执照、公章刻制、税务信息确认和发票申领、单位社保登记一次申请，0.5 个工作日内办结，首套印章免费刻制。',
    audiences: ['business'],
    itemCodes: [
      'HS-SC-0011', // 公司设立登记
      'HS-GA-0021', // 公章刻制备案
      'HS-SW-0001', // 新办纳税人涉税事项套餐
      'HS-SW-0002', // 发票领用
      'HS-SB-0010', // 单位参保登记
    ],
    promisedDays: 0,
    visits: 0,
  },
  {
    code: 'HS-YJS-002',
    name: '我要开餐馆',
    description: '个体户营业执照、食品经营许可、门头招牌备案、餐饮污水排入排水管网许可一次提交，现场核查一次完成。',
    audiences: ['business', 'person'],
    itemCodes: [
      'HS-SC-0006', // 个体工商户设立登记
      'HS-SC-0001', // 食品经营许可（新办）
      'HS-CG-0004', // 门头招牌设置备案
      'HS-SP-0011', // 城镇污水排入排水管网许可
    ],
    promisedDays: 5,
    visits: 0,
  },
  {
    code: 'HS-YJS-003',
    name: '我要开便利店',
    description: '营业执照、仅销售预包装食品备案、门头招牌备案一次办理；现制现售或销售散装熟食的同步申请食品经营许可。',
    audiences: ['business', 'person'],
    itemCodes: [
      'HS-SC-0006', // 个体工商户设立登记
      'HS-SC-0005', // 仅销售预包装食品备案
      'HS-SC-0001', // 食品经营许可（新办）
      'HS-CG-0004', // 门头招牌设置备案
    ],
    promisedDays: 3,
    visits: 0,
  },
  {
    code: 'HS-YJS-004',
    name: '我要开药店',
    description:
      '公司设立、药品经营许可证（零售）、第二类医疗器械经营备案、仅销售预包装食品备案并联审批，现场检查一次完成。',
    audiences: ['business'],
    itemCodes: [
      'HS-SC-0011', // 公司设立登记
      'HS-SC-0026', // 药品经营许可证（零售）核发
      'HS-SC-0028', // 第二类医疗器械经营备案
      'HS-SC-0005', // 仅销售预包装食品备案
    ],
    promisedDays: 7,
    visits: 0,
  },
  {
    code: 'HS-YJS-005',
    name: '我要开宾馆',
    description: '营业执照、旅馆业特种行业许可、公共场所卫生许可一次申请，公安、卫健联合现场核查，领证跑一次。',
    audiences: ['business'],
    itemCodes: [
      'HS-SC-0011', // 公司设立登记
      'HS-GA-0020', // 旅馆业特种行业许可证核发
      'HS-WJ-0009', // 公共场所卫生许可
      'HS-CG-0004', // 门头招牌设置备案
    ],
    promisedDays: 8,
    visits: 1,
  },
  {
    code: 'HS-YJS-006',
    name: '我要开网吧',
    description: '营业执照、网络文化经营许可证（互联网上网服务营业场所）、公章刻制一次申请，文旅部门现场核查一次完成。',
    audiences: ['business'],
    itemCodes: [
      'HS-SC-0011', // 公司设立登记
      'HS-WL-0006', // 互联网上网服务营业场所经营单位设立审批
      'HS-GA-0021', // 公章刻制备案
      'HS-CG-0004', // 门头招牌设置备案
    ],
    promisedDays: 7,
    visits: 0,
  },
  {
    code: 'HS-YJS-007',
    name: '我要开理发店',
    description: '个体户营业执照、公共场所卫生许可（告知承诺）、门头招牌备案一次办理。',
    audiences: ['business', 'person'],
    itemCodes: [
      'HS-SC-0006', // 个体工商户设立登记
      'HS-WJ-0009', // 公共场所卫生许可
      'HS-CG-0004', // 门头招牌设置备案
    ],
    promisedDays: 3,
    visits: 0,
  },
  {
    code: 'HS-YJS-008',
    name: '我要开人力资源服务公司',
    description: '公司设立、人力资源服务许可、公章刻制、税务和社保登记一次申请，人力资源服务许可实行告知承诺。',
    audiences: ['business'],
    itemCodes: [
      'HS-SC-0011', // 公司设立登记
      'HS-RS-0005', // 人力资源服务许可
      'HS-GA-0021', // 公章刻制备案
      'HS-SW-0001', // 新办纳税人涉税事项套餐
      'HS-SB-0010', // 单位参保登记
    ],
    promisedDays: 3,
    visits: 0,
  },
  {
    code: 'HS-YJS-009',
    name: '新生儿出生一件事',
    description:
      '出生登记（落户）、新生儿参加城乡居民医保、社会保障卡申领、生育津贴一次申请，户口簿和社保卡可邮寄到家。',
    audiences: ['person'],
    itemCodes: [
      'HS-GA-0006', // 出生登记
      'HS-YB-0004', // 新生儿参加城乡居民基本医疗保险
      'HS-SB-0020', // 社会保障卡申领
      'HS-YB-0008', // 生育津贴支付
    ],
    promisedDays: 3,
    visits: 0,
  },
  {
    code: 'HS-YJS-010',
    name: '我要退休',
    description:
      '退休审批、基本养老金核定、职工医保退休人员缴费年限核定一次办理，到龄前 1 个月可网上预约，档案由经办机构内部调阅。',
    audiences: ['person', 'business'],
    itemCodes: [
      'HS-SB-0003', // 职工基本养老保险退休待遇核定
      'HS-YB-0012', // 职工医保退休人员缴费年限核定
    ],
    promisedDays: 10,
    visits: 0,
  },
  {
    code: 'HS-YJS-011',
    name: '不动产登记一件事',
    description: '二手房网签、交易税费申报、转移登记和抵押登记“一窗受理、并行办理”，水电气网过户信息同步推送。',
    audiences: ['person', 'business'],
    itemCodes: [
      'HS-ZJ-0010', // 存量房买卖合同网签备案
      'HS-SW-0008', // 存量房交易税费申报
      'HS-BDC-0001', // 不动产登记（二手房转移登记）
      'HS-BDC-0003', // 不动产登记（抵押权首次登记）
    ],
    promisedDays: 1,
    visits: 1,
  },
  {
    code: 'HS-YJS-012',
    name: '身后一件事',
    description: '户口注销、丧葬补助金和抚恤金、养老保险个人账户余额、基本殡葬服务费用减免一次申请，家属少跑腿。',
    audiences: ['person'],
    itemCodes: [
      'HS-GA-0007', // 死亡注销户口
      'HS-SB-0018', // 丧葬补助金、抚恤金申领
      'HS-SB-0019', // 个人账户一次性待遇申领
      'HS-MZ-0011', // 基本殡葬服务费用减免
    ],
    promisedDays: 10,
    visits: 0,
  },
  {
    code: 'HS-YJS-013',
    name: '退役军人服务一件事',
    description: '退役报到及档案接收、户口登记、信息采集、优待证申领、自主就业一次性经济补助金发放一次办理。',
    audiences: ['person'],
    itemCodes: [
      'HS-TY-0003', // 退役士兵报到及档案接收
      'HS-GA-0005', // 户口迁移
      'HS-TY-0005', // 退役军人、其他优抚对象信息采集
      'HS-TY-0004', // 退役军人优待证申领
      'HS-TY-0001', // 退役士兵自主就业一次性经济补助金发放
    ],
    promisedDays: 15,
    visits: 1,
  },
  {
    code: 'HS-YJS-014',
    name: '残疾人服务一件事',
    description: '残疾人证办理、困难残疾人生活补贴和重度残疾人护理补贴、辅助器具适配一次申请，评残后补贴自动启动审核。',
    audiences: ['person'],
    itemCodes: [
      'HS-CL-0001', // 残疾人证办理
      'HS-MZ-0009', // 困难残疾人生活补贴和重度残疾人护理补贴
      'HS-CL-0006', // 残疾人辅助器具适配
    ],
    promisedDays: 20,
    visits: 1,
  },
  {
    code: 'HS-YJS-015',
    name: '入学一件事',
    description:
      '义务教育入学登记与随迁子女入学申请、居住证、预防接种证查验一次办理，户籍、房产、社保信息由系统共享核验。',
    audiences: ['person'],
    itemCodes: [
      'HS-JY-0001', // 义务教育新生入学登记（小学）
      'HS-JY-0003', // 随迁子女义务教育入学申请
      'HS-GA-0009', // 居住证申领
      'HS-WJ-0021', // 预防接种证办理
    ],
    promisedDays: 10,
    visits: 1,
  },
];
