import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState } from '@/ui/error-state';
import { LocationF, Order, User } from '@/ui/icons';
import { LoadingState } from '@/ui/loading-state';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { homeFeedQuery } from '../home-feed-query';
import { openSearch } from '../search-handoff';
import { clearSearchHistory, readSearchHistory } from '../search-history';
import './index.scss';
import '@/ui/chips.scss';

export default function HomePage() {
  const home = useQuery(homeFeedQuery);
  const [history, setHistory] = useState<string[]>([]);
  useDidShow(() => setHistory(readSearchHistory()));
  useShareAppMessage(() => ({ title: '洪山掌上办：查事项、看指南、网上办', path: routes.home }));

  return (
    <PageShell className='home'>
      <View className='home__hero'>
        <Text className='home__title'>洪山掌上办</Text>
        <Text className='home__subtitle'>查事项 · 看指南 · 网上办 · 少跑腿</Text>
        <View
          className='home__search tap-target'
          role='search'
          aria-label='搜索办事事项'
          onClick={() => openSearch({})}
        >
          <Text>搜索事项，如“户口迁移”或拼音首字母“hkqy”</Text>
        </View>
      </View>

      <View className='home__entries'>
        <View className='home__entry tap-target' role='button' onClick={() => openSearch({ audience: 'person' })}>
          <User className='home__entry-icon' size={24} aria-hidden='true' />
          <Text className='home__entry-title'>个人办事</Text>
          <Text className='home__entry-note'>户籍、社保、婚育、医保…</Text>
        </View>
        <View className='home__entry tap-target' role='button' onClick={() => openSearch({ audience: 'business' })}>
          <Order className='home__entry-icon' size={24} aria-hidden='true' />
          <Text className='home__entry-title'>法人办事</Text>
          <Text className='home__entry-note'>开办、许可、变更、注销…</Text>
        </View>
        <View className='home__entry tap-target' role='button' onClick={() => navigate(routes.nearby)}>
          <LocationF className='home__entry-icon' size={24} aria-hidden='true' />
          <Text className='home__entry-title'>就近办</Text>
          <Text className='home__entry-note'>办事大厅与24小时自助终端</Text>
        </View>
      </View>

      {history.length > 0 ? (
        <View className='section'>
          <View className='home__row'>
            <Text className='section__title'>最近搜索</Text>
            <View
              className='home__link'
              role='button'
              onClick={() => {
                clearSearchHistory();
                setHistory([]);
              }}
            >
              清空
            </View>
          </View>
          <View className='chips'>
            {history.map((q) => (
              <View key={q} className='chip' role='button' onClick={() => openSearch({ q })}>
                {q}
              </View>
            ))}
          </View>
        </View>
      ) : null}

      {home.isPending ? <LoadingState /> : null}
      {home.isError ? <ErrorState error={home.error} onRetry={() => void home.refetch()} /> : null}
      {home.data ? (
        <>
          <View className='section'>
            <Text className='section__title'>热门事项</Text>
            <View className='chips'>
              {home.data.hotItems.map((item) => (
                <View key={item.code} className='chip' role='link' onClick={() => navigate(routes.guide(item.code))}>
                  {item.name}
                </View>
              ))}
            </View>
          </View>

          <View className='section'>
            <Text className='section__title'>一件事一次办</Text>
            <View className='home__themes'>
              {home.data.themeItems.map((theme) => (
                <View
                  key={theme.code}
                  className='home__theme tap-target'
                  role='link'
                  onClick={() => navigate(routes.theme(theme.code))}
                >
                  <Text className='home__theme-name'>{theme.name}</Text>
                  <Text className='home__theme-note'>{theme.itemCount}个事项合并办理</Text>
                </View>
              ))}
            </View>
          </View>

          <View className='section'>
            <Text className='section__title'>按部门查找</Text>
            <View className='chips'>
              {home.data.departments.map((department) => (
                <View
                  key={department.id}
                  className='chip'
                  role='button'
                  onClick={() => openSearch({ department: department.id, departmentName: department.shortName })}
                >
                  {department.shortName}（{department.itemCount}）
                </View>
              ))}
            </View>
          </View>
        </>
      ) : null}
      <View className='home__footer muted' onClick={() => void Taro.makePhoneCall({ phoneNumber: '12345' })}>
        <Text>政务服务便民热线 12345</Text>
      </View>
    </PageShell>
  );
}
