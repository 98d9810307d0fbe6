import { QueryClient } from '@tanstack/react-query';

/**
 * The one cache of server data. Loads are not retried (a failure shows the API's message at
 * once, as before) and not repeated when the window regains focus: a page reloads its data when
 * it mounts, when its inputs change, and after a change made through it.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
