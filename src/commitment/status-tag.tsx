import { Tag } from '@nutui/nutui-react-taro';
import type { CommitmentStatus } from '@contract/commitment';
import { COMMITMENT_STATUS_NAMES } from './status-names';

export type StatusTagProps = { status: CommitmentStatus };

/** The theme's colours (primary, success, danger, dark grey) carry the state; the words say it. */
const TAG_TYPES: Record<CommitmentStatus, 'primary' | 'success' | 'danger' | 'default'> = {
  signed: 'primary',
  verified: 'success',
  false: 'danger',
  withdrawn: 'default',
};

/** A commitment's state as a NutUI Tag, in words (never only a colour). */
export function StatusTag({ status }: StatusTagProps) {
  return (
    <Tag className='status-tag' type={TAG_TYPES[status]}>
      {COMMITMENT_STATUS_NAMES[status]}
    </Tag>
  );
}
