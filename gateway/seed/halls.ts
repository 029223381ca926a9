import type { Hall, OpeningHours } from '../../types/contract';

/**
 * 洪山区办事地点：区政务服务中心及专业分厅、街道（乡）便民服务中心、24 小时自助服务终端。
 *
 * 坐标为 GCJ-02（微信 / 支付宝地图使用的坐标系）。街道中心的地址与坐标按街道办事处所在片区取点，
 * 电话为各中心对外咨询号码的格式示例；上线前须由区政务服务和大数据管理局逐条核对。
 */

export const HALL_IDS = {
  main: 'hs-zwfw-center',
  realEstate: 'hs-bdc-hall',
  tax: 'hs-tax-hall',
  exitEntry: 'hs-crj-hall',
} as const;

/** 工作日 09:00–17:00，中午不休息。 */
const WEEKDAYS: OpeningHours = { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' };
/** 周六上午延时服务。 */
const SATURDAY_MORNING: OpeningHours = { weekdays: [6], open: '09:00', close: '12:00' };
/** 街道便民服务中心：工作日分上下午。 */
const CENTRE_AM: OpeningHours = { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '12:00' };
const CENTRE_PM: OpeningHours = { weekdays: [1, 2, 3, 4, 5], open: '13:30', close: '17:00' };

function hall(
  id: string,
  name: string,
  address: string,
  phone: string,
  latitude: number,
  longitude: number,
  hours: OpeningHours[],
  note: string,
): Hall {
  return {
    id,
    name,
    kind: 'hall',
    address,
    phone,
    latitude,
    longitude,
    open24h: false,
    followsWorkdayCalendar: true,
    hours,
    note,
  };
}

function centre(
  id: string,
  name: string,
  address: string,
  phone: string,
  latitude: number,
  longitude: number,
  note = '',
): Hall {
  return {
    id,
    name,
    kind: 'centre',
    address,
    phone,
    latitude,
    longitude,
    open24h: false,
    followsWorkdayCalendar: true,
    hours: [CENTRE_AM, CENTRE_PM],
    note: note || '工作日 9:00–12:00、13:30–17:00；法定节假日休息，调休上班日正常对外',
  };
}

function terminal(id: string, name: string, address: string, latitude: number, longitude: number, note: string): Hall {
  return {
    id,
    name,
    kind: 'terminal',
    address,
    phone: '027-87318115',
    latitude,
    longitude,
    open24h: true,
    followsWorkdayCalendar: false,
    hours: [],
    note,
  };
}

const mainHalls: Hall[] = [
  hall(
    HALL_IDS.main,
    '洪山区政务服务中心',
    '武汉市洪山区雄楚大道 洪山区政务服务中心一至三楼',
    '027-87318110',
    30.500912,
    114.340517,
    [WEEKDAYS, SATURDAY_MORNING],
    '工作日 9:00–17:00 中午不休息；周六上午 9:00–12:00 提供企业开办、社保医保、户政等高频事项延时服务；法定节假日休息',
  ),
  hall(
    HALL_IDS.realEstate,
    '洪山区不动产登记大厅',
    '武汉市洪山区政务服务中心一楼西区（不动产登记专区）',
    '027-87318132',
    30.500631,
    114.339872,
    [WEEKDAYS, SATURDAY_MORNING],
    '工作日 9:00–17:00 中午不休息；周六上午仅办理预约的二手房转移登记和抵押登记',
  ),
  hall(
    HALL_IDS.tax,
    '国家税务总局武汉市洪山区税务局办税服务厅',
    '武汉市洪山区政务服务中心二楼办税服务区',
    '027-87318186',
    30.501104,
    114.340893,
    [WEEKDAYS],
    '工作日 9:00–17:00 中午不休息；征期最后三天延时至 18:00',
  ),
  hall(
    HALL_IDS.exitEntry,
    '武汉市公安局洪山区分局出入境接待大厅',
    '武汉市洪山区政务服务中心三楼出入境专区',
    '027-87318158',
    30.501322,
    114.340261,
    [WEEKDAYS, { weekdays: [6, 7], open: '09:00', close: '17:00' }],
    '工作日及周末 9:00–17:00 对外办公（法定节假日休息）；证件照片可在大厅内免费拍摄',
  ),
];

/**
 * 街道（乡）便民服务中心。取洪山区直管的街道和乡；东湖高新区、东湖风景区托管的街道
 * （花山、左岭、九峰、关东等）由托管方设置服务中心，未列入。关山街道虽由东湖高新区托管，
 * 但仍受理区级下沉事项，故保留。
 */
const centres: Hall[] = [
  centre(
    'luonan-centre',
    '珞南街道便民服务中心',
    '武汉市洪山区珞狮路 珞南街道办事处一楼',
    '027-87318201',
    30.518265,
    114.352318,
  ),
  centre(
    'guanshan-centre',
    '关山街道便民服务中心',
    '武汉市洪山区关山大道 关山街道办事处一楼',
    '027-87318202',
    30.495823,
    114.414906,
  ),
  centre(
    'shizishan-centre',
    '狮子山街道便民服务中心',
    '武汉市洪山区狮子山街 狮子山街道办事处一楼',
    '027-87318203',
    30.476149,
    114.357702,
  ),
  centre(
    'zhangjiawan-centre',
    '张家湾街道便民服务中心',
    '武汉市洪山区文馨街 张家湾街道办事处一楼',
    '027-87318204',
    30.488706,
    114.321563,
  ),
  centre(
    'liyuan-centre',
    '梨园街道便民服务中心',
    '武汉市洪山区东湖路 梨园街道办事处一楼',
    '027-87318205',
    30.567215,
    114.371984,
  ),
  centre(
    'zhuodaoquan-centre',
    '卓刀泉街道便民服务中心',
    '武汉市洪山区卓刀泉北路 卓刀泉街道办事处一楼',
    '027-87318206',
    30.512047,
    114.372855,
  ),
  centre(
    'hongshan-centre',
    '洪山街道便民服务中心',
    '武汉市洪山区雄楚大道 洪山街道办事处一楼',
    '027-87318207',
    30.504462,
    114.347128,
  ),
  centre(
    'heping-centre',
    '和平街道便民服务中心',
    '武汉市洪山区和平大道 和平街道办事处一楼',
    '027-87318208',
    30.590518,
    114.405312,
  ),
  centre(
    'qingling-centre',
    '青菱街道便民服务中心',
    '武汉市洪山区青菱大道 青菱街道办事处一楼',
    '027-87318209',
    30.470385,
    114.289751,
  ),
  centre(
    'bajifu-centre',
    '八吉府街道便民服务中心',
    '武汉市洪山区八吉府大街 八吉府街道办事处一楼',
    '027-87318210',
    30.593174,
    114.461029,
  ),
  centre(
    'tianxing-centre',
    '天兴乡便民服务中心',
    '武汉市洪山区天兴乡 天兴乡人民政府一楼',
    '027-87318211',
    30.655804,
    114.389662,
    '工作日 9:00–12:00、13:30–17:00；农业、农村社保事项可在本中心一站办理',
  ),
];

const terminals: Hall[] = [
  terminal(
    'terminal-zwfw',
    '区政务服务中心 24 小时自助服务区',
    '武汉市洪山区政务服务中心一楼东门外自助服务区',
    30.500742,
    114.341028,
    '可打印社保参保证明、不动产登记信息查询结果、个人纳税记录；可办理居住证签注',
  ),
  terminal(
    'terminal-guanggu',
    '光谷广场地铁站自助服务终端',
    '武汉地铁 2 号线、11 号线光谷广场站 站厅层 C 出口附近',
    30.505341,
    114.397958,
    '社保、医保、公积金查询打印；居住证签注',
  ),
  terminal(
    'terminal-jiedaokou',
    '街道口地铁站自助服务终端',
    '武汉地铁 2 号线、8 号线街道口站 站厅层 A 出口附近',
    30.527533,
    114.353029,
    '社保、医保查询打印；无犯罪记录证明、户籍证明打印',
  ),
  terminal(
    'terminal-guangbutun',
    '广埠屯地铁站自助服务终端',
    '武汉地铁 2 号线广埠屯站 站厅层 D 出口附近',
    30.524021,
    114.364378,
    '社保、医保查询打印；个人所得税完税证明打印',
  ),
  terminal(
    'terminal-luonan',
    '珞南街道便民服务中心自助服务区',
    '珞南街道办事处一楼门厅外（24 小时开放）',
    30.518112,
    114.352574,
    '社保、医保、公积金查询打印；居住证签注',
  ),
  terminal(
    'terminal-zhuodaoquan',
    '卓刀泉街道便民服务中心自助服务区',
    '卓刀泉街道办事处一楼门厅外（24 小时开放）',
    30.511893,
    114.373106,
    '社保、医保查询打印；养老保险待遇资格认证',
  ),
  terminal(
    'terminal-heping',
    '和平街道便民服务中心自助服务区',
    '和平街道办事处一楼门厅外（24 小时开放）',
    30.590367,
    114.405577,
    '社保、医保查询打印；养老保险待遇资格认证',
  ),
  terminal(
    'terminal-qingling',
    '青菱街道便民服务中心自助服务区',
    '青菱街道办事处一楼门厅外（24 小时开放）',
    30.470219,
    114.290012,
    '社保、医保查询打印；居住证签注',
  ),
  terminal(
    'terminal-nanhu',
    '南湖片区 24 小时政务服务驿站',
    '武汉市洪山区南湖大道与文治街交会处 政务服务驿站',
    30.497634,
    114.329875,
    '社保、医保、公积金查询打印；不动产登记信息查询',
  ),
];

export const STREET_CENTRE_IDS: string[] = centres.map((h) => h.id);
export const TERMINAL_IDS: string[] = terminals.map((h) => h.id);

export const seedHalls: Hall[] = [...mainHalls, ...centres, ...terminals];
