import { HALL_IDS } from './halls';

/**
 * 办事窗口：一次一评（现场评价）的对象。每个窗口台面贴有评价二维码，二维码下方印有窗口编号，
 * 群众扫码或输入编号后评价本次服务（见 docs/ratings.md）。
 *
 * 编号规则：HS-<大厅>-<区><序号>。ZW = 区政务服务中心（A 综合受理区、B 公安户政区、C 市场准入区、
 * D 社保医保区、E 民政卫健区、F 住建交通区），BDC = 不动产登记大厅，SW = 办税服务厅，
 * CRJ = 出入境接待大厅，JD = 街道便民服务中心。窗口设置为示例，上线前须按大厅实际排布核对。
 */
export interface SeedWindow {
  /** Printed under the QR code; letters, digits and "-". */
  code: string;
  name: string;
  /** A hall id from halls.ts. */
  hallId: string;
  /** A department id from catalogue/. */
  departmentId: string;
}

const main = HALL_IDS.main;

export const seedWindows: SeedWindow[] = [
  { code: 'HS-ZW-A01', name: '综合受理窗口A01', hallId: main, departmentId: 'shenpi' },
  { code: 'HS-ZW-A02', name: '综合受理窗口A02', hallId: main, departmentId: 'shenpi' },
  { code: 'HS-ZW-A03', name: '综合受理窗口A03（帮办代办）', hallId: main, departmentId: 'shenpi' },
  { code: 'HS-ZW-B01', name: '公安户政窗口B01', hallId: main, departmentId: 'gongan' },
  { code: 'HS-ZW-B02', name: '公安户政窗口B02（身份证）', hallId: main, departmentId: 'gongan' },
  { code: 'HS-ZW-C01', name: '市场准入窗口C01（企业开办）', hallId: main, departmentId: 'scjg' },
  { code: 'HS-ZW-C02', name: '市场准入窗口C02（食品经营许可）', hallId: main, departmentId: 'scjg' },
  { code: 'HS-ZW-D01', name: '社保业务窗口D01', hallId: main, departmentId: 'shebao' },
  { code: 'HS-ZW-D02', name: '医保业务窗口D02', hallId: main, departmentId: 'yibao' },
  { code: 'HS-ZW-D03', name: '人力资源窗口D03（就业创业）', hallId: main, departmentId: 'rsj' },
  { code: 'HS-ZW-E01', name: '民政业务窗口E01', hallId: main, departmentId: 'minzheng' },
  { code: 'HS-ZW-E02', name: '卫生健康窗口E02', hallId: main, departmentId: 'weijian' },
  { code: 'HS-ZW-F01', name: '住房保障窗口F01', hallId: main, departmentId: 'zhujian' },
  { code: 'HS-ZW-F02', name: '交通运输窗口F02', hallId: main, departmentId: 'jiaotong' },
  { code: 'HS-BDC-01', name: '不动产登记窗口01（转移登记）', hallId: HALL_IDS.realEstate, departmentId: 'budongchan' },
  { code: 'HS-BDC-02', name: '不动产登记窗口02（抵押登记）', hallId: HALL_IDS.realEstate, departmentId: 'budongchan' },
  { code: 'HS-SW-01', name: '办税服务窗口01', hallId: HALL_IDS.tax, departmentId: 'shuiwu' },
  { code: 'HS-SW-02', name: '办税服务窗口02（发票）', hallId: HALL_IDS.tax, departmentId: 'shuiwu' },
  { code: 'HS-CRJ-01', name: '出入境证件受理窗口01', hallId: HALL_IDS.exitEntry, departmentId: 'gongan' },
  { code: 'HS-JD-LN01', name: '珞南街道综合窗口01', hallId: 'luonan-centre', departmentId: 'minzheng' },
  { code: 'HS-JD-GS01', name: '关山街道社保窗口01', hallId: 'guanshan-centre', departmentId: 'shebao' },
  { code: 'HS-JD-HP01', name: '和平街道综合窗口01', hallId: 'heping-centre', departmentId: 'minzheng' },
];
