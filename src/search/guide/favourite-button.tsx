import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountApi } from '@/core/api/account';
import { describeError } from '@/core/http/api-error';
import { queryKeys } from '@/core/query-keys';
import { ActionButton } from '@/ui/action-button';
import { navigate } from '@/ui/navigate';
import type { Notice } from '@/ui/inline-notice';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';

export type FavouriteButtonProps = {
  code: string;
  /** Says how it went, next to the button. */
  onNotice: (text: string, tone: Notice['tone']) => void;
};

/** 收藏 / 已收藏; asks to log in first, and brings the user back here afterwards. */
export function FavouriteButton({ code, onNotice }: FavouriteButtonProps) {
  const { tokens } = useSession();
  const queryClient = useQueryClient();
  const state = useQuery({
    queryKey: queryKeys.favourite(code),
    queryFn: ({ signal }) => accountApi.favouriteState(code, signal),
    enabled: Boolean(tokens),
  });
  const toggle = useMutation({
    mutationFn: (favourite: boolean) => accountApi.setFavourite(code, favourite),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.favourite(code), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.favourites });
      onNotice(result.favourite ? '已收藏，可在“我的收藏”中找到' : '已取消收藏', 'info');
    },
    onError: (error) => onNotice(`收藏未成功：${describeError(error)}`, 'error'),
  });
  const favourite = state.data?.favourite ?? false;

  return (
    <ActionButton
      loading={toggle.isPending}
      pressed={favourite}
      onClick={() => {
        if (!tokens) {
          navigate(routes.login(routes.guide(code)));
          return;
        }
        if (!toggle.isPending) toggle.mutate(!favourite);
      }}
    >
      {favourite ? '★ 已收藏' : '☆ 收藏'}
    </ActionButton>
  );
}
