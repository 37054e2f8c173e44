import { createHash } from 'node:crypto';
import { ab, caCrypto, x509, randomSerialHex, toPem } from './crypto.js';
import { certParts, issuerHashes, type CertParts, type IssuerHashes } from './certinfo.js';
import type { CaKeyStore, CaSigningKey } from './keystore.js';
import { DEFAULT_VALIDITY, usageExtensions } from './profiles.js';
import type { CaKeyRow } from './pki.repo.js';
import { sha1 } from './ocsp.js';

export type CaKind = 'root' | 'issuing' | 'ocsp' | 'tsa';

/** One keyed certificate of the CA, loaded and ready to sign with. */
export type LoadedCa = {
  row: CaKeyRow;
  cert: x509.X509Certificate;
  parts: CertParts;
  pem: string;
  key: CaSigningKey | null;
  skiHex: string;
};

export type CaState = {
  tenantId: string;
  slug: string;
  root: LoadedCa;
  issuing: LoadedCa & { key: CaSigningKey; hashes: IssuerHashes };
  ocsp: LoadedCa & { key: CaSigningKey; keyHashSha1: Buffer };
  tsa: LoadedCa & { key: CaSigningKey };
};

export const CA_ALGORITHM: Record<CaKind, CaSigningKey['algorithm']> = { root: 'EC-P384', issuing: 'EC-P256', ocsp: 'EC-P256', tsa: 'EC-P256' };
export const sigAlgFor = (a: CaSigningKey['algorithm']) => ({ name: 'ECDSA', hash: a === 'EC-P384' ? 'SHA-384' : 'SHA-256' }) as EcdsaParams;

const YEAR = 365 * 86_400_000;
const backdate = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000 - 5 * 60_000);

export async function loadCa(row: CaKeyRow, store: CaKeyStore, withKey: boolean): Promise<LoadedCa> {
  const cert = new x509.X509Certificate(ab(row.certDer));
  const ski = cert.getExtension(x509.SubjectKeyIdentifierExtension);
  return {
    row,
    cert,
    parts: certParts(row.certDer),
    pem: toPem(row.certDer, 'CERTIFICATE'),
    key: withKey ? await store.load(row.keyRef, row.keyAlgorithm as CaSigningKey['algorithm']) : null,
    skiHex: ski?.keyId ?? '',
  };
}

export function assemble(tenantId: string, slug: string, m: Record<CaKind, LoadedCa>): CaState {
  return {
    tenantId,
    slug,
    root: m.root,
    issuing: { ...m.issuing, key: m.issuing.key!, hashes: issuerHashes(m.issuing.parts) },
    ocsp: { ...m.ocsp, key: m.ocsp.key!, keyHashSha1: sha1(m.ocsp.parts.publicKeyBits) },
    tsa: { ...m.tsa, key: m.tsa.key! },
  };
}

/** The Pemda's name (certificate subjects) and slug (token key labels). */
export type CaNames = { pemdaName: string; slug: string };

export type NewCaCert = { kind: CaKind; der: Uint8Array; keyRef: string; keyAlgorithm: string; subjectDn: string; serialHex: string; notBefore: Date; notAfter: Date; key: CaSigningKey };

