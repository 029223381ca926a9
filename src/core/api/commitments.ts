import type {
  CommitmentList,
  CommitmentNotice,
  CommitmentReceipt,
  CommitmentVerification,
  NoticeList,
  SignCommitmentRequest,
} from '@contract/commitment';
import { request } from '../http/client';

/** 告知承诺: notices, signing, the user's commitments and their verification. */
export const commitmentsApi = {
  itemNotices: (code: string, signal?: AbortSignal) =>
    request<NoticeList>({ url: `/items/${encodeURIComponent(code)}/notices`, signal }),
  notice: (id: string, signal?: AbortSignal) =>
    request<CommitmentNotice>({ url: `/notices/${encodeURIComponent(id)}`, signal }),
  signCommitment: (body: SignCommitmentRequest) =>
    request<CommitmentReceipt>({ url: '/commitments', method: 'POST', data: body }),
  myCommitments: (signal?: AbortSignal) => request<CommitmentList>({ url: '/me/commitments', signal }),
  myCommitment: (id: string, signal?: AbortSignal) =>
    request<CommitmentReceipt>({ url: `/me/commitments/${encodeURIComponent(id)}`, signal }),
  withdrawCommitment: (id: string) =>
    request<CommitmentReceipt>({ url: `/me/commitments/${encodeURIComponent(id)}/withdraw`, method: 'POST' }),
  verifyCommitment: (id: string, signal?: AbortSignal) =>
    request<CommitmentVerification>({ url: `/commitments/${encodeURIComponent(id)}/verification`, signal }),
};
