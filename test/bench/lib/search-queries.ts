import type { SearchParams } from '../../../gateway/src/search/search-engine';

/** 100 queries as residents type them; `&…` adds filters. */
export const QUERIES: string[] = [
  // characters: whole names, parts, departments, materials
  '户口迁移',
  '户口',
  '身份证',
  '居民身份证申领',
  '出生登记',
  '结婚登记',
  '离婚',
  '营业执照',
  '食品经营许可',
  '公司设立登记',
  '个体工商户',
  '养老保险',
  '失业保险金',
  '就业创业证',
  '医师执业注册',
  '异地就医',
  '不动产登记',
  '二手房',
  '城市道路挖掘',
  '营业性演出',
  '法律援助',
  '残疾人证',
  '人力资源服务许可',
  '特困人员',
  '公共场所卫生许可',
  '社会保障卡',
  '退休',
  '护士执业',
  '药品零售',
  '居住证',
  '公安',
  '市场监督管理局',
  '户口簿',
  '无犯罪记录证明',
  '登记',
  '许可',
  '证明',
  '补贴',
  '备案',
  '注销',
  // full pinyin, with spaces, cut inside a syllable
  'hukouqianyi',
  'hu kou qian yi',
  'hukouq',
  'shenfenzheng',
  'jiehundengji',
  'yingyezhizhao',
  'shipinjingying',
  'gongsisheli',
  'yanglaobaoxian',
  'yidijiuyi',
  'falvyuanzhu',
  'canjirenzheng',
  'shebaoka',
  'gongjijin',
  'tuixiu',
  'hushi',
  'dengji',
  'xuke',
  'zhuce',
  'biangeng',
  // initials and mixed
  'hkqy',
  'sfz',
  'jhdj',
  'yyzz',
  'spjy',
  'gssl',
  'ylbx',
  'ydjy',
  'flyz',
  'cjrz',
  'sbk',
  'hkqianyi',
  'gtgsh',
  'bdcdj',
  'zydj',
  // synonyms and aliases
  '开饭店',
  '开公司',
  '注册公司',
  '个体户',
  '办退休',
  '社保',
  '医保',
  '过户',
  '上户口',
  '失业金',
  // first keystrokes (suggest-as-you-type)
  'h',
  's',
  'z',
  '户',
  '证',
  // with filters
  '登记&audience=business',
  '许可&fullyOnline=true',
  'sfz&audience=person',
  '&department=gongan',
  '&scope=cross-province',
  // misses and awkward input
  '不存在的事项',
  'xyzxyz',
  '火星移民',
  "' OR 1=1 --",
  '%',
];

export function toParams(query: string): SearchParams {
  const [q, ...filters] = query.split('&');
  const params: SearchParams = { q, page: 1, pageSize: 20 };
  for (const f of filters) {
    const [key, value] = f.split('=');
    if (key === 'audience') params.audience = value as SearchParams['audience'];
    if (key === 'department') params.department = value;
    if (key === 'fullyOnline') params.fullyOnline = value === 'true';
    if (key === 'scope') params.scope = value as SearchParams['scope'];
  }
  return params;
}

export function toUrl(query: string): string {
  const [q, ...filters] = query.split('&');
  return `/api/search?q=${encodeURIComponent(q)}${filters.map((f) => `&${f}`).join('')}`;
}
