import { createRoute } from '@tanstack/react-router';
import { appRoute, rootRoute } from '@/routes/base';
import { withPermission } from '@/components/layout/require-permission';
import { SigningListPage } from './components/signing-list-page';
import { SigningDetailPage } from './components/signing-detail-page';
import { ProtectPage } from './components/protect-page';
import { VerifyPage } from './components/verify-page';
import { TrustedRootsPage } from './components/trusted-roots-page';

/**
 * Routes of this feature. Pages hang under `appRoute` (login required) or, for public pages
 * such as the verifier, under `rootRoute`. Keep the arrays `as const` so links stay typed.
 */
const listRoute = createRoute({ getParentRoute: () => appRoute, path: '/tanda-tangan', component: withPermission('documents.sign', SigningListPage) });
const detailRoute = createRoute({ getParentRoute: () => appRoute, path: '/tanda-tangan/$id', component: withPermission('documents.sign', SigningDetailPage) });
const protectRoute = createRoute({ getParentRoute: () => appRoute, path: '/perlindungan-dokumen', component: withPermission('documents.sign', ProtectPage) });
const rootsRoute = createRoute({ getParentRoute: () => appRoute, path: '/akar-tepercaya', component: withPermission('pki.manage', TrustedRootsPage) });
const verifyRoute = createRoute({ getParentRoute: () => rootRoute, path: '/verifikasi', component: VerifyPage });
const verifyDocRoute = createRoute({ getParentRoute: () => rootRoute, path: '/verifikasi/$id', component: VerifyPage });

export const signingRoutes = [listRoute, detailRoute, protectRoute, rootsRoute] as const;
export const signingPublicRoutes = [verifyRoute, verifyDocRoute] as const;
