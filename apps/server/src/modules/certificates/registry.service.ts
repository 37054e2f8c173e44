import type { ModuleContext } from '../../app/module.js';
import type { CertificateIssuer } from './certificates.issuer.js';
import { certStatus } from './certificates.dto.js';
import { CertRecordsService } from './cert-records.service.js';
import { ComplaintsService } from './complaints.service.js';
import { NeedsService } from './needs.service.js';
import { OperatorsService } from './operators.service.js';
import { RevocationsService } from './revocations.service.js';
import { StatisticsService } from './statistics.service.js';

export { operatorDto } from './registry.dto.js';

/** Needs (K2), RA operators (K11), certificates, renewal (K8), revocation (K9, I2), complaints (K11–K12), figures (K13). */
export class RegistryService {
  readonly needs: NeedsService;
  readonly operators: OperatorsService;
  readonly certs: CertRecordsService;
  readonly revocations: RevocationsService;
  readonly complaints: ComplaintsService;
  readonly statistics: StatisticsService;
  constructor(ctx: ModuleContext, issuer: CertificateIssuer) {
    this.needs = new NeedsService(ctx);
    this.operators = new OperatorsService(ctx, issuer);
    this.certs = new CertRecordsService(ctx);
    this.revocations = new RevocationsService(ctx, issuer);
    this.complaints = new ComplaintsService(ctx);
    this.statistics = new StatisticsService(ctx);
  }

  certStatus = certStatus;
}
