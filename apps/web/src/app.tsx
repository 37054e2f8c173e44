import * as React from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { ConfirmProvider, Toaster } from '@/components/form';
import { setUnauthorizedHandler } from '@/lib/api';
import { meQueryKey } from '@/lib/auth';
import { createQueryClient } from '@/lib/query-client';
import { toast } from '@/lib/toast';
import i18n from '@/lib/i18n';
import { createAppRouter } from './router';

export function App({ queryClient, history }: { queryClient?: QueryClient; history?: RouterHistory }) {
  const [qc] = React.useState(() => queryClient ?? createQueryClient());
  const [router] = React.useState(() => createAppRouter(qc, history));

  React.useEffect(() => {
    let redirecting = false;
    setUnauthorizedHandler((reason) => {
      if (redirecting) return;
      const loc = router.state.location;
      if (loc.pathname.startsWith('/login')) return;
      redirecting = true;
      if (reason === 'must_change_password') {
        void qc.invalidateQueries({ queryKey: meQueryKey });
        void router.navigate({ to: '/login/ganti-kata-sandi', search: { redirect: loc.href } }).finally(() => {
          redirecting = false;
        });
        return;
      }
      qc.setQueryData(meQueryKey, null);
      toast.error(i18n.t('auth.sessionExpired'));
      void router.navigate({ to: '/login', search: { redirect: loc.href } }).finally(() => {
        redirecting = false;
      });
    });
    return () => setUnauthorizedHandler(null);
  }, [qc, router]);

  return (
    <QueryClientProvider client={qc}>
      <ConfirmProvider>
        <RouterProvider router={router} />
      </ConfirmProvider>
      <Toaster />
    </QueryClientProvider>
  );
}
