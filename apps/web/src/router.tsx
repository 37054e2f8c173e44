/**
 * Code-based route tree. Features export pages and search schemas (or whole route lists in
 * features/<m>/routes.tsx); this file wires them. `/_app` (routes/base.tsx) is the
 * authenticated layout: 401 → /login, mfaPending → /login/verifikasi.
 */
import { createRoute, createRouter, type RouterHistory } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { NotFound, RouteError, withPermission } from '@/components/layout/require-permission';
import { appRoute, changePasswordRoute, loginRoute, mfaRoute, rootRoute } from '@/routes/base';
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
import { regulationsRoutes } from '@/features/regulations/routes';
import { systemsRoutes } from '@/features/systems/routes';
import { risksRoutes } from '@/features/risks/routes';
import { governanceRoutes } from '@/features/governance/routes';
import { secopsRoutes } from '@/features/secops/routes';
import { pkiRoutes } from '@/features/pki/routes';
import { certificatesRoutes } from '@/features/certificates/routes';
import { signingPublicRoutes, signingRoutes } from '@/features/signing/routes';

export type { RouterContext } from '@/routes/base';

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
    ...regulationsRoutes,
    ...systemsRoutes,
    ...risksRoutes,
    ...governanceRoutes,
    ...secopsRoutes,
    ...pkiRoutes,
    ...certificatesRoutes,
    ...signingRoutes,
  ]),
  // public pages (no login) hang under the root
  ...signingPublicRoutes,
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
