import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';
import type { PkiService } from './index.js';
import { ecKey, scratch } from './openssl.test-util.js';

/** NSS (the engine of Firefox, Thunderbird and poppler's pdfsig) against the CA's live OCSP responder. */
let t: TestApp;
let pki: PkiService;
let tenantId: string;
const s = scratch();

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });

const run = (cmd: string, ...args: string[]) =>
  new Promise<{ code: number; out: string }>((resolve) => {
    import('node:child_process').then(({ execFile }) =>
      execFile(cmd, args, { cwd: s.dir, timeout: 30_000 }, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` })),
    );
  });

beforeAll(async () => {
  const port = await freePort();
  // The AIA/CDP URLs in issued certificates must point at this test server.
  t = await startTestApp({ PUBLIC_URL: `http://127.0.0.1:${port}` });
  await t.app.listen({ port, host: '127.0.0.1' });
  pki = t.services.modules.get('pki')!.service as PkiService;
  tenantId = (await makeTenant(t)).tenant.id;
  const chain = await pki.chain(tenantId);
  s.file('root.pem', chain.rootPem);
  s.file('issuing.pem', chain.issuingPem);
}, 60_000);
afterAll(async () => {
  await t?.stop();
  s.cleanup();
});

describe('NSS interop', () => {
  it('[K9][K14] vfychain validates a signing certificate through the AIA OCSP responder and sees a revocation', async () => {
    const fs = await import('node:fs');
    fs.mkdirSync(`${s.dir}/nssdb`, { recursive: true });
    expect((await run('certutil', '-N', '-d', `sql:${s.dir}/nssdb`, '--empty-password')).code).toBe(0);
    expect((await run('certutil', '-A', '-d', `sql:${s.dir}/nssdb`, '-n', 'root', '-t', 'CT,C,C', '-i', 'root.pem')).code).toBe(0);
    const good = await pki.issue(tenantId, { profile: 'signing', subject: { commonName: 'Andi Wijaya', email: 'andi@kota-uji.go.id' }, spkiDer: ecKey().spkiDer });
    const bad = await pki.issue(tenantId, { profile: 'signing', subject: { commonName: 'Sari Dewi', email: 'sari@kota-uji.go.id' }, spkiDer: ecKey().spkiDer });
    await pki.revoke(tenantId, bad.serialHex, 'keyCompromise');
    s.file('good.pem', good.certPem);
    s.file('bad.pem', bad.certPem);
    const check = (leaf: string) => run('vfychain', '-d', `sql:${s.dir}/nssdb`, '-pp', '-u', '4', '-g', 'leaf', '-m', 'ocsp', '-s', 'failIfNoInfo', '-a', leaf, '-a', 'issuing.pem');
    const ok = await check('good.pem');
    expect(ok.out, ok.out).toContain('Chain is good!');
    const revoked = await check('bad.pem');
    expect(revoked.out, revoked.out).toMatch(/Chain is bad|SEC_ERROR_REVOKED_CERTIFICATE|revoked/i);
  });
});
