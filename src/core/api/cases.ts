import type { CaseList } from '@contract/case';
import type {
  ApplicationSpec,
  CaseDetail,
  ELicenceList,
  PrereviewTarget,
  ResubmitRequest,
  SaveDraftRequest,
  SubmitApplicationRequest,
} from '@contract/prereview';
import { request } from '../http/client';

/** The user's cases (办件): online pre-review applications, drafts, corrections, withdrawal. */
export const casesApi = {
  cases: (signal?: AbortSignal) => request<CaseList>({ url: '/me/cases', signal }),
  case: (id: string, signal?: AbortSignal) =>
    request<CaseDetail>({ url: `/me/cases/${encodeURIComponent(id)}`, signal }),
  applicationSpec: (target: PrereviewTarget, signal?: AbortSignal) =>
    request<ApplicationSpec>({
      url: `/prereview/${target.kind === 'theme' ? 'themes' : 'items'}/${encodeURIComponent(target.code)}`,
      signal,
    }),
  licences: (signal?: AbortSignal) => request<ELicenceList>({ url: '/me/licences', signal }),
  /** The user's draft for this target (an existing one is returned, never a second). */
  startApplication: (target: PrereviewTarget) =>
    request<CaseDetail>({ url: '/me/cases', method: 'POST', data: { target } }),
  saveDraft: (id: string, body: SaveDraftRequest) =>
    request<CaseDetail>({ url: `/me/cases/${encodeURIComponent(id)}/draft`, method: 'PUT', data: body }),
  deleteDraft: (id: string) =>
    request<{ deleted: true }>({ url: `/me/cases/${encodeURIComponent(id)}/draft`, method: 'DELETE' }),
  /** The same key on a retry: the gateway answers a repeat without submitting twice. */
  submitApplication: (id: string, body: SubmitApplicationRequest, idempotencyKey: string) =>
    request<CaseDetail>({
      url: `/me/cases/${encodeURIComponent(id)}/submit`,
      method: 'POST',
      data: body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  resubmit: (id: string, body: ResubmitRequest, idempotencyKey: string) =>
    request<CaseDetail>({
      url: `/me/cases/${encodeURIComponent(id)}/resubmit`,
      method: 'POST',
      data: body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  withdrawCase: (id: string) =>
    request<CaseDetail>({ url: `/me/cases/${encodeURIComponent(id)}/withdraw`, method: 'POST' }),
};
