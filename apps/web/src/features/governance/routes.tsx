/**
 * Routes of this feature, hung under `appRoute` from '@/routes/base' (login required).
 * Keep the array `as const` so links stay typed.
 */
import { createRoute } from '@tanstack/react-router';
import { appRoute } from '@/routes/base';
import { withPermission } from '@/components/layout/require-permission';
import { ArchitecturePage } from './components/architecture-page';
import { BcdrPage } from './components/bcdr-page';
import { ControlsPage } from './components/controls-page';
import { PoliciesPage } from './components/policies-page';
import { RenstraPage } from './components/renstra-page';
import { SopDetailPage } from './components/sop-detail-page';
import { SopListPage } from './components/sop-list-page';
import { TeamPage } from './components/team-page';

const RulesPage = () => <ControlsPage kind="rule" />;
const ProceduresPage = () => <ControlsPage kind="procedure" />;
export const governanceRoutes = [
  createRoute({ getParentRoute: () => appRoute, path: '/tata-kelola/renstra', component: withPermission('governance.read', RenstraPage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/tata-kelola/arsitektur', component: withPermission('governance.read', ArchitecturePage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/tata-kelola/aturan', component: withPermission('governance.read', RulesPage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/tata-kelola/prosedur', component: withPermission('governance.read', ProceduresPage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/tata-kelola/kebijakan', component: withPermission('governance.read', PoliciesPage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/tata-kelola/tim', component: withPermission('governance.read', TeamPage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/tata-kelola/sop', component: withPermission('governance.read', SopListPage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/tata-kelola/sop/$sopId', component: withPermission('governance.read', SopDetailPage) }),
  createRoute({ getParentRoute: () => appRoute, path: '/tata-kelola/bcdr', component: withPermission('governance.read', BcdrPage) }),
] as const;
