import { Text, View } from '@tarojs/components';
import { useDidShow, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { Badge, Tabs } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { casesApi } from '@/core/api/cases';
import { queryKeys } from '@/core/query-keys';
import { ActionButton } from '@/ui/action-button';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { navigate } from '@/ui/navigate';
import { LoginRequired } from '@/ui/login-required';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { useSession } from '@/ui/use-session';
import { CASE_GROUPS, casesIn, type CaseGroup } from './case-groups';
import { CaseRow } from './case-row';
import './index.scss';

function SearchAction() {
  return (
    <ActionButton variant='primary' onClick={() => navigate(routes.search)}>
      去搜索事项
    </ActionButton>
  );
}

/** 我的办件: the user's cases by status, and the way to rate a finished one (一事一评). */
export default function CasesPage() {
  const { tokens } = useSession();
  const [group, setGroup] = useState<CaseGroup>('all');
  const cases = useQuery({
    queryKey: queryKeys.cases,
    queryFn: ({ signal }) => casesApi.cases(signal),
    enabled: Boolean(tokens),
  });
  useDidShow(() => {
    if (tokens) void cases.refetch();
  });
  usePullDownRefresh(() => {
    void cases.refetch().finally(() => stopPullDownRefresh());
  });

  if (!tokens) return <LoginRequired title='登录后查看办件' returnTo={routes.cases} />;
  const all = cases.data?.cases;
  const shown = all ? casesIn(group, all) : [];
  const current = CASE_GROUPS.find((g) => g.value === group) ?? CASE_GROUPS[0];
  return (
    <PageShell>
      {cases.isPending ? <LoadingState /> : null}
      {cases.isError ? <ErrorState error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {all?.length === 0 ? (
        <EmptyState title='还没有办件' description='在线申报的事项会出现在这里'>
          <SearchAction />
        </EmptyState>
      ) : null}
      {all && all.length > 0 ? (
        <>
          {/* NutUI's Tabs as the tab bar only: the list below is the chosen tab's, so no 办件 is drawn twice. */}
          <Tabs
            className='cases__tabs'
            value={group}
            duration={0}
            title={() => [
              <View key='tabs' className='cases__tablist' role='tablist'>
                {CASE_GROUPS.map((g) => {
                  const count = casesIn(g.value, all).length;
                  const active = g.value === group;
                  return (
                    <View
                      key={g.value}
                      className={`nut-tabs-titles-item tap-target${active ? ' nut-tabs-titles-item-active' : ''}`}
                      role='tab'
                      aria-selected={active}
                      onClick={() => setGroup(g.value)}
                    >
                      <View className='nut-tabs-titles-item-line' />
                      {/* What waits on the person is counted loudly, in a Badge; the rest quietly. */}
                      {g.value === 'to-do' && count > 0 ? (
                        <Badge className='cases__badge' value={count} max={99}>
                          <Text className='nut-tabs-titles-item-text'>{g.title}</Text>
                        </Badge>
                      ) : (
                        <Text className='nut-tabs-titles-item-text'>
                          {g.title}
                          {g.value === 'all' || count === 0 ? '' : ` ${count}`}
                        </Text>
                      )}
                    </View>
                  );
                })}
              </View>,
            ]}
          >
            {CASE_GROUPS.map((g) => (
              <Tabs.TabPane key={g.value} value={g.value} title={g.title} />
            ))}
          </Tabs>
          <View role='tabpanel' aria-label={current.title}>
            {shown.length === 0 ? (
              <EmptyState title={current.empty}>
                <SearchAction />
              </EmptyState>
            ) : (
              shown.map((c) => <CaseRow key={c.id} c={c} />)
            )}
          </View>
        </>
      ) : null}
    </PageShell>
  );
}
