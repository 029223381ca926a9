import type { CaseStatus } from '../../../types/contract';
import { chinaTime } from '../../../src/lib/dayjs-china';
import type { NotificationInput } from './notification-outbox';

/**
 * What each event says, in the words a resident reads: the 消息 list's title and text, and the
 * platform template's fields (shortened there; the list keeps the whole text).
 */

/** As the app shows it: the first 8 characters of the case id. */
export const caseNumber = (caseId: string): string => caseId.slice(0, 8).toUpperCase();

/** WeChat's `time` format. */
export const messageTime = (at: number): string => chinaTime(at).format('YYYY年M月D日 HH:mm');

export interface CaseFacts {
  id: string;
  userId: string;
  itemName: string;
  departmentName: string;
  /** Chose 邮寄 for the result. */
  posted: boolean;
}

/** The officer's words with each transition: the 补正 reasons, the refusal reason, the tracking number. */
export interface CaseChange {
  to: CaseStatus;
  /** case_events.id of the change: a case can be returned more than once, each one told. */
  eventId: number;
  /** 补正: one line per returned material (「营业执照」照片模糊…). */
  corrections?: { material: string; comment: string }[];
  /** 不予受理's reason, the tracking number when posted, or the officer's note. */
  note: string;
}

/** The officer's note, as the case's timeline shows it to the applicant too. */
const officerNote = (note: string): string => (note === '' ? '' : `经办人说明：${note}。`);

/** The case transitions that concern the applicant; submit, resubmit and withdraw are their own doing. */
export function caseNotice(c: CaseFacts, change: CaseChange, now: number): NotificationInput | undefined {
  const no = caseNumber(c.id);
  const about = `您申请的「${c.itemName}」（办件编号 ${no}）`;
  const base = { userId: c.userId, key: `case-event:${change.eventId}`, subject: { kind: 'case' as const, id: c.id } };
  const fields = (status: string, note: string) => ({
    item: c.itemName,
    caseNo: no,
    status,
    note,
    time: messageTime(now),
  });
  switch (change.to) {
    case 'needs_correction': {
      const list = change.corrections ?? [];
      const reasons = list.map((m) => `「${m.material}」${m.comment}`).join('；');
      const extra = change.note === '' ? '' : `（${change.note}）`;
      return {
        ...base,
        kind: 'case_returned',
        title: '您的办件需要补正材料',
        body: `${about}需要补正材料：${reasons}${extra}。请在“我的办件”中按意见补正后重新提交。`,
        fields: fields('需补正', list[0] ? `${list[0].material}：${list[0].comment}` : '请按意见补正材料'),
      };
    }
    case 'rejected':
      return {
        ...base,
        kind: 'case_rejected',
        title: '您的办件不予受理',
        body: `${about}不予受理，理由：${change.note}。如有疑问，请咨询${c.departmentName}。`,
        fields: fields('不予受理', change.note),
      };
    case 'accepted':
      return {
        ...base,
        kind: 'case_accepted',
        title: '您的办件已受理',
        body: `${about}已由${c.departmentName}受理，将在承诺时限内办结。${officerNote(change.note)}`,
        fields: fields('已受理', '将在承诺时限内办结'),
      };
    case 'completed':
      return {
        ...base,
        kind: 'case_completed',
        title: '您的办件已办结',
        body:
          `${about}已办结。${c.posted ? '办理结果将邮寄给您。' : '请按所选方式领取办理结果。'}` +
          `${officerNote(change.note)}欢迎对本次服务作出评价。`,
        fields: fields('已办结', c.posted ? '办理结果将邮寄给您' : '请按所选方式领取办理结果'),
      };
    case 'posted':
      return {
        ...base,
        kind: 'case_posted',
        title: '您的办件结果已寄出',
        body: `${about}的办理结果已寄出，快递单号 ${change.note}。`,
        fields: fields('已寄出', `快递单号 ${change.note}`),
      };
    default:
      return undefined;
  }
}

/** 告知承诺 found 不实: the consequences the signed notice named. */
export function commitmentFalseNotice(
  c: { id: string; userId: string; itemName: string; materialName: string },
  note: string,
  now: number,
): NotificationInput {
  return {
    userId: c.userId,
    key: `commitment:${c.id}:false`,
    subject: { kind: 'commitment', id: c.id },
    kind: 'commitment_false',
    title: '您的告知承诺经核查不实',
    body:
      `您就「${c.itemName}」的「${c.materialName}」作出的告知承诺，经核查与实际情况不符` +
      `${note === '' ? '' : `（${note}）`}。按承诺书所告知的，相关申请将终止办理，已作出的决定可能被撤销，` +
      '并可能依法予以处理、记入信用记录。如有异议，请联系办理部门。',
    fields: { item: c.itemName, material: c.materialName, result: '核查不实', note, time: messageTime(now) },
  };
}

/** A 差评 rectification step the rater sees: 整改 (verified) and 回访 (done, rate the result). */
export function ticketNotice(
  t: { ticketId: string; ratingId: string; userId: string; subject: string; deadline: string },
  to: 'rectifying' | 'revisiting',
  note: string,
  now: number,
): NotificationInput {
  const base = {
    userId: t.userId,
    key: `ticket:${t.ticketId}:${to}`,
    subject: { kind: 'rating' as const, id: t.ratingId },
  };
  if (to === 'rectifying') {
    return {
      ...base,
      kind: 'ticket_rectifying',
      title: '您反映的问题已核实，正在整改',
      body: `您对「${t.subject}」的评价已核实：${note}。整改期限 ${t.deadline}。`,
      fields: { subject: t.subject, stage: '整改中', note, time: messageTime(now) },
    };
  }
  return {
    ...base,
    kind: 'ticket_revisiting',
    title: '差评整改已完成，请评价整改结果',
    body: `您对「${t.subject}」的评价已整改：${note}。请在“我的评价”中对整改结果作出评价。`,
    fields: { subject: t.subject, stage: '待回访', note: '请评价整改结果', time: messageTime(now) },
  };
}

/** The 7-day default is near: rate now, or it counts as 基本满意. */
export function defaultRatingSoonNotice(
  c: { id: string; userId: string; itemName: string },
  deadline: number,
): NotificationInput {
  const no = caseNumber(c.id);
  const when = messageTime(deadline);
  return {
    userId: c.userId,
    key: `case:${c.id}:rating-default-soon`,
    subject: { kind: 'case', id: c.id },
    kind: 'rating_default_soon',
    title: '您的办件待评价',
    body: `您办理的「${c.itemName}」（办件编号 ${no}）已办结，请在 ${when} 前评价；逾期未评价的，系统将默认为“基本满意”。`,
    fields: { item: c.itemName, caseNo: no, deadline: when, note: '逾期未评价将默认为基本满意' },
  };
}
