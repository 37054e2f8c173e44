/**
 * Keys made in the browser (K7): WebCrypto key pair, SPKI sent to the RA, a non-extractable copy
 * kept in IndexedDB, and a one-time passphrase-protected PKCS#12 (PBES2 AES-256-CBC, PBKDF2 and
 * MAC with SHA-256, 100 000 iterations) built with pkijs. The private key never leaves the browser.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type KeyAlgorithm = 'ECDSA' | 'RSA';
const params = (alg: KeyAlgorithm) =>
  alg === 'ECDSA'
    ? ({ name: 'ECDSA', namedCurve: 'P-256' } as EcKeyGenParams)
    : ({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } as RsaHashedKeyGenParams);

const b64 = (buf: ArrayBuffer) => {
  let s = '';
  for (const b of new Uint8Array(buf)) s += String.fromCharCode(b);
  return btoa(s);
};
export const pemToDer = (pem: string): ArrayBuffer => {
  const body = pem.replace(/-----(BEGIN|END)[^-]+-----/g, '').replace(/\s+/g, '');
  const bin = atob(body);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
};
const pemBlocks = (pem: string | null | undefined) => (pem ?? '').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];

export type GeneratedKey = { alg: KeyAlgorithm; keys: CryptoKeyPair; spki: string };

/** A fresh key pair; extractable only so that the one-time PKCS#12 can be made. */
export async function generateKey(alg: KeyAlgorithm): Promise<GeneratedKey> {
  const keys = (await crypto.subtle.generateKey(params(alg), true, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = b64(await crypto.subtle.exportKey('spki', keys.publicKey));
  return { alg, keys, spki };
}

/** Serial as the signing feature keys it: lower-case hex without leading zero bytes. */
export const keySerial = (serialHex: string) => serialHex.toLowerCase().replace(/^(00)+/, '');

/**
 * Keeps a non-extractable copy of the private key in IndexedDB (for signing in this browser), in
 * the format agreed with the signing feature: database `persada-keys`, store `keys` keyed by the
 * certificate serial, with the certificate PEM, the key and its use. The RA operator's own key
 * (not a document-signing key) goes to a separate database, `persada-ra-keys`, so that the
 * signing page never offers it.
 */
export async function storeNonExtractable(
  cert: { serialHex: string; certPem: string },
  key: GeneratedKey,
  label: string,
  database: 'persada-keys' | 'persada-ra-keys' = 'persada-keys',
): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', key.keys.privateKey);
  const importAlg = key.alg === 'ECDSA' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, importAlg, false, ['sign']);
  const record = { serial: keySerial(cert.serialHex), certificatePem: cert.certPem, privateKey, use: 'sign', label, createdAt: new Date().toISOString() };
  return new Promise((resolve) => {
    const open = indexedDB.open(database, 1);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains('keys')) open.result.createObjectStore('keys', { keyPath: 'serial' });
    };
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      try {
        const tx = open.result.transaction('keys', 'readwrite');
        tx.objectStore('keys').put(record);
        tx.oncomplete = () => resolve(true);
        tx.onerror = () => resolve(false);
      } catch {
        resolve(false);
      }
    };
  });
}

const enc = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;
const localKeyIdAttr = (id: ArrayBuffer) => new pkijs.Attribute({ type: '1.2.840.113549.1.9.21', values: [new asn1js.OctetString({ valueHex: id })] });
const friendlyNameAttr = (name: string) => new pkijs.Attribute({ type: '1.2.840.113549.1.9.20', values: [new asn1js.BmpString({ value: name })] });

/** PKCS#12 with the key (PBES2 shrouded), the certificate and its chain; passphrase-protected. */
export async function buildPkcs12(
  key: CryptoKey,
  certPem: string,
  chainPem: string | null | undefined,
  passphrase: string,
  friendlyName: string,
): Promise<Uint8Array> {
  const password = enc(passphrase);
  const localId = crypto.getRandomValues(new Uint8Array(8)).buffer as ArrayBuffer;
  const pkcs8 = pkijs.PrivateKeyInfo.fromBER(await crypto.subtle.exportKey('pkcs8', key));
  const cert = pkijs.Certificate.fromBER(pemToDer(certPem));
  const leafDer = new Uint8Array(pemToDer(certPem));
  const chain = pemBlocks(chainPem)
    .map((p) => pemToDer(p))
    .filter((d) => !(d.byteLength === leafDer.byteLength && new Uint8Array(d).every((b, i) => b === leafDer[i])))
    .map((d) => pkijs.Certificate.fromBER(d));
  const pbes2 = { password, contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 }, hmacHashAlgorithm: 'SHA-256', iterationCount: 100_000 };
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            {
              privacyMode: 0,
              value: new pkijs.SafeContents({
                safeBags: [
                  new pkijs.SafeBag({
                    bagId: '1.2.840.113549.1.12.10.1.2',
                    bagValue: new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkcs8 }),
                    bagAttributes: [localKeyIdAttr(localId), friendlyNameAttr(friendlyName)],
                  }),
                ],
              }),
            },
            {
              privacyMode: 1,
              value: new pkijs.SafeContents({
                safeBags: [
                  new pkijs.SafeBag({
                    bagId: '1.2.840.113549.1.12.10.1.3',
                    bagValue: new pkijs.CertBag({ parsedValue: cert }),
                    bagAttributes: [localKeyIdAttr(localId), friendlyNameAttr(friendlyName)],
                  }),
                  ...chain.map((c) => new pkijs.SafeBag({ bagId: '1.2.840.113549.1.12.10.1.3', bagValue: new pkijs.CertBag({ parsedValue: c }) })),
                ],
              }),
            },
          ],
        },
      }),
    },
  });
  const safe = pfx.parsedValue!.authenticatedSafe!;
  await (safe.parsedValue.safeContents[0].value.safeBags[0].bagValue as pkijs.PKCS8ShroudedKeyBag).makeInternalValues(pbes2 as any);
  await safe.makeInternalValues({ safeContents: [{}, pbes2] } as any);
  await pfx.makeInternalValues({ password, iterations: 100_000, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' } as any);
  return new Uint8Array(pfx.toSchema().toBER(false));
}

/** Offers bytes as a download. */
export function download(data: BlobPart, filename: string, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
