import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './http/api-error';

/** Server state cache shared by every page: one place decides staleness and retries. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60 * 1000,
        gcTime: 30 * 60 * 1000,
        // Retry only what may pass the second time; a 404 or a validation error will not.
        retry: (failureCount, error) =>
          failureCount < 2 && isApiError(error) && error.retryable && error.code !== 'RATE_LIMITED',
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
