import type { DemoApplicant } from './demo-applicant';
import { DemoRater } from './demo-rater';
import { DEMO_OFFICER } from './demo-residents';
import type { DemoServices } from './demo-services';

/** A third resident with cases finished at the window over the weeks and rated online. */
export function ratedCasesHistory(s: DemoServices, who: DemoApplicant): void {
  const { clock } = s;
  const rater = new DemoRater(s, who.userId);
  const finished = (daysAgo: number, itemCode: string): string => {
    clock.at(daysAgo, 11);
    return s.cases.create({ userId: who.userId, itemCode, status: 'completed' }, DEMO_OFFICER).id;
  };

  const card = finished(29, 'HS-SB-0020');
  clock.at(28, 9);
  rater.rateCase(card, 5, '社保卡寄到家里，全程没跑腿。');

  const licence = finished(18, 'HS-GA-0027');
  clock.at(17, 20);
  rater.rateCase(licence, 4, '补领驾驶证挺快，就是页面字有点小。');

  const registration = finished(10, 'HS-GA-0033');
  clock.at(9, 8, 30);
  rater.rateCase(registration, 3, '办成了，但网上填的地址格式要求没说清楚。');

  const visit = finished(3, 'HS-GA-0026');
  clock.at(2, 12);
  rater.rateCase(visit, 5, '期满换证在手机上就办完了。');
}
