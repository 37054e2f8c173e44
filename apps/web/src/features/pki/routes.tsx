import { createRoute } from '@tanstack/react-router';
import { appRoute } from '@/routes/base';
import { withPermission } from '@/components/layout/require-permission';
import { PkiPage } from './components/pki-page';
import { ZPkiSearch } from './search';

/**
 * Routes of this feature, hung under `appRoute` from '@/routes/base' (login required).
 * Keep the array `as const` so links stay typed.
 */
const pkiRoute = createRoute({ getParentRoute: () => appRoute, path: '/pki', validateSearch: ZPkiSearch, component: withPermission('pki.manage', PkiPage) });

export const pkiRoutes = [pkiRoute] as const;
