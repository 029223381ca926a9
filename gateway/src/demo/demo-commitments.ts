import type { CommitmentReceipt } from '../../../types/contract';
import { sha256Hex } from '../commitments/canonical-json';
import { DEMO_LABEL, DEMO_OFFICER } from './demo-residents';
import { demoSignaturePng } from './demo-files';
import type { DemoServices } from './demo-services';

/**
 * Signs a 告知承诺 as the app does: the current notice version and hash, the four confirmations, a
 * signature image uploaded first. The receipt is signed with the gateway's own key, so it verifies.
 */
export function signDemoCommitment(
  s: DemoServices,
  userId: string,
  itemCode: string,
  materialName: string,
  caseId?: string,
): CommitmentReceipt {
  const notice = s.notices.forItem(itemCode).find((n) => n.materialName === materialName);
  if (!notice) throw new Error(`demo history: no 告知承诺 notice for ${itemCode} / ${materialName}`);
  // Shifted per resident, so no two demo residents have the same signature image.
  const png = demoSignaturePng(userId.charCodeAt(0) % 8);
  const upload = s.uploads.accept(userId, 'signature', png);
  return s.commitments.sign(userId, {
    noticeId: notice.id,
    noticeVersion: notice.version,
    noticeHash: notice.contentHash,
    confirmations: { informed: true, qualified: true, truthful: true, acceptVerification: true },
    signatureFileId: upload.id,
    signatureSha256: sha256Hex(png),
    ...(caseId === undefined ? {} : { caseId }),
  });
}

/** 核查属实: the officer's verdict on a demo commitment. */
export function verifyDemoCommitment(s: DemoServices, id: string, note: string): void {
  s.commitments.verdict(id, { result: 'verified', note: `${DEMO_LABEL}${note}` }, DEMO_OFFICER);
}
