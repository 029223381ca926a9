import type {
  Channel,
  Faq,
  GuideStep,
  ImportDepartment,
  ImportItem,
  ImportMaterial,
  MaterialForm,
  MaterialNecessity,
  TongbanScope,
} from '../../../types/contract';
import { HALL_IDS, STREET_CENTRE_IDS, TERMINAL_IDS } from '../halls';

/*
 * Helpers for the catalogue seed. Every item is written out in its department file (name, type,
 * time limits, conditions, materials, legal basis); these helpers only fill in the boilerplate that
 * is genuinely the same across items (step wording, common materials, hall lists, defaults).
 */

// ---------------------------------------------------------------------------------------------
// Materials

interface MatOpts {
  form?: MaterialForm;
  copies?: number;
  nec?: MaterialNecessity;
  src?: string;
  /** 可用电子证照 */
  el?: boolean;
  /** 可告知承诺 */
  cm?: boolean;
}

/** One material. Defaults: 原件 1 份，必要，申请人自备. */
export function mat(name: string, reviewPoints: string, o: MatOpts = {}): ImportMaterial {
  return {
    name,
    form: o.form ?? 'original',
    copies: o.copies ?? 1,
    necessity: o.nec ?? 'required',
    reviewPoints,
    source: o.src ?? '申请人自备',
    eLicenceAccepted: o.el ?? false,
    commitmentAllowed: o.cm ?? false,
  };
}

/** 申请表 / 申请书 for a person. */
export function form(name: string, extra = ''): ImportMaterial {
  return mat(name, `使用规范格式文本，各栏目填写完整、字迹清晰，申请人本人签字${extra}`, {
    src: '湖北政务服务网下载或窗口领取',
  });
}

/** 申请书 for a business: signed by the legal representative and stamped. */
export function bizForm(name: string, extra = ''): ImportMaterial {
  return mat(name, `使用规范格式文本，内容填写完整，加盖单位公章并由法定代表人（负责人）签字${extra}`, {
    src: '湖北政务服务网下载或窗口领取',
  });
}

/** A copy of an existing certificate / document, verified against the original. */
export function copyOf(name: string, reviewPoints: string, o: MatOpts = {}): ImportMaterial {
  return mat(name, reviewPoints, { form: 'copy', ...o });
}

/** Commonly used materials. Items get their own copies (see `dept`). */
export const M = {
  idCard: mat('申请人居民身份证', '核验原件并与申请人本人比对；证件在有效期内', { src: '公安部门', el: true }),
  hukou: mat('居民户口簿', '核验户主页和本人页，户籍信息与身份证一致', { src: '公安部门', el: true }),
  idAndHukou: mat('居民身份证、居民户口簿', '核验原件；身份证在有效期内，户籍信息与身份证一致', {
    src: '公安部门',
    el: true,
  }),
  photo: mat('近期免冠彩色证件照片', '近 6 个月内白底正面免冠照片，可用窗口现场采集照片代替', { copies: 2 }),
  agent: mat('授权委托书及受托人身份证件', '委托事项、权限和期限明确，委托人签字（盖章）；受托人身份证件核验原件', {
    nec: 'conditional',
  }),
  bizLicence: mat('营业执照', '核验统一社会信用代码和登记状态为存续；经营范围与申请事项相符', {
    form: 'copy',
    src: '市场监管部门',
    el: true,
  }),
  legalRepId: mat('法定代表人（负责人）身份证件', '核验原件，与营业执照登记的法定代表人（负责人）一致', {
    src: '公安部门',
    el: true,
  }),
  premises: mat(
    '经营场所使用证明（不动产权证书或租赁合同）',
    '场所地址与申请地址一致；租赁合同在有效期内并附出租方产权证明；可签署告知承诺书代替',
    { form: 'copy', cm: true },
  ),
  sitePlan: mat('经营场所平面布局图及周边环境示意图', '标明各功能区面积和设施设备位置，比例与实际相符', {}),
  socialCard: mat('社会保障卡', '核验卡片状态正常，持卡人与申请人一致；可用电子社保卡', { src: '人社部门', el: true }),
  bankAccount: mat('本人银行账户信息（或已激活金融功能的社会保障卡）', '账户户名与申请人一致，账户状态正常', {
    form: 'copy',
  }),
  noCrime: mat('无犯罪记录证明', '由公安机关出具，载明无犯罪记录；可签署告知承诺书，由部门核查', {
    src: '公安部门',
    cm: true,
    el: true,
  }),
  marriageCert: mat('结婚证', '核验原件，持证人与申请人一致', { src: '民政部门', el: true }),
  birthCert: mat('出生医学证明', '核验原件，与新生儿及父母信息一致', { src: '助产医疗机构', el: true }),
  deathCert: mat(
    '居民死亡医学证明（推断）书或其他死亡证明',
    '由医疗机构或公安机关出具，死者信息与户籍一致；已在系统内共享的无需提交',
    { src: '医疗卫生机构或公安部门', el: true },
  ),
  houseCert: mat(
    '不动产权证书（或房屋所有权证、国有土地使用证）',
    '核验原件，权利人、坐落与登记簿一致，无查封、异议登记',
    {
      src: '不动产登记机构',
      el: true,
    },
  ),
  healthCert: mat('从业人员健康证明', '在有效期内（1 年），岗位与申请事项相符', {
    form: 'copy',
    src: '医疗卫生机构',
    el: true,
  }),
  dischargeCert: mat('退出现役证（或士兵退出现役证）', '核验原件，退役时间、安置方式与档案一致', {
    src: '部队及退役军人事务部门',
  }),
  disabilityCert: mat('中华人民共和国残疾人证（第三代）', '核验证件在有效期内，残疾类别、等级与申请事项相符', {
    src: '残联',
    el: true,
  }),
  incomeStatement: mat(
    '家庭收入、财产状况申报及授权核对书',
    '如实申报家庭成员收入和财产，全体成年家庭成员签字授权核对',
    {},
  ),
  commitment: mat('告知承诺书', '申请人（法定代表人）签字确认，承诺内容与事项告知承诺清单一致', {
    src: '湖北政务服务网下载或窗口领取',
  }),
};

