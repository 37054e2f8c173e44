/**
 * The root and the authenticated layout route. Features hang their pages under `appRoute`
 * (see features/<m>/routes.tsx); router.tsx assembles the tree.
 */
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQueryOptions } from '@/lib/auth';
import { AppShell } from '@/components/layout/app-shell';
import { NotFound } from '@/components/layout/require-permission';
import { LoginPage } from '@/features/auth/components/login-page';
import { MfaPage } from '@/features/auth/components/mfa-page';
import { ChangeTemporaryPasswordPage } from '@/features/auth/components/change-temporary-password-page';
import { ZLoginSearch } from '@/features/auth/search';

export type RouterContext = { queryClient: QueryClient };

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: ZLoginSearch,
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.fetchQuery(meQueryOptions).catch(() => null);
    if (me?.mfaPending) throw redirect({ to: '/login/verifikasi' });
    if (me?.mustChangePassword) throw redirect({ to: '/login/ganti-kata-sandi' });
    if (me) throw redirect({ to: '/' });
  },
  component: LoginPage,
});

export const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login/ganti-kata-sandi',
  validateSearch: ZLoginSearch,
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.fetchQuery(meQueryOptions).catch(() => null);
    if (!me) throw redirect({ to: '/login' });
    if (me.mfaPending) throw redirect({ to: '/login/verifikasi' });
    if (!me.mustChangePassword) throw redirect({ to: '/' });
  },
  component: ChangeTemporaryPasswordPage,
});

export const mfaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login/verifikasi',
  validateSearch: ZLoginSearch,
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.fetchQuery(meQueryOptions).catch(() => null);
    if (!me) throw redirect({ to: '/login' });
    if (!me.mfaPending) throw redirect({ to: '/' });
  },
  component: MfaPage,
});

export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.fetchQuery(meQueryOptions);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
    if (me.mfaPending) throw redirect({ to: '/login/verifikasi', search: { redirect: location.href } });
    if (me.mustChangePassword) throw redirect({ to: '/login/ganti-kata-sandi', search: { redirect: location.href } });
    return { me };
  },
  component: AppShell,
});


