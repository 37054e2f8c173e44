import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

export const toAb = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
export const sha256 = (u: Uint8Array) => new Uint8Array(createHash('sha256').update(u).digest());
export const hex = (u: Uint8Array | ArrayBuffer) => Buffer.from(u instanceof ArrayBuffer ? new Uint8Array(u) : u).toString('hex');

export function pemToDer(pem: string): Uint8Array {
  const b64 = pem.replace(/-----(BEGIN|END)[^-]+-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

/** ESS signing-certificate-v2 attribute (RFC 5035) with the default SHA-256 hash. */
export function signingCertificateV2Attr(certDer: Uint8Array) {
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toAb(sha256(certDer)) })] });
  const value = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  return new pkijs.Attribute({ type: OID.signingCertificateV2, values: [value] });
}

export type KeyKind = 'RSA' | 'EC';

/** Key type of a certificate's public key (RSA or EC); anything else is refused. */
export function keyKindOf(certDer: Uint8Array): KeyKind {
  const c = pkijs.Certificate.fromBER(toAb(certDer));
  const oid = c.subjectPublicKeyInfo.algorithm.algorithmId;
  if (oid === OID.rsaEncryption) return 'RSA';
  if (oid === '1.2.840.10045.2.1') return 'EC';
  throw new Error('unsupported key');
}

/** r||s of P-256/384/521 has a fixed length; DER never has these lengths for those curves. */
const isP1363 = (sig: Uint8Array) => sig.length === 64 || sig.length === 96 || sig.length === 132;

/** WebCrypto ECDSA gives r||s (P1363); CMS wants DER. RSA passes through. */
export function cmsSignatureValue(kind: KeyKind, raw: Uint8Array): Uint8Array {
  if (kind === 'RSA') return raw;
  if (!isP1363(raw)) return raw; // already DER
  return new Uint8Array(pkijs.createCMSECDSASignature(toAb(raw)));
}

/** Checks the signature the browser made over `data` with the certificate's key (RSA PKCS#1 v1.5 or ECDSA, SHA-256). */
export async function verifyRawSignature(certDer: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    const cert = new x509.X509Certificate(toAb(certDer));
    const kind = keyKindOf(certDer);
    const alg = kind === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: (cert.publicKey.algorithm as EcKeyAlgorithm).namedCurve ?? 'P-256', hash: 'SHA-256' };
    const key: CryptoKey = await (cert.publicKey as any).export(alg, ['verify']);
    let sig = signature;
    if (kind === 'EC' && !isP1363(sig)) {
      // DER → P1363 for WebCrypto
      const seq = asn1js.fromBER(toAb(sig)).result as asn1js.Sequence;
      const size = key.algorithm && (key.algorithm as EcKeyAlgorithm).namedCurve === 'P-384' ? 48 : 32;
      const part = (i: number) => {
        const v = new Uint8Array((seq.valueBlock.value[i] as asn1js.Integer).valueBlock.valueHexView).filter((_, j, a) => !(j === 0 && a.length > size && a[0] === 0));
        const out = new Uint8Array(size);
        out.set(v.slice(-size), size - Math.min(size, v.length));
        return out;
      };
      sig = new Uint8Array([...part(0), ...part(1)]);
    }
    return await webcrypto.subtle.verify(alg as any, key, sig, data);
  } catch {
    return false;
  }
}

/** Builds a TimeStampReq for a SHA-256 digest, sends it to the TSA and returns the TimeStampToken (DER ContentInfo). */
export async function fetchTimestampToken(tsa: (tsq: Uint8Array) => Promise<Uint8Array>, digest: Uint8Array): Promise<Uint8Array> {
  const nonce = webcrypto.getRandomValues(new Uint8Array(8));
  nonce[0] = (nonce[0] & 0x7f) | 0x01;
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toAb(digest) }),
    }),
    certReq: true,
    nonce: new asn1js.Integer({ valueHex: toAb(nonce) }),
  });
  const tsr = await tsa(new Uint8Array(req.toSchema().toBER(false)));
  const resp = pkijs.TimeStampResp.fromBER(toAb(tsr));
  if (resp.status.status !== pkijs.PKIStatus.granted && resp.status.status !== pkijs.PKIStatus.grantedWithMods) throw new Error('timestamp refused');
  if (!resp.timeStampToken) throw new Error('no timestamp token');
  return new Uint8Array(resp.timeStampToken.toSchema().toBER(false));
}

/** DER OCSPRequest for one certificate (SHA-256 CertID is not universal; SHA-1 CertID as NSS/OpenSSL default). */
export async function ocspRequestFor(certDer: Uint8Array, issuerDer: Uint8Array): Promise<Uint8Array> {
  const req = new pkijs.OCSPRequest();
  await req.createForCertificate(pkijs.Certificate.fromBER(toAb(certDer)), { hashAlgorithm: 'SHA-1', issuerCertificate: pkijs.Certificate.fromBER(toAb(issuerDer)) });
  return new Uint8Array(req.toSchema(true).toBER(false));
}

/** The DER of the signed attributes of a CMS signature as they are signed (SET OF, tag 0x31). */
export function signedAttrsToBeSigned(attrs: pkijs.SignedAndUnsignedAttributes): Uint8Array {
  const der = new Uint8Array(attrs.toSchema().toBER(false));
  der[0] = 0x31;
  return der;
}

/** Signed attributes for a detached CMS over `content` (contentType data, signing time, messageDigest, signing-certificate-v2). */
export function buildSignedAttrs(contentDigest: Uint8Array, certDer: Uint8Array, signingTime: Date) {
  return new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: new Date(Math.floor(signingTime.getTime() / 1000) * 1000) })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toAb(contentDigest) })] }),
      signingCertificateV2Attr(certDer),
    ],
  });
}

/** Assembles a detached CMS SignedData from a signature made elsewhere (the browser), optionally with a signature timestamp. */
export async function assembleDetachedCms(opts: {
  certDer: Uint8Array;
  chainDer: Uint8Array[];
  signedAttrs: pkijs.SignedAndUnsignedAttributes;
  signature: Uint8Array;
  tsa?: (tsq: Uint8Array) => Promise<Uint8Array>;
}): Promise<Uint8Array> {
  const kind = keyKindOf(opts.certDer);
  const cert = pkijs.Certificate.fromBER(toAb(opts.certDer));
  const sigValue = cmsSignatureValue(kind, opts.signature);
  const unsigned = opts.tsa
    ? new pkijs.SignedAndUnsignedAttributes({
        type: 1,
        attributes: [
          new pkijs.Attribute({
            type: OID.timeStampToken,
            values: [asn1js.fromBER(toAb(await fetchTimestampToken(opts.tsa, sha256(sigValue)))).result],
          }),
        ],
      })
    : undefined;
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: opts.signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      kind === 'RSA' ? { algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() } : { algorithmId: OID.ecdsaSha256 },
    ),
    signature: new asn1js.OctetString({ valueHex: toAb(sigValue) }),
    ...(unsigned ? { unsignedAttrs: unsigned } : {}),
  });
  const sd = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...opts.chainDer.map((d) => pkijs.Certificate.fromBER(toAb(d)))],
    signerInfos: [signerInfo],
  });
  const ci = new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) });
  return new Uint8Array(ci.toSchema().toBER(false));
}
