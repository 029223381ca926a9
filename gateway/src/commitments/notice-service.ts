import { Value } from '@sinclair/typebox/value';
import type { CommitmentNotice } from '../../../types/contract';
import { notFound } from '../http/api-error';
import type { CatalogueStore } from '../store/catalogue-store';
import type { NoticeStore, NoticeVersionRow } from '../store/notice-store';
import { canonicalJson } from './canonical-json';
import {
  NoticeContent,
  composeNotice,
  noticeContentHash,
  noticeId,
  pickContent,
  termFor,
  type NoticeTerm,
} from './notice-content';

export const NOTICE_MESSAGES = {
  notFound: '没有找到这份告知书',
  versionNotFound: '没有找到这份告知书的这一版本',
  itemNotFound: '没有找到这个事项，它可能已调整或下线',
} as const;

/** What a revision may change; unchanged fields are copied from the current version. */
export interface NoticeRevision {
  condition?: string;
  method?: string;
  /** Replaces the whole list. */
  consequences?: string[];
  /** Appended to the (possibly replaced) list. */
  addConsequences?: string[];
  verification?: string;
  cooperation?: string;
  legalBasis?: string;
}

/** Thrown by `revise` for a revision that would publish nothing new or something empty. */
export class NoticeRevisionError extends Error {}

/** Parses a stored version; throws when the stored content is not a notice's content any more. */
export function noticeFromRow(row: NoticeVersionRow): CommitmentNotice {
  const content: unknown = JSON.parse(row.content);
  if (!Value.Check(NoticeContent, content)) throw new Error(`notice ${row.notice_id} v${row.version}: bad content`);
  return {
    id: row.notice_id,
    version: row.version,
    contentHash: row.content_hash,
    ...pickContent(content),
    publishedAt: new Date(row.published_at).toISOString(),
  };
}

/** Whether a stored version's content still hashes to its recorded hash. */
export function versionIntact(row: NoticeVersionRow): boolean {
  try {
    const content: unknown = JSON.parse(row.content);
    return Value.Check(NoticeContent, content) && noticeContentHash(content) === row.content_hash;
  } catch {
    return false;
  }
}

/** 告知书: seeded per commitment-allowed material, read by version, revised by officers (never edited). */
export class NoticeService {
  constructor(
    private readonly notices: NoticeStore,
    private readonly catalogue: CatalogueStore,
    private readonly now: () => Date,
  ) {}

  current(id: string): CommitmentNotice {
    const row = this.notices.current(id);
    if (!row) throw notFound(NOTICE_MESSAGES.notFound);
    return noticeFromRow(row);
  }

  version(id: string, version: number): CommitmentNotice {
    const row = this.notices.version(id, version);
    if (!row) {
      throw notFound(this.notices.current(id) ? NOTICE_MESSAGES.versionNotFound : NOTICE_MESSAGES.notFound);
    }
    return noticeFromRow(row);
  }

  forItem(itemCode: string): CommitmentNotice[] {
    if (!this.catalogue.itemSummary(itemCode)) throw notFound(NOTICE_MESSAGES.itemNotFound);
    return this.notices.currentForItem(itemCode).map(noticeFromRow);
  }

  all(): CommitmentNotice[] {
    return this.notices.allCurrent().map(noticeFromRow);
  }

  /**
   * Writes version 1 of a notice for every commitment-allowed material that has none (idempotent:
   * existing notices, revised ones included, are never touched). Returns how many were written.
   */
  seedMissing(terms: readonly NoticeTerm[], by = 'seed'): number {
    const at = this.now().getTime();
    return this.notices.transaction(() => {
      const subjects = this.notices.missingSubjects();
      for (const s of subjects) {
        const subject = {
          itemCode: s.item_code,
          itemName: s.item_name,
          departmentName: s.department_name,
          itemLegalBasisHtml: s.legal_basis_html,
          materialId: s.material_id,
          materialName: s.material_name,
        };
        const content = composeNotice(subject, termFor(terms, subject));
        const id = noticeId(s.item_code, s.material_id);
        this.notices.create(id, s.item_code, s.material_id, canonicalJson(content), noticeContentHash(content), at, by);
      }
      return subjects.length;
    });
  }

  /** Publishes a new version; every earlier version stays exactly as it was. */
  revise(id: string, revision: NoticeRevision, by: string): CommitmentNotice {
    return this.notices.transaction(() => {
      const row = this.notices.current(id);
      if (!row) throw notFound(NOTICE_MESSAGES.notFound);
      const current = pickContent(noticeFromRow(row));
      const next: NoticeContent = {
        ...current,
        condition: revision.condition ?? current.condition,
        method: revision.method ?? current.method,
        consequences: [...(revision.consequences ?? current.consequences), ...(revision.addConsequences ?? [])],
        verification: revision.verification ?? current.verification,
        cooperation: revision.cooperation ?? current.cooperation,
        legalBasis: revision.legalBasis ?? current.legalBasis,
      };
      const texts = [next.condition, next.method, next.verification, next.cooperation, next.legalBasis];
      if ([...texts, ...next.consequences].some((t) => t.trim() === '') || next.consequences.length === 0) {
        throw new NoticeRevisionError('告知书的各项内容都不能为空');
      }
      const hash = noticeContentHash(next);
      if (hash === row.content_hash) throw new NoticeRevisionError('内容没有变化，未发布新版本');
      this.notices.addVersion(id, row.version + 1, canonicalJson(next), hash, this.now().getTime(), by);
      return this.current(id);
    });
  }
}
