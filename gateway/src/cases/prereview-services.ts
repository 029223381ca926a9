import type { Database } from 'better-sqlite3';
import { CaseMaterialStore } from '../store/case-material-store';
import { CaseStore } from '../store/case-store';
import { CatalogueStore } from '../store/catalogue-store';
import { CommitmentStore } from '../store/commitment-store';
import { IdempotencyStore } from '../store/idempotency-store';
import { LicenceStore } from '../store/licence-store';
import { UploadStore } from '../store/upload-store';
import { UserStore } from '../store/user-store';
import { CaseDetailBuilder } from './case-detail';
import { IdempotentRunner } from './idempotency';
import { LicenceWallet } from './licence-wallet';
import { OfficerCaseService } from './officer-case-service';
import { PrereviewService } from './prereview-service';
import { SpecService } from './spec-service';

export interface PrereviewServices {
  specs: SpecService;
  prereview: PrereviewService;
  officerCases: OfficerCaseService;
  licences: LicenceWallet;
}

/**
 * The pre-review services over one database: the gateway and the admin CLI build them the same
 * way, so an officer's CLI action follows exactly the API's rules.
 */
export function prereviewServices(
  db: Database,
  options: { now: () => Date; users?: UserStore; catalogue?: CatalogueStore },
): PrereviewServices {
  const { now } = options;
  const users = options.users ?? new UserStore(db);
  const catalogue = options.catalogue ?? new CatalogueStore(db);
  const cases = new CaseStore(db);
  const materials = new CaseMaterialStore(db);
  const uploads = new UploadStore(db);
  const specs = new SpecService(catalogue);
  const licences = new LicenceWallet({ users, licences: new LicenceStore(db), now });
  const details = new CaseDetailBuilder({ cases, materials, uploads, users, wallet: licences, catalogue, now });
  return {
    specs,
    licences,
    prereview: new PrereviewService({
      cases,
      materials,
      specs,
      users,
      uploads,
      wallet: licences,
      commitments: new CommitmentStore(db),
      details,
      idempotent: new IdempotentRunner(new IdempotencyStore(db), now),
      now,
    }),
    officerCases: new OfficerCaseService({ db, cases, materials, details, now }),
  };
}
