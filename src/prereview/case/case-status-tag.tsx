import { Tag } from '@nutui/nutui-react-taro';
import type { CaseStatus } from '@contract/case';
import { CASE_STATUS_NAMES } from '@/lib/case-status';

export type CaseStatusTagProps = { status: CaseStatus };

/** What the status asks of the person: act (danger), wait (primary), done (success) or nothing. */
const TAG_TYPES: Record<CaseStatus, 'default' | 'primary' | 'success' | 'danger'> = {
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

/** The case's status as a NutUI Tag in the theme's colours. */
export function CaseStatusTag({ status }: CaseStatusTagProps) {
  return (
    <Tag className={`case-status case-status--${status}`} type={TAG_TYPES[status]}>
      {CASE_STATUS_NAMES[status]}
    </Tag>
  );
}
