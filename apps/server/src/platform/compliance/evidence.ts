import type { Bilingual } from '@persada/shared';
import type { DbOrTx } from '../../db/client.js';

/**
 * Evidence checks: how the compliance view (R-REG) decides from real records whether an
 * obligation is met. An obligation in the regulation library names a check by its key; the
 * module that owns the records implements it (see `evidenceCheckKeys` for the agreed keys).
 * An obligation without a check, or whose check is not registered, is judged by attestations.
 */
export type EvidenceStatus = 'met' | 'partly' | 'missing' | 'due_soon';

export type EvidenceRecord = {
  entity: string;
  id: string;
  label: string;
  /** Path in the web app that opens the record, e.g. `/sistem/aplikasi/<id>`. */
  href?: string;
};

export type EvidenceResult = {
  status: EvidenceStatus;
  /** One sentence that explains the status, e.g. "9 dari 11 OPD memiliki register risiko 2026". */
  detail: Bilingual;
  records: EvidenceRecord[];
  /** When the evidence stops being valid (a plan's end date, a certificate's expiry …). */
  validUntil?: string | null;
};

export type EvidenceContext = {
  tenantId: string;
  /** The reporting year (defaults to the current year in Asia/Jakarta). */
  year: number;
  now: Date;
  /**
   * False when the caller shows only statuses and details (the GRC dashboard): a check may then skip
   * listing its records and return none. Default: records are wanted.
   */
  withRecords?: boolean;
};

export type EvidenceCheck = {
  key: EvidenceCheckKey;
  label: Bilingual;
  evaluate(db: DbOrTx, ctx: EvidenceContext): Promise<EvidenceResult>;
};

/** The agreed check keys, by the module that implements them. */
export const evidenceCheckKeys = [
  // systems (D1–D15, C1)
  'systems.applications_registered',
  'systems.applications_categorized',
  'systems.servers_in_data_centre',
  'systems.ip_addresses_by_dinas',
  'systems.subdomains_assigned',
  'systems.databases_registered',
  'systems.wali_data_appointed',
  'systems.technical_docs_complete',
  'systems.third_parties_sla',
  'systems.interconnections_registered',
  'systems.security_assets_registered',
  'systems.network_devices_registered',
  'systems.applications_with_certificate',
  // risks (E1)
  'risks.register_per_opd',
  'risks.treatment_planned',
  'risks.treatment_approved',
  'risks.monitoring_done',
  // governance (B1–B10)
  'governance.strategic_plan_valid',
  'governance.security_architecture_valid',
  'governance.rules_eight_areas',
  'governance.control_procedures_22',
  'governance.control_procedures_applied',
  'governance.technical_team',
  'governance.internal_policy',
  'governance.policy_register',
  'governance.sops',
  'governance.bcdr_plans',
  // certificates (K1–K15)
  'certificates.ra_operators_appointed',
  'certificates.needs_identified',
  'certificates.applications_verified',
  'certificates.holder_obligations_accepted',
  'certificates.renewals_tracked',
  'certificates.revocations_handled',
  'certificates.yearly_evaluation',
  'certificates.provider_agreement',
  'certificates.documents_signed',
  // secops (D13, D14)
  'secops.infrastructure_assured',
  'secops.cycle_per_application',
  'secops.soc_operating',
] as const;

export type EvidenceCheckKey = (typeof evidenceCheckKeys)[number];
