import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { ab, caEngine, pkijs, randomSerialHex } from './crypto.js';
import { OID, bitString, int, oid, octets, seq, tlv, intHex } from './der.js';
import type { CertParts } from './certinfo.js';

/** TSA policy OID of Persada's embedded timestamp unit (a UUID-derived OID, X.667 arc 2.25). */
export const TSA_POLICY_OID = '2.25.158714367329157268361730982515380044361';

const HASH_LEN: Record<string, number> = { [OID.sha256]: 32, [OID.sha384]: 48, [OID.sha512]: 64 };

/** PKIFailureInfo bits used here (RFC 3161 §2.4.2). */
const FAIL = { badAlg: 0, badRequest: 2, badDataFormat: 5, unacceptedPolicy: 15, unacceptedExtension: 16, systemFailure: 25 } as const;
export type TsaFailure = keyof typeof FAIL;

function failInfo(bit: number): Buffer {
  const bytes = Buffer.alloc(Math.floor(bit / 8) + 1);
  bytes[Math.floor(bit / 8)] = 0x80 >> bit % 8;
  const unused = 7 - (bit % 8);
  return tlv(0x03, Buffer.from([unused]), bytes);
}

/** A TimeStampResp with status rejection (2), a reason text and the failure bit. */
export function tsaRejection(why: TsaFailure, text: string): Buffer {
  return seq(seq(int(2), seq(tlv(0x0c, Buffer.from(text, 'utf8'))), failInfo(FAIL[why])));
}

export class TsaRequestError extends Error {
  constructor(
    readonly failure: TsaFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Checks a TimeStampReq: v1, SHA-2 imprint of the right length, our policy or none, no extensions. */
export function parseTsq(der: Uint8Array) {
  let req: pkijs.TimeStampReq;
  try {
    const asn = asn1js.fromBER(ab(der));
    if (asn.offset === -1 || asn.offset !== der.byteLength) throw new Error('ber');
    req = new pkijs.TimeStampReq({ schema: asn.result });
  } catch {
    throw new TsaRequestError('badDataFormat', 'malformed TimeStampReq');
  }
  if (req.version !== 1) throw new TsaRequestError('badRequest', 'unsupported version');
  const hashOid = req.messageImprint.hashAlgorithm.algorithmId;
  const want = HASH_LEN[hashOid];
  if (!want) throw new TsaRequestError('badAlg', 'hash algorithm not accepted (SHA-256/384/512 only)');
  if (req.messageImprint.hashedMessage.valueBlock.valueHexView.byteLength !== want) throw new TsaRequestError('badDataFormat', 'imprint length does not match its algorithm');
  if (req.reqPolicy && req.reqPolicy !== TSA_POLICY_OID) throw new TsaRequestError('unacceptedPolicy', 'policy not supported');
  if (req.extensions?.length) throw new TsaRequestError('unacceptedExtension', 'extensions not supported');
  return req;
}

/**
 * Grants a timestamp (RFC 3161): TSTInfo with our policy, a 128-bit serial, genTime in whole
 * seconds, accuracy 1 s and the nonce; CMS SignedData with ESS signing-certificate-v2.
 */
export async function grantTimestamp(p: {
  req: pkijs.TimeStampReq;
  tsaCert: CertParts;
  tsaKey: CryptoKey;
  hash: 'SHA-256' | 'SHA-384';
  chainDer: Buffer[];
  now?: Date;
}): Promise<{ der: Buffer; serialHex: string; genTime: Date }> {
  const genTime = new Date(Math.floor((p.now ?? new Date()).getTime() / 1000) * 1000);
  const serialHex = randomSerialHex();
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: TSA_POLICY_OID,
    messageImprint: p.req.messageImprint,
    serialNumber: new asn1js.Integer({ valueHex: Buffer.from(serialHex, 'hex') }),
    genTime,
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(p.req.nonce ? { nonce: p.req.nonce } : {}),
  });
  const tstDer = new Uint8Array(tst.toSchema().toBER());
  const digestName = p.hash === 'SHA-384' ? 'sha384' : 'sha256';
  const cert = pkijs.Certificate.fromBER(ab(p.tsaCert.der));

  // ESS signing-certificate-v2 (RFC 5035): SHA-256 of the TSA certificate + issuer/serial
  const essCertId = seq(octets(createHash('sha256').update(p.tsaCert.der).digest()), seq(seq(tlv(0xa4, p.tsaCert.issuerDer)), intHex(p.tsaCert.serialHex)));
  const signingCertV2 = seq(seq(essCertId));
  const attr = (type: string, valueDer: Buffer | Uint8Array) => new pkijs.Attribute({ type, values: [asn1js.fromBER(ab(new Uint8Array(valueDer))).result] });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      attr('1.2.840.113549.1.9.3', oid('1.2.840.113549.1.9.16.1.4')),
      attr('1.2.840.113549.1.9.4', octets(createHash(digestName).update(tstDer).digest())),
      attr('1.2.840.113549.1.9.16.2.47', signingCertV2),
    ],
  });
  const signed = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: '1.2.840.113549.1.9.16.1.4',
      eContent: new asn1js.OctetString({ valueHex: tstDer }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs,
      }),
    ],
    certificates: p.req.certReq ? p.chainDer.map((d) => pkijs.Certificate.fromBER(ab(d))) : undefined,
  });
  await signed.sign(p.tsaKey, 0, p.hash, undefined, caEngine);
  const token = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signed.toSchema(true) });
  const tokenDer = Buffer.from(token.toSchema().toBER());
  return { der: seq(seq(int(0)), tokenDer), serialHex, genTime };
}

export { bitString };
