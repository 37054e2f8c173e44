import fs from 'node:fs';
import path from 'node:path';
import { createSecretBox, loadAppKey } from '../platform/crypto/secret-box.js';
import { caKeyStoreFromEnv, isTokenRef, KeyStoreStartupError, softwareKeyStore, type CaKeyStore } from '../modules/pki/keystore.js';
import { parseTokenRef } from '../modules/pki/keystore.pkcs11.js';
import { activeCaKeys } from '../modules/pki/pki.repo.js';
import { listTenants, tenantBySlug, withDatabase } from './db.js';
import { CliError, println, str, table, type Command } from './output.js';

const KIND_ORDER = ['root', 'issuing', 'ocsp', 'tsa'];

/** The app key as the server would use it, without creating one (a status check writes nothing). */
function existingAppKey(dataDir: string, envValue?: string): Buffer | null {
  if (envValue) return loadAppKey(dataDir, envValue);
  return fs.existsSync(path.join(dataDir, 'keys', 'app-master.key')) ? loadAppKey(dataDir) : null;
}

export const pkiKeystoreStatus: Command = {
  name: 'pki:keystore-status',
  summary: {
    id: 'Menampilkan referensi kunci CA tiap Pemda dan apakah penyimpan kunci (token PKCS#11 / kunci tersegel) masih memegangnya.',
    en: "List each Pemda's CA key references and whether the key store (PKCS#11 token / sealed keys) still holds them.",
  },
  options: {
    tenant: { type: 'string', value: 'kode', desc: { id: 'Hanya Pemda ini', en: 'only this Pemda' } },
  },
  notes: [
    {
      id: 'Kode keluar 0 bila semua kunci ada, 2 bila ada yang hilang. Token dibuka dengan PKI_KEYSTORE=pkcs11 dan PKCS11_*.',
      en: 'Exit code 0 when every key is present, 2 when one is missing. The token is opened with PKI_KEYSTORE=pkcs11 and PKCS11_*.',
    },
  ],
  examples: ['pki:keystore-status', 'pki:keystore-status --tenant kota-x'],
  async run(values, { io, env }) {
    const only = str(values, 'tenant');
    const rows = await withDatabase(env, async (database) => {
      const tenants = only ? [await tenantBySlug(database.raw, only)] : await listTenants(database.raw);
      const out: { slug: string; kind: string; keyStore: string; keyRef: string }[] = [];
      for (const t of tenants) {
        const keys = (await activeCaKeys(database.db, t.id)).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
        for (const k of keys) out.push({ slug: t.slug, kind: k.kind, keyStore: k.keyStore, keyRef: k.keyRef });
      }
      return out;
    });
    if (!rows.length) {
      println(io.stdout, 'Belum ada CA. (No CA yet.)');
      return 0;
    }
    const appKey = existingAppKey(env.DATA_DIR, env.APP_SECRET_KEY);
    let store: CaKeyStore | null = null;
    try {
      if (env.PKI_KEYSTORE === 'pkcs11') store = caKeyStoreFromEnv(env, appKey ?? Buffer.alloc(32));
      else if (appKey) store = softwareKeyStore(createSecretBox(appKey, 'pki-ca-keys'));
    } catch (err) {
      if (err instanceof KeyStoreStartupError) throw new CliError({ id: err.id, en: err.en }, err.detail ? [err.detail] : []);
      throw err;
    }
    let missing = 0;
    const lines: string[][] = [];
    try {
      for (const r of rows) {
        const token = isTokenRef(r.keyRef);
        // never print a sealed key, only that it is one
        const ref = token
          ? (() => {
              const p = parseTokenRef(r.keyRef);
              return `${p.token}/${p.label} id=${p.id.toString('hex')}`;
            })()
          : 'tersegel (sealed) v1';
        let state: string;
        if (token && env.PKI_KEYSTORE !== 'pkcs11') state = '? PKI_KEYSTORE≠pkcs11';
        else if (!token && !appKey) state = 'TIDAK ADA (missing): kunci aplikasi / app key';
        else state = store && (await store.holds(r.keyRef)) ? 'ada (present)' : 'TIDAK ADA (missing)';
        if (!state.startsWith('ada')) missing++;
        lines.push([r.slug, r.kind, r.keyStore, ref, state]);
      }
    } finally {
      store?.close?.();
    }
    println(io.stdout, table(['pemda', 'kunci (key)', 'penyimpan (store)', 'referensi (reference)', 'status'], lines));
    if (missing) {
      println(io.stderr, `${missing} kunci CA tidak ditemukan di penyimpannya. (${missing} CA key(s) not found in their store.)`);
      return 2;
    }
    return 0;
  },
};
