import Taro from '@tarojs/taro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RatingTarget } from '@contract/rating';
import { ratingsApi } from '@/core/api/ratings';
import { describeError, isApiError } from '@/core/http/api-error';
import { queryKeys } from '@/core/query-keys';
import type { RatingDraft } from '@/lib/rating-rules';
import { useConfirmDialog } from '@/ui/confirm-dialog';
import { navigate } from '@/ui/navigate';
import { routes } from '@/ui/routes';

/**
 * Sends one rating; field errors come back to the form, other refusals are said plainly in the
 * returned `dialog`, which the page renders.
 */
export function useSubmitRating(target: RatingTarget | undefined) {
  const queryClient = useQueryClient();
  const { dialog, confirm } = useConfirmDialog();
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (draft: RatingDraft & { level: number }) => {
      if (!target) throw new Error('no rating target');
      return ratingsApi.submitRating({
        target,
        level: draft.level as 1 | 2 | 3 | 4 | 5,
        indicators: Object.fromEntries(
          Object.entries(draft.indicators).filter((e): e is [string, number] => e[1] !== undefined),
        ) as Record<string, 1 | 2 | 3 | 4 | 5>,
        reasonCodes: draft.reasonCodes,
        comment: draft.comment.trim(),
      });
    },
    onSuccess: (rating) => {
      setServerErrors({});
      void queryClient.invalidateQueries({ queryKey: queryKeys.myRatings });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
      void queryClient.invalidateQueries({ queryKey: queryKeys.ratingStats });
      void Taro.showToast({ title: '评价已提交，感谢您的反馈', icon: 'none' });
      void Taro.redirectTo({ url: routes.rating(rating.id) });
    },
    onError: (error) => {
      if (isApiError(error) && error.fields.length > 0) {
        setServerErrors(Object.fromEntries(error.fields.map((f) => [f.field, f.message])));
        return;
      }
      if (isApiError(error) && error.code === 'FORBIDDEN' && error.message.includes('实名')) {
        void confirm({ title: '需要实名认证', content: error.message, confirmText: '去认证', alert: true }).then(() =>
          navigate(routes.realName),
        );
        return;
      }
      void confirm({ title: '未能提交评价', content: describeError(error), alert: true });
    },
  });
  return { submit: mutation.mutate, submitting: mutation.isPending, serverErrors, dialog };
}
