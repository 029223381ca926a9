import type { AdminCaseAction, AdminCaseView, CaseMaterial, MaterialReviewState } from '../../../types/contract';
import { CASE_STATUS_NAMES } from '../../../src/lib/case-status';
import type { PrereviewServices } from '../cases/prereview-services';
import type { UserStore } from '../store/user-store';
import { UsageError } from './usage-error';

/** The pre-review lines of the CLI usage text. */
export const CASE_USAGE = `  queue                                           待预审办件（先提交的在前）
  case ID                                         办件详情：表单、材料、补正意见、进度
  approve ID [--note "说明"]                       预审通过（全部材料通过）
  return ID --material 材料ID="意见" [--material …] [--note "说明"]
                                                  退回补正（可多次 --material；其余材料通过）
  reject ID --reason "理由"                        不予受理
  accept ID [--note "说明"]                        受理
  complete ID [--note "说明"]                      办结
  post ID --tracking 快递单号                       标记为已寄出（仅限邮寄送达）
  issue-licence (--mobile M | --user ID) --name 营业执照 --holder "持证主体" --number 编号
                --issuer "发证机关" [--valid-until YYYY-MM-DD]
                                                  向用户的证照夹发放电子证照`;

export interface CaseCommandServices extends PrereviewServices {
  users: UserStore;
}

export interface CaseCommandInput {
  args: string[];
  /** The last value of each option. */
  flags: Map<string, string>;
  /** Every value of each option, in order (for repeatable ones). */
  all: Map<string, string[]>;
  officer: string;
  out(line: string): void;
}

const REVIEW_LABELS: Record<MaterialReviewState, string> = { pending: '待审', returned: '需补正', accepted: '已通过' };

function answerText(m: CaseMaterial): string {
  if (m.way === 'e_licence') return `电子证照 ${m.licenceName ?? m.licenceId ?? ''}`;
  if (m.way === 'commitment') return `告知承诺 ${m.commitmentId ?? ''}`;
  return `文件 ${m.files.map((f) => f.name).join('、') || '（无）'}`;
}

/** One line per case in the queue. */
export function queueLine(c: AdminCaseView): string {
  return `${c.id}  提交 ${c.submittedAt ?? '—'}  ${c.itemName} · ${c.departmentName}  申请人 ${c.applicantName ?? '—'}  材料 ${c.materials.length} 项`;
}

/** The whole case as an officer reads it. */
export function caseLines(c: AdminCaseView): string[] {
  const lines = [
    `${c.id}  ${CASE_STATUS_NAMES[c.status]}  ${c.itemName} · ${c.departmentName}`,
    `    申请人 ${c.applicantName ?? '—'}（${c.form.applicantType === 'business' ? '单位' : '个人'}）  用户 ${c.userId}`,
  ];
  if (c.submittedAt) {
    const due = c.expectedCompletionDate ? `，预计 ${c.expectedCompletionDate} 办结` : '';
    lines.push(`    提交 ${c.submittedAt}  承诺时限 ${c.promisedDays ?? '—'} 个工作日${due}`);
  }
  const delivery = c.form.delivery;
  if (delivery) {
    lines.push(
      delivery.method === 'post' ? `    送达：邮寄 ${delivery.recipient} ${delivery.address}` : '    送达：窗口自取',
    );
  }
  if (c.statusNote) lines.push(`    说明：${c.statusNote}`);
  lines.push('    材料：');
  for (const m of c.materials) {
    lines.push(`      [${REVIEW_LABELS[m.review]}] ${m.name}（${m.materialId}）：${answerText(m)}`);
    if (m.reviewComment) lines.push(`          意见：${m.reviewComment}`);
  }
  lines.push('    进度：');
  for (const e of c.timeline) {
    const step = e.from ? `${CASE_STATUS_NAMES[e.from]} → ${CASE_STATUS_NAMES[e.to]}` : CASE_STATUS_NAMES[e.to];
    lines.push(`      ${e.at}  ${step}  ${e.actor}${e.note ? `  ${e.note}` : ''}`);
  }
  return lines;
}

/** `--material ID=意见` options as the return action's list. */
function returnedMaterials(values: string[]): NonNullable<AdminCaseAction['materials']> {
  return values.map((value) => {
    const at = value.indexOf('=');
    if (at <= 0) throw new UsageError(`--material 应写成 材料ID=意见，收到：${value}`);
    return { materialId: value.slice(0, at).trim(), comment: value.slice(at + 1).trim() };
  });
}

function actionInput(command: string, input: CaseCommandInput): AdminCaseAction | undefined {
  const note = input.flags.get('note');
  switch (command) {
    case 'approve':
    case 'accept':
    case 'complete':
      return { action: command, note };
    case 'return': {
      const materials = returnedMaterials(input.all.get('material') ?? []);
      if (materials.length === 0) throw new UsageError('请用 --material 材料ID="意见" 指明需要补正的材料');
      return { action: 'return', materials, note };
    }
    case 'reject': {
      const reason = input.flags.get('reason');
      if (reason === undefined) throw new UsageError('请用 --reason 写明不予受理的理由');
      return { action: 'reject', note: reason };
    }
    case 'post': {
      const tracking = input.flags.get('tracking');
      if (tracking === undefined) throw new UsageError('请用 --tracking 填写快递单号');
      return { action: 'post', note: tracking };
    }
    default:
      return undefined;
  }
}

/**
 * Runs a pre-review command; false when `command` is not one of them. Refusals are the API's
 * (ApiError), so the CLI follows exactly the same rules.
 */
export function runCaseCommand(command: string, services: CaseCommandServices, input: CaseCommandInput): boolean {
  const { args, out } = input;
  if (command === 'queue') {
    const queue = services.officerCases.queue();
    if (queue.length === 0) out('没有待预审的办件');
    for (const c of queue) out(queueLine(c));
    return true;
  }
  if (command === 'case') {
    const [id] = args;
    if (!id) throw new UsageError('用法：case ID');
    for (const line of caseLines(services.officerCases.view(id))) out(line);
    return true;
  }
  if (command === 'issue-licence') {
    issueLicence(services, input);
    return true;
  }
  const action = actionInput(command, input);
  if (!action) return false;
  const [id] = args;
  if (!id) throw new UsageError(`用法：${command} ID`);
  const done = services.officerCases.act(id, action, input.officer);
  out(`已处理：办件 ${done.id} 现为「${CASE_STATUS_NAMES[done.status]}」`);
  for (const line of caseLines(done).slice(1)) out(line);
  return true;
}

function issueLicence(services: CaseCommandServices, input: CaseCommandInput): void {
  const { flags } = input;
  const mobile = flags.get('mobile');
  const userFlag = flags.get('user');
  if ((mobile === undefined) === (userFlag === undefined))
    throw new UsageError('请用 --mobile 或 --user 指定持证用户（二选一）');
  const userId = mobile !== undefined ? (services.users.findByMobile(mobile)?.id ?? '') : (userFlag ?? '');
  const required = (name: string): string => {
    const value = flags.get(name);
    if (value === undefined) throw new UsageError(`请用 --${name} 指定`);
    return value;
  };
  const licence = services.licences.issue(
    {
      userId,
      name: required('name'),
      holder: required('holder'),
      number: required('number'),
      issuer: required('issuer'),
      validUntil: flags.get('valid-until'),
    },
    input.officer,
  );
  input.out(
    `已发放电子证照 ${licence.id}：${licence.name} ${licence.holderMasked} ${licence.numberMasked}（${licence.issuer}）`,
  );
}
