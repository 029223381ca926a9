import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { Rating } from '@contract/rating';
import { formatChineseDate } from '@/lib/format-date';
import { isBadRating, ratingLevelName, ticketStatusName } from '@/lib/rating-rules';
import './rating.scss';

export type RatingSummaryProps = { rating: Rating };

/** Subject, level (in words), date, and where a 差评's rectification stands. */
export function RatingSummary({ rating }: RatingSummaryProps) {
  return (
    <View>
      <View className='rating-row'>
        <Text className='rating-row__subject'>{rating.subject}</Text>
        <Tag className='rating-row__level' type={isBadRating(rating.level) ? 'danger' : 'primary'}>
          {ratingLevelName(rating.level)}
        </Tag>
      </View>
      <Text className='rating-row__meta'>
        {rating.channel === 'online' ? '一事一评' : '一次一评'} · {rating.departmentName}
        {rating.hallName ? ` · ${rating.hallName}` : ''} · {formatChineseDate(rating.createdAt)}
      </Text>
      {rating.isDefault ? <Text className='rating-row__meta'>7天内未评价，默认“基本满意”</Text> : null}
      {rating.ticket ? (
        <Text className='rating-row__meta'>
          差评整改：{ticketStatusName(rating.ticket.status)}
          {rating.ticket.status !== 'closed' ? ` · 期限 ${formatChineseDate(rating.ticket.deadline)}` : ''}
          {rating.ticket.overdue ? ' · 已超期' : ''}
        </Text>
      ) : null}
    </View>
  );
}
