import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { errorText, isApiError, isAuthRedirectError } from './api';
import { toast } from './toast';

function notify(e: unknown) {
  if (isAuthRedirectError(e)) return; // handled by the redirect to the login / change-password page
  const lang = i18n.language;
  const title = isApiError(e) ? e.localizedTitle(lang) : i18n.t('common.error');
  // Field errors are shown next to the fields; the toast only summarises.
  const detail = isApiError(e) && e.errors.length > 0 ? title : errorText(e, lang);
  toast.error(title, detail !== title ? detail : undefined);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (e, query) => {
        if (query.meta?.silent) return;
        notify(e);
      },
    }),
    mutationCache: new MutationCache({
      onError: (e, _v, _c, mutation) => {
        if (mutation.meta?.silent) return;
        notify(e);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, e) => !(isApiError(e) && e.status >= 400 && e.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}
