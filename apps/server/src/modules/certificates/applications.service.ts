import type { ModuleContext } from '../../app/module.js';
import type { CertificateIssuer } from './certificates.issuer.js';
import { ApplicationDocumentsService } from './application-documents.service.js';
import { ApplicationDraftsService } from './application-drafts.service.js';
import { ApplicationReviewService } from './application-review.service.js';
import { IssuanceService } from './issuance.service.js';

/** Applications (K3, K5), verification (K6, K11) and issuance in person (K7, K10). */
export class ApplicationsService {
  readonly drafts: ApplicationDraftsService;
  readonly documents: ApplicationDocumentsService;
  readonly review: ApplicationReviewService;
  readonly issuance: IssuanceService;
  constructor(ctx: ModuleContext, issuer: CertificateIssuer) {
    this.drafts = new ApplicationDraftsService(ctx, issuer);
    this.documents = new ApplicationDocumentsService(ctx, issuer);
    this.review = new ApplicationReviewService(ctx, issuer);
    this.issuance = new IssuanceService(ctx, issuer);
  }
}
