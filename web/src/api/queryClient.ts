import { QueryClient, type FetchQueryOptions, type QueryKey } from '@tanstack/react-query';

/** The app's one cache of API answers. */
export const queryClient = new QueryClient({
  defaultOptions: {
    // Errors are shown on the page; a second try hides nothing and mostly delays the message.
    queries: { retry: 1, refetchOnWindowFocus: false },
  },
});

/**
 * Starts these requests now, without waiting for them: the page that needs them finds them on
 * their way (or answered) when it renders. What is already cached is left to the page, which
 * refreshes it as before.
 */
export function prefetch(...queries: FetchQueryOptions<unknown, Error, unknown, QueryKey>[]): null {
  for (const query of queries)
    if (queryClient.getQueryData(query.queryKey) === undefined) void queryClient.prefetchQuery(query);
  return null;
}
