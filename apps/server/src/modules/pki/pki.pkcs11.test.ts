import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';
import { bootstrap } from '../../app/bootstrap.js';
import { repoRoot } from '../../config/env.js';
import { rowsOf } from '../../db/rows.js';
import { createSecretBox } from '../../platform/crypto/secret-box.js';
import { softwareKeyStore, KeyStoreStartupError } from './keystore.js';
import { openPkcs11KeyStore, rawEcdsaToDer, type Pkcs11KeyStore } from './keystore.pkcs11.js';
import { PkiCore } from './pki.service.js';
import { run as cliRun } from '../../cli/main.js';
import { ecKey, scratch } from './openssl.test-util.js';

/**
 * CA keys in a real SoftHSM2 token (issue 4, K14). The token lives in a temp dir; softhsm2-util
 * and pkcs11-tool must be installed (Debian: softhsm2, opensc) — without them this file FAILS.
 */
const MODULE = '/usr/lib/softhsm/libsofthsm2.so';
const TOKEN = 'persada-uji';
const PIN = '246810';
const OTHER_TOKEN = 'persada-cadangan';
const s = scratch();
let t: TestApp;
let pki: PkiCore;
let tenant: { id: string; slug: string };
let pinFile: string;

const subject = (cn: string) => ({
  commonName: cn,
  email: `${cn.toLowerCase().replace(/\W+/g, '.')}@kota-uji.go.id`,
  organization: 'Pemerintah Kota Uji',
});
const tool = (...args: string[]) =>
  spawnSync('pkcs11-tool', ['--module', MODULE, ...args], {
    encoding: 'utf8',
    env: process.env,
    timeout: 20_000,
  });

