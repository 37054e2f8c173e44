import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * Document protection (K4): CMS EnvelopedData to holders' encryption certificates, decrypted with
 * the holder's key in the browser. The same code runs in Node tests (WebCrypto is the same API).
 * RSA recipients use RSA-OAEP(SHA-256); EC recipients ECDH (X9.63 KDF, AES-256 key wrap);
 * content AES-256-CBC (AES-GCM in EnvelopedData is not interoperable).
 */
const RSA_OID = '1.2.840.113549.1.1.1';
const ab = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

export function setCryptoEngine(crypto: Crypto) {
  pkijs.setEngine('persada', new pkijs.CryptoEngine({ name: 'persada', crypto }));
}

export function pemToDer(pem: string): Uint8Array {
  const b64 = pem.replace(/-----(BEGIN|END)[^-]+-----/g, '').replace(/\s+/g, '');
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function encryptForRecipients(recipientCertsDer: Uint8Array[], content: Uint8Array): Promise<Uint8Array> {
  if (!recipientCertsDer.length) throw new Error('no recipients');
  const env = new pkijs.EnvelopedData();
  for (const der of recipientCertsDer) {
    const cert = pkijs.Certificate.fromBER(ab(der));
    if (cert.subjectPublicKeyInfo.algorithm.algorithmId === RSA_OID) env.addRecipientByCertificate(cert, { oaepHashAlgorithm: 'SHA-256' }, 1);
    else env.addRecipientByCertificate(cert, { kdfAlgorithm: 'SHA-256' }, 2);
  }
  await env.encrypt({ name: 'AES-CBC', length: 256 } as AesKeyAlgorithm, ab(content));
  const ci = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.ENVELOPED_DATA, content: env.toSchema() });
  return new Uint8Array(ci.toSchema().toBER(false));
}

/** Index of the recipient entry addressed to `certDer` (issuer + serial), or -1. */
function recipientIndex(env: pkijs.EnvelopedData, cert: pkijs.Certificate): number {
  return env.recipientInfos.findIndex((ri) => {
    const v = ri.value as any;
    if (v instanceof pkijs.KeyTransRecipientInfo) {
      const rid = v.rid as pkijs.IssuerAndSerialNumber;
      return rid instanceof pkijs.IssuerAndSerialNumber && rid.serialNumber.isEqual(cert.serialNumber) && rid.issuer.isEqual(cert.issuer);
    }
    if (v instanceof pkijs.KeyAgreeRecipientInfo) {
      return v.recipientEncryptedKeys.encryptedKeys.some((k) => {
        const rid = k.rid.value as pkijs.IssuerAndSerialNumber;
        return rid instanceof pkijs.IssuerAndSerialNumber && rid.serialNumber.isEqual(cert.serialNumber) && rid.issuer.isEqual(cert.issuer);
      });
    }
    return false;
  });
}

const KDF_HASH: Record<string, string> = {
  '1.3.133.16.840.63.0.2': 'SHA-1', // dhSinglePass-stdDH-sha1kdf-scheme (OpenSSL default)
  '1.3.132.1.11.1': 'SHA-256',
  '1.3.132.1.11.2': 'SHA-384',
  '1.3.132.1.11.3': 'SHA-512',
};
const WRAP_BITS: Record<string, number> = { '2.16.840.1.101.3.4.1.5': 128, '2.16.840.1.101.3.4.1.25': 192, '2.16.840.1.101.3.4.1.45': 256 };

function octets(o: asn1js.OctetString): Uint8Array {
  if (o.idBlock.isConstructed || o.valueBlock.isConstructed || (o.valueBlock.value?.length ?? 0) > 0) {
    const parts = (o.valueBlock.value as asn1js.OctetString[]).map(octets);
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let k = 0;
    for (const p of parts) {
      out.set(p, k);
      k += p.length;
    }
    return out;
  }
  return new Uint8Array(o.valueBlock.valueHexView);
}

/**
 * ECDH key agreement done here rather than by pkijs, which fails on OpenSSL's messages
 * (PKI.js #335: the UKM, and the SHA-1 KDF path): X9.63 KDF over ECC-CMS-SharedInfo, AES key unwrap.
 */