// ---------------------------------------------------------------------------------------------
// Steps

export type StepKind = 'permit' | 'inspect' | 'confirm' | 'instant' | 'benefit' | 'filing' | 'service' | 'tax';

const STEPS: Record<StepKind, GuideStep[]> = {
  permit: [
    { title: '申请', description: '通过湖北政务服务网、洪山掌上办或窗口提交申请材料' },
    { title: '受理', description: '材料齐全、符合法定形式的当场受理；不齐全的一次性告知需补正内容' },
    { title: '审查', description: '对申请材料的实质内容进行审查，必要时征求相关部门意见' },
    { title: '决定', description: '符合条件的作出准予许可决定；不符合的书面说明理由并告知救济途径' },
    { title: '送达', description: '电子证照同步生成；纸质证件可窗口领取或免费邮寄送达' },
  ],
  inspect: [
    { title: '申请', description: '网上或窗口提交申请材料，可预约现场核查时间' },
    { title: '受理', description: '材料齐全、符合法定形式的当场受理，出具受理通知书' },
    { title: '现场核查', description: '审查人员按标准对场所、设施设备进行现场核查，申请人到场配合' },
    { title: '决定', description: '核查合格的作出准予许可决定；不合格的书面告知整改要求或不予许可理由' },
    { title: '送达', description: '发放许可证（电子证照同步生成），可窗口领取或邮寄送达' },
  ],
  confirm: [
    { title: '申请', description: '网上或窗口提交申请材料' },
    { title: '受理', description: '对材料进行形式审查，符合要求的予以受理' },
    { title: '审核', description: '核实申请信息，必要时通过部门共享数据或实地核查' },
    { title: '办结', description: '审核通过的予以登记（确认）并告知结果；不予确认的说明理由' },
  ],
  instant: [
    { title: '申请', description: '网上、自助终端或窗口提交申请' },
    { title: '受理并办结', description: '材料齐全的当场受理、当场办结' },
    { title: '领取结果', description: '电子结果即时推送；纸质结果窗口当场领取' },
  ],
  benefit: [
    { title: '申请', description: '本人或代理人向户籍（居住）地街道、社区或区级窗口提出申请' },
    { title: '受理', description: '审核材料完整性，符合要求的予以受理' },
    { title: '审核', description: '入户调查、信息核对，需要公示的在社区公示 7 天' },
    { title: '审批', description: '主管部门作出审批决定，不予批准的书面说明理由' },
    { title: '发放', description: '按月或一次性通过社会保障卡（银行账户）发放' },
  ],
  filing: [
    { title: '提交', description: '网上或窗口提交备案材料' },
    { title: '核对', description: '对材料完整性进行核对，符合要求的当场备案' },
    { title: '完成备案', description: '出具备案回执（电子版同步推送），备案信息向社会公示' },
  ],
  service: [
    { title: '申请', description: '网上或窗口提出申请' },
    { title: '受理', description: '核对申请材料，符合要求的予以受理' },
    { title: '办理', description: '按服务规范办理，必要时联系申请人补充情况' },
    { title: '办结', description: '告知办理结果，结果文书可窗口领取或邮寄' },
  ],
  tax: [
    { title: '申报（申请）', description: '通过电子税务局、个人所得税 App 或办税服务厅提交' },
    { title: '受理', description: '税务机关核对信息，符合条件的予以受理' },
    { title: '办结', description: '即时办结的当场出具结果；需核实的在承诺时限内办结并告知' },
  ],
};

