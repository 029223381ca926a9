import type { DemoApplicant } from './demo-applicant';
import { signDemoCommitment, verifyDemoCommitment } from './demo-commitments';
import { DemoRater } from './demo-rater';
import { DEMO_OFFICER } from './demo-residents';
import type { DemoServices } from './demo-services';

/**
 * The main demo resident's last five weeks: a case in every state of the workflow (草稿 … 已寄出,
 * 不予受理, 已撤回), a 告知承诺 signed for one of them and verified, a 非常满意 and a rectified 差评, a
 * window visit, and a finished case left unrated past its 7 days (默认好评). Items are from the
 * Hongshan seed catalogue; each step is placed on its day by the demo clock.
 */
export function everyCaseStateHistory(s: DemoServices, who: DemoApplicant): void {
  const { clock } = s;
  const rater = new DemoRater(s, who.userId);

  // 社会保障卡申领, registered at the window 25 days ago and never rated: it counts as 基本满意.
  clock.at(25, 15);
  s.cases.create({ userId: who.userId, itemCode: 'HS-SB-0020', status: 'completed' }, DEMO_OFFICER);

  // 一次一评 at a window, 18 days ago.
  clock.at(18, 10, 30);
  rater.rateWindow('HS-ZW-B02', 4, '窗口人员讲解清楚，身份证十几分钟就办好了。');

  // 已寄出, then a 差评 with its 整改 ticket, rectified and closed by the rater's 满意.
  clock.at(16, 9);
  const posted = who.apply('HS-GA-0026', 'post');
  clock.at(15, 10);
  who.officer(posted.id, { action: 'approve' });
  clock.later(240);
  who.officer(posted.id, { action: 'accept' });
  clock.at(12, 10);
  who.officer(posted.id, { action: 'complete', note: '新证已制作完成' });
  clock.later(300);
  who.officer(posted.id, { action: 'post', note: 'SF1300000001' });
  clock.at(11, 19);
  const bad = rater.rateCase(posted.id, 2, '', {
    reasons: ['too_slow', 'not_told_at_once'],
    comment: '体检证明第一次没说清楚要什么格式，来回补了两次，用了四天才寄出。',
  });
  clock.at(10, 9);
  rater.advanceTicket(bad, 'rectifying', '已核实：体检证明格式要求未在指南中写明，属实。');
  clock.at(7, 16);
  rater.advanceTicket(bad, 'revisiting', '办事指南已补充体检证明格式要求，并对窗口人员进行了一次性告知培训。');
  clock.at(6, 11);
  rater.feedback(bad, 'satisfied', '指南已经写清楚了，谢谢回访。');

  // 办结 with a 告知承诺 in place of the residence proof, verified; rated 非常满意.
  clock.at(9, 9);
  const residence = who.start('HS-GA-0009');
  clock.later(10);
  const commitment = signDemoCommitment(s, who.userId, 'HS-GA-0009', '居住登记凭证或合法稳定住所证明', residence.id);
  clock.later(10);
  who.submit(residence, 'pickup', {
    居住登记凭证或合法稳定住所证明: { way: 'commitment', commitmentId: commitment.record.id },
  });
  clock.at(8, 10);
  who.officer(residence.id, { action: 'approve' });
  clock.later(120);
  who.officer(residence.id, { action: 'accept' });
  clock.at(6, 15);
  verifyDemoCommitment(s, commitment.record.id, '社区民警实地走访，居住情况属实。');
  clock.at(4, 10);
  who.officer(residence.id, { action: 'complete', note: '居住证已制作，请到窗口领取' });
  clock.at(3, 20);
  rater.rateCase(residence.id, 5, '不用开居住证明，签个承诺就行，省了一趟。');

  // 已受理.
  clock.at(7, 14);
  const housing = who.apply('HS-ZJ-0014', 'pickup');
  clock.at(6, 10);
  who.officer(housing.id, { action: 'approve' });
  clock.at(5, 9, 30);
  who.officer(housing.id, { action: 'accept' });

  // 不予受理.
  clock.at(6, 9);
  const legalAid = who.apply('HS-SF-0001', 'pickup');
  clock.at(5, 16);
  who.officer(legalAid.id, { action: 'reject', note: '经济困难状况不符合法律援助条件，可申请法律咨询' });

  // 已撤回.
  clock.at(5, 10);
  const complaint = who.apply('HS-RS-0016', 'pickup');
  clock.at(4, 9);
  s.prereview.withdraw(who.userId, complaint.id);

  // 预审通过.
  clock.at(3, 9);
  const medical = who.apply('HS-YB-0001', 'pickup');
  clock.at(2, 11);
  who.officer(medical.id, { action: 'approve' });

  // 需补正, with the officer's comment on one material.
  clock.at(3, 15);
  const registration = who.apply('HS-GA-0033', 'pickup');
  clock.at(2, 10);
  const address = who.specOf(registration).find((m) => m.name === '住所信息');
  if (!address) throw new Error('demo history: HS-GA-0033 has no 住所信息 material');
  who.officer(registration.id, {
    action: 'return',
    materials: [{ materialId: address.id, comment: '租赁合同缺少出租人签字页，请补充完整后重新上传' }],
  });

  // 待预审.
  clock.at(1, 10);
  who.apply('HS-SB-0020', 'post');

  // 草稿: started last night, half filled: 邮寄 chosen, the address not typed yet.
  clock.at(1, 21);
  const draft = who.start('HS-GA-0027');
  s.prereview.saveDraft(who.userId, draft.id, {
    form: {
      applicantType: 'person',
      delivery: { method: 'post', recipient: who.resident.name, mobile: who.resident.mobile, address: '' },
    },
    materials: [],
  });
}
