import type { DbOrTx } from '../../db/client.js';
import { ab, caCrypto, x509, randomSerialHex } from './crypto.js';
import { backdate, sigAlgFor, type CaState } from './ca.js';
import { describeKey, sanExtension, usageExtensions, type CertProfile, type Sans } from './profiles.js';
import * as repo from './pki.repo.js';
import type { PkiUrls } from './pki.types.js';

/** Signs an end-entity certificate under the tenant's issuing CA with a fresh serial unused in the tenant. */
export async function signLeaf(
  db: DbOrTx,
  tenantId: string,
  s: CaState,
  urls: PkiUrls,
  p: { profile: CertProfile; name: x509.Name; sans: Sans; spkiDer: Uint8Array },
  key: ReturnType<typeof describeKey>,
  now: Date,
  notAfter: Date,
): Promise<{ serialHex: string; cert: x509.X509Certificate }> {
  const publicKey = new x509.PublicKey(ab(p.spkiDer));
  const san = sanExtension(p.sans);
  let serialHex = '';
  let issued: x509.X509Certificate | null = null;
  for (let attempt = 0; attempt < 3 && !issued; attempt++) {
    serialHex = randomSerialHex();
    if (await repo.certBySerial(db, tenantId, serialHex)) continue;
    issued = await x509.X509CertificateGenerator.create({
      serialNumber: serialHex,
      subject: p.name,
      issuer: s.issuing.cert.subjectName,
      notBefore: backdate(now),
      notAfter,
      publicKey,
      signingKey: s.issuing.key.cryptoKey,
      signingAlgorithm: sigAlgFor(s.issuing.key.algorithm),
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        ...usageExtensions(p.profile, key),
        await x509.SubjectKeyIdentifierExtension.create(publicKey),
        new x509.AuthorityKeyIdentifierExtension(s.issuing.skiHex),
        ...(san ? [san] : []),
        new x509.CRLDistributionPointsExtension([urls.crl]),
        new x509.AuthorityInfoAccessExtension({ ocsp: [urls.ocsp], caIssuers: [urls.issuingCert] }),
      ],
    }, caCrypto);
  }
  if (!issued) throw new Error('could not allocate a unique serial');
  return { serialHex, cert: issued };
}
