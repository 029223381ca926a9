import { Text, View } from '@tarojs/components';
import { useQuery } from '@tanstack/react-query';
import type { RatingStatsRow } from '@contract/rating';
import { ratingsApi } from '@/core/api/ratings';
import { queryKeys } from '@/core/query-keys';
import { formatChineseDate } from '@/lib/format-date';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { PageShell } from '@/ui/page-shell';
import '../rating.scss';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function StatsRows({ rows }: { rows: RatingStatsRow[] }) {
  const rated = rows.filter((r) => r.total > 0);
  if (rated.length === 0) return <Text className='muted'>暂无评价</Text>;
  return (
    <View role='list'>
      {rated.map((row) => (
        <View key={row.id} className='stats-row' role='listitem'>
          <Text className='stats-row__name'>{row.name}</Text>
          <View className='stats-row__figures'>
            <Text>满意率 {percent(row.satisfactionRate)}</Text>
            <Text>评价 {row.total} 次</Text>
            <Text>差评 {row.badCount} 次</Text>
            <Text>差评按期整改 {percent(row.rectifiedOnTimeRate)}</Text>
          </View>
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
