import 'reflect-metadata';
import { createHash } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { PersadaModule } from '../../app/module.js';
import { AppError } from '../../platform/http/errors.js';
import { dnText } from '../pki/certinfo.js';

export type IssueProfile = 'signing' | 'encryption' | 'tls_server' | 'ra_operator';
export type IssueRequest = {
  profile: IssueProfile;
  subject: {
    commonName: string;
    email?: string;
    organization?: string;
    organizationalUnit?: string;
    title?: string;
    serialNumber?: string;
  };
  sans?: { dns?: string[]; email?: string[] } | unknown;
  spkiDer: Uint8Array;
  validityDays?: number;
  holderRef?: { entity: string; id: string };
};
export type IssuedCertificate = {
  id?: string;
  serialHex: string;
  certDer?: Uint8Array;
  certPem: string;
  chainPem?: string | null;
  notBefore: Date;
  notAfter: Date;
  sha256: string;
  profile: string;
  subjectDn: string;
};

/**
 * What the RA needs from a certificate authority (MDN-30 P13–P15: the RA forwards, the CA signs).
 * The embedded CA of the `pki` module implements it; a BSrE adapter can implement it later.
 */
export interface CertificateIssuer {
  issue(tenantId: string, req: IssueRequest): Promise<IssuedCertificate>;
  /** Verifies a PKCS#10 request's proof of possession and returns its public key (the subject is ignored). */
  parseCsr(csrPem: string): Promise<{ spkiDer: Uint8Array; keyAlgorithm: string }>;
  revoke(tenantId: string, serialHex: string, reason: string): Promise<void>;
  status(tenantId: string, serialHex: string): Promise<'good' | 'revoked' | 'unknown'>;
}

const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const toBytes = (v: unknown): Uint8Array | undefined =>
  v == null
    ? undefined
    : v instanceof Uint8Array
      ? v
      : v instanceof ArrayBuffer
        ? new Uint8Array(v)
        : typeof v === 'string'
          ? Buffer.from(v, 'base64')
          : undefined;

/** Normalises what a CA returned (Dates or strings, DER as Buffer/ArrayBuffer). */
function normalise(r: any): IssuedCertificate {
  const pem: string = r.certPem ?? (r.certDer ? new x509.X509Certificate(new Uint8Array(toBytes(r.certDer)!)).toString('pem') : '');
  const cert = new x509.X509Certificate(pem);
  return {
    id: r.id ? String(r.id) : undefined,
    serialHex: String(r.serialHex ?? cert.serialNumber).toLowerCase(),
    certPem: pem,
    chainPem: Array.isArray(r.chainPem) ? r.chainPem.join('\n') : (r.chainPem ?? null),
    notBefore: r.notBefore ? toDate(r.notBefore) : cert.notBefore,
    notAfter: r.notAfter ? toDate(r.notAfter) : cert.notAfter,
    sha256: r.sha256 ?? createHash('sha256').update(Buffer.from(cert.rawData)).digest('hex'),
    profile: r.profile ?? '',
    subjectDn: r.subjectDn ?? dnText(cert.subject),
  };
}

const unavailable = () => new AppError(503, 'certificates.ca_unavailable');

/** Adapter over the embedded CA (`ctx.modules.get('pki').service`), looked up at call time. */
export function pkiIssuer(modules: Map<string, PersadaModule>): CertificateIssuer {
  const svc = () => {
    const s = modules.get('pki')?.service as any;
    if (!s || typeof s.issue !== 'function') throw unavailable();
    return s;
  };
  return {
    async issue(tenantId, req) {
      return normalise(await svc().issue(tenantId, req));
    },
    async parseCsr(csrPem) {
      const s = svc();
      let r: any;
      try {
        r = typeof s.parseCsr === 'function' ? await s.parseCsr(csrPem) : null;
      } catch {
        throw new AppError(400, 'error.validation', [{ field: 'csrPem', key: 'certificates.key_invalid' }]);
      }
      if (!r) throw unavailable();
      return {
        spkiDer: toBytes(r.spkiDer)!,
        keyAlgorithm: String(r.keyAlgorithm ?? ''),
      };
    },
    async revoke(tenantId, serialHex, reason) {
      await svc().revoke(tenantId, serialHex, reason);
    },
    async status(tenantId, serialHex) {
      const s = svc();
      if (typeof s.status !== 'function') return 'unknown';
      const r = await s.status(tenantId, serialHex);
      const v = typeof r === 'string' ? r : (r?.status ?? r?.state);
      return v === 'revoked' ? 'revoked' : v === 'good' || v === 'valid' || v === 'active' ? 'good' : 'unknown';
    },
  };
}

/** Reads the algorithm of a DER SubjectPublicKeyInfo; throws a 400 when it is not one. */
export function spkiAlgorithm(spki: Uint8Array): string {
  try {
    const hex = Buffer.from(spki).toString('hex');
    if (hex.includes('2a8648ce3d0201')) return 'ECDSA';
    if (hex.includes('2a864886f70d010101')) return 'RSA';
  } catch {
    /* fallthrough */
  }
  throw new AppError(400, 'error.validation', [{ field: 'spki', key: 'certificates.key_invalid' }]);
}

/** Parses a PEM certificate recorded for an RA operator (e.g. issued by BSrE). */
export function parseCertificatePem(pem: string) {
  try {
    const c = new x509.X509Certificate(pem.trim());
    return {
      serialHex: c.serialNumber.toLowerCase(),
      subject: dnText(c.subject),
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      pem: c.toString('pem'),
    };
  } catch {
    throw new AppError(400, 'error.validation', [{ field: 'certPem', key: 'certificates.ra_cert_invalid' }]);
  }
}
