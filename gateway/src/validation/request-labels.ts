import { API_PREFIX, type ApiRoutes } from '../../../types/contract';
import type { FieldLabels } from './field-labels';

/**
 * Request fields that mean the same on every route. A key may be qualified by its parent
 * (`delivery.mobile`) and `parent.*` names every entry of a map (`indicators.efficiency`).
 * Names that mean different things on different routes (`code`, `id`, `note`, `level`…) are
 * deliberately not here: each route names them in ROUTE_LABELS, so none can borrow a wrong label.
 */
const SHARED_LABELS: FieldLabels = {
  // search
  q: '搜索词',
  page: '页码',
  pageSize: '每页条数',
  audience: '服务对象',
  department: '部门',
  fullyOnline: '全程网办',
  scope: '通办范围',
  // login and real name
  mobile: '手机号',
  platform: '平台',
  refreshToken: '刷新令牌',
  name: '姓名',
  idNumber: '身份证号',
  // the application form (the same words as the app's form)
  form: '申请表',
  applicantType: '申请人类型',
  contactMobile: '联系电话',
  'form.address': '联系地址',
  companyName: '单位名称',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人姓名',
  legalRepresentativeIdNumber: '法定代表人身份证号',
  remark: '申请说明',
  delivery: '结果送达方式',
  'delivery.method': '送达方式',
  recipient: '收件人',
  'delivery.mobile': '收件人手机号',
  'delivery.address': '收件地址',
  // materials of an application
  materialId: '材料编号',
  way: '材料提交方式',
  fileIds: '材料文件',
  licenceId: '电子证照',
  commitmentId: '告知承诺',
  // ratings
  channel: '评价渠道',
  qr: '窗口二维码',
  windowCode: '窗口编号',
  caseId: '办件编号',
  visitId: '窗口办理记录编号',
  indicators: '评价指标',
  'indicators.*': '评价指标',
  reasonCodes: '差评原因',
  // uploads
  purpose: '上传用途',
  fileName: '文件名',
  file: '文件',
  mime: '文件类型',
  size: '文件大小',
  sha256: '文件校验值（SHA-256）',
  'x-chunk-sha256': '分片校验值（SHA-256）',
  index: '分片序号',
  // 告知承诺
  noticeId: '告知书编号',
  noticeVersion: '告知书版本',
  noticeHash: '告知书摘要',
  confirmations: '承诺确认项',
  informed: '已知晓告知内容',
  qualified: '符合承诺条件',
  truthful: '信息真实',
  acceptVerification: '接受核查',
  signatureFileId: '手写签名',
  signatureSha256: '签名校验值（SHA-256）',
  // officers
  userId: '用户编号',
  itemCode: '事项编码',
  seriousDishonesty: '严重失信主体',
  action: '审核操作',
  // 预约取号
  hallId: '办理大厅',
  slotStart: '预约时段',
  draftId: '草稿编号',
};

const ITEM_CODE: FieldLabels = { code: '事项编码' };
const THEME_CODE: FieldLabels = { code: '主题编码' };
const WINDOW_CODE: FieldLabels = { code: '窗口编号' };
const CASE_ID: FieldLabels = { id: '办件编号', materials: '申报材料' };
const RATING_ID: FieldLabels = { id: '评价编号' };
const NOTICE_ID: FieldLabels = { id: '告知书编号', version: '告知书版本' };
const COMMITMENT_ID: FieldLabels = { id: '承诺编号' };
const UPLOAD_SESSION_ID: FieldLabels = { id: '上传会话编号' };

