import type { CommitmentStatus } from '@contract/commitment';

export const COMMITMENT_STATUS_NAMES: Record<CommitmentStatus, string> = {
  signed: '已承诺，待核查',
  verified: '核查属实',
  false: '不实承诺',
  withdrawn: '已撤回',
};
