import { AppError } from '../../platform/http/errors.js';
import { fromPem, toPem } from './crypto.js';
import { certParts } from './certinfo.js';
import type { CertProfile, Sans, SubjectInput } from './profiles.js';
import type { RevocationReason } from './crl.js';
import type { SettingsRow } from './pki.repo.js';
import type { PkiCore } from './pki.service.js';

export type IssuerKind = 'embedded' | 'bsre' | 'ejbca';

export type EnrollRequest = {
  /** PKCS#10, PEM or DER; proof of possession is checked by the issuer. */
  csr: string | Uint8Array;
  profile: CertProfile;
  /** DN and SANs come from the approved application, not from the CSR. */
  subject: SubjectInput;
  sans?: Sans;
  validityDays?: number;
  holderRef?: { entity: string; id: string };
  /** End-entity user name at an external CA (EJBCA); defaults to the e-mail or NIP. */
  username?: string;
};
export type EnrollResult = { issuer: IssuerKind; serialHex: string; certDer: Uint8Array; certPem: string; chainPem: string[]; notAfter: Date | null; id?: string };

export type SignerIdentity = { nik?: string; email?: string };
export type UserStatus = { status: 'ISSUE' | 'NOT_REGISTERED' | 'NO_CERTIFICATE' | 'EXPIRED' | 'REVOKED' | 'SUSPEND' | 'UNKNOWN'; code?: number; message?: string };
export type SignatureProperties = {
  tampilan: 'VISIBLE' | 'INVISIBLE';
  imageBase64?: string;
  page?: number;
  originX?: number;
  originY?: number;
  width?: number;
  height?: number;
  location?: string;
  reason?: string;
  contactInfo?: string;
};
export type RemoteSignRequest = SignerIdentity & { passphrase?: string; totp?: string; signatureProperties: SignatureProperties[]; files: Uint8Array[] };
export type RemoteVerifyResult = {
  signatureCount: number;
  conclusion: string;
  description?: string;
  signatures: { signerName?: string; signatureDate?: string; signatureFormat?: string; integrityValid?: boolean; certificateTrusted?: boolean; ltv?: boolean }[];
};

/**
 * A certificate issuer the RA can use (K1: BSrE by default in law, other providers allowed):
 * the embedded CA, BSrE's eSign Client v2 API, or an EJBCA-style REST CA.
 */
export interface IssuerAdapter {
  readonly kind: IssuerKind;
  readonly capabilities: { enroll: boolean; revoke: boolean; userStatus: boolean; signPdf: boolean; verifyPdf: boolean };
  enroll(req: EnrollRequest): Promise<EnrollResult>;
  revoke(serialHex: string, reason: RevocationReason): Promise<void>;
  userStatus(who: SignerIdentity): Promise<UserStatus>;
  signPdf(req: RemoteSignRequest): Promise<{ files: Uint8Array[]; time?: string }>;
  verifyPdf(pdf: Uint8Array, password?: string): Promise<RemoteVerifyResult>;
}

const unsupported = (): never => {
  throw new AppError(400, 'pki.external_unsupported');
};
const failed = (): never => {
  throw new AppError(502, 'pki.external_failed');
};

export class EmbeddedIssuer implements IssuerAdapter {
  readonly kind = 'embedded' as const;
  readonly capabilities = { enroll: true, revoke: true, userStatus: false, signPdf: false, verifyPdf: false };
  constructor(
    private readonly core: PkiCore,
    private readonly tenantId: string,
  ) {}
  async enroll(req: EnrollRequest): Promise<EnrollResult> {
    const csr = await this.core.parseCsr(req.csr);
    const c = await this.core.issue(this.tenantId, { profile: req.profile, subject: req.subject, sans: req.sans, spkiDer: csr.spkiDer, validityDays: req.validityDays, holderRef: req.holderRef });
    return { issuer: 'embedded', id: c.id, serialHex: c.serialHex, certDer: c.certDer, certPem: c.certPem, chainPem: c.chainPem, notAfter: c.notAfter };
  }
  revoke(serialHex: string, reason: RevocationReason) {
    return this.core.revoke(this.tenantId, serialHex, reason);
  }
  userStatus = async (): Promise<UserStatus> => unsupported();
  signPdf = async (): Promise<{ files: Uint8Array[] }> => unsupported();
  verifyPdf = async (): Promise<RemoteVerifyResult> => unsupported();
}

type HttpOpts = { baseUrl: string; authorization?: string; timeoutMs: number };

