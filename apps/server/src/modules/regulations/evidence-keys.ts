import { evidenceCheckKeys } from '../../platform/compliance/evidence.js';

/**
 * Evidence checks this module evaluates over core tables (org). Their keys are not (yet) in the
 * agreed list of platform/compliance/evidence.ts, so they are typed here as plain strings.
 */
export const ownEvidenceKeys = ['org.persandian_dinas_designated', 'org.opd_heads_assigned'] as const;

/** Every key an obligation may name: the agreed module keys plus this module's own. */
export function knownEvidenceKeys(): Set<string> {
  return new Set<string>([...evidenceCheckKeys, ...ownEvidenceKeys]);
}
