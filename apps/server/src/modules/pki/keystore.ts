import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import type { Env } from '../../config/env.js';
import { createSecretBox, type SecretBox } from '../../platform/crypto/secret-box.js';
import { subtle } from './crypto.js';
import { openPkcs11KeyStore, pkcs11ConfigFromEnv } from './keystore.pkcs11.js';

export type CaKeyAlgorithm = 'EC-P256' | 'EC-P384';

/**
 * A CA private key as the signers need it: a CryptoKey for x509/pkijs (certificates, timestamps)
 * and a synchronous DER-signature function for the hand-assembled CRLs and OCSP responses.
 */
export type CaSigningKey = {
  cryptoKey: CryptoKey;
  algorithm: CaKeyAlgorithm;
  /** ECDSA over `data` with `hash`; returns a DER ECDSA-Sig-Value. */
  signSync(hash: 'sha256' | 'sha384', data: Buffer): Buffer;
};

/** Which CA key a new key is for: tokens label it `persada:<slug>:<role>`. */
export type CaKeyPurpose = {
  tenantSlug: string;
  role: 'root' | 'issuing' | 'ocsp' | 'tsa';
};

/**
 * Where CA private keys live. The software store (default) keeps PKCS#8 sealed with the
 * application master key (AES-256-GCM) in `key_ref`; the PKCS#11 store (keystore.pkcs11.ts)
 * generates keys inside a token and `key_ref` is only a `pkcs11:` URI naming the object.
 */
export interface CaKeyStore {
  readonly name: 'software' | 'pkcs11';
  generate(algorithm: CaKeyAlgorithm, purpose: CaKeyPurpose): Promise<{ keyRef: string; publicKey: CryptoKey; key: CaSigningKey }>;
  load(keyRef: string, algorithm: CaKeyAlgorithm): Promise<CaSigningKey>;
  /** Whether the store can still find the key (keystore status; never throws). */
  holds(keyRef: string): Promise<boolean>;
  close?(): void;
}

export const curveOf = (a: CaKeyAlgorithm) => (a === 'EC-P384' ? 'P-384' : 'P-256');
export const isTokenRef = (keyRef: string) => keyRef.startsWith('pkcs11:');

/** Raised while opening a key store; main.ts prints it without a stack and exits with EX_CONFIG. */
export class KeyStoreStartupError extends Error {
  /** sysexits EX_CONFIG: a supervisor can be told not to restart (systemd RestartPreventExitStatus=78). */
  readonly exitCode = 78;
  constructor(
    readonly id: string,
    readonly en: string,
    readonly detail?: string,
  ) {
    super(`${id}\n${en}${detail ? `\n(${detail})` : ''}`);
    this.name = 'KeyStoreStartupError';
  }
}

export function softwareKeyStore(box: SecretBox): CaKeyStore {
  return {
    name: 'software',
    async generate(algorithm) {
      const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: curveOf(algorithm) }, true, ['sign', 'verify'])) as CryptoKeyPair;
      const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
      const keyRef = box.seal(Buffer.from(pkcs8).toString('base64'));
      return {
        keyRef,
        publicKey: pair.publicKey,
        key: await this.load(keyRef, algorithm),
      };
    },
    async load(keyRef, algorithm) {
      if (isTokenRef(keyRef)) {
        throw new KeyStoreStartupError(
          'Kunci CA ini tersimpan di token PKCS#11; setel PKI_KEYSTORE=pkcs11 dan PKCS11_*.',
          'This CA key lives in a PKCS#11 token; set PKI_KEYSTORE=pkcs11 and PKCS11_*.',
          keyRef,
        );
      }
      const pkcs8 = Buffer.from(box.open(keyRef), 'base64');
      const cryptoKey = await subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: curveOf(algorithm) }, false, ['sign']);
      const keyObject = createPrivateKey({
        key: pkcs8,
        format: 'der',
        type: 'pkcs8',
      });
      pkcs8.fill(0);
      return {
        cryptoKey,
        algorithm,
        signSync: (hash, data) => nodeSign(hash, data, { key: keyObject, dsaEncoding: 'der' }),
      };
    },
    async holds(keyRef) {
      if (isTokenRef(keyRef)) return false;
      try {
        box.open(keyRef);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * The store the app uses, from the environment: PKI_KEYSTORE=software (default) or pkcs11.
 * With pkcs11, new CA keys are generated in the token while CA keys sealed earlier keep working
 * (their `key_ref` is not a `pkcs11:` URI, so the software store loads them).
 * Throws KeyStoreStartupError when the token cannot be used (missing module, token, PIN …).
 */
export function caKeyStoreFromEnv(env: Env, appKey: Buffer): CaKeyStore {
  const software = softwareKeyStore(createSecretBox(appKey, 'pki-ca-keys'));
  if (env.PKI_KEYSTORE !== 'pkcs11') return software;
  const token = openPkcs11KeyStore(pkcs11ConfigFromEnv(env));
  return {
    name: token.name,
    generate: (algorithm, purpose) => token.generate(algorithm, purpose),
    load: (keyRef, algorithm) => (isTokenRef(keyRef) ? token.load(keyRef, algorithm) : software.load(keyRef, algorithm)),
    holds: (keyRef) => (isTokenRef(keyRef) ? token.holds(keyRef) : software.holds(keyRef)),
    close: () => token.close?.(),
  };
}
