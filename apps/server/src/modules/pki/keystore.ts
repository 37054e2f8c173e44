import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import { subtle } from './crypto.js';

/** A CA key as both APIs need it: WebCrypto for x509/pkijs, a KeyObject for fast raw signing. */
export type CaSigningKey = { cryptoKey: CryptoKey; keyObject: KeyObject; algorithm: 'EC-P256' | 'EC-P384' };

/**
 * Where CA private keys live. The software store (default) keeps PKCS#8 sealed with the
 * application master key (AES-256-GCM); an HSM store (PKCS#11) would keep only a handle here.
 */
export interface CaKeyStore {
  readonly name: string;
  generate(algorithm: CaSigningKey['algorithm']): Promise<{ keyRef: string; publicKey: CryptoKey; key: CaSigningKey }>;
  load(keyRef: string, algorithm: CaSigningKey['algorithm']): Promise<CaSigningKey>;
}

const curve = (a: CaSigningKey['algorithm']) => (a === 'EC-P384' ? 'P-384' : 'P-256');

export function softwareKeyStore(box: SecretBox): CaKeyStore {
  return {
    name: 'software',
    async generate(algorithm) {
      const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: curve(algorithm) }, true, ['sign', 'verify'])) as CryptoKeyPair;
      const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
      const keyRef = box.seal(Buffer.from(pkcs8).toString('base64'));
      return { keyRef, publicKey: pair.publicKey, key: await this.load(keyRef, algorithm) };
    },
    async load(keyRef, algorithm) {
      const pkcs8 = Buffer.from(box.open(keyRef), 'base64');
      const cryptoKey = await subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: curve(algorithm) }, false, ['sign']);
      const keyObject = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
      pkcs8.fill(0);
      return { cryptoKey, keyObject, algorithm };
    },
  };
}
