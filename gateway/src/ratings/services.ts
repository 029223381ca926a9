import type { Database } from 'better-sqlite3';
import { WINDOW_QR_SECRET, loadSecret } from '../auth/secret-files';
import { CaseService } from '../cases/case-service';
import { CaseStore } from '../store/case-store';
import { CatalogueStore } from '../store/catalogue-store';
import { RatingStore } from '../store/rating-store';
import { UserStore } from '../store/user-store';
import { DEFAULT_RECTIFICATION_DAYS } from './rating-rules';
import { RatingService } from './rating-service';

export interface CaseAndRatingServices {
  cases: CaseService;
  ratings: RatingService;
}

/**
 * The case and rating services over one database: the gateway and the admin CLI build them the
 * same way, so an officer's CLI action follows exactly the API's rules.
 */
export function caseAndRatingServices(
  db: Database,
  options: {
    now: () => Date;
    /** Holds keys/window-qr-hmac.key, the secret window QR codes are signed with. */
    dataDir: string;
    rectificationDays?: number;
    users?: UserStore;
    catalogue?: CatalogueStore;
  },
): CaseAndRatingServices {
  const users = options.users ?? new UserStore(db);
  const catalogue = options.catalogue ?? new CatalogueStore(db);
  const cases = new CaseStore(db);
  const rectificationDays = options.rectificationDays ?? DEFAULT_RECTIFICATION_DAYS;
  if (!Number.isInteger(rectificationDays) || rectificationDays <= 0) {
    throw new Error(`rectificationDays must be a positive integer, got ${rectificationDays}`);
  }
  return {
    cases: new CaseService({ cases, users, catalogue, now: options.now }),
    ratings: new RatingService({
      db,
      ratings: new RatingStore(db),
      cases,
      users,
      catalogue,
      now: options.now,
      qrSecret: loadSecret(options.dataDir, WINDOW_QR_SECRET),
      rectificationDays,
    }),
  };
}