async function unwrapEcdh(ri: pkijs.KeyAgreeRecipientInfo, keyIndex: number, privateKey: CryptoKey, namedCurve: string, cekAlg: { name: string; length: number }): Promise<CryptoKey> {
  const subtle = crypto.subtle;
  const orig = ri.originator.value as pkijs.OriginatorPublicKey;
  const point = new Uint8Array(orig.publicKey.valueBlock.valueHexView);
  const pub = await subtle.importKey('raw', ab(point), { name: 'ECDH', namedCurve }, false, []);
  const bits = namedCurve === 'P-256' ? 256 : namedCurve === 'P-384' ? 384 : 528;
  const z = new Uint8Array(await subtle.deriveBits({ name: 'ECDH', public: pub }, privateKey, bits));
  const hash = KDF_HASH[ri.keyEncryptionAlgorithm.algorithmId];
  if (!hash) throw new Error('unsupported key agreement');
  const wrapAlg = new pkijs.AlgorithmIdentifier({ schema: ri.keyEncryptionAlgorithm.algorithmParams });
  const kekBits = WRAP_BITS[wrapAlg.algorithmId];
  if (!kekBits) throw new Error('unsupported key wrap');
  const len = new Uint8Array([(kekBits >>> 24) & 255, (kekBits >>> 16) & 255, (kekBits >>> 8) & 255, kekBits & 255]);
  const ukm = ri.ukm ? new Uint8Array(ri.ukm.valueBlock.valueHexView) : null;
  const sharedInfo = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: wrapAlg.algorithmId })] }),
      ...(ukm ? [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.OctetString({ valueHex: ab(ukm) })] })] : []),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 2 }, value: [new asn1js.OctetString({ valueHex: ab(len) })] }),
    ],
  }).toBER(false);
  const kek = new Uint8Array(kekBits / 8);
  let filled = 0;
  for (let counter = 1; filled < kek.length; counter++) {
    const input = new Uint8Array(z.length + 4 + sharedInfo.byteLength);
    input.set(z, 0);
    input.set([(counter >>> 24) & 255, (counter >>> 16) & 255, (counter >>> 8) & 255, counter & 255], z.length);
    input.set(new Uint8Array(sharedInfo), z.length + 4);
    const block = new Uint8Array(await subtle.digest(hash, input));
    const take = Math.min(block.length, kek.length - filled);
    kek.set(block.subarray(0, take), filled);
    filled += take;
  }
  const kekKey = await subtle.importKey('raw', kek, { name: 'AES-KW' }, false, ['unwrapKey']);
  const wrapped = new Uint8Array(ri.recipientEncryptedKeys.encryptedKeys[keyIndex].encryptedKey.valueBlock.valueHexView);
  return subtle.unwrapKey('raw', ab(wrapped), kekKey, { name: 'AES-KW' }, cekAlg, false, ['decrypt']);
}

const CEK: Record<string, number> = { '2.16.840.1.101.3.4.1.2': 128, '2.16.840.1.101.3.4.1.22': 192, '2.16.840.1.101.3.4.1.42': 256 };

/** Decrypts a DER EnvelopedData with the holder's (possibly non-extractable) private key. */
export async function decryptEnvelope(p7m: Uint8Array, certDer: Uint8Array, privateKey: CryptoKey): Promise<Uint8Array> {
  const ci = pkijs.ContentInfo.fromBER(ab(p7m));
  const env = new pkijs.EnvelopedData({ schema: ci.content });
  const cert = pkijs.Certificate.fromBER(ab(certDer));
  const index = recipientIndex(env, cert);
  if (index < 0) throw new Error('not a recipient');
  const ri = env.recipientInfos[index].value;
  if (ri instanceof pkijs.KeyAgreeRecipientInfo) {
    const eci = env.encryptedContentInfo;
    const cekBits = CEK[eci.contentEncryptionAlgorithm.algorithmId];
    if (!cekBits) throw new Error('unsupported content cipher');
    const keyIndex = ri.recipientEncryptedKeys.encryptedKeys.findIndex((k) => {
      const rid = k.rid.value as pkijs.IssuerAndSerialNumber;
      return rid instanceof pkijs.IssuerAndSerialNumber && rid.serialNumber.isEqual(cert.serialNumber);
    });
    const namedCurve = (privateKey.algorithm as EcKeyAlgorithm).namedCurve ?? 'P-256';
    const cek = await unwrapEcdh(ri, Math.max(0, keyIndex), privateKey, namedCurve, { name: 'AES-CBC', length: cekBits });
    const iv = new Uint8Array((eci.contentEncryptionAlgorithm.algorithmParams as asn1js.OctetString).valueBlock.valueHexView);
    const data = octets(eci.encryptedContent as asn1js.OctetString);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: ab(iv) }, cek, ab(data)));
  }
  const out = await env.decrypt(index, { recipientCertificate: cert, recipientPrivateKey: privateKey } as any);
  return new Uint8Array(out);
}
