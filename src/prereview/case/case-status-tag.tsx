import { Text } from '@tarojs/components';
import type { CaseStatus } from '@contract/case';
import { CASE_STATUS_NAMES } from '@/lib/case-status';

export type CaseStatusTagProps = { status: CaseStatus };

/** What the status asks of the person: act (danger), wait (primary), done (success) or nothing. */
const TONES: Record<CaseStatus, 'default' | 'primary' | 'success' | 'danger'> = {
  draft: 'default',
  pending_review: 'primary',
  needs_correction: 'danger',
  rejected: 'danger',
  prereview_passed: 'success',
  accepted: 'success',
  completed: 'success',
  posted: 'success',
  withdrawn: 'default',
};

/**
 * The case's status as a tag in the theme's colours. Not NutUI's Tag: it costs 3.5 KB of the
 * prereview subpackage, which has less room than that (docs/ui.md).
 */
export function CaseStatusTag({ status }: CaseStatusTagProps) {
  return (
    <Text className={`status-tag status-tag--${TONES[status]} case-status case-status--${status}`}>
      {CASE_STATUS_NAMES[status]}
    </Text>
  );
}
