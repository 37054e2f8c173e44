import { render, screen } from '@testing-library/react';
import { createMemoryHistory } from '@tanstack/react-router';
import { QueryClient } from '@tanstack/react-query';
import { App } from '@/app';
import { createQueryClient } from '@/lib/query-client';

/** Renders the whole app (router, query client, i18n) at `url`. */
export function renderApp(url: string) {
  const history = createMemoryHistory({ initialEntries: [url] });
  const queryClient: QueryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false, staleTime: 0 },
  });
  const utils = render(<App queryClient={queryClient} history={history} />);
  return { ...utils, history, queryClient, screen };
}
