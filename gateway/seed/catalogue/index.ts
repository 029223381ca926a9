import type { ImportDepartment } from '../../../types/contract';
import { department as d01 } from './01-gongan';
import { department as d02 } from './02-scjg';
import { department as d03 } from './03-rsj';
import { department as d04 } from './04-shebao';
import { department as d05 } from './05-minzheng';
import { department as d06 } from './06-weijian';
import { department as d07 } from './07-yibao';
import { department as d08 } from './08-zhujian';
import { department as d09 } from './09-budongchan';
import { department as d10 } from './10-shuiwu';
import { department as d11 } from './11-jiaoyu';
import { department as d12 } from './12-chengguan';
import { department as d13 } from './13-wenlv';
import { department as d14 } from './14-jiaotong';
import { department as d15 } from './15-sifa';
import { department as d16 } from './16-tuiyi';
import { department as d17 } from './17-canlian';
import { department as d18 } from './18-shenpi';
import { department as d19 } from './19-yingji';
import { department as d20 } from './20-huanbao';
import { department as d21 } from './21-nongye';

/** All seed departments, in display order. */
export const seedDepartments: ImportDepartment[] = [
  d01,
  d02,
  d03,
  d04,
  d05,
  d06,
  d07,
  d08,
  d09,
  d10,
  d11,
  d12,
  d13,
  d14,
  d15,
  d16,
  d17,
  d18,
  d19,
  d20,
  d21,
];
