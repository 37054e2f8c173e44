import { createPublicKey } from 'node:crypto';
import { isIP } from 'node:net';
import { AppError } from '../../platform/http/errors.js';
import { OID } from './der.js';
import { x509 } from './crypto.js';

export const CERT_PROFILES = ['signing', 'encryption', 'tls_server', 'ra_operator'] as const;
export type CertProfile = (typeof CERT_PROFILES)[number];
/** Internal profiles of the CA itself (never requested from outside). */
export type InternalProfile = 'ocsp_signer' | 'tsa';

export type Sans = { dns?: string[]; email?: string[]; ip?: string[] };
export type SubjectInput = {
  commonName: string;
  email?: string;
  organization?: string;
  organizationalUnit?: string;
  title?: string;
  /** NIP (or NIK) as the X.520 serialNumber attribute. */
  serialNumber?: string;
};

/** Default validity in days: two years for people (BSrE practice), 397 days for TLS. */
export const DEFAULT_VALIDITY: Record<CertProfile | InternalProfile, number> = {
  signing: 730,
  encryption: 730,
  ra_operator: 730,
  tls_server: 397,
  ocsp_signer: 365,
  tsa: 1825,
};

export type KeyInfo = { family: 'EC' | 'RSA'; label: string };

/** Accepted subject keys: ECDSA P-256/P-384 and RSA 2048–4096. */
export function describeKey(spkiDer: Uint8Array): KeyInfo {
  let k;
  try {
    k = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
  } catch {
    throw new AppError(400, 'pki.key_invalid');
  }
  const d = k.asymmetricKeyDetails ?? {};
  if (k.asymmetricKeyType === 'ec') {
    if (d.namedCurve === 'prime256v1') return { family: 'EC', label: 'EC P-256' };
    if (d.namedCurve === 'secp384r1') return { family: 'EC', label: 'EC P-384' };
  }
  if (k.asymmetricKeyType === 'rsa' && d.modulusLength && [2048, 3072, 4096].includes(d.modulusLength)) {
    return { family: 'RSA', label: `RSA ${d.modulusLength}` };
  }
  throw new AppError(400, 'pki.key_unsupported');
}

/** Subject DN as an ordered RDN list (C, O, OU, title, CN, serialNumber, E). */
export function subjectName(s: SubjectInput): x509.Name {
  const rdns: Record<string, string[]>[] = [{ C: ['ID'] }];
  if (s.organization) rdns.push({ O: [s.organization] });
  if (s.organizationalUnit) rdns.push({ OU: [s.organizationalUnit] });
  if (s.title) rdns.push({ '2.5.4.12': [s.title] });
  rdns.push({ CN: [s.commonName] });
  if (s.serialNumber) rdns.push({ '2.5.4.5': [s.serialNumber] });
  if (s.email) rdns.push({ E: [s.email] });
  return new x509.Name(rdns);
}

const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validates and completes the SANs a profile needs (email for people, DNS/IP for servers). */
export function normaliseSans(profile: CertProfile, subject: SubjectInput, sans: Sans = {}): Sans {
  const out: Sans = { dns: [...(sans.dns ?? [])], email: [...(sans.email ?? [])], ip: [...(sans.ip ?? [])] };
  if (profile !== 'tls_server' && subject.email && !out.email!.includes(subject.email)) out.email!.unshift(subject.email);
  if (profile === 'tls_server' && !out.dns!.length && !out.ip!.length) {
    if (HOST.test(subject.commonName)) out.dns!.push(subject.commonName.toLowerCase());
    else if (isIP(subject.commonName)) out.ip!.push(subject.commonName);
    else throw new AppError(400, 'pki.san_required', [{ field: 'sans', key: 'pki.san_required' }]);
  }
  for (const d of out.dns!) if (!HOST.test(d)) throw new AppError(400, 'pki.san_invalid', [{ field: 'sans.dns', key: 'pki.san_invalid' }]);
  for (const e of out.email!) if (!EMAIL.test(e)) throw new AppError(400, 'pki.san_invalid', [{ field: 'sans.email', key: 'pki.san_invalid' }]);
  for (const i of out.ip!) if (!isIP(i)) throw new AppError(400, 'pki.san_invalid', [{ field: 'sans.ip', key: 'pki.san_invalid' }]);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v.length)) as Sans;
}

const F = x509.KeyUsageFlags;

/** Key usage and extended key usage per profile (EJBCA-style certificate profiles). */
export function usageExtensions(profile: CertProfile | InternalProfile, key: KeyInfo): x509.Extension[] {
  switch (profile) {
    case 'signing':
      return [
        new x509.KeyUsagesExtension(F.digitalSignature | F.nonRepudiation, true),
        new x509.ExtendedKeyUsageExtension([OID.kpEmailProtection, OID.kpDocumentSigning, OID.msDocumentSigning], false),
      ];
    case 'ra_operator':
      return [
        new x509.KeyUsagesExtension(F.digitalSignature | F.nonRepudiation, true),
        new x509.ExtendedKeyUsageExtension([OID.kpEmailProtection, OID.kpDocumentSigning, OID.msDocumentSigning, OID.kpClientAuth], false),
      ];
    case 'encryption':
      return [
        new x509.KeyUsagesExtension(key.family === 'RSA' ? F.keyEncipherment | F.dataEncipherment : F.keyAgreement, true),
        new x509.ExtendedKeyUsageExtension([OID.kpEmailProtection], false),
      ];
    case 'tls_server':
      return [
        new x509.KeyUsagesExtension(key.family === 'RSA' ? F.digitalSignature | F.keyEncipherment : F.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([OID.kpServerAuth], false),
      ];
    case 'ocsp_signer':
      return [
        new x509.KeyUsagesExtension(F.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([OID.kpOcspSigning], false),
        // id-pkix-ocsp-nocheck: the responder's own status is not checked (RFC 6960 §4.2.2.2.1)
        new x509.Extension(OID.ocspNoCheck, false, new Uint8Array([0x05, 0x00])),
      ];
    case 'tsa':
      return [
        new x509.KeyUsagesExtension(F.digitalSignature | F.nonRepudiation, true),
        // RFC 3161 §2.3: the one and only EKU, critical
        new x509.ExtendedKeyUsageExtension([OID.kpTimeStamping], true),
      ];
  }
}

export function sanExtension(sans: Sans): x509.Extension | null {
  const names: { type: 'dns' | 'email' | 'ip'; value: string }[] = [
    ...(sans.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(sans.email ?? []).map((value) => ({ type: 'email' as const, value })),
    ...(sans.ip ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  return names.length ? new x509.SubjectAlternativeNameExtension(names, false) : null;
}
