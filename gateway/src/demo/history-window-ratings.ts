import type { DemoApplicant } from './demo-applicant';
import { signDemoCommitment } from './demo-commitments';
import { DemoRater } from './demo-rater';
import type { DemoServices } from './demo-services';

/**
 * A second resident who rates windows: 非常满意, 基本满意, and a 非常不满意 whose 整改 ticket is
 * still open (整改 stage), plus a 告知承诺 signed on its own that can still be withdrawn.
 */
export function windowRatingsHistory(s: DemoServices, who: DemoApplicant): void {
  const { clock } = s;
  const rater = new DemoRater(s, who.userId);

  clock.at(21, 9, 40);
  rater.rateWindow('HS-ZW-C01', 5, '帮办代办很耐心，营业执照当天就拿到了。');
  clock.at(14, 14, 10);
  rater.rateWindow('HS-ZW-B01', 3, '排队时间稍长，办理还算顺利。');
  clock.at(5, 10, 20);
  const bad = rater.rateWindow('HS-ZW-A01', 1, '', {
    reasons: ['long_queue', 'window_unattended'],
    comment: '上午十点窗口无人，等了四十分钟也没有人来，询问台说不清楚。',
  });
  clock.at(4, 9);
  rater.advanceTicket(bad, 'rectifying', '已核实：当日窗口人员临时调岗未安排替岗，情况属实。');

  clock.at(2, 19);
  signDemoCommitment(s, who.userId, 'HS-GA-0033', '住所信息');
}