function stepsFor(kind: StepKind): GuideStep[] {
  return STEPS[kind].map((s) => ({ ...s }));
}

function defaultStepKind(itemType: string, promisedDays: number): StepKind {
  if (promisedDays === 0) return 'instant';
  switch (itemType) {
    case '行政许可':
      return 'permit';
    case '行政给付':
      return 'benefit';
    case '行政备案':
      return 'filing';
    case '行政确认':
      return 'confirm';
    default:
      return 'service';
  }
}

// ---------------------------------------------------------------------------------------------
// Halls

/** 区政务服务中心 only. */
export const AT_MAIN: string[] = [HALL_IDS.main];
/** 区政务服务中心 and every 街道（乡）便民服务中心. */
export const AT_STREETS: string[] = [HALL_IDS.main, ...STREET_CENTRE_IDS];
export const AT_REAL_ESTATE: string[] = [HALL_IDS.realEstate];
export const AT_TAX: string[] = [HALL_IDS.tax, HALL_IDS.main];
export const AT_EXIT_ENTRY: string[] = [HALL_IDS.exitEntry];

// ---------------------------------------------------------------------------------------------
// Items

export type AudienceCode = 'P' | 'B' | 'PB';

export interface ItemSpec {
  /** Sequence number inside the department; never reuse or renumber (it is the stable code). */
  no: number;
  name: string;
  alias?: string[];
  aud: AudienceCode;
  type: string;
  /** [法定时限, 承诺时限] in working days; 0 = 即办. */
  days: [number, number];
  /** 到现场次数; default 0 when fully online, otherwise 1. */
  visits?: number;
  fee?: string;
  /** 全程网办; default true. */
  online?: boolean;
  /** Default: online → 网上 + 窗口; otherwise 窗口 (+ 网上预审). */
  channels?: Channel[];
  scope?: TongbanScope;
  /** 办理条件, one per line. */
  cond: string[];
  /** Extra paragraph after the conditions, shown with a bold 注意. */
  note?: string;
  mats: ImportMaterial[];
  steps?: StepKind;
  /** 设定依据, one law (with article) per entry. */
  basis: string[];
  faqs?: [string, string][];
  halls?: string[];
  phone?: string;
  pop?: number;
}

export interface DeptMeta {
  id: string;
  name: string;
  shortName: string;
  /** Code segment, e.g. GA → HS-GA-0001. */
  code: string;
  phone: string;
  halls: string[];
}

function conditionsHtml(cond: string[], note?: string): string {
  const list = `<p>申请人应当符合下列条件：</p><ul>${cond.map((c) => `<li>${c}</li>`).join('')}</ul>`;
  return note ? `${list}<p><strong>注意：</strong>${note}</p>` : list;
}

function basisHtml(basis: string[]): string {
  return basis.map((b) => `<p>${b}</p>`).join('');
}

const AUDIENCES = {
  P: ['person'],
  B: ['business'],
  PB: ['person', 'business'],
} as const;

function item(meta: DeptMeta, s: ItemSpec): ImportItem {
  const online = s.online ?? true;
  const channels: Channel[] = s.channels ?? (online ? ['online', 'window'] : ['window', 'online']);
  const visits = s.visits ?? (online ? 0 : 1);
  const [legalDays, promisedDays] = s.days;
  const halls = [...(s.halls ?? meta.halls)];
  if (channels.includes('terminal')) halls.push(...TERMINAL_IDS);
  const faqs: Faq[] = (s.faqs ?? []).map(([question, answer]) => ({ question, answer }));
  return {
    code: `HS-${meta.code}-${String(s.no).padStart(4, '0')}`,
    name: s.name,
    aliases: [...(s.alias ?? [])],
    audiences: [...AUDIENCES[s.aud]],
    itemType: s.type,
    legalDays,
    promisedDays,
    visits,
    fee: s.fee ?? '',
    channels,
    fullyOnline: online,
    maxOneVisit: visits <= 1,
    scope: s.scope ?? 'none',
    conditionsHtml: conditionsHtml(s.cond, s.note),
    materials: s.mats.map((m) => ({ ...m })),
    steps: stepsFor(s.steps ?? defaultStepKind(s.type, promisedDays)),
    legalBasisHtml: basisHtml(s.basis),
    faqs,
    phone: s.phone ?? meta.phone,
    hallIds: [...new Set(halls)],
    popularity: s.pop ?? 20,
  };
}

export function dept(meta: DeptMeta, specs: ItemSpec[]): ImportDepartment {
  return {
    id: meta.id,
    name: meta.name,
    shortName: meta.shortName,
    items: specs.map((s) => item(meta, s)),
  };
}
