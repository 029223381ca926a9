/** Chinese names of fields, so a validation message says in words which field is wrong. */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * Fields of the catalogue import format. A key may be qualified by its parent list
 * (`items.name`) where the same name means different things at different depths.
 */
export const IMPORT_LABELS: FieldLabels = {
  version: '格式版本',
  departments: '部门列表',
  'departments.id': '部门 id',
  'departments.name': '部门名称',
  'departments.shortName': '部门简称',
  items: '事项列表',
  'items.code': '事项编码',
  'items.name': '事项名称',
  aliases: '别名',
  audiences: '服务对象',
  itemType: '办理类型',
  legalDays: '法定时限',
  promisedDays: '承诺时限',
  visits: '到现场次数',
  fee: '收费说明',
  channels: '办理渠道',
  fullyOnline: '全程网办',
  maxOneVisit: '最多跑一次',
  scope: '通办范围',
  conditionsHtml: '办理条件',
  materials: '材料',
  'materials.name': '材料名称',
  form: '材料形式',
  copies: '份数',
  necessity: '必要性',
  reviewPoints: '审查要点',
  source: '材料来源',
  eLicenceAccepted: '可用电子证照',
  commitmentAllowed: '可告知承诺',
  steps: '办理流程',
  title: '步骤名称',
  description: '步骤说明',
  legalBasisHtml: '设定依据',
  faqs: '常见问题',
  question: '问题',
  answer: '回答',
  phone: '咨询电话',
  hallIds: '办事地点',
  popularity: '热度',
};

/** Extra guidance for well-known patterns, keyed by the schema's `pattern`. */
export const PATTERN_HINTS: Readonly<Record<string, string>> = {
  '^1[3-9]\\d{9}$': '，请输入 11 位中国大陆手机号',
  '^\\d{6}$': '，应为 6 位数字',
  '^[A-Za-z0-9-]{3,64}$': '，只能包含字母、数字和“-”，长度 3–64',
  '^[a-z0-9-]{2,64}$': '，只能包含小写字母、数字和“-”，长度 2–64',
};
