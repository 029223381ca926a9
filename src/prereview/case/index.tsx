import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { CaseDetail, CaseMaterial } from '@contract/prereview';
import { casesApi } from '@/core/api/cases';
import { describeError } from '@/core/http/api-error';
import { queryKeys } from '@/core/query-keys';
import { formatChineseDate } from '@/lib/format-date';
import { useConfirmDialog } from '@/ui/confirm-dialog';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { LoginRequired } from '@/ui/login-required';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import { MissingLinkState } from '@/ui/missing-link-state';
import { forgetLocalDraft } from '../local-draft';
import { Timeline } from '../timeline';
import { CaseStatusTag } from './case-status-tag';
import { CorrectionForm } from './correction-form';
import '../prereview.scss';

const REVIEW_NAMES: Record<CaseMaterial['review'], string> = {
  pending: '待审',
  returned: '需补正',
  accepted: '已通过',
};

/** The review's colour: the theme's success, danger and default (grey) tags. */
const REVIEW_TAG: Record<CaseMaterial['review'], 'default' | 'danger' | 'success'> = {
  pending: 'default',
  returned: 'danger',
  accepted: 'success',
};

function MaterialSummary({ material }: { material: CaseMaterial }) {
  const how =
    material.way === 'e_licence'
      ? `电子证照：${material.licenceName ?? ''}`
      : material.way === 'commitment'
        ? '告知承诺代替'
        : material.files.map((f) => f.name).join('、');
  return (
    <View className='case-material' role='listitem'>
      <View className='case-material__head'>
        <Text className='case-material__name'>{material.name}</Text>
        <Tag className={`review review--${material.review}`} type={REVIEW_TAG[material.review]}>
          {REVIEW_NAMES[material.review]}
        </Tag>
      </View>
      <Text className='muted'>{how}</Text>
      {material.review === 'returned' && material.reviewComment ? (
        <Text className='mcard__returned'>退回意见：{material.reviewComment}</Text>
      ) : null}
    </View>
  );
}

function Actions({ detail }: { detail: CaseDetail }) {
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

/** 办件详情: status, expected completion, the timeline, each material's review, and what to do next. */
export default function CasePage() {
  const { id = '' } = useRouter().params;
  const { tokens } = useSession();
  const detail = useQuery({
    queryKey: queryKeys.case(id),
    queryFn: ({ signal }) => casesApi.case(id, signal),
    enabled: Boolean(tokens) && id !== '',
  });
  const target = detail.data?.target;
  const spec = useQuery({
    queryKey: queryKeys.applicationSpec(target?.kind ?? '', target?.code ?? ''),
    queryFn: ({ signal }) => casesApi.applicationSpec(target ?? { kind: 'item', code: '' }, signal),
    enabled: detail.data?.status === 'needs_correction' && target !== undefined,
  });
  useDidShow(() => {
    if (tokens && id) void detail.refetch();
  });

  if (id === '') return <MissingLinkState subject='办件' returnTo={routes.cases} returnLabel='查看我的办件' />;
  if (!tokens) return <LoginRequired title='登录后查看办件' returnTo={routes.caseDetail(id)} />;
  if (detail.isError) {
    return (
      <PageShell>
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </PageShell>
    );
  }
  if (!detail.data) {
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  }
  const c = detail.data;
  return (
    <PageShell>
      <View className='section'>
        <View className='section__title' role='heading' aria-level={1}>
          {c.itemName}
        </View>
        <Text className='muted'>
          {c.departmentName} · 办件编号 {c.id.slice(0, 8).toUpperCase()}
        </Text>
        <View className='case-status-row'>
          <CaseStatusTag status={c.status} />
        </View>
        {c.submittedAt ? <Text className='muted'>提交于 {formatChineseDate(c.submittedAt)}</Text> : null}
        {c.expectedCompletionDate && !c.completedAt && c.status !== 'withdrawn' && c.status !== 'rejected' ? (
          <Text>
            预计 {formatChineseDate(c.expectedCompletionDate)} 前办结（承诺 {c.promisedDays} 个工作日）
          </Text>
        ) : null}
        {c.statusNote ? <Text className='status-note'>{c.statusNote}</Text> : null}
      </View>

      {c.status === 'needs_correction' ? (
        spec.data ? (
          <CorrectionForm detail={c} spec={spec.data} />
        ) : spec.isError ? (
          <ErrorState error={spec.error} onRetry={() => void spec.refetch()} />
        ) : (
          <LoadingState />
        )
      ) : null}

      <View className='section'>
        <Text className='section__title'>办理进度</Text>
        <Timeline events={c.timeline} />
      </View>

      {c.materials.length > 0 ? (
        <View className='section' role='list' aria-label='申请材料'>
          <Text className='section__title'>申请材料</Text>
          {c.materials.map((m) => (
            <MaterialSummary key={m.materialId} material={m} />
          ))}
        </View>
      ) : null}

      <Actions detail={c} />
    </PageShell>
  );
}
