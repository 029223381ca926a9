import { randomUUID } from 'node:crypto';
import { WINDOW_QR_SECRET, loadSecret } from '../auth/secret-files';
import { hallCheckInQrContent } from '../booking/check-in-qr';
import { BookingStore } from '../store/booking-store';
import { toChinaDate } from '../../../src/lib/china-time';
import type { DemoApplicant } from './demo-applicant';
import type { DemoServices } from './demo-services';

/** 残疾人证办理: 到现场 1 次, at the district centre and every street centre. */
export const DEMO_BOOKING_ITEM = 'HS-CL-0001';
export const DEMO_BOOKING_HALL = 'hs-zwfw-center';
/** 不动产登记（二手房转移登记）: the walk-in number taken today. */
const DEMO_WALK_IN_ITEM = 'HS-BDC-0001';

/**
 * 预约取号 for the main resident: a booking on the first bookable day with a free seat, and a
 * number at the district centre today, so 我的预约 and 排队进度 have something to show.
 * The number is taken by the hall's QR, as at the entrance; on a day the hall is closed (a weekend,
 * a holiday) the rules refuse that, and the demo writes the number to the queue directly instead.
 */
export function visitsHistory(s: DemoServices, who: DemoApplicant, dataDir: string): void {
  const now = s.clock.at(0, 23, 59);
  const options = s.bookings.options(who.userId, DEMO_BOOKING_ITEM);
  const hall = options.halls.find((h) => h.hallId === DEMO_BOOKING_HALL) ?? options.halls[0];
  const free = hall?.days.flatMap((d) => d.slots).find((slot) => slot.remaining > 0);
  if (hall && free) {
    s.bookings.create(who.userId, { itemCode: DEMO_BOOKING_ITEM, hallId: hall.hallId, slotStart: free.startsAt });
  }

  const qr = hallCheckInQrContent('https://demo.invalid', DEMO_BOOKING_HALL, loadSecret(dataDir, WINDOW_QR_SECRET));
  try {
    s.hallQueue.takeTicket(who.userId, { qr, itemCode: DEMO_WALK_IN_ITEM });
  } catch {
    const store = new BookingStore(s.db);
    const date = toChinaDate(now);
    const n = store.nextNumber(DEMO_BOOKING_HALL, date, 'walk_in');
    store.insertTicket({
      id: randomUUID(),
      hallId: DEMO_BOOKING_HALL,
      date,
      number: `B${String(n).padStart(3, '0')}`,
      kind: 'walk_in',
      userId: who.userId,
      bookingId: null,
      itemCode: DEMO_WALK_IN_ITEM,
      dueAt: now.getTime(),
      now: now.getTime(),
    });
  }
}
