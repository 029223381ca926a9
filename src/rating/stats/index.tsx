import { Text, View } from '@tarojs/components';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Progress } from '@nutui/nutui-react-taro';
import type { RatingStatsRow } from '@contract/rating';
import { ratingsApi } from '@/core/api/ratings';
import { queryKeys } from '@/core/query-keys';
import { formatChineseDate } from '@/lib/format-date';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import '../rating.scss';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** A share in words and as a NutUI Progress bar; the bar repeats the words, so it is hidden from screen readers. */
function Share({ label, rate }: { label: string; rate: number | null }) {
  return (
    <View className='stats-share'>
      <Text className='stats-share__label'>
        {label} {percent(rate)}
      </Text>
      {rate === null ? null : (
        <View className='stats-share__bar' aria-hidden>
          {/* The bar's colour is set here: NutUI's default fill is its red. */}
          <Progress
            percent={Math.round(rate * 1000) / 10}
            color='var(--nutui-color-primary)'
            background='var(--nutui-color-border)'
            strokeWidth='8'
          />
        </View>
      )}
    </View>
  );
}

function StatsRows({ rows }: { rows: RatingStatsRow[] }) {
  const rated = rows.filter((r) => r.total > 0);
  if (rated.length === 0)
    return (
      <EmptyState title='暂无评价' description='办完事后的每一次评价，都会计入这里的公开指标'>
        <Button className='tap-target' onClick={() => navigate(routes.rateWindow)}>
          评价窗口服务
        </Button>
      </EmptyState>
    );
  return (
    <View className='stats-list'>
      {rated.map((row) => (
        <View key={row.id} className='stats-row'>
          <View className='stats-row__head'>
            <Text className='stats-row__name'>{row.name}</Text>
            {/* The count of 差评 stands out; the sentence below says it in full. */}
            {row.badCount > 0 ? (
              <View className='stats-row__badge' aria-hidden>
                <Badge value={row.badCount} />
              </View>
            ) : null}
          </View>
          <View className='stats-row__figures'>
            <Text>评价 {row.total} 次</Text>
            <Text>差评 {row.badCount} 次</Text>
          </View>
          <Share label='满意率' rate={row.satisfactionRate} />
          <Share label='差评按期整改' rate={row.rectifiedOnTimeRate} />
        </View>
      ))}
    </View>
  );
}

/** 公开评价指标 per department and hall: figures only, never who rated. */
export default function RatingStatsPage() {
  const stats = useQuery({ queryKey: queryKeys.ratingStats, queryFn: ({ signal }) => ratingsApi.ratingStats(signal) });
  if (stats.isPending)
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  if (stats.isError)
    return (
      <PageShell>
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      </PageShell>
    );
  return (
    <PageShell>
      <View className='section'>
        <Text className='section__title'>各部门</Text>
        <StatsRows rows={stats.data.departments} />
      </View>
      <View className='section'>
        <Text className='section__title'>各办事大厅</Text>
        <StatsRows rows={stats.data.halls} />
      </View>
      <Text className='rating-notice'>
        统计截至 {formatChineseDate(stats.data.asOf)}。满意率按“基本满意”及以上计算；7天内未评价的办件按“基本满意”计入。
      </Text>
    </PageShell>
  );
}
