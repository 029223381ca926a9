/** Chinese names of request fields, so a validation message can say which field is wrong in words. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  q: '搜索词',
  page: '页码',
  pageSize: '每页条数',
  audience: '服务对象',
  department: '部门',
  fullyOnline: '全程网办',
  scope: '通办范围',
  mobile: '手机号',
  code: '验证码',
  platform: '平台',
  refreshToken: '刷新令牌',
  name: '姓名',
  idNumber: '身份证号',
};

/** Extra guidance for well-known patterns, keyed by the schema's `pattern`. */
export const PATTERN_HINTS: Readonly<Record<string, string>> = {
  '^1[3-9]\\d{9}$': '，请输入 11 位中国大陆手机号',
  '^\\d{6}$': '，应为 6 位数字',
  '^[A-Za-z0-9-]{3,64}$': '，只能包含字母、数字和“-”，长度 3–64',
  '^[a-z0-9-]{2,64}$': '，只能包含小写字母、数字和“-”，长度 2–64',
};
