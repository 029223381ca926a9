import type { Database } from 'better-sqlite3';
import { WINDOW_QR_SECRET, loadSecret } from '../auth/secret-files';
import { BookingStore } from '../store/booking-store';
import { CaseStore } from '../store/case-store';
import { CatalogueStore } from '../store/catalogue-store';
import { RatingStore } from '../store/rating-store';
import { UserStore } from '../store/user-store';
import { NO_BOOKING_NOTIFICATIONS, type BookingNotifier } from './booking-notifier';
import { BookingService } from './booking-service';
import { HallQueue } from './hall-queue';

export interface BookingServices {
  bookings: BookingService;
  hallQueue: HallQueue;
}

/**
 * 预约取号 over one database: the gateway and the admin CLI build it the same way, so an officer's
 * call-next follows exactly the rules the API does.
 */
export function bookingServices(
  db: Database,
  options: {
    now: () => Date;
    /** Holds keys/window-qr-hmac.key, which signs hall check-in QR codes too. */
    dataDir: string;
    notifier?: BookingNotifier;
    users?: UserStore;
    catalogue?: CatalogueStore;
  },
): BookingServices {
  const store = new BookingStore(db);
  const catalogue = options.catalogue ?? new CatalogueStore(db);
  const notifier = options.notifier ?? NO_BOOKING_NOTIFICATIONS;
  const hallQueue = new HallQueue({
    db,
    store,
    ratings: new RatingStore(db),
    catalogue,
    notifier,
    now: options.now,
    qrSecret: loadSecret(options.dataDir, WINDOW_QR_SECRET),
  });
  const bookings = new BookingService({
    db,
    store,
    catalogue,
    users: options.users ?? new UserStore(db),
    cases: new CaseStore(db),
    queue: hallQueue,
    notifier,
    now: options.now,
  });
  return { bookings, hallQueue };
}
