import { View } from '@tarojs/components';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { CaseDetail } from '@contract/prereview';
import { casesApi } from '@/core/api/cases';
import { describeError } from '@/core/http/api-error';
import { queryKeys } from '@/core/query-keys';
import { useConfirmDialog } from '@/ui/confirm-dialog';
import { navigate } from '@/ui/navigate';
import { routes } from '@/ui/routes';
import { forgetLocalDraft } from '../local-draft';

export type CaseActionsProps = { detail: CaseDetail };

/** What the person can do next: continue or delete a draft, rate, withdraw (confirmed in a Dialog). */
export function CaseActions({ detail }: CaseActionsProps) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const { dialog, confirm } = useConfirmDialog();
  const withdraw = async () => {
    const confirmed = await confirm({
      title: '撤回申请',
      content: '撤回后本次申请终止，如需办理须重新申报。确定撤回吗？',
      confirmText: '撤回',
    });
    if (!confirmed || busy) return;
    setBusy(true);
    try {
      queryClient.setQueryData(queryKeys.case(detail.id), await casesApi.withdrawCase(detail.id));
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
    } catch (error) {
      void confirm({ title: '撤回失败', content: describeError(error), alert: true });
    } finally {
      setBusy(false);
    }
  };
  const removeDraft = async () => {
    const confirmed = await confirm({
      title: '删除草稿',
      content: '删除后已填写的内容不可恢复。',
      confirmText: '删除',
    });
    if (!confirmed) return;
    try {
      await casesApi.deleteDraft(detail.id);
      forgetLocalDraft(detail.id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
      navigate(routes.cases);
    } catch (error) {
      void confirm({ title: '删除失败', content: describeError(error), alert: true });
    }
  };
  return (
    <View className='section actions'>
      {dialog}
      {detail.status === 'draft' ? (
        <>
          <Button type='primary' className='tap-target' onClick={() => navigate(routes.continueDraft(detail.id))}>
            继续填写
          </Button>
          <Button className='tap-target' onClick={() => void removeDraft()}>
            删除草稿
          </Button>
        </>
      ) : null}
      {detail.ratingState === 'open' ? (
        <Button type='primary' className='tap-target' onClick={() => navigate(routes.rateCase(detail.id))}>
          评价本次服务
        </Button>
      ) : null}
      {detail.withdrawable ? (
        <Button className='tap-target' loading={busy} onClick={() => void withdraw()}>
          撤回申请
        </Button>
      ) : null}
    </View>
  );
}
