import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { FeedbackLevel } from '@contract/rating';
import { ratingsApi } from '@/core/api/ratings';
import { describeError } from '@/core/http/api-error';
import { queryKeys } from '@/core/query-keys';
import { formatChineseDate } from '@/lib/format-date';
import { FEEDBACK_LEVELS } from '@/lib/rating-rules';
import { useConfirmDialog } from '@/ui/confirm-dialog';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { MissingLinkState } from '@/ui/missing-link-state';
import { LabelledRadio } from '@/ui/labelled-radio';
import { CommentField } from '../comment-field';
import { RatingSummary } from '../rating-summary';
import { TicketTimeline } from '../ticket-timeline';
import '../rating.scss';
import '../rating-form.scss';

/** One rating; for a 差评 its rectification ticket and, at 回访, the rater's verdict on it. */
export default function RatingDetailPage() {
  const id = useRouter().params.id ?? '';
  const queryClient = useQueryClient();
  const { dialog, confirm } = useConfirmDialog();
  const rating = useQuery({
    queryKey: queryKeys.myRating(id),
    queryFn: ({ signal }) => ratingsApi.myRating(id, signal),
    enabled: id !== '',
  });
  const [level, setLevel] = useState<FeedbackLevel>();
  const [comment, setComment] = useState('');
  const feedback = useMutation({
    mutationFn: () => ratingsApi.sendFeedback(id, { level: level ?? 'satisfied', comment: comment.trim() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.myRating(id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myRatings });
      void Taro.showToast({ title: '感谢您的反馈', icon: 'none' });
    },
    onError: (error) => void confirm({ title: '未能提交', content: describeError(error), alert: true }),
  });

  if (id === '') return <MissingLinkState subject='评价' returnTo={routes.myRatings} returnLabel='查看我的评价' />;
  if (rating.isPending)
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  if (rating.isError)
    return (
      <PageShell>
        <ErrorState error={rating.error} onRetry={() => void rating.refetch()} />
      </PageShell>
    );
  const r = rating.data;
  const ticket = r.ticket;

  return (
    <PageShell>
      <View className='section'>
        <RatingSummary rating={r} />
        {r.reasons.length > 0 ? (
          <Text className='rating-row__meta'>原因：{r.reasons.map((x) => x.label).join('、')}</Text>
        ) : null}
        {/* Plain text: whatever the rater typed, HTML included, is shown as typed. */}
        {r.comment ? <Text className='rating-comment'>{r.comment}</Text> : null}
      </View>

      {ticket ? (
        <View className='section'>
          <Text className='section__title'>差评整改</Text>
          <Text className='rating-row__meta'>
            整改期限：{formatChineseDate(ticket.deadline)}（15个工作日）{ticket.overdue ? ' · 已超期' : ''}
          </Text>
          <TicketTimeline ticket={ticket} />
          {ticket.result ? <Text className='rating-comment'>整改结果：{ticket.result}</Text> : null}
          {ticket.feedback ? (
            <Text className='rating-row__meta'>
              您对整改的评价：{FEEDBACK_LEVELS.find((f) => f.level === ticket.feedback?.level)?.name}
            </Text>
          ) : null}
        </View>
      ) : null}

      {ticket?.status === 'revisiting' && !ticket.feedback ? (
        <View className='section'>
          <Text className='section__title'>您对整改结果满意吗？</Text>
          <View className='rating-feedback' role='radiogroup' aria-label='整改满意度'>
            {FEEDBACK_LEVELS.map((f) => (
              <LabelledRadio
                key={f.level}
                shape='button'
                label={f.name}
                checked={level === f.level}
                onSelect={() => setLevel(f.level)}
              />
            ))}
          </View>
          <CommentField label='补充说明（选填）' value={comment} onChange={setComment} placeholder='说说整改后的情况' />
          <Button
            type='primary'
            block
            className='tap-target rating-form__submit'
            disabled={!level}
            loading={feedback.isPending}
            onClick={() => {
              if (level && !feedback.isPending) feedback.mutate();
            }}
          >
            提交整改评价
          </Button>
        </View>
      ) : null}
      {dialog}
    </PageShell>
  );
}
