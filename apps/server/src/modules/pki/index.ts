import type { ModuleContext, PersadaModule } from '../../app/module.js';
import { systemActor } from '../../platform/context/actor.js';
import { PkiCore } from './pki.service.js';
import type { PkiService } from './pki.types.js';
import { PkiAdminService } from './pki.admin.js';
import { pkiPublicRoutes } from './pki.public.routes.js';
import { pkiRoutes } from './pki.routes.js';
import { tenantsWithCa } from './pki.repo.js';

export type { PkiService, IssuedCertificate, IssueRequest, PkiUrls, CertProfile, RevocationReason } from './pki.types.js';
export type { IssuerAdapter, IssuerKind, EnrollRequest, EnrollResult, UserStatus, RemoteSignRequest, RemoteVerifyResult, SignatureProperties } from './issuers.js';
export { PkiCore } from './pki.service.js';

export const PKI_NIGHTLY_JOB = 'pki.nightly';

/** The embedded certificate authority of each Pemda (K3, K4, K8, K9, K14): CA, CRL, OCSP, TSA. */
export function pkiModule(ctx: ModuleContext): PersadaModule & { service: PkiService } {
  const core = new PkiCore(ctx.deps);
  const admin = new PkiAdminService(core);
  return {
    name: 'pki',
    service: core,
    // The demo Pemda gets its CA at once, so /pki, the RA and the verifier work from the first login.
    seedDemo: async ({ tenantId }) => void (await core.initialise(tenantId, systemActor(tenantId, 'sistem (data contoh)'))),
    close: () => core.store.close?.(),
    routes(app) {
      pkiPublicRoutes(app, core);
      pkiRoutes(app, admin);
    },
    jobs: [
      {
        // Every night: a fresh CRL for each CA and a new OCSP signer when the current one nears expiry.
        name: PKI_NIGHTLY_JOB,
        cron: '15 1 * * *',
        handler: async () => {
          for (const tenantId of await tenantsWithCa(ctx.deps.database.db)) {
            try {
              await core.renewOcspSignerIfDue(tenantId);
              await core.regenerateCrl(tenantId, systemActor(tenantId, 'Otoritas Sertifikat'));
            } catch (err) {
              ctx.deps.log.error({ err, tenantId }, 'pki nightly job failed');
            }
          }
        },
      },
    ],
  };
}
