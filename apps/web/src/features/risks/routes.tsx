import { createRoute } from '@tanstack/react-router';
import { appRoute } from '@/routes/base';
import { withPermission } from '@/components/layout/require-permission';
import { ContextsPage } from './components/contexts-page';
import { HeatmapPage } from './components/heatmap-page';
import { RiskDetailPage } from './components/risk-detail-page';
import { RiskListPage } from './components/risk-list-page';
import { SettingsPage } from './components/settings-page';
import { ZContextSearch, ZHeatmapSearch, ZRiskSearch } from './search';

const risksListRoute = createRoute({ getParentRoute: () => appRoute, path: '/risiko', validateSearch: ZRiskSearch, component: withPermission('risks.read', RiskListPage) });
const heatmapRoute = createRoute({ getParentRoute: () => appRoute, path: '/risiko/peta', validateSearch: ZHeatmapSearch, component: withPermission('risks.read', HeatmapPage) });
const contextsRoute = createRoute({ getParentRoute: () => appRoute, path: '/risiko/konteks', validateSearch: ZContextSearch, component: withPermission('risks.read', ContextsPage) });
const settingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/risiko/pengaturan', component: withPermission('risks.configure', SettingsPage) });
const riskDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/risiko/$riskId', component: withPermission('risks.read', RiskDetailPage) });

/**
 * Routes of this feature, hung under `appRoute` from '@/routes/base' (login required).
 * Keep the array `as const` so links stay typed.
 */
export const risksRoutes = [risksListRoute, heatmapRoute, contextsRoute, settingsRoute, riskDetailRoute] as const;
