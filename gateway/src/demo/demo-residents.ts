import { idCardCheckChar } from '../../../src/lib/id-card';

/**
 * The demo residents. Their mobiles are in 138 0013 8xxx, the range Chinese documentation uses for
 * made-up numbers; their names carry 演示 so every masked view (张**, 王*演) still reads as a demo at
 * a glance, and their accounts are flagged `users.demo = 1`. They log in like anyone else: on H5
 * with the SMS code the gateway writes to its log.
 */
export interface DemoResident {
  /** Stable key, used to name the idempotency keys of their submissions. */
  key: string;
  mobile: string;
  name: string;
  idNumber: string;
}

/** A valid 身份证号 (Hongshan's area code 420111) from a birth date and a sequence. */
function idNumber(birth: string, sequence: string): string {
  const first17 = `420111${birth}${sequence}`;
  return first17 + idCardCheckChar(first17);
}

export const DEMO_RESIDENTS: readonly DemoResident[] = [
  { key: 'zhang', mobile: '13800138001', name: '张演示', idNumber: idNumber('19850612', '031') },
  { key: 'li', mobile: '13800138002', name: '李演示', idNumber: idNumber('19620304', '052') },
  { key: 'wang', mobile: '13800138003', name: '王演示', idNumber: idNumber('19930921', '017') },
];

/** The resident whose history has a case in every state, a commitment and a rectified 差评. */
export const MAIN_DEMO_RESIDENT = DEMO_RESIDENTS[0];

/** The officer every demo action is recorded under: the timeline reads 「经办人 演示数据」. */
export const DEMO_OFFICER = '演示数据';

/** Prefixed to every comment and note demo history writes, so the text itself says what it is. */
export const DEMO_LABEL = '【演示】';