async function callJson(o: HttpOpts, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  let res: Response;
  try {
    res = await fetch(`${o.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(o.authorization ? { authorization: o.authorization } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(o.timeoutMs),
    });
  } catch {
    // a timeout means "unknown outcome": never retried automatically
    return failed();
  }
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json };
}

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

/** Credentials JSON: {"username","password"} (HTTP Basic) or {"token"} (Bearer). */
function authFrom(secret: string | null): string | undefined {
  if (!secret) return undefined;
  try {
    const s = JSON.parse(secret) as { username?: string; password?: string; token?: string };
    if (s.token) return `Bearer ${s.token}`;
    if (s.username) return basic(s.username, s.password ?? '');
  } catch {
    /* not JSON: treat as a bearer token */
  }
  return `Bearer ${secret}`;
}

const BSRE_STATUS: Record<string, UserStatus['status']> = { ISSUE: 'ISSUE', NOT_REGISTERED: 'NOT_REGISTERED', NO_CERTIFICATE: 'NO_CERTIFICATE', EXPIRED: 'EXPIRED', REVOKE: 'REVOKED', REVOKED: 'REVOKED', SUSPEND: 'SUSPEND' };
const BSRE_CODE: Record<number, UserStatus['status']> = { 2011: 'NOT_REGISTERED', 2021: 'NO_CERTIFICATE' };

/**
 * BSrE eSign Client v2 (JSON): sign PDF (PAdES, returns base64 files), verify PDF, user status.
 * Enrolment happens in BSrE's own RA portal, so `enroll` is unsupported; passphrases are
 * passed through and never stored or logged; a sign call is never retried.
 */
export class BsreIssuer implements IssuerAdapter {
  readonly kind = 'bsre' as const;
  readonly capabilities = { enroll: false, revoke: false, userStatus: true, signPdf: true, verifyPdf: true };
  constructor(private readonly o: HttpOpts & { statusPath?: string }) {}
  enroll = async (): Promise<EnrollResult> => unsupported();
  revoke = async (): Promise<void> => unsupported();

  private who(w: SignerIdentity) {
    if (w.nik) return { nik: w.nik };
    if (w.email) return { email: w.email };
    throw new AppError(400, 'error.validation', [{ field: 'nik', key: 'error.validation' }]);
  }

  async userStatus(w: SignerIdentity): Promise<UserStatus> {
    const r = await callJson(this.o, 'POST', this.o.statusPath ?? '/api/v2/user/check/status', this.who(w));
    const code = Number(r.json?.status_code ?? r.json?.error_code ?? r.json?.code) || undefined;
    const raw = String(r.json?.status ?? '').toUpperCase();
    const status = BSRE_STATUS[raw] ?? (code ? BSRE_CODE[code] : undefined) ?? (r.status >= 500 ? failed() : 'UNKNOWN');
    return { status, code, message: r.json?.message ?? r.json?.error ?? undefined };
  }

  async signPdf(req: RemoteSignRequest) {
    const body = {
      ...this.who(req),
      ...(req.totp ? { totp: req.totp } : { passphrase: req.passphrase }),
      signatureProperties: req.signatureProperties,
      file: req.files.map(b64),
    };
    const r = await callJson({ ...this.o, timeoutMs: Math.max(this.o.timeoutMs, 60_000) }, 'POST', '/api/v2/sign/pdf', body);
    if (r.status !== 200 || !Array.isArray(r.json?.file)) return failed();
    return { files: (r.json.file as string[]).map((f) => new Uint8Array(Buffer.from(f, 'base64'))), time: r.json.time };
  }

  async verifyPdf(pdf: Uint8Array, password?: string): Promise<RemoteVerifyResult> {
    const r = await callJson({ ...this.o, timeoutMs: Math.max(this.o.timeoutMs, 40_000) }, 'POST', '/api/v2/verify/pdf', { file: b64(pdf), ...(password ? { password } : {}) });
    if (r.status !== 200 || !r.json) return failed();
    return {
      signatureCount: Number(r.json.signatureCount ?? 0),
      conclusion: String(r.json.conclusion ?? 'UNKNOWN'),
      description: r.json.description,
      signatures: (r.json.signatureInformations ?? []).map((s: any) => ({
        signerName: s.signerName,
        signatureDate: s.signatureDate,
        signatureFormat: s.signatureFormat,
        integrityValid: s.integrityValid,
        certificateTrusted: s.certificateTrusted,
        ltv: s.ltv,
      })),
    };
  }
}

const EJBCA_REASON: Record<RevocationReason, string> = {
  unspecified: 'UNSPECIFIED',
  keyCompromise: 'KEY_COMPROMISE',
  cACompromise: 'CA_COMPROMISE',
  affiliationChanged: 'AFFILIATION_CHANGED',
  superseded: 'SUPERSEDED',
  cessationOfOperation: 'CESSATION_OF_OPERATION',
  certificateHold: 'CERTIFICATE_HOLD',
  privilegeWithdrawn: 'PRIVILEGES_WITHDRAWN',
};

/**
 * EJBCA-style REST enrolment (v1): PKCS#10 enrol with certificate/end-entity profile and CA
 * names, revoke by issuer DN + serial. Options: certificateProfile, endEntityProfile, caName, issuerDn.
 */
export class EjbcaIssuer implements IssuerAdapter {
  readonly kind = 'ejbca' as const;
  readonly capabilities = { enroll: true, revoke: true, userStatus: false, signPdf: false, verifyPdf: false };
  constructor(private readonly o: HttpOpts & { options: Record<string, string> }) {}
  userStatus = async (): Promise<UserStatus> => unsupported();
  signPdf = async (): Promise<{ files: Uint8Array[] }> => unsupported();
  verifyPdf = async (): Promise<RemoteVerifyResult> => unsupported();

  private profileName(p: CertProfile) {
    return this.o.options[`certificateProfile.${p}`] ?? this.o.options.certificateProfile ?? p.toUpperCase();
  }

  async enroll(req: EnrollRequest): Promise<EnrollResult> {
    const csrPem = typeof req.csr === 'string' ? req.csr : toPem(req.csr, 'CERTIFICATE REQUEST');
    const r = await callJson(this.o, 'POST', '/ejbca/ejbca-rest-api/v1/certificate/pkcs10enroll', {
      certificate_request: csrPem,
      certificate_profile_name: this.profileName(req.profile),
      end_entity_profile_name: this.o.options.endEntityProfile ?? 'PERSADA',
      certificate_authority_name: this.o.options.caName ?? 'ManagementCA',
      username: req.username ?? req.subject.email ?? req.subject.serialNumber ?? req.subject.commonName,
      password: this.o.options.enrollmentCode ?? '',
      include_chain: true,
    });
    if (r.status !== 200 && r.status !== 201) return failed();
    const certB64 = r.json?.certificate;
    if (typeof certB64 !== 'string') return failed();
    const certDer = new Uint8Array(certB64.includes('BEGIN') ? fromPem(certB64)! : Buffer.from(certB64, 'base64'));
    const parts = certParts(certDer);
    const chain = ((r.json.certificate_chain ?? []) as string[]).map((c) => toPem(c.includes('BEGIN') ? fromPem(c)! : Buffer.from(c, 'base64'), 'CERTIFICATE'));
    return { issuer: 'ejbca', serialHex: (r.json.serial_number ?? parts.serialHex).toLowerCase(), certDer, certPem: toPem(certDer, 'CERTIFICATE'), chainPem: chain, notAfter: null };
  }

  async revoke(serialHex: string, reason: RevocationReason) {
    const issuerDn = this.o.options.issuerDn;
    if (!issuerDn) throw new AppError(400, 'pki.external_not_configured');
    const r = await callJson(this.o, 'PUT', `/ejbca/ejbca-rest-api/v1/certificate/${encodeURIComponent(issuerDn)}/${serialHex.toUpperCase()}/revoke?reason=${EJBCA_REASON[reason]}`);
    if (r.status === 409 || r.json?.revoked === false) throw new AppError(409, 'pki.already_revoked');
    if (r.status !== 200) failed();
  }
}

/** The adapter for a tenant's settings (embedded when nothing is configured). */
export function issuerAdapter(core: PkiCore, tenantId: string, s: SettingsRow | null, open: (sealed: string) => string): IssuerAdapter {
  if (!s || s.issuer === 'embedded') return new EmbeddedIssuer(core, tenantId);
  if (!s.externalUrl) throw new AppError(400, 'pki.external_not_configured');
  const http = { baseUrl: s.externalUrl, authorization: authFrom(s.externalSecret ? open(s.externalSecret) : null), timeoutMs: 20_000 };
  if (s.issuer === 'bsre') return new BsreIssuer({ ...http, statusPath: s.externalOptions?.statusPath });
  return new EjbcaIssuer({ ...http, options: s.externalOptions ?? {} });
}
