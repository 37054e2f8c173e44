import type { ModuleContext, PersadaModule } from '../../app/module.js';
import { PkiCore, type PkiService } from './pki.service.js';
import { pkiPublicRoutes } from './pki.public.routes.js';

export type { PkiService, IssuedCertificate, IssueRequest, PkiUrls, CertProfile, RevocationReason } from './pki.service.js';
export { PkiCore } from './pki.service.js';

/** The embedded certificate authority of each Pemda (K3, K4, K8, K9, K14): CA, CRL, OCSP, TSA. */
export function pkiModule(ctx: ModuleContext): PersadaModule & { service: PkiService } {
  const core = new PkiCore(ctx.deps);
  return {
    name: 'pki',
    service: core,
    routes(app) {
      pkiPublicRoutes(app, core);
    },
  };
}
