import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as P11 from 'pkcs11js';
import type { Env } from '../../config/env.js';
import { subtle, tokenCryptoKey } from './crypto.js';
import { bitString, oid, seq } from './der.js';
import { KeyStoreStartupError, curveOf, type CaKeyAlgorithm, type CaKeyStore, type CaSigningKey } from './keystore.js';

/**
 * CA keys inside a PKCS#11 token (issue 4, K14; tested with SoftHSM2). Keys are generated in the
 * token (CKA_TOKEN, CKA_SENSITIVE, not CKA_EXTRACTABLE) and labelled `persada:<slug>:<role>`;
 * the database keeps only `pkcs11:token=…;object=…;id=…;type=private`. pkcs11js is synchronous,
 * so one logged-in session serves every signature (SignInit + Sign never interleave).
 */
export type Pkcs11Config = {
  modulePath: string;
  tokenLabel: string;
  pin: string;
};

type Lib = typeof P11;
const requireCjs = createRequire(import.meta.url);
let lib: Lib | null = null;
/** The native addon is loaded only when the token store is used (software-only installs never need it). */
function pkcs11(): Lib {
  if (!lib) {
    try {
      lib = requireCjs('pkcs11js') as Lib;
    } catch (err) {
      throw new KeyStoreStartupError(
        'Modul Node "pkcs11js" tidak terpasang atau gagal dibangun (npm ci harus menjalankan node-gyp).',
        'The Node module "pkcs11js" is missing or was not built (npm ci must run node-gyp).',
        (err as Error).message,
      );
    }
  }
  return lib;
}

/** One initialised PKCS#11 library per module path and process (C_Initialize may run only once). */
const modules = new Map<string, { p11: P11.PKCS11; users: number }>();

export function pkcs11ConfigFromEnv(env: Env): Pkcs11Config {
  let pin = env.PKCS11_PIN ?? '';
  if (env.PKCS11_PIN_FILE) {
    try {
      pin = fs.readFileSync(env.PKCS11_PIN_FILE, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new KeyStoreStartupError(
        `Berkas PIN token (PKCS11_PIN_FILE=${env.PKCS11_PIN_FILE}) tidak dapat dibaca.`,
        `The token PIN file (PKCS11_PIN_FILE=${env.PKCS11_PIN_FILE}) cannot be read.`,
        (err as Error).message,
      );
    }
  }
  if (!pin) throw new KeyStoreStartupError('PKI_KEYSTORE=pkcs11 memerlukan PKCS11_PIN atau PKCS11_PIN_FILE.', 'PKI_KEYSTORE=pkcs11 needs PKCS11_PIN or PKCS11_PIN_FILE.');
  return {
    modulePath: env.PKCS11_MODULE,
    tokenLabel: env.PKCS11_TOKEN_LABEL,
    pin,
  };
}

const errCode = (err: unknown) => (err as { message?: string }).message?.match(/^CKR_\w+/)?.[0] ?? String((err as Error).message ?? err);

function attachModule(path: string): P11.PKCS11 {
  const have = modules.get(path);
  if (have) {
    have.users++;
    return have.p11;
  }
  const L = pkcs11();
  if (!fs.existsSync(path)) {
    throw new KeyStoreStartupError(`Pustaka PKCS#11 tidak ditemukan: ${path} (PKCS11_MODULE).`, `PKCS#11 library not found: ${path} (PKCS11_MODULE).`);
  }
  const p11 = new L.PKCS11();
  try {
    p11.load(path);
    p11.C_Initialize();
  } catch (err) {
    if (errCode(err) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') {
      throw new KeyStoreStartupError(`Pustaka PKCS#11 ${path} tidak dapat dimuat.`, `The PKCS#11 library ${path} cannot be loaded.`, errCode(err));
    }
  }
  modules.set(path, { p11, users: 1 });
  return p11;
}

function detachModule(path: string) {
  const m = modules.get(path);
  if (!m || --m.users > 0) return;
  modules.delete(path);
  try {
    m.p11.C_Finalize();
  } catch {
    /* already finalised */
  }
}

const CURVE_OID = {
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
} as const;
const COORD = { 'P-256': 32, 'P-384': 48 } as const;
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

/** Raw r||s (what CKM_ECDSA returns) → DER ECDSA-Sig-Value, as X.509, CRLs and OCSP need it. */
export function rawEcdsaToDer(raw: Uint8Array): Buffer {
  const half = raw.length / 2;
  const int = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = Buffer.from(b.subarray(i));
    return v[0] & 0x80 ? Buffer.concat([Buffer.from([0x02, v.length + 1, 0]), v]) : Buffer.concat([Buffer.from([0x02, v.length]), v]);
  };
  return seq(int(raw.subarray(0, half)), int(raw.subarray(half)));
}

