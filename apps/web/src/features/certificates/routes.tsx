import { createRoute } from '@tanstack/react-router';
import { appRoute } from '@/routes/base';
import { withPermission } from '@/components/layout/require-permission';
import { MyCertificatesPage } from './components/my-certificates-page';
import { ApplicationPage } from './components/application-page';
import { CertificatePage } from './components/certificate-page';
import { VerificationQueuePage, VerifyApplicationPage } from './components/verification-pages';
import { NeedsPage } from './components/needs-page';
import { ComplaintsPage } from './components/complaints-page';
import { RevocationsPage } from './components/revocations-page';
import { StatisticsPage } from './components/statistics-page';
import { RaAdminPage } from './components/ra-admin-page';

/**
 * Routes of this feature, hung under `appRoute` from '@/routes/base' (login required).
 * Keep the array `as const` so links stay typed.
 */
const mine = createRoute({ getParentRoute: () => appRoute, path: '/sertifikat', component: withPermission('certificates.apply', MyCertificatesPage) });
const application = createRoute({
  getParentRoute: () => appRoute,
  path: '/sertifikat/permohonan/$id',
  component: withPermission('certificates.apply', ApplicationPage),
});
const certificate = createRoute({
  getParentRoute: () => appRoute,
  path: '/sertifikat/milik/$id',
  component: withPermission('certificates.apply', CertificatePage),
});
const queue = createRoute({
  getParentRoute: () => appRoute,
  path: '/sertifikat/verifikasi',
  component: withPermission('certificates.verify', VerificationQueuePage),
});
const verify = createRoute({
  getParentRoute: () => appRoute,
  path: '/sertifikat/verifikasi/$id',
  component: withPermission('certificates.verify', VerifyApplicationPage),
});
const needs = createRoute({ getParentRoute: () => appRoute, path: '/sertifikat/kebutuhan', component: withPermission('certificates.read', NeedsPage) });
const revocations = createRoute({
  getParentRoute: () => appRoute,
  path: '/sertifikat/pencabutan',
  component: withPermission('certificates.apply', RevocationsPage),
});
const complaints = createRoute({
  getParentRoute: () => appRoute,
  path: '/sertifikat/pengaduan',
  component: withPermission('certificates.apply', ComplaintsPage),
});
const statistics = createRoute({
  getParentRoute: () => appRoute,
  path: '/sertifikat/statistik',
  component: withPermission('certificates.read', StatisticsPage),
});

const raAdmin = createRoute({
  getParentRoute: () => appRoute,
  path: '/sertifikat/pengelola-ra',
  component: withPermission('certificates.manage', RaAdminPage),
});

export const certificatesRoutes = [mine, application, certificate, queue, verify, needs, revocations, complaints, statistics, raAdmin] as const;
