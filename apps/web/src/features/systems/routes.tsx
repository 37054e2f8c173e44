import { createRoute } from '@tanstack/react-router';
import { appRoute } from '@/routes/base';
import { withPermission } from '@/components/layout/require-permission';
import { ApplicationDetailPage } from './components/application-detail-page';
import {
  ApplicationsPage,
  DatabasesPage,
  DevicesPage,
  DomainsPage,
  IpAddressesPage,
  SecurityAssetsPage,
  ThirdPartiesPage,
} from './components/pages';
import { ZSysSearch } from './search';

const page = <P extends string>(path: P, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => appRoute, path, validateSearch: ZSysSearch, component: withPermission('systems.read', component) });

/**
 * Routes of this feature, hung under `appRoute` from '@/routes/base' (login required).
 * Keep the array `as const` so links stay typed.
 */
export const systemsRoutes = [
  page('/sistem/aplikasi', ApplicationsPage),
  createRoute({ getParentRoute: () => appRoute, path: '/sistem/aplikasi/$appId', component: withPermission('systems.read', ApplicationDetailPage) }),
  page('/sistem/perangkat', DevicesPage),
  page('/sistem/ip', IpAddressesPage),
  page('/sistem/domain', DomainsPage),
  page('/sistem/basis-data', DatabasesPage),
  page('/sistem/pihak-ketiga', ThirdPartiesPage),
  page('/sistem/aset-keamanan', SecurityAssetsPage),
] as const;
