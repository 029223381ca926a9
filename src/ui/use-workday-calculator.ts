import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { catalogueApi, cataloguePageData } from '@/core/api/catalogue';
import { queryKeys } from '@/core/query-keys';
import { createWorkdayCalendar, type WorkdayCalculator } from '@/lib/workdays';

/** The gateway's working-day calendar (public holidays, make-up workdays), loaded once per session. */
export function useWorkdayCalculator(): { calculator?: WorkdayCalculator; error: unknown; refetch: () => void } {
  const query = useQuery({
    queryKey: queryKeys.calendar,
    queryFn: ({ signal }) => catalogueApi.calendar(signal),
    initialData: cataloguePageData.calendar,
    staleTime: 24 * 60 * 60 * 1000,
  });
  const calculator = useMemo(() => (query.data ? createWorkdayCalendar(query.data) : undefined), [query.data]);
  return { calculator, error: query.error, refetch: () => void query.refetch() };
}