/** CKA_EC_POINT is a DER OCTET STRING around the uncompressed point (some tokens return it bare). */
function ecPoint(value: Buffer, coord: number): Buffer {
  if (value.length === 2 * coord + 1 && value[0] === 0x04) return value;
  if (value[0] !== 0x04) throw new Error('unexpected CKA_EC_POINT encoding');
  const long = value[1] & 0x80 ? value[1] & 0x7f : 0;
  const point = value.subarray(2 + long);
  if (point.length !== 2 * coord + 1 || point[0] !== 0x04) throw new Error('unexpected CKA_EC_POINT length');
  return point;
}

export type TokenKeyRef = { token: string; label: string; id: Buffer };
/** RFC 7512 attribute value: percent-encoded, ':' kept (a pk11-pchar) so labels stay readable. */
const pct = (s: string) => encodeURIComponent(s).replace(/%3A/gi, ':');
export const formatTokenRef = (r: TokenKeyRef) =>
  `pkcs11:token=${pct(r.token)};object=${pct(r.label)};id=${[...r.id].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')};type=private`;
export function parseTokenRef(keyRef: string): TokenKeyRef {
  const attrs = Object.fromEntries(
    keyRef
      .replace(/^pkcs11:/, '')
      .split(';')
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  if (!attrs.id) throw new Error(`not a PKCS#11 key reference: ${keyRef}`);
  return {
    token: decodeURIComponent(attrs.token ?? ''),
    label: decodeURIComponent(attrs.object ?? ''),
    id: Buffer.from(attrs.id.replace(/%/g, ''), 'hex'),
  };
}

export type Pkcs11KeyStore = CaKeyStore & {
  close(): void;
  readonly tokenLabel: string;
  /** The key's attributes as the token reports them (tests and status). */
  inspect(keyRef: string): {
    label: string;
    extractable: boolean;
    sensitive: boolean;
    neverExtractable: boolean;
    token: boolean;
    /** Whether the token hands out CKA_VALUE (a sensitive key never does). */
    valueReadable: boolean;
  } | null;
};

/**
 * Opens the token: loads the module, finds the token by label, logs in once. A wrong PIN is a
 * KeyStoreStartupError; a token whose user PIN is locked or on its last try is not tried at all,
 * so a supervisor restarting the app cannot lock it.
 */
export function openPkcs11KeyStore(cfg: Pkcs11Config): Pkcs11KeyStore {
  const L = pkcs11();
  const p11 = attachModule(cfg.modulePath);
  let session: Buffer | null = null;
  try {
    const slots = p11.C_GetSlotList(true);
    const infos = slots.map((slot) => ({
      slot,
      info: p11.C_GetTokenInfo(slot),
    }));
    const found = infos.find((s) => s.info.label.trim() === cfg.tokenLabel);
    if (!found) {
      const labels = infos.map((s) => `"${s.info.label.trim()}"`).join(', ') || '—';
      throw new KeyStoreStartupError(
        `Token PKCS#11 berlabel "${cfg.tokenLabel}" tidak ditemukan (PKCS11_TOKEN_LABEL). Token yang ada: ${labels}.`,
        `PKCS#11 token labelled "${cfg.tokenLabel}" not found (PKCS11_TOKEN_LABEL). Tokens present: ${labels}.`,
      );
    }
    const flags = found.info.flags;
    if (flags & L.CKF_USER_PIN_LOCKED) {
      throw new KeyStoreStartupError(
        `PIN pengguna token "${cfg.tokenLabel}" terkunci; buka dengan SO PIN.`,
        `The user PIN of token "${cfg.tokenLabel}" is locked; unlock it with the SO PIN.`,
      );
    }
    if (flags & L.CKF_USER_PIN_FINAL_TRY) {
      throw new KeyStoreStartupError(
        `Token "${cfg.tokenLabel}" tinggal satu percobaan PIN; Persada tidak mencoba agar token tidak terkunci. Periksa PIN secara manual (pkcs11-tool --login).`,
        `Token "${cfg.tokenLabel}" has one PIN attempt left; Persada does not try so the token is not locked. Check the PIN by hand (pkcs11-tool --login).`,
      );
    }
    session = p11.C_OpenSession(found.slot, L.CKF_SERIAL_SESSION | L.CKF_RW_SESSION);
    try {
      p11.C_Login(session, L.CKU_USER, cfg.pin);
    } catch (err) {
      const code = errCode(err);
      if (code !== 'CKR_USER_ALREADY_LOGGED_IN') {
        const wrong = code === 'CKR_PIN_INCORRECT' || code === 'CKR_PIN_LEN_RANGE';
        throw new KeyStoreStartupError(
          wrong ? `PIN token "${cfg.tokenLabel}" salah (PKCS11_PIN / PKCS11_PIN_FILE).` : `Login ke token "${cfg.tokenLabel}" gagal.`,
          wrong ? `Wrong PIN for token "${cfg.tokenLabel}" (PKCS11_PIN / PKCS11_PIN_FILE).` : `Login to token "${cfg.tokenLabel}" failed.`,
          code,
        );
      }
    }
  } catch (err) {
    if (session) p11.C_CloseSession(session);
    detachModule(cfg.modulePath);
    if (err instanceof KeyStoreStartupError) throw err;
    throw new KeyStoreStartupError(`Token PKCS#11 "${cfg.tokenLabel}" tidak dapat dibuka.`, `PKCS#11 token "${cfg.tokenLabel}" cannot be opened.`, errCode(err));
  }
  const s = session!;
  let closed = false;

  const find = (template: P11.Template): Buffer | null => {
    p11.C_FindObjectsInit(s, template);
    try {
      return p11.C_FindObjects(s, 1)[0] ?? null;
    } finally {
      p11.C_FindObjectsFinal(s);
    }
  };
  const privateKeyOf = (keyRef: string) =>
    find([
      { type: L.CKA_CLASS, value: L.CKO_PRIVATE_KEY },
      { type: L.CKA_TOKEN, value: true },
      { type: L.CKA_ID, value: parseTokenRef(keyRef).id },
    ]);

  const signingKey = (handle: Buffer, algorithm: CaKeyAlgorithm): CaSigningKey => {
    const curve = curveOf(algorithm);
    const signRaw = (hash: 'sha256' | 'sha384' | 'sha512', data: Buffer) => {
      if (closed) throw new Error('PKCS#11 key store is closed');
      const digest = createHash(hash).update(data).digest();
      p11.C_SignInit(s, { mechanism: L.CKM_ECDSA }, handle);
      return p11.C_Sign(s, digest, Buffer.alloc(2 * COORD[curve]));
    };
    return {
      algorithm,
      cryptoKey: tokenCryptoKey(curve, async (hash, data) => new Uint8Array(signRaw(hash, data))),
      signSync: (hash, data) => rawEcdsaToDer(signRaw(hash, data)),
    };
  };

  return {
    name: 'pkcs11',
    tokenLabel: cfg.tokenLabel,
    async generate(algorithm, purpose) {
      const curve = curveOf(algorithm);
      const id = randomBytes(16);
      const label = `persada:${purpose.tenantSlug}:${purpose.role}`;
      const common = [
        { type: L.CKA_TOKEN, value: true },
        { type: L.CKA_LABEL, value: label },
        { type: L.CKA_ID, value: id },
        { type: L.CKA_KEY_TYPE, value: L.CKK_EC },
      ];
      const keys = p11.C_GenerateKeyPair(
        s,
        { mechanism: L.CKM_EC_KEY_PAIR_GEN },
        [
          ...common,
          { type: L.CKA_CLASS, value: L.CKO_PUBLIC_KEY },
          { type: L.CKA_PRIVATE, value: false },
          { type: L.CKA_VERIFY, value: true },
          { type: L.CKA_EC_PARAMS, value: oid(CURVE_OID[curve]) },
        ],
        [
          ...common,
          { type: L.CKA_CLASS, value: L.CKO_PRIVATE_KEY },
          { type: L.CKA_PRIVATE, value: true },
          { type: L.CKA_SENSITIVE, value: true },
          { type: L.CKA_EXTRACTABLE, value: false },
          { type: L.CKA_SIGN, value: true },
        ],
      );
      const [point] = p11.C_GetAttributeValue(s, keys.publicKey, [{ type: L.CKA_EC_POINT }]);
      const spki = seq(seq(oid(EC_PUBLIC_KEY), oid(CURVE_OID[curve])), bitString(ecPoint(point.value as Buffer, COORD[curve])));
      const publicKey = await subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: curve }, true, ['verify']);
      return {
        keyRef: formatTokenRef({ token: cfg.tokenLabel, label, id }),
        publicKey,
        key: signingKey(keys.privateKey, algorithm),
      };
    },
    async load(keyRef, algorithm) {
      const handle = privateKeyOf(keyRef);
      if (!handle) {
        throw new KeyStoreStartupError(`Kunci CA tidak ada di token "${cfg.tokenLabel}": ${keyRef}.`, `CA key not found in token "${cfg.tokenLabel}": ${keyRef}.`);
      }
      return signingKey(handle, algorithm);
    },
    async holds(keyRef) {
      try {
        return privateKeyOf(keyRef) !== null;
      } catch {
        return false;
      }
    },
    inspect(keyRef) {
      const h = privateKeyOf(keyRef);
      if (!h) return null;
      const a = p11.C_GetAttributeValue(s, h, [
        { type: L.CKA_LABEL },
        { type: L.CKA_EXTRACTABLE },
        { type: L.CKA_SENSITIVE },
        { type: L.CKA_NEVER_EXTRACTABLE },
        { type: L.CKA_TOKEN },
      ]);
      const bool = (i: number) => (a[i].value as Buffer)[0] === 1;
      let valueReadable = true;
      try {
        p11.C_GetAttributeValue(s, h, [{ type: L.CKA_VALUE }]);
      } catch {
        valueReadable = false; // CKR_ATTRIBUTE_SENSITIVE
      }
      return {
        valueReadable,
        label: (a[0].value as Buffer).toString('utf8'),
        extractable: bool(1),
        sensitive: bool(2),
        neverExtractable: bool(3),
        token: bool(4),
      };
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        p11.C_CloseSession(s);
      } catch {
        /* token gone */
      }
      detachModule(cfg.modulePath);
    },
  };
}
