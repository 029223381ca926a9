import type { Database } from 'better-sqlite3';
import type { FastifyBaseLogger } from 'fastify';
import type { CommitmentKey } from '../commitments/signing-key';
import { DemoApplicant } from './demo-applicant';
import { DemoClock } from './demo-clock';
import { DEMO_RESIDENTS, type DemoResident } from './demo-residents';
import { demoServices, type DemoServices } from './demo-services';
import { everyCaseStateHistory } from './history-every-case-state';
import { ratedCasesHistory } from './history-rated-cases';
import { visitsHistory } from './history-visits';
import { windowRatingsHistory } from './history-window-ratings';

/** Each resident's story, in the order of DEMO_RESIDENTS. */
const HISTORIES: Record<string, (s: DemoServices, who: DemoApplicant, dataDir: string) => void> = {
  zhang: (s, who, dataDir) => {
    everyCaseStateHistory(s, who);
    visitsHistory(s, who, dataDir);
  },
  li: windowRatingsHistory,
  wang: ratedCasesHistory,
};

/** The account joined five weeks ago, real-name verified the same day, flagged as demo. */
function createResident(s: DemoServices, resident: DemoResident): DemoApplicant {
  const joined = s.clock.at(35, 9);
  const user = s.users.forMobile(resident.mobile, joined);
  s.users.setRealName(user.id, resident.name, resident.idNumber, s.clock.later(5));
  s.demo.mark(user.id);
  return new DemoApplicant(s, resident, user.id);
}

export interface DemoSeedResult {
  /** Mobiles of the residents written this time (empty when all were there already). */
  seeded: string[];
}

/**
 * Writes the demo residents' history, dated over the weeks before `now`, through the gateway's own
 * services. Idempotent: a resident whose demo account exists is left as it is, and each resident is
 * written in one transaction, so a failure leaves no half-written story. A mobile that a real
 * person already logged in with is never taken over.
 */
export function seedDemoHistory(
  db: Database,
  options: { dataDir: string; key: CommitmentKey; now: Date; rectificationDays?: number; log?: FastifyBaseLogger },
): DemoSeedResult {
  const s = demoServices(db, {
    clock: new DemoClock(options.now.getTime()),
    dataDir: options.dataDir,
    key: options.key,
    rectificationDays: options.rectificationDays,
  });
  const seeded: string[] = [];
  for (const resident of DEMO_RESIDENTS) {
    if (s.demo.demoUserByMobile(resident.mobile) !== undefined) continue;
    if (s.users.findByMobile(resident.mobile) !== undefined) {
      options.log?.warn({ resident: resident.key }, 'demo history: the demo mobile belongs to a real account, skipped');
      continue;
    }
    const history = HISTORIES[resident.key];
    db.transaction(() => history(s, createResident(s, resident), options.dataDir))();
    seeded.push(resident.mobile);
  }
  return { seeded };
}
