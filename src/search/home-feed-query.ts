import { queryOptions } from '@tanstack/react-query';
import { catalogueApi, cataloguePageData } from '@/core/api/catalogue';
import { queryKeys } from '@/core/query-keys';

/** The home screen's data (hot items, theme items, departments), shared by the pages that show parts of it. */
export const homeFeedQuery = queryOptions({
  queryKey: queryKeys.home,
  queryFn: ({ signal }) => catalogueApi.home(signal),
  initialData: cataloguePageData.home,
});
