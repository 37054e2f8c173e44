import type { ModuleContext, PersadaModule } from '../../app/module.js';
import { ApplicationsService } from './applications.service.js';
import { pkiIssuer, type CertificateIssuer } from './certificates.issuer.js';
import { certificatesRoutes, oversightRoutes } from './certificates.routes.js';
import { certificatesEvidence } from './certificates.evidence.js';
import { OversightService } from './oversight.service.js';
import { RegistryService } from './registry.service.js';

export type { CertificateIssuer } from './certificates.issuer.js';

/** Registration Authority for electronic certificates (K1–K13, MDN-30). */
export function certificatesModule(ctx: ModuleContext, issuer: CertificateIssuer = pkiIssuer(ctx.modules)): PersadaModule {
  const applications = new ApplicationsService(ctx, issuer);
  const registry = new RegistryService(ctx, issuer);
  const oversight = new OversightService(ctx, registry);
  return {
    name: 'certificates',
    routes(app) {
      certificatesRoutes(app, applications, registry);
      oversightRoutes(app, oversight);
    },
    evidence: certificatesEvidence,
    service: { applications, registry, oversight },
  };
}
