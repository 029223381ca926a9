import type { Database } from 'better-sqlite3';
import { bookingServices, type BookingServices } from '../booking/services';
import { prereviewServices, type PrereviewServices } from '../cases/prereview-services';
import { commitmentServices, type CommitmentServices } from '../commitments/services';
import type { CommitmentKey } from '../commitments/signing-key';
import { caseAndRatingServices, type CaseAndRatingServices } from '../ratings/services';
import { DemoStore } from '../store/demo-store';
import { UserStore } from '../store/user-store';
import type { DemoClock } from './demo-clock';

/** The gateway's own services, built as the gateway builds them but reading the demo clock. */
export interface DemoServices extends PrereviewServices, CaseAndRatingServices, CommitmentServices, BookingServices {
  db: Database;
  users: UserStore;
  demo: DemoStore;
  clock: DemoClock;
}

export function demoServices(
  db: Database,
  options: { clock: DemoClock; dataDir: string; key: CommitmentKey; rectificationDays?: number },
): DemoServices {
  const { clock } = options;
  const users = new UserStore(db);
  return {
    db,
    users,
    demo: new DemoStore(db),
    clock,
    ...caseAndRatingServices(db, {
      now: clock.now,
      dataDir: options.dataDir,
      rectificationDays: options.rectificationDays,
      users,
    }),
    ...commitmentServices(db, { now: clock.now, dataDir: options.dataDir, key: options.key, users }),
    ...prereviewServices(db, { now: clock.now, users }),
    ...bookingServices(db, { now: clock.now, dataDir: options.dataDir, users }),
  };
}
