/**
 * The holder's keys in this browser (agreed with the certificates feature): IndexedDB database
 * `persada-keys`, object store `keys`, keyed by the certificate serial (lower-case hex). The
 * private key is a non-extractable WebCrypto CryptoKey; the server never sees it.
 */
export type StoredKey = {
  serial: string;
  certificatePem: string;
  privateKey: CryptoKey;
  /** 'sign' (ECDSA / RSASSA) or 'encrypt' (ECDH / RSA-OAEP). */
  use?: 'sign' | 'encrypt';
  label?: string;
  createdAt?: string;
};

const DB = 'persada-keys';
const STORE = 'keys';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'serial' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function listKeys(): Promise<StoredKey[]> {
  if (typeof indexedDB === 'undefined') return [];
  const db = await open();
  return new Promise((resolve, reject) => {
    const r = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
    r.onsuccess = () => resolve(r.result as StoredKey[]);
    r.onerror = () => reject(r.error);
  });
}

export async function putKey(k: StoredKey): Promise<void> {
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(k);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

export const b64ToBytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
export function bytesToB64(u: Uint8Array): string {
  let s = '';
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Signs the DER the server prepared (SHA-256; ECDSA gives r||s, the server converts it). */
export async function signWithKey(key: StoredKey, data: Uint8Array): Promise<Uint8Array> {
  const alg = key.privateKey.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
  return new Uint8Array(await crypto.subtle.sign(alg, key.privateKey, data as BufferSource));
}

/** Imports a PKCS#12 into this browser as a NON-extractable key (the file itself is not kept). */
export async function importP12ToBrowser(bytes: Uint8Array, password: string, use: 'sign' | 'encrypt'): Promise<StoredKey> {
  const [{ readP12 }, pkijs] = await Promise.all([import('./p12'), import('pkijs')]);
  const { pkcs8, certDer } = await readP12(bytes, password);
  const cert = pkijs.Certificate.fromBER(certDer.slice().buffer);
  const isRsa = cert.subjectPublicKeyInfo.algorithm.algorithmId === '1.2.840.113549.1.1.1';
  const curveOid = !isRsa ? (cert.subjectPublicKeyInfo.algorithm.algorithmParams as { valueBlock?: { toString(): string } } | undefined)?.valueBlock?.toString() : undefined;
  const namedCurve = curveOid === '1.3.132.0.34' ? 'P-384' : 'P-256';
  const alg = isRsa
    ? use === 'sign'
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : { name: 'RSA-OAEP', hash: 'SHA-256' }
    : { name: use === 'sign' ? 'ECDSA' : 'ECDH', namedCurve };
  const usages: KeyUsage[] = use === 'sign' ? ['sign'] : isRsa ? ['decrypt'] : ['deriveBits'];
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, alg, false, usages);
  const serial = Array.from(new Uint8Array(cert.serialNumber.valueBlock.valueHexView), (b) => b.toString(16).padStart(2, '0')).join('').replace(/^(00)+/, '');
  const cn = cert.subject.typesAndValues.find((tv) => tv.type === '2.5.4.3')?.value.valueBlock.value as string | undefined;
  const b64 = bytesToB64(certDer).replace(/(.{64})/g, '$1\n');
  const stored: StoredKey = { serial, certificatePem: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`, privateKey, use, label: `${cn ?? serial} (${use === 'sign' ? 'tanda tangan' : 'enkripsi'})`, createdAt: new Date().toISOString() };
  await putKey(stored);
  return stored;
}
