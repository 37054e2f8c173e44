/**
 * Code-based route tree. Features export pages and search schemas; this file wires them.
 * `/_app` is the authenticated layout: 401 → /login, mfaPending → /login/verifikasi.
 */
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
  type RouterHistory,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQueryOptions } from '@/lib/auth';
import { AppShell } from '@/components/layout/app-shell';
import { NotFound, RouteError, withPermission } from '@/components/layout/require-permission';
import { LoginPage } from '@/features/auth/components/login-page';
import { MfaPage } from '@/features/auth/components/mfa-page';
import { ChangeTemporaryPasswordPage } from '@/features/auth/components/change-temporary-password-page';
import { ZLoginSearch } from '@/features/auth/search';
import { DashboardPage } from '@/features/dashboard/components/dashboard-page';
import { TenantProfilePage } from '@/features/org/components/tenant-profile-page';
import { OpdListPage } from '@/features/org/components/opd-list-page';
import { OpdDetailPage } from '@/features/org/components/opd-detail-page';
import { PositionsPage } from '@/features/org/components/positions-page';
import { ZOpdSearch, ZPositionSearch } from '@/features/org/search';
import { PeoplePage } from '@/features/people/components/people-page';
import { ZPeopleSearch } from '@/features/people/search';
import { UsersPage } from '@/features/access/components/users-page';
import { RolesPage } from '@/features/access/components/roles-page';
import { AuditPage } from '@/features/audit/components/audit-page';
import { ZAuditSearch } from '@/features/audit/search';
import { NotificationsPage } from '@/features/notifications/components/notifications-page';
import { ZNotificationSearch } from '@/features/notifications/search';
import { ProfilePage } from '@/features/profile/components/profile-page';
import { ZListSearch } from '@/lib/list-search';

export type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const loginRoute = createRoute({
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

const changePasswordRoute = createRoute({
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

const mfaRoute = createRoute({
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

const appRoute = createRoute({
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


const dashboardRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: DashboardPage });
const tenantRoute = createRoute({ getParentRoute: () => appRoute, path: '/organisasi/profil', component: withPermission('tenant.read', TenantProfilePage) });
const opdsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisasi/opd',
  validateSearch: ZOpdSearch,
  component: withPermission('org.read', OpdListPage),
});
const opdDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/organisasi/opd/$opdId', component: withPermission('org.read', OpdDetailPage) });
const positionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisasi/jabatan',
  validateSearch: ZPositionSearch,
  component: withPermission('org.read', PositionsPage),
});
const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pegawai',
  validateSearch: ZPeopleSearch,
  component: withPermission('people.read', PeoplePage),
});
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/akses/pengguna',
  validateSearch: ZListSearch,
  component: withPermission('access.read', UsersPage),
});
const rolesRoute = createRoute({ getParentRoute: () => appRoute, path: '/akses/peran', component: withPermission('access.read', RolesPage) });
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: ZAuditSearch,
  component: withPermission('audit.read', AuditPage),
});
const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifikasi',
  validateSearch: ZNotificationSearch,
  component: NotificationsPage,
});
const profileRoute = createRoute({ getParentRoute: () => appRoute, path: '/profil', component: ProfilePage });

export const routeTree = rootRoute.addChildren([
  loginRoute,
  mfaRoute,
  changePasswordRoute,
  appRoute.addChildren([
    dashboardRoute,
    tenantRoute,
    opdsRoute,
    opdDetailRoute,
    positionsRoute,
    peopleRoute,
    usersRoute,
    rolesRoute,
    auditRoute,
    notificationsRoute,
    profileRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
    defaultNotFoundComponent: NotFound,
    defaultErrorComponent: RouteError,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
