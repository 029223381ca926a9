import { Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import type { Channel } from '@contract/catalogue';
import { catalogueApi, cataloguePageData } from '@/core/api/catalogue';
import { isApiError } from '@/core/http/api-error';
import { env } from '@/core/env';
import { queryKeys } from '@/core/query-keys';
import { formatAudiences, formatTimeLimit } from '@/lib/format';
import { formatChineseDate } from '@/lib/format-date';
import { ActionButton } from '@/ui/action-button';
import { EmptyState } from '@/ui/empty-state';
import { InlineNotice, useNotice } from '@/ui/inline-notice';
import { ErrorState } from '@/ui/error-state';
import { ItemTags } from '@/ui/item-tags';
import { LoadingState } from '@/ui/loading-state';
import { goBackOr, navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { SafeRichText } from '@/ui/safe-rich-text';
import { useWorkdayCalculator } from '@/ui/use-workday-calculator';
import { CompletionDate } from './completion-date';
import { DeferredHallSection } from './deferred-hall-section';
import { FavouriteButton } from './favourite-button';
import { MaterialList } from './material-list';
import { shareLink } from './share-link';
import './index.scss';

const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上办理',
  window: '窗口办理',
  terminal: '自助终端',
  post: '邮寄办理',
};

function Row(props: { label: string; value: string }) {
  return (
    <View className='kv'>
      <Text className='kv__key'>{props.label}</Text>
      <Text className='kv__value'>{props.value}</Text>
    </View>
  );
}

export default function GuidePage() {
  const code = useRouter().params.code ?? '';
  const guide = useQuery({
    queryKey: queryKeys.guide(code),
    queryFn: ({ signal }) => catalogueApi.guide(code, signal),
    initialData: () => cataloguePageData.guide(code),
    enabled: code !== '',
  });
  const { calculator } = useWorkdayCalculator();
  const [notice, showNotice] = useNotice();
  useShareAppMessage(() => ({
    title: guide.data ? `办事指南：${guide.data.name}` : '洪山掌上办',
    path: routes.guide(code),
  }));

  if (!code || (isApiError(guide.error) && guide.error.code === 'NOT_FOUND')) {
    return (
      <PageShell>
        <EmptyState title='未找到该事项' description='该事项可能已调整或下线，请重新搜索'>
          <View className='state__actions'>
            <ActionButton variant='primary' onClick={() => navigate(routes.search)}>
              去搜索
            </ActionButton>
            <ActionButton onClick={() => goBackOr(routes.home)}>返回</ActionButton>
          </View>
        </EmptyState>
      </PageShell>
    );
  }
  if (guide.isPending)
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  if (guide.isError) {
    return (
      <PageShell>
        <ErrorState
          error={guide.error}
          onRetry={() => void guide.refetch()}
          secondary={{ label: '返回首页', onClick: () => navigate(routes.home) }}
        />
      </PageShell>
    );
  }

  const g = guide.data;
  const share = async () => {
    if (env.platform !== 'h5') return;
    const url = window.location.href;
    const outcome = await shareLink(g.name, url);
    if (outcome === 'copied') showNotice('链接已复制，可粘贴分享');
    // Stays until the next notice: the user needs time to select and copy it.
    if (outcome === 'manual') showNotice(`请复制链接分享：${url}`, 'info', true);
  };

  return (
    <PageShell className='guide'>
      <View className='section guide__head'>
        <View className='guide__name' role='heading' aria-level={1}>
          {g.name}
        </View>
        <Text className='guide__meta'>
          {g.departmentName} · {g.itemType} · 面向{formatAudiences(g.audiences, '、')}
        </Text>
        <Text className='guide__meta'>事项编码：{g.code}</Text>
        <ItemTags tags={g.tags} />
        <View className='guide__actions'>
          <FavouriteButton code={g.code} onNotice={showNotice} />
          {env.platform === 'h5' ? (
            <ActionButton onClick={() => void share()}>分享</ActionButton>
          ) : (
            <ActionButton openType='share'>分享</ActionButton>
          )}
        </View>
        <InlineNotice notice={notice} />
        <ActionButton
          variant='primary'
          block
          className='guide__apply'
          onClick={() => navigate(routes.applyItem(g.code))}
        >
          在线申报（网上预审）
        </ActionButton>
        {g.visits >= 1 ? (
          <ActionButton block className='guide__apply' onClick={() => navigate(routes.bookVisit(g.code))}>
            预约到现场办理
          </ActionButton>
        ) : null}
      </View>

      <View className='section'>
        <Text className='section__title'>办理时限</Text>
        <Row label='法定时限' value={formatTimeLimit(g.legalDays)} />
        <Row label='承诺时限' value={formatTimeLimit(g.promisedDays)} />
        <CompletionDate promisedDays={g.promisedDays} />
        <Row label='到现场次数' value={g.visits === 0 ? '0次（全程网办）' : `${g.visits}次`} />
        <Row label='收费' value={g.fee || '不收费'} />
        <Row label='办理渠道' value={g.channels.map((c) => CHANNEL_LABELS[c]).join('、') || '窗口办理'} />
        {g.phone ? <Row label='咨询电话' value={g.phone} /> : null}
      </View>

      <View className='section'>
        <Text className='section__title'>办理条件</Text>
        <SafeRichText className='rich' html={g.conditionsHtml || '<p>无特别条件</p>'} />
      </View>

      <View className='section'>
        <Text className='section__title'>申请材料（{g.materials.length}项）</Text>
        <MaterialList materials={g.materials} itemCode={g.code} />
      </View>

      {g.steps.length > 0 ? (
        <View className='section'>
          <Text className='section__title'>办理流程</Text>
          {g.steps.map((step, index) => (
            <View key={index} className='step'>
              <Text className='step__title'>
                第{index + 1}步 {step.title}
              </Text>
              <Text className='step__text'>{step.description}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {g.halls.length > 0 ? <DeferredHallSection halls={g.halls} calculator={calculator} /> : null}

      {g.faqs.length > 0 ? (
        <View className='section'>
          <Text className='section__title'>常见问题</Text>
          {g.faqs.map((faq, index) => (
            <View key={index} className='faq'>
              <Text className='faq__q'>问：{faq.question}</Text>
              <Text className='faq__a'>答：{faq.answer}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {g.legalBasisHtml ? (
        <View className='section'>
          <Text className='section__title'>设定依据</Text>
          <SafeRichText className='rich' html={g.legalBasisHtml} />
        </View>
      ) : null}
      <Text className='guide__updated muted'>指南更新于 {formatChineseDate(g.updatedAt)}</Text>
    </PageShell>
  );
}
