import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { favouritesApi } from '@/core/api/favourites';
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
    queryFn: ({ signal }) => favouritesApi.state(code, signal),
    enabled: Boolean(tokens),
  });
  // A plain call, not useMutation: the guide is a first page, and react-query's mutation observer
  // (~1 KB gzip of its first download) would be there for this one button.
  const [saving, setSaving] = useState(false);
  const inFlight = useRef(false);
  const toggle = async (next: boolean) => {
    // The ref, not the state: two taps in one frame both see `saving` still false.
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    try {
      const result = await favouritesApi.set(code, next);
      queryClient.setQueryData(queryKeys.favourite(code), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.favourites });
      onNotice(result.favourite ? '已收藏，可在“我的收藏”中找到' : '已取消收藏', 'info');
    } catch (error) {
      onNotice(`收藏未成功：${describeError(error)}`, 'error');
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  };
  const favourite = state.data?.favourite ?? false;

  return (
    <ActionButton
      loading={saving}
      pressed={favourite}
      onClick={() => {
        if (!tokens) {
          navigate(routes.login(routes.guide(code)));
          return;
        }
        void toggle(!favourite);
      }}
    >
      {favourite ? '★ 已收藏' : '☆ 收藏'}
    </ActionButton>
  );
}
