import 'reflect-metadata';
import { webcrypto, randomBytes } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { TrustServices } from '../trust.js';
import { sha256, signingCertificateV2Attr, toAb } from '../cms.js';

/**
 * A small, real CA for tests and the benchmark (root → issuing → end entities, RFC 3161 TSA,
 * OCSP responder, CRL), built with @peculiar/x509 + pkijs. It stands in for the `pki` module
 * until that module is merged; it implements the same `TrustServices` the signing module uses.
 */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const secondsOnly = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);
const serialHex = () => {
  const b = randomBytes(16);
  b[0] = (b[0] & 0x7f) | 0x10;
  return b.toString('hex');
};

export type IssuedCert = { cert: x509.X509Certificate; der: Uint8Array; pem: string; serialHex: string };

export class ThrowawayCa implements TrustServices {
  private revoked = new Map<string, Date>();
  private constructor(
    readonly baseUrl: string,
    readonly root: x509.X509Certificate,
    private readonly rootKeys: CryptoKeyPair,
    readonly issuing: x509.X509Certificate,
    private readonly issuingKeys: CryptoKeyPair,
    readonly tsa: x509.X509Certificate,
    private readonly tsaKeys: CryptoKeyPair,
  ) {}

  static async create(baseUrl = 'http://127.0.0.1:9/pki/uji', name = 'Pemda Uji'): Promise<ThrowawayCa> {
    const now = Date.now();
    const rootKeys = (await webcrypto.subtle.generateKey(EC, false, ['sign', 'verify'])) as CryptoKeyPair;
    const root = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: serialHex(),
      name: `CN=Root CA ${name}, O=${name}, C=ID`,
      notBefore: new Date(now - 86400e3),
      notAfter: new Date(now + 3650 * 86400e3),
      keys: rootKeys,
      signingAlgorithm: EC,
      extensions: [
        new x509.BasicConstraintsExtension(true, 1, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
      ],
    });
    const issuingKeys = (await webcrypto.subtle.generateKey(EC, false, ['sign', 'verify'])) as CryptoKeyPair;
    const issuing = await x509.X509CertificateGenerator.create({
      serialNumber: serialHex(),
      subject: `CN=Issuing CA ${name}, O=${name}, C=ID`,
      issuer: root.subject,
      notBefore: new Date(now - 86400e3),
      notAfter: new Date(now + 1825 * 86400e3),
      publicKey: issuingKeys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: EC,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(issuingKeys.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(root),
      ],
    });
    const tsaKeys = (await webcrypto.subtle.generateKey(EC, false, ['sign', 'verify'])) as CryptoKeyPair;
    const ca = new ThrowawayCa(baseUrl, root, rootKeys, issuing, issuingKeys, root, rootKeys);
    const tsa = await ca.issueRaw(tsaKeys.publicKey, `CN=TSA ${name}, O=${name}, C=ID`, [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.8'], true),
    ]);
    return new ThrowawayCa(baseUrl, root, rootKeys, issuing, issuingKeys, tsa.cert, tsaKeys);
  }

  private async issueRaw(publicKey: CryptoKey, subject: string, exts: x509.Extension[], sans?: string[]): Promise<IssuedCert> {
    const now = Date.now();
    const serial = serialHex();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial,
      subject,
      issuer: this.issuing.subject,
      notBefore: new Date(now - 3600e3),
      notAfter: new Date(now + 365 * 86400e3),
      publicKey,
      signingKey: this.issuingKeys.privateKey,
      signingAlgorithm: EC,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        ...exts,
        await x509.SubjectKeyIdentifierExtension.create(publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(this.issuing),
        new x509.AuthorityInfoAccessExtension({ ocsp: [`${this.baseUrl}/ocsp`], caIssuers: [`${this.baseUrl}/issuing.crt`] }),
        new x509.CRLDistributionPointsExtension([`${this.baseUrl}/crl`]),
        ...(sans?.length ? [new x509.SubjectAlternativeNameExtension(sans.map((v) => ({ type: 'email' as const, value: v })))] : []),
      ],
    });
    return { cert, der: new Uint8Array(cert.rawData), pem: cert.toString('pem'), serialHex: serial };
  }

  /** A document-signing / e-mail certificate (digitalSignature + nonRepudiation [+ key encipherment]). */
  async issueSigning(publicKey: CryptoKey, cn: string, email: string) {
    return this.issueRaw(publicKey, `CN=${cn}, O=Pemda Uji, C=ID, E=${email}`, [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.4', '1.3.6.1.4.1.311.10.3.12'], false),
    ], [email]);
  }

  /** An encryption certificate (keyEncipherment for RSA, keyAgreement for EC). */
  async issueEncryption(publicKey: CryptoKey, cn: string, email: string) {
    const isRsa = publicKey.algorithm.name.startsWith('RSA');
    const ku = isRsa ? x509.KeyUsageFlags.keyEncipherment : x509.KeyUsageFlags.keyAgreement | x509.KeyUsageFlags.keyEncipherment;
    return this.issueRaw(publicKey, `CN=${cn}, O=Pemda Uji, C=ID, E=${email}`, [
      new x509.KeyUsagesExtension(ku, true),
      new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.4'], false),
    ], [email]);
  }

  revoke(serial: string, at = new Date()) {
    this.revoked.set(serial.toLowerCase(), at);
  }

  async chain() {
    return { rootPem: this.root.toString('pem'), issuingPem: this.issuing.toString('pem') };
  }

  async trustedRootsPem() {
    return [this.root.toString('pem')];
  }

  /** RFC 3161 TimeStampResp for a DER TimeStampReq. */
  async timestamp(tsqDer: Uint8Array): Promise<Uint8Array> {
    const req = pkijs.TimeStampReq.fromBER(toAb(tsqDer));
    const serial = randomBytes(8);
    serial[0] = (serial[0] & 0x7f) | 0x01;
    const tst = new pkijs.TSTInfo({
      version: 1,
      policy: '1.3.6.1.4.1.99999.1.1',
      messageImprint: req.messageImprint,
      serialNumber: new asn1js.Integer({ valueHex: toAb(serial) }),
      genTime: secondsOnly(new Date()),
      ordering: false,
      accuracy: new pkijs.Accuracy({ seconds: 1 }),
      ...(req.nonce ? { nonce: req.nonce } : {}),
    });
    const tstDer = tst.toSchema().toBER(false);
    const signed = new pkijs.SignedData({
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({
        eContentType: '1.2.840.113549.1.9.16.1.4',
        eContent: new asn1js.OctetString({ valueHex: tstDer }),
      }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({
            issuer: pkijs.Certificate.fromBER(this.tsa.rawData).issuer,
            serialNumber: pkijs.Certificate.fromBER(this.tsa.rawData).serialNumber,
          }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.9.16.1.4' })] }),
              new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: toAb(sha256(new Uint8Array(tstDer))) })] }),
              signingCertificateV2Attr(new Uint8Array(this.tsa.rawData)),
            ],
          }),
        }),
      ],
      certificates: req.certReq ? [pkijs.Certificate.fromBER(this.tsa.rawData), pkijs.Certificate.fromBER(this.issuing.rawData)] : undefined,
    });
    await signed.sign(this.tsaKeys.privateKey, 0, 'SHA-256');
    const resp = new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
      timeStampToken: new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) }),
    });
    return new Uint8Array(resp.toSchema().toBER(false));
  }

  /** OCSP response (signed by the issuing CA) for a DER OCSPRequest. */
  async ocsp(reqDer: Uint8Array): Promise<Uint8Array> {
    const req = pkijs.OCSPRequest.fromBER(toAb(reqDer));
    const issuingPk = pkijs.Certificate.fromBER(this.issuing.rawData);
    const responses: pkijs.SingleResponse[] = [];
    const now = secondsOnly(new Date());
    for (const r of req.tbsRequest.requestList) {
      const serial = Buffer.from(r.reqCert.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^(00)+/, '');
      const revokedAt = [...this.revoked.entries()].find(([s]) => s.replace(/^(00)+/, '') === serial)?.[1];
      const certStatus = revokedAt
        ? new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: secondsOnly(revokedAt) })] })
        : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, lenBlockLength: 1 } as any);
      responses.push(new pkijs.SingleResponse({ certID: r.reqCert, certStatus, thisUpdate: now, nextUpdate: new Date(now.getTime() + 86400e3) }));
    }
    const basic = new pkijs.BasicOCSPResponse({
      tbsResponseData: new pkijs.ResponseData({
        responderID: issuingPk.subject,
        producedAt: now,
        responses,
      }),
      certs: [issuingPk],
    });
    await basic.sign(this.issuingKeys.privateKey, 'SHA-256');
    const resp = new pkijs.OCSPResponse({
      responseStatus: new asn1js.Enumerated({ value: 0 }),
      responseBytes: new pkijs.ResponseBytes({ responseType: '1.3.6.1.5.5.7.48.1.1', response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }) }),
    });
    return new Uint8Array(resp.toSchema().toBER(false));
  }

  async crl(): Promise<Uint8Array> {
    const crl = await x509.X509CrlGenerator.create({
      issuer: this.issuing.subject,
      thisUpdate: secondsOnly(new Date()),
      nextUpdate: new Date(Date.now() + 86400e3),
      entries: [...this.revoked.entries()].map(([serialNumber, revocationDate]) => ({ serialNumber, revocationDate: secondsOnly(revocationDate), reason: x509.X509CrlReason.keyCompromise })),
      signingKey: this.issuingKeys.privateKey,
      signingAlgorithm: EC,
      extensions: [await x509.AuthorityKeyIdentifierExtension.create(this.issuing)],
    });
    return new Uint8Array(crl.rawData);
  }
}

