import { Input, Text, View } from '@tarojs/components';
import { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { APP_SEARCH_TEXT_MAX } from '@contract/routes';
import { decodeQueryParam } from '@/lib/query-param';
import { ActionButton } from '@/ui/action-button';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { HighlightedText } from '@/ui/highlighted-text';
import { LoadingState } from '@/ui/loading-state';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { homeFeedQuery } from '../home-feed-query';
import { takeSearchRequest } from '../search-handoff';
import { readSearchHistory, rememberSearch } from '../search-history';
import { prefetchItemSearch, useItemSearch, useSuggestions, type SearchFilters } from '../use-item-search';
import { SearchFilterBar } from './search-filters';
import { SearchHitList } from './search-hit-list';
import { useSearchText } from './use-search-text';
import './index.scss';
import '@/ui/chips.scss';

const DEBOUNCE_MS = 300;
/** Longer input is cut here (the gateway does the same and says so). */
const INPUT_MAX_LENGTH: typeof APP_SEARCH_TEXT_MAX = 50;

export default function SearchPage() {
  const queryClient = useQueryClient();
  const [focused, setFocused] = useState(false);
  const [filters, setFilters] = useState<SearchFilters>({});
  const [history, setHistory] = useState<string[]>([]);
  // A link to a search (/search/results/index?q=…, shared or bookmarked) is the search from the
  // first render, so its request (preloaded by the gateway on H5) starts as the page mounts; a
  // query handed over by another page replaces it when the page shows.
  const { params } = useRouter();
  const [linkedQuery] = useState(() => decodeQueryParam(params.q).trim().slice(0, INPUT_MAX_LENGTH).trim());
  const { text, q, type, choose } = useSearchText(
    DEBOUNCE_MS,
    (settled) => prefetchItemSearch(queryClient, settled, filters),
    linkedQuery,
  );

  useDidShow(() => {
    setHistory(readSearchHistory());
    const request = takeSearchRequest();
    if (!request) return;
    setFilters({ audience: request.audience, department: request.department });
    choose(request.q ?? '');
  });

  const results = useItemSearch(q, filters);
  const suggestions = useSuggestions(q, focused);
  useReachBottom(() => {
    if (results.hasNextPage && !results.isFetchingNextPage) void results.fetchNextPage();
  });

  const commit = (value: string) => {
    choose(value);
    setFocused(false);
    setHistory(rememberSearch(value));
  };

  const pages = results.data?.pages;
  // One array per fetched page set, not per render, so the memoised cards are not redrawn on each keystroke.
  const hits = useMemo(() => (pages ?? []).flatMap((p) => p.hits), [pages]);
  const first = pages?.[0];
  // Hot items to suggest when nothing matched: asked for only then.
  const home = useQuery({ ...homeFeedQuery, enabled: first?.total === 0 });
  const typing = text.trim() !== q;
  const idle = q === '' && Object.values(filters).every((v) => v === undefined);

  return (
    <PageShell className='search'>
      <View className='search__bar'>
        <Input
          className='search__input'
          type='text'
          confirmType='search'
          placeholder='输入事项名称、拼音或首字母'
          aria-label='搜索事项'
          maxlength={INPUT_MAX_LENGTH}
          value={text}
          focus={focused}
          onInput={(e) => type(e.detail.value)}
          onFocus={() => setFocused(true)}
          onBlur={() => setTimeout(() => setFocused(false), 200)}
          onConfirm={(e) => commit(e.detail.value)}
        />
        {text ? (
          <View className='search__clear' role='button' aria-label='清除搜索内容' onClick={() => choose('')}>
            清除
          </View>
        ) : null}
      </View>

      {focused && q !== '' && suggestions.data && suggestions.data.suggestions.length > 0 ? (
        <View className='search__suggestions' role='listbox' aria-label='搜索建议'>
          {suggestions.data.suggestions.map((s) => (
            <View
              key={s.code}
              className='search__suggestion tap-target'
              role='option'
              onClick={() => {
                commit(q);
                navigate(routes.guide(s.code));
              }}
            >
              <HighlightedText text={s.name} ranges={s.nameHighlights} />
            </View>
          ))}
        </View>
      ) : null}

      <SearchFilterBar filters={filters} onChange={setFilters} />

      {idle ? (
        <View className='section'>
          <Text className='section__title'>{history.length > 0 ? '最近搜索' : '试试这样搜'}</Text>
          <View className='chips'>
            {(history.length > 0 ? history : ['户口迁移', 'hkqy', '身份证', '开饭店', 'shebao']).map((h) => (
              <View key={h} className='chip' role='button' onClick={() => commit(h)}>
                {h}
              </View>
            ))}
          </View>
        </View>
      ) : null}

      {first?.notice ? <Text className='search__notice'>{first.notice}</Text> : null}
      {first && !idle ? (
        <Text className='search__count muted' aria-live='polite'>
          {typing || results.isFetching ? '正在搜索…' : `共找到 ${first.total} 个事项`}
        </Text>
      ) : null}

      {results.isPending && !idle ? <LoadingState label='正在搜索…' shape='list' /> : null}
      {results.isError && hits.length === 0 ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : null}

      <SearchHitList hits={hits} />

      {first && first.total === 0 ? (
        <EmptyState
          title={q ? `没有找到与“${q}”相关的事项` : '没有符合条件的事项'}
          description='换个说法试试，比如用事项的通俗叫法、拼音首字母，或减少筛选条件'
        >
          <View className='chips'>
            {(home.data?.hotItems ?? []).slice(0, 6).map((item) => (
              <View key={item.code} className='chip' role='link' onClick={() => navigate(routes.guide(item.code))}>
                {item.name}
              </View>
            ))}
          </View>
        </EmptyState>
      ) : null}

      {results.hasNextPage ? (
        <View className='search__more'>
          <ActionButton loading={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
            {results.isFetchingNextPage ? '正在加载…' : '加载更多'}
          </ActionButton>
        </View>
      ) : null}
      {results.isError && hits.length > 0 ? (
        <ErrorState error={results.error} onRetry={() => void results.fetchNextPage()} />
      ) : null}
      {first && hits.length > 0 && !results.hasNextPage ? <Text className='search__end muted'>没有更多了</Text> : null}
    </PageShell>
  );
}
