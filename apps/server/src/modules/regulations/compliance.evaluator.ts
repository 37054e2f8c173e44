/**
 * The compliance rules (R-REG): an obligation is decided by (a) the evidence check its key names,
 * evaluated over the tenant's real records, and (b) attestations signed by a user holding
 * `compliance.attest`. The better of the two wins. An attestation counts from its effective date
 * until its expiry: expired → it no longer counts; expiring within 30 days → "due soon".
 * Articles and regulations roll up their obligations.
 */
import type { Bilingual, TAttestation, TComplianceStatus, TCounts } from '@persada/shared';
import type { EvidenceRecord, EvidenceResult } from '../../platform/compliance/evidence.js';
import type { AttestationRow } from './regulations.repo.js';

export const DUE_SOON_DAYS = 30;
const rank: Record<TComplianceStatus, number> = { missing: 0, partly: 1, due_soon: 2, met: 3 };
const DAY = 86_400_000;

/** Calendar day in Asia/Jakarta (YYYY-MM-DD). */
export const jakartaDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export function attestationState(a: Pick<AttestationRow, 'effectiveDate' | 'expiresOn' | 'revokedAt'>, today: string): TAttestation['status'] {
  if (a.revokedAt) return 'revoked';
  if (a.effectiveDate > today) return 'not_yet';
  if (a.expiresOn < today) return 'expired';
  if (a.expiresOn <= addDays(today, DUE_SOON_DAYS)) return 'due_soon';
  return 'valid';
}

export type CheckOutcome = { registered: false } | { registered: true; result: EvidenceResult };

export type ObligationVerdict = {
  status: TComplianceStatus;
  source: 'check' | 'attestation' | 'none';
  detail: Bilingual;
  records: EvidenceRecord[];
  validUntil: string | null;
};

const fmtDay = (day: string) => day.split('-').reverse().join('/');

export function decideObligation(check: CheckOutcome | null, attestations: Pick<AttestationRow, 'effectiveDate' | 'expiresOn' | 'revokedAt'>[], today: string): ObligationVerdict {
  // best attestation: valid beats due soon; expired/not yet/revoked do not count
  let att = null as { status: TComplianceStatus; expiresOn: string } | null;
  let expired = null as string | null;
  for (const a of attestations) {
    const s = attestationState(a, today);
    if (s === 'expired' && (expired === null || a.expiresOn > expired)) expired = a.expiresOn;
    if (s !== 'valid' && s !== 'due_soon') continue;
    const st: TComplianceStatus = s === 'valid' ? 'met' : 'due_soon';
    if (!att || rank[st] > rank[att.status] || (st === att.status && a.expiresOn > att.expiresOn)) att = { status: st, expiresOn: a.expiresOn };
  }
  let fromCheck: ObligationVerdict | null = null;
  if (check?.registered) {
    const r = check.result;
    let status = r.status;
    const validUntil = r.validUntil ? r.validUntil.slice(0, 10) : null;
    if (status === 'met' && validUntil && validUntil <= addDays(today, DUE_SOON_DAYS)) status = validUntil < today ? 'missing' : 'due_soon';
    fromCheck = { status, source: 'check', detail: r.detail, records: r.records, validUntil };
  }
  const fromAtt: ObligationVerdict | null = att
    ? {
        status: att.status,
        source: 'attestation',
        detail:
          att.status === 'met'
            ? { id: `Dinyatakan terpenuhi, berlaku s.d. ${fmtDay(att.expiresOn)}.`, en: `Attested as met, valid until ${att.expiresOn}.` }
            : { id: `Pernyataan pemenuhan akan kedaluwarsa pada ${fmtDay(att.expiresOn)}.`, en: `The attestation expires on ${att.expiresOn}.` },
        records: [],
        validUntil: att.expiresOn,
      }
    : null;
  if (fromCheck && fromAtt) {
    const best = rank[fromAtt.status] > rank[fromCheck.status] ? fromAtt : fromCheck;
    return { ...best, records: fromCheck.records };
  }
  if (fromCheck) return fromCheck;
  if (fromAtt) return fromAtt;
  if (expired)
    return {
      status: 'missing',
      source: 'none',
      detail: { id: `Pernyataan pemenuhan telah kedaluwarsa pada ${fmtDay(expired)}.`, en: `The attestation expired on ${expired}.` },
      records: [],
      validUntil: null,
    };
  return {
    status: 'missing',
    source: 'none',
    detail: check
      ? { id: 'Pemeriksaan bukti otomatis belum tersedia; belum ada pernyataan pemenuhan.', en: 'The automatic evidence check is not available yet; no attestation.' }
      : { id: 'Belum ada bukti atau pernyataan pemenuhan.', en: 'No evidence or attestation yet.' },
    records: [],
    validUntil: null,
  };
}

export function countOf(statuses: TComplianceStatus[]): TCounts {
  const c = { met: 0, due_soon: 0, partly: 0, missing: 0, total: statuses.length, score: 0 };
  for (const s of statuses) c[s]++;
  c.score = c.total ? Math.round(((c.met + c.due_soon + c.partly * 0.5) / c.total) * 100) : 0;
  return c;
}

export function rollUp(statuses: TComplianceStatus[]): TComplianceStatus {
  if (!statuses.length) return 'missing';
  if (statuses.every((s) => s === 'met')) return 'met';
  if (statuses.every((s) => s === 'met' || s === 'due_soon')) return 'due_soon';
  if (statuses.every((s) => s === 'missing')) return 'missing';
  return 'partly';
}
