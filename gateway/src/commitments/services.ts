import type { Database } from 'better-sqlite3';
import { CaseStore } from '../store/case-store';
import { CatalogueStore } from '../store/catalogue-store';
import { CommitmentStore } from '../store/commitment-store';
import { NoticeStore } from '../store/notice-store';
import { UploadStore } from '../store/upload-store';
import { UserStore } from '../store/user-store';
import { UploadService } from '../uploads/upload-service';
import { CommitmentService } from './commitment-service';
import { NoticeService } from './notice-service';
import type { CommitmentKey } from './signing-key';

export interface CommitmentServices {
  uploads: UploadService;
  notices: NoticeService;
  commitments: CommitmentService;
}

/**
 * Uploads, notices and commitments over one database and data folder: the gateway and the admin
 * CLI build them the same way, so an officer's CLI action follows exactly the API's rules.
 */
export function commitmentServices(
  db: Database,
  options: {
    now: () => Date;
    dataDir: string;
    /** The gateway loads (or creates) the key; the CLI only ever loads the public half. */
    key: CommitmentKey | undefined;
    users?: UserStore;
    catalogue?: CatalogueStore;
  },
): CommitmentServices {
  const users = options.users ?? new UserStore(db);
  const catalogue = options.catalogue ?? new CatalogueStore(db);
  const uploadStore = new UploadStore(db);
  const noticeStore = new NoticeStore(db);
  const uploads = new UploadService({ db, uploads: uploadStore, dataDir: options.dataDir, now: options.now });
  return {
    uploads,
    notices: new NoticeService(noticeStore, catalogue, options.now),
    commitments: new CommitmentService({
      db,
      commitments: new CommitmentStore(db),
      notices: noticeStore,
      uploads: uploadStore,
      files: uploads,
      cases: new CaseStore(db),
      users,
      key: options.key,
      now: options.now,
    }),
  };
}
