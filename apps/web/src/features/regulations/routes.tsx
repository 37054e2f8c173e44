import { createRoute } from '@tanstack/react-router';
import { appRoute } from '@/routes/base';
import { withPermission } from '@/components/layout/require-permission';
import { RegulationListPage } from './components/regulation-list-page';
import { RegulationPage } from './components/regulation-page';
import { ComplianceDashboardPage } from './components/compliance-dashboard-page';
import { ComplianceRegulationPage } from './components/compliance-regulation-page';
import { ZRegulationSearch } from './search';

const libraryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/regulasi',
  validateSearch: ZRegulationSearch,
  component: withPermission('regulations.read', RegulationListPage),
});
const regulationRoute = createRoute({ getParentRoute: () => appRoute, path: '/regulasi/$regulationId', component: withPermission('regulations.read', RegulationPage) });
const complianceRoute = createRoute({ getParentRoute: () => appRoute, path: '/kepatuhan', component: withPermission('regulations.read', ComplianceDashboardPage) });
const complianceRegulationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kepatuhan/$regulationId',
  component: withPermission('regulations.read', ComplianceRegulationPage),
});

/**
 * Routes of this feature, hung under `appRoute` from '@/routes/base' (login required).
 * Keep the array `as const` so links stay typed.
 */
export const regulationsRoutes = [libraryRoute, regulationRoute, complianceRoute, complianceRegulationRoute] as const;