/** Root (P-384, 20 years) + issuing CA (P-256, 10 years, pathLen 0). */
export async function createHierarchy(store: CaKeyStore, names: CaNames, urls: { rootCert: string }): Promise<{ root: NewCaCert; issuing: NewCaCert }> {
  const now = new Date();
  const org = names.pemdaName;
  const ou = 'Otoritas Sertifikat Persada';
  const rootName = new x509.Name([{ C: ['ID'] }, { O: [org] }, { OU: [ou] }, { CN: [`Persada Root CA ${org}`] }]);
  const rootKey = await store.generate(CA_ALGORITHM.root, { tenantSlug: names.slug, role: 'root' });
  const rootSerial = randomSerialHex();
  const rootSki = await x509.SubjectKeyIdentifierExtension.create(rootKey.publicKey);
  const rootCert = await x509.X509CertificateGenerator.create({
    serialNumber: rootSerial,
    subject: rootName,
    issuer: rootName,
    notBefore: backdate(now),
    notAfter: new Date(now.getTime() + 20 * YEAR),
    publicKey: rootKey.publicKey,
    signingKey: rootKey.key.cryptoKey,
    signingAlgorithm: sigAlgFor(CA_ALGORITHM.root),
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      rootSki,
    ],
  }, caCrypto);

  const issuingName = new x509.Name([{ C: ['ID'] }, { O: [org] }, { OU: [ou] }, { CN: [`Persada Issuing CA ${org}`] }]);
  const issKey = await store.generate(CA_ALGORITHM.issuing, { tenantSlug: names.slug, role: 'issuing' });
  const issSerial = randomSerialHex();
  const issCert = await x509.X509CertificateGenerator.create({
    serialNumber: issSerial,
    subject: issuingName,
    issuer: rootCert.subjectName,
    notBefore: backdate(now),
    notAfter: new Date(now.getTime() + 10 * YEAR),
    publicKey: issKey.publicKey,
    signingKey: rootKey.key.cryptoKey,
    signingAlgorithm: sigAlgFor(CA_ALGORITHM.root),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(issKey.publicKey),
      new x509.AuthorityKeyIdentifierExtension(rootSki.keyId),
      new x509.AuthorityInfoAccessExtension({ caIssuers: [urls.rootCert] }),
    ],
  }, caCrypto);
  const out = (kind: CaKind, cert: x509.X509Certificate, k: typeof rootKey, serialHex: string): NewCaCert => ({
    kind,
    der: new Uint8Array(cert.rawData),
    keyRef: k.keyRef,
    keyAlgorithm: CA_ALGORITHM[kind],
    subjectDn: cert.subject,
    serialHex,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    key: k.key,
  });
  return { root: out('root', rootCert, rootKey, rootSerial), issuing: out('issuing', issCert, issKey, issSerial) };
}

/** The delegated OCSP signer or the timestamp unit, issued by the issuing CA. */
export async function createServiceCert(
  store: CaKeyStore,
  kind: 'ocsp' | 'tsa',
  issuing: { cert: x509.X509Certificate; key: CaSigningKey; skiHex: string },
  names: CaNames,
  urls: { crl: string; issuingCert: string; ocsp: string },
): Promise<NewCaCert> {
  const now = new Date();
  const k = await store.generate(CA_ALGORITHM[kind], { tenantSlug: names.slug, role: kind });
  const serialHex = randomSerialHex();
  const cn = kind === 'ocsp' ? `Persada OCSP Responder ${names.pemdaName}` : `Persada Timestamp Authority ${names.pemdaName}`;
  const name = new x509.Name([{ C: ['ID'] }, { O: [names.pemdaName] }, { OU: ['Otoritas Sertifikat Persada'] }, { CN: [cn] }]);
  const days = DEFAULT_VALIDITY[kind === 'ocsp' ? 'ocsp_signer' : 'tsa'];
  const notAfter = new Date(Math.min(now.getTime() + days * 86_400_000, issuing.cert.notAfter.getTime()));
  const extensions = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    ...usageExtensions(kind === 'ocsp' ? 'ocsp_signer' : 'tsa', { family: 'EC', label: 'EC P-256' }),
    await x509.SubjectKeyIdentifierExtension.create(k.publicKey),
    new x509.AuthorityKeyIdentifierExtension(issuing.skiHex),
    ...(kind === 'tsa'
      ? [new x509.CRLDistributionPointsExtension([urls.crl]), new x509.AuthorityInfoAccessExtension({ ocsp: [urls.ocsp], caIssuers: [urls.issuingCert] })]
      : [new x509.AuthorityInfoAccessExtension({ caIssuers: [urls.issuingCert] })]),
  ];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialHex,
    subject: name,
    issuer: issuing.cert.subjectName,
    notBefore: backdate(now),
    notAfter,
    publicKey: k.publicKey,
    signingKey: issuing.key.cryptoKey,
    signingAlgorithm: sigAlgFor(issuing.key.algorithm),
    extensions,
  }, caCrypto);
  return { kind, der: new Uint8Array(cert.rawData), keyRef: k.keyRef, keyAlgorithm: CA_ALGORITHM[kind], subjectDn: cert.subject, serialHex, notBefore: cert.notBefore, notAfter: cert.notAfter, key: k.key };
}

export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
export { backdate };
