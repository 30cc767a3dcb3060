import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/**
 * The one cache of what main said. Main is a local process, not a network: an answer does not
 * improve by asking again, so errors main returned as data (VALIDATION, FORBIDDEN, NOT_FOUND,
 * SESSION_LOCKED, ...) are never retried, and there is no refetch on focus or reconnect. Only a
 * failure that never reached main (the bridge threw) is tried once more. Nothing here calls
 * session.touch: background refreshes must not keep an idle session awake.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // Screens read fresh data each time they open, as they did before the cache existed.
        staleTime: 0,
      },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();
