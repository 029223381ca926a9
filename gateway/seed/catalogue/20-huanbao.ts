import type { ImportDepartment } from '../../../types/contract';
import { AT_MAIN, M, bizForm, dept, mat } from './shared';

const eiaLaw = '《中华人民共和国环境影响评价法》';

export const department: ImportDepartment = dept(
  {
    id: 'huanbao',
    name: '武汉市生态环境局洪山区分局',
    shortName: '生态环境',
    code: 'HB',
    phone: '027-87386632',
    halls: AT_MAIN,
  },
  [
    {
      no: 1,
      name: '建设项目环境影响报告表审批',
      alias: ['环评审批', '环评报告表', '环评批复'],
      aud: 'B',
      type: '行政许可',
      days: [30, 10],
      cond: [
        '建设项目按《建设项目环境影响评价分类管理名录》应编制环境影响报告表',
        '项目符合生态环境分区管控要求和相关规划',
        '由具备能力的技术单位编制报告表',
      ],
      mats: [
        bizForm('建设项目环境影响评价文件审批申请书'),
        mat('建设项目环境影响报告表', '编制单位和编制人员信息在全国信用平台可查，内容符合技术导则', {
          form: 'electronic',
        }),
        mat('删除涉及国家秘密和商业秘密内容的公开版本', '用于受理公示', { form: 'electronic' }),
      ],
      basis: [eiaLaw + '第二十二条', '《建设项目环境保护管理条例》第九条'],
      pop: 120,
    },
    {
      no: 2,
      name: '建设项目环境影响登记表备案',
      alias: ['环评登记表', '环评备案'],
      aud: 'B',
      type: '行政备案',
      days: [0, 0],
      channels: ['online'],
      cond: ['建设项目按分类管理名录应填报环境影响登记表', '在建成投产或使用前完成备案'],
      mats: [mat('建设项目环境影响登记表', '通过建设项目环境影响登记表备案系统填报，内容真实', { form: 'electronic' })],
      basis: [eiaLaw + '第二十二条', '《建设项目环境影响登记表备案管理办法》'],
      pop: 90,
    },
    {
      no: 3,
      name: '固定污染源排污登记',
      alias: ['排污登记', '排污登记表'],
      aud: 'B',
      type: '行政备案',
      days: [0, 0],
      channels: ['online'],
      cond: [
        '污染物产生量、排放量和对环境影响程度很小，依法不需要申请取得排污许可证的企业事业单位和其他生产经营者',
        '在启动生产设施或发生实际排污之前完成登记',
      ],
      mats: [M.bizLicence, mat('排污登记表', '通过全国排污许可证管理信息平台填报', { form: 'electronic' })],
      basis: ['《排污许可管理条例》第二十四条'],
      pop: 80,
    },
    {
      no: 4,
      name: '生态环境投诉举报',
      alias: ['环保投诉', '12369', '噪音投诉', '油烟投诉'],
      aud: 'PB',
      type: '其他行政权力',
      days: [7, 5],
      channels: ['online', 'window', 'post'],
      cond: ['发现企业事业单位和其他生产经营者污染环境、破坏生态的行为', '投诉事项属于洪山区生态环境部门职责'],
      mats: [
        mat('投诉举报内容及相关证据', '写明污染行为发生的时间、地点、单位，附照片或视频', {
          form: 'electronic',
          nec: 'optional',
        }),
      ],
      steps: 'service',
      basis: ['《中华人民共和国环境保护法》第五十七条', '《环境信访办法》'],
      pop: 200,
    },
  ],
);
