import { Text, View } from '@tarojs/components';
import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import type { ComponentProps } from 'react';
import type { CaseStatus, CaseSummary } from '@contract/case';
import { CASE_STATUS_NAMES } from '@/lib/case-status';
import { formatChineseDate } from '@/lib/format-date';
import { navigate } from '@/ui/navigate';
import { routes } from '@/ui/routes';

type TagType = NonNullable<ComponentProps<typeof Tag>['type']>;

/** The status's colour says the same as its words: the person's move, done, refused, or waiting. */
const STATUS_TAG: Record<CaseStatus, TagType> = {
  draft: 'default',
  pending_review: 'primary',
  prereview_passed: 'primary',
  accepted: 'primary',
  needs_correction: 'warning',
  rejected: 'danger',
  completed: 'success',
  posted: 'success',
  withdrawn: 'default',
};

function describeDates(c: CaseSummary): string {
  const submitted = c.submittedAt
    ? `提交于 ${formatChineseDate(c.submittedAt)}`
    : `草稿，创建于 ${formatChineseDate(c.createdAt)}`;
  return `${c.departmentName} · ${submitted}${c.completedAt ? ` · 办结于 ${formatChineseDate(c.completedAt)}` : ''}`;
}

function RatingAction({ c }: { c: CaseSummary }) {
  if (c.ratingState === 'open') {
    return (
      <View className='case__rating'>
        {c.ratingDeadline ? (
          <Text className='muted'>请在 {formatChineseDate(c.ratingDeadline)} 前评价，逾期默认“基本满意”</Text>
        ) : null}
        <Button type='primary' size='small' className='tap-target' onClick={() => navigate(routes.rateCase(c.id))}>
          去评价
        </Button>
      </View>
    );
  }
  if ((c.ratingState === 'rated' || c.ratingState === 'defaulted') && c.ratingId) {
    const ratingId = c.ratingId;
    return (
      <View className='case__rating'>
        <Text className='muted'>{c.ratingState === 'rated' ? '已评价' : '7天内未评价，默认“基本满意”'}</Text>
        <Button size='small' className='tap-target' onClick={() => navigate(routes.rating(ratingId))}>
          查看评价
        </Button>
      </View>
    );
  }
  return null;
}

export type CaseRowProps = { c: CaseSummary };

/**
 * One 办件: NutUI's Cell (item, department and dates; its status as a Tag) opening the case, and
 * below it the way to rate a finished one (一事一评). Cell takes no role, so the row says it is a link.
 */
export function CaseRow({ c }: CaseRowProps) {
  return (
    <View className='case'>
      <View className='case__head' role='link' onClick={() => navigate(routes.caseDetail(c.id))}>
        <Cell
          className='case__cell tap-target'
          clickable
          align='center'
          title={<Text className='case__name'>{c.itemName}</Text>}
          description={describeDates(c)}
          extra={
            <Tag className='case__status' type={STATUS_TAG[c.status]}>
              {CASE_STATUS_NAMES[c.status]}
            </Tag>
          }
        />
      </View>
      <RatingAction c={c} />
    </View>
  );
}
