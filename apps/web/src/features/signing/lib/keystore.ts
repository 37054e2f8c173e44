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
