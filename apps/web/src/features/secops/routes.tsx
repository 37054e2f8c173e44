/**
 * Routes of this feature, hung under `appRoute` from '@/routes/base' (login required).
 * Keep the array `as const` so links stay typed.
 */
import { createRoute } from '@tanstack/react-router';
import { appRoute } from '@/routes/base';
import { withPermission } from '@/components/layout/require-permission';
import { ActivitiesPage } from './components/activities-page';
import { ActivityDetailPage } from './components/activity-detail-page';
import { FindingsPage } from './components/findings-page';
import { OverviewPage } from './components/overview-page';
import { SocPage } from './components/soc-page';

export const secopsRoutes = [
  createRoute({ getParentRoute: () => appRoute, path: '/operasi-keamanan', component: withPermission('secops.read', OverviewPage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/operasi-keamanan/kegiatan', component: withPermission('secops.read', ActivitiesPage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/operasi-keamanan/kegiatan/$activityId', component: withPermission('secops.read', ActivityDetailPage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/operasi-keamanan/temuan', component: withPermission('secops.read', FindingsPage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/operasi-keamanan/soc', component: withPermission('secops.read', SocPage) }),
] as const;