/** What a field means on one route, where the name alone does not say it. */
const ROUTE_LABELS: Partial<Record<keyof ApiRoutes, FieldLabels>> = {
  'GET /items/:code': ITEM_CODE,
  'GET /items/:code/notices': ITEM_CODE,
  'GET /prereview/items/:code': ITEM_CODE,
  'GET /me/favourites/:code': ITEM_CODE,
  'PUT /me/favourites/:code': ITEM_CODE,
  'DELETE /me/favourites/:code': ITEM_CODE,
  'GET /themes/:code': THEME_CODE,
  'GET /prereview/themes/:code': THEME_CODE,
  'GET /windows/:code': WINDOW_CODE,
  'GET /admin/windows/:code/qr': WINDOW_CODE,
  'POST /auth/sms-login': { code: '验证码' },
  'POST /auth/code-login': { code: '登录凭证' },
  // The code sent to the mobile of the account that already holds the identity.
  'POST /me/real-name': { code: '短信验证码' },
  'POST /me/cases': { target: '申报对象', 'target.kind': '申报对象类型', 'target.code': '事项或主题编码' },
  'GET /me/cases/:id': CASE_ID,
  'PUT /me/cases/:id/draft': CASE_ID,
  'DELETE /me/cases/:id/draft': CASE_ID,
  'POST /me/cases/:id/submit': CASE_ID,
  'POST /me/cases/:id/resubmit': CASE_ID,
  'POST /me/cases/:id/withdraw': CASE_ID,
  'POST /ratings': { target: '评价对象', 'target.kind': '评价对象类型', level: '评价等级', comment: '评价内容' },
  'GET /me/ratings/:id': RATING_ID,
  'POST /me/ratings/:id/feedback': { ...RATING_ID, level: '整改满意程度', comment: '回访意见' },
  'GET /uploads/:id': { id: '文件编号' },
  'GET /uploads/sessions/:id': UPLOAD_SESSION_ID,
  'PUT /uploads/sessions/:id/chunks/:index': UPLOAD_SESSION_ID,
  'POST /uploads/sessions/:id/complete': UPLOAD_SESSION_ID,
  'GET /notices/:id': NOTICE_ID,
  'GET /notices/:id/versions/:version': NOTICE_ID,
  'GET /commitments/:id/verification': COMMITMENT_ID,
  'GET /me/commitments/:id': COMMITMENT_ID,
  'POST /me/commitments/:id/withdraw': COMMITMENT_ID,
  'GET /me/notifications': { cursor: '翻页位置', limit: '每页条数' },
  'POST /me/notifications/:id/read': { id: '消息编号' },
  'POST /me/notification-consents': {
    platform: '授权平台',
    answers: '授权结果',
    'answers.template': '消息模板',
    'answers.accepted': '是否允许',
  },
  'POST /admin/cases': { status: '办件状态' },
  'GET /admin/cases/:id': CASE_ID,
  'POST /admin/cases/:id/actions': {
    id: '办件编号',
    note: '审核意见',
    materials: '需补正的材料',
    'materials.comment': '补正说明',
  },
  'POST /admin/tickets/:id/advance': { id: '整改工单编号', to: '推进到的环节', note: '处理情况' },
  'POST /admin/ratings/:id/appeal': { id: '评价编号', reason: '申诉理由' },
  'POST /admin/commitments/:id/verdict': { id: '承诺编号', result: '核查结论', note: '核查说明' },
  'POST /admin/users/:id/credit': { id: '用户编号', reason: '认定理由' },
  'POST /me/bookings/:id/cancel': { id: '预约编号' },
  'POST /me/bookings/:id/check-in': { id: '预约编号', qr: '大厅取号二维码' },
  'POST /hall-tickets': { qr: '大厅取号二维码' },
  'GET /me/hall-tickets/:id': { id: '排队号编号' },
};

/** `METHOD /path` as the contract writes it (`GET /items/:code`), from Fastify's method and URL. */
export function routeKey(method: string, url: string): string {
  const path = url.startsWith(`${API_PREFIX}/`) ? url.slice(API_PREFIX.length) : url;
  return `${method.toUpperCase()} ${path}`;
}

/** The labels for the fields of one route's request. */
export function requestLabels(route: string): FieldLabels {
  return { ...SHARED_LABELS, ...ROUTE_LABELS[route as keyof ApiRoutes] };
}