beforeAll(async () => {
  for (const bin of ['softhsm2-util', 'pkcs11-tool']) {
    if (spawnSync(bin, ['--help'], { encoding: 'utf8' }).error) {
      throw new Error(`[K14] ${bin} is not installed: install Debian packages softhsm2 and opensc (CI does). This test never skips.`);
    }
  }
  if (!fs.existsSync(MODULE)) throw new Error(`[K14] ${MODULE} missing: install softhsm2 (this test never skips)`);
  fs.mkdirSync(s.file('tokens'));
  process.env.SOFTHSM2_CONF = s.file('softhsm2.conf', `directories.tokendir = ${s.file('tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  for (const label of [TOKEN, OTHER_TOKEN]) {
    const r = spawnSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', PIN, '--so-pin', '13579111'], {
      encoding: 'utf8',
      env: process.env,
    });
    if (r.status !== 0) throw new Error(`softhsm2-util --init-token failed: ${r.stdout}${r.stderr}`);
  }
  pinFile = s.file('pin.txt', `${PIN}\n`);
  t = await startTestApp({
    PKI_KEYSTORE: 'pkcs11',
    PKCS11_MODULE: MODULE,
    PKCS11_TOKEN_LABEL: TOKEN,
    PKCS11_PIN_FILE: pinFile,
  });
  pki = t.services.modules.get('pki')!.service as PkiCore;
  tenant = (await makeTenant(t)).tenant;
  const chain = await pki.chain(tenant.id);
  s.file('root.pem', chain.rootPem);
  s.file('issuing.pem', chain.issuingPem);
  s.file('chain.pem', chain.issuingPem + chain.rootPem);
}, 120_000);
afterAll(async () => {
  await t?.stop();
  s.cleanup();
});

async function caRows(tenantId: string) {
  const r = await t.deps.database.db.execute(sql`select kind, key_store, key_ref from pki_ca_keys where tenant_id = ${tenantId} and status = 'active' order by kind`);
  return rowsOf<{ kind: string; key_store: string; key_ref: string }>(r);
}

/** Issues a signing certificate, revokes another, and checks certificate, CRL, OCSP and TSA with openssl. */
async function exercise(core: PkiCore, tenantId: string, tag: string) {
  const leaf = await core.issue(tenantId, {
    profile: 'signing',
    subject: subject(`Pegawai ${tag}`),
    spkiDer: ecKey().spkiDer,
  });
  const gone = await core.issue(tenantId, {
    profile: 'signing',
    subject: subject(`Dicabut ${tag}`),
    spkiDer: ecKey().spkiDer,
  });
  await core.revoke(tenantId, gone.serialHex, 'keyCompromise');
  s.file(`${tag}-leaf.pem`, leaf.certPem);
  const v = s.openssl('verify', '-CAfile', `${tag}-root.pem`, '-untrusted', `${tag}-issuing.pem`, '-purpose', 'smimesign', `${tag}-leaf.pem`);
  expect(v.out, v.out).toContain(`${tag}-leaf.pem: OK`);

  s.file(`${tag}-crl.der`, await core.crl(tenantId));
  const crl = s.openssl('crl', '-inform', 'DER', '-in', `${tag}-crl.der`, '-noout', '-text', '-CAfile', `${tag}-chain.pem`);
  expect(crl.out, crl.out).toContain('verify OK');
  expect(crl.out.toUpperCase()).toContain(gone.serialHex.toUpperCase());

  s.opensslBin('ocsp', '-issuer', `${tag}-issuing.pem`, '-sha256', '-cert', `${tag}-leaf.pem`, '-reqout', `${tag}.req`);
  s.file(`${tag}.resp`, await core.ocsp(tenantId, fs.readFileSync(s.file(`${tag}.req`))));
  const o = s.openssl('ocsp', '-respin', `${tag}.resp`, '-issuer', `${tag}-issuing.pem`, '-sha256', '-cert', `${tag}-leaf.pem`, '-CAfile', `${tag}-chain.pem`, '-no_nonce');
  expect(o.out, o.out).toContain('Response verify OK');
  expect(o.out).toContain(`${tag}-leaf.pem: good`);

  s.file(`${tag}.txt`, `Nota Dinas ${tag}`);
  s.opensslBin('ts', '-query', '-data', `${tag}.txt`, '-sha256', '-cert', '-out', `${tag}.tsq`);
  s.file(`${tag}.tsr`, await core.timestamp(tenantId, fs.readFileSync(s.file(`${tag}.tsq`))));
  const ts = s.openssl('ts', '-verify', '-queryfile', `${tag}.tsq`, '-in', `${tag}.tsr`, '-CAfile', `${tag}-root.pem`, '-untrusted', `${tag}-issuing.pem`);
  expect(ts.out, ts.out).toContain('Verification: OK');
}

function keepChain(tag: string, chain: { rootPem: string; issuingPem: string }) {
  s.file(`${tag}-root.pem`, chain.rootPem);
  s.file(`${tag}-issuing.pem`, chain.issuingPem);
  s.file(`${tag}-chain.pem`, chain.issuingPem + chain.rootPem);
}

describe('CA keys in a PKCS#11 token (SoftHSM2)', () => {
  it('[K14] creates the tenant CA inside the token; the database keeps only pkcs11: references', async () => {
    const rows = await caRows(tenant.id);
    expect(rows.map((r) => r.kind)).toEqual(['issuing', 'ocsp', 'root', 'tsa']);
    for (const r of rows) {
      expect(r.key_store).toBe('pkcs11');
      expect(r.key_ref).toMatch(new RegExp(`^pkcs11:token=${TOKEN};object=persada:${tenant.slug}:${r.kind};id=(%[0-9a-f]{2}){16};type=private$`));
    }
    const listed = tool('--token-label', TOKEN, '--login', '--pin', PIN, '--list-objects', '--type', 'privkey');
    for (const kind of ['root', 'issuing', 'ocsp', 'tsa']) expect(listed.stdout).toContain(`label:      persada:${tenant.slug}:${kind}`);
    const text = s.openssl('x509', '-in', 'root.pem', '-noout', '-text').out;
    expect(text).toContain('NIST CURVE: P-384');
  });

  it('[K14] the CA private keys are non-extractable and sensitive in the token', async () => {
    const store = pki.store as unknown as Pkcs11KeyStore;
    const rows = await caRows(tenant.id);
    // the composite store forwards to the token; read the attributes through a second session
    const direct = openPkcs11KeyStore({
      modulePath: MODULE,
      tokenLabel: TOKEN,
      pin: PIN,
    });
    try {
      for (const r of rows)
        expect(direct.inspect(r.key_ref)).toEqual({
          label: `persada:${tenant.slug}:${r.kind}`,
          extractable: false,
          sensitive: true,
          neverExtractable: true,
          token: true,
          valueReadable: false,
        });
    } finally {
      direct.close();
    }
    expect(store.name).toBe('pkcs11');
    // pkcs11-tool (OpenSC) reads the same attributes from the token files
    const listed = tool('--token-label', TOKEN, '--login', '--pin', PIN, '--list-objects', '--type', 'privkey');
    const blocks = listed.stdout.split(/(?=Private Key Object)/).filter((b) => b.includes(`persada:${tenant.slug}:`));
    expect(blocks).toHaveLength(4);
    for (const b of blocks) expect(b).toMatch(/Access:\s+sensitive, always sensitive, never extractable, local/);
  });

  it('[K14] signs certificates, CRLs, OCSP responses and timestamps through the token (openssl verifies all)', async () => {
    keepChain('hsm', await pki.chain(tenant.id));
    await exercise(pki, tenant.id, 'hsm');
    expect(s.openssl('crl', '-inform', 'DER', '-in', 'hsm-crl.der', '-noout', '-text').out).toContain('Signature Algorithm: ecdsa-with-SHA256');
  });

  it('[K14] a CA created earlier with sealed software keys keeps working when the token store is configured', async () => {
    const old = (await makeTenant(t)).tenant;
    const legacy = new PkiCore(t.deps, softwareKeyStore(createSecretBox(t.deps.appKey, 'pki-ca-keys')));
    keepChain('legacy', await legacy.chain(old.id));
    expect((await caRows(old.id)).every((r) => r.key_store === 'software' && r.key_ref.startsWith('v1.'))).toBe(true);
    await exercise(pki, old.id, 'legacy');
  });

  it('[K14] a wrong PIN or an unknown token is a clear startup error (exit 78, no stack), not a crash loop', async () => {
    // In-process, against a token this process never logged in to
    let err: unknown;
    try {
      openPkcs11KeyStore({
        modulePath: MODULE,
        tokenLabel: OTHER_TOKEN,
        pin: '999999',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KeyStoreStartupError);
    expect((err as Error).message).toContain(`Wrong PIN for token "${OTHER_TOKEN}"`);
    expect((err as Error).message).toContain(`PIN token "${OTHER_TOKEN}" salah`);
    expect(() =>
      openPkcs11KeyStore({
        modulePath: MODULE,
        tokenLabel: 'tidak-ada',
        pin: PIN,
      }),
    ).toThrow(/PKCS#11 token labelled "tidak-ada" not found.*"persada-uji"/s);
    // the right PIN still works afterwards (one failed login, the token is not locked)
    const ok = openPkcs11KeyStore({
      modulePath: MODULE,
      tokenLabel: OTHER_TOKEN,
      pin: PIN,
    });
    ok.close();

    // The real server process: starts, fails once with a bilingual message and exit code 78
    const dataDir = s.file('main-data');
    fs.mkdirSync(dataDir);
    const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = execFile(
        path.join(repoRoot, 'node_modules/.bin/tsx'),
        [path.join(repoRoot, 'apps/server/src/main.ts')],
        {
          cwd: repoRoot,
          timeout: 90_000,
          env: {
            ...process.env,
            DATABASE_URL: t.url,
            DATA_DIR: dataDir,
            SEED_DEMO: 'false',
            JOBS: 'false',
            PORT: '0',
            LOG_LEVEL: 'silent',
            PKI_KEYSTORE: 'pkcs11',
            PKCS11_MODULE: MODULE,
            PKCS11_TOKEN_LABEL: TOKEN,
            PKCS11_PIN: '000000',
            PKCS11_PIN_FILE: '',
          },
        },
        (_e, stdout, stderr) => resolve({ code: child.exitCode, out: `${stdout}${stderr}` }),
      );
    });
    expect(r.code, r.out).toBe(78);
    expect(r.out).toContain(`Wrong PIN for token "${TOKEN}"`);
    expect(r.out).toContain('Persada tidak dapat dimulai / Persada cannot start');
    expect(r.out).not.toMatch(/^\s+at /m);
  }, 120_000);

  it('[K14] npm run cli -- pki:keystore-status lists each CA key reference and whether the store holds it', async () => {
    const cli = async (env: Record<string, string>, ...argv: string[]) => {
      let out = '';
      let err = '';
      const code = await cliRun(argv, {
        stdout: { write: (x: string) => (out += x) },
        stderr: { write: (x: string) => (err += x) },
        env: { DATABASE_URL: t.url, DATA_DIR: t.dataDir, ...env },
      });
      return { code, out, err };
    };
    const hsmEnv = { PKI_KEYSTORE: 'pkcs11', PKCS11_MODULE: MODULE, PKCS11_TOKEN_LABEL: TOKEN, PKCS11_PIN_FILE: pinFile };
    const ok = await cli(hsmEnv, 'pki:keystore-status');
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    for (const kind of ['root', 'issuing', 'ocsp', 'tsa']) {
      expect(ok.out).toMatch(new RegExp(`${tenant.slug}\\s+${kind}\\s+pkcs11\\s+${TOKEN}/persada:${tenant.slug}:${kind} id=[0-9a-f]{32}\\s+ada \\(present\\)`));
    }
    expect(ok.out).toMatch(/pemda-\d+-\w+\s+root\s+software\s+tersegel \(sealed\) v1\s+ada \(present\)/);
    expect(ok.out).not.toMatch(/v1\.[A-Za-z0-9_-]{20,}/); // never prints a sealed key
    // without the token configured the token keys cannot be checked: exit 2
    const soft = await cli({ PKI_KEYSTORE: 'software' }, 'pki:keystore-status', '--tenant', tenant.slug);
    expect(soft.code).toBe(2);
    expect(soft.out).toContain('? PKI_KEYSTORE≠pkcs11');
    expect(soft.err).toContain('4 kunci CA tidak ditemukan');
    const wrong = await cli({ ...hsmEnv, PKCS11_TOKEN_LABEL: 'tidak-ada' }, 'pki:keystore-status');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Token PKCS#11 berlabel "tidak-ada" tidak ditemukan');
  });

  it('[K14] keeps signing with the same token keys after a restart', async () => {
    const before = await caRows(tenant.id);
    await t.close(); // the only session closes, the library is finalised
    const again = await bootstrap(t.deps.env, {
      log: pino({ level: 'silent' }) as unknown as FastifyBaseLogger,
    });
    try {
      const core = again.services.modules.get('pki')!.service as PkiCore;
      const chain = await core.chain(tenant.id);
      expect(chain.rootPem).toBe(fs.readFileSync(s.file('root.pem'), 'utf8'));
      keepChain('restart', chain);
      await exercise(core, tenant.id, 'restart');
      const after = rowsOf(
        await again.deps.database.db.execute(sql`select kind, key_store, key_ref from pki_ca_keys where tenant_id = ${tenant.id} and status = 'active' order by kind`),
      );
      expect(after).toEqual(before);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('[K14] converts raw r||s signatures to DER ECDSA-Sig-Value (leading zeros, high bits)', () => {
    for (const curve of ['P-256', 'P-384'] as const) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', {
        namedCurve: curve,
      });
      for (let i = 0; i < 200; i++) {
        const data = Buffer.from(`pesan ${i}`);
        const raw = nodeSign('sha256', data, {
          key: privateKey,
          dsaEncoding: 'ieee-p1363',
        });
        expect(nodeVerify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, rawEcdsaToDer(raw))).toBe(true);
      }
    }
  });
});
