import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { TEST_PASSWORD, client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';
import { createUserWithRoles } from '../../modules/tenants/tenants.service.js';
import type { PkiService } from './index.js';
import { ecKey, scratch } from './openssl.test-util.js';

let t: TestApp;
let pki: PkiService;
let api: ReturnType<typeof client>;
let tenantId: string;
const s = scratch();

beforeAll(async () => {
  t = await startTestApp();
  pki = t.services.modules.get('pki')!.service as PkiService;
  const a = await makeTenant(t, { roles: ['kabid_persandian'] });
  tenantId = a.tenant.id;
  api = client(t, await login(t, a.email));
}, 60_000);
afterAll(async () => {
  await t?.stop();
  s.cleanup();
});

describe('CA administration (pki.manage)', () => {
  it('[K14] shows the CA status, creates the CA on request and publishes download links', async () => {
    const before = await api.get('/api/pki/status');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ initialised: false, issuer: 'embedded', cas: [] });
    const created = await api.post('/api/pki/ca');
    expect(created.status).toBe(200);
    expect(created.body.initialised).toBe(true);
    expect(created.body.cas.map((c: any) => c.kind)).toEqual(['root', 'issuing', 'ocsp', 'tsa']);
    expect(created.body.cas[0]).toMatchObject({ keyAlgorithm: 'EC-P384', keyStore: 'software' });
    expect(created.body.urls.crlPem).toMatch(/\/pki\/.+\/crl\.pem$/);
    expect((await api.post('/api/pki/ca')).status).toBe(200); // idempotent
    const rootPem = await t.app.inject({ method: 'GET', url: new URL(created.body.urls.rootPem).pathname });
    expect(rootPem.statusCode).toBe(200);
    expect(rootPem.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    // keys are sealed at rest: no PKCS#8 in the table
    const raw = await t.deps.database.raw('select key_ref from pki_ca_keys where tenant_id = $1', [tenantId]);
    expect(raw.rows).toHaveLength(4);
    for (const r of raw.rows) expect(r.key_ref).toMatch(/^v1\./);
    const audit = await api.get('/api/audit?entity=pki_ca');
    expect(audit.status).toBe(200);
    expect(audit.body.total).toBe(4);
    expect(audit.body.items[0]).toMatchObject({ action: 'create', entity: 'pki_ca' });
  });

  it('[K9] lists issued certificates with filters and export, and revokes with a reason (audited, CRL and OCSP follow)', async () => {
    const a = await pki.issue(tenantId, { profile: 'signing', subject: { commonName: 'Rina Kartika', email: 'rina@kota-uji.go.id' }, spkiDer: ecKey().spkiDer, holderRef: { entity: 'person', id: 'p-rina' } });
    await pki.issue(tenantId, { profile: 'tls_server', subject: { commonName: 'layanan.kota-uji.go.id' }, spkiDer: ecKey().spkiDer });
    const list = await api.get('/api/pki/certificates?q=rina');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ serialHex: a.serialHex, profile: 'signing', status: 'good', holderEntity: 'person', holderId: 'p-rina' });
    expect((await api.get('/api/pki/certificates?profile=tls_server')).body.items.map((c: any) => c.commonName)).toEqual(['layanan.kota-uji.go.id']);
    expect((await api.get('/api/pki/certificates?expiringWithinDays=400')).body.items.map((c: any) => c.commonName)).toContain('layanan.kota-uji.go.id');

    const csv = await api.get('/api/pki/certificates/export?format=csv&profile=signing');
    expect(csv.status).toBe(200);
    expect(String(csv.raw)).toContain('Nomor Seri');
    expect(String(csv.raw)).toContain('Rina Kartika');
    expect(String(csv.raw)).toContain('Tanda tangan');

    const pem = await api.get(`/api/pki/certificates/${a.id}/download`);
    expect(pem.headers['content-disposition']).toContain('.pem');
    expect(String(pem.raw)).toBe(a.certPem);

    const bad = await api.post(`/api/pki/certificates/${a.id}/revoke`, { reason: 'bukan-alasan' });
    expect(bad.status).toBe(400);
    const rev = await api.post(`/api/pki/certificates/${a.id}/revoke`, { reason: 'keyCompromise', invalidityDate: '2026-11-01T00:00:00.000Z' });
    expect(rev.status).toBe(200);
    expect(rev.body).toMatchObject({ status: 'revoked', revocationReason: 'keyCompromise' });
    const again = await api.post(`/api/pki/certificates/${a.id}/revoke`, { reason: 'superseded' });
    expect(again.status).toBe(409);
    expect(again.body.title).toBe('Sertifikat ini sudah dicabut.');
    expect((await pki.status(tenantId, a.serialHex)).status).toBe('revoked');

    const crl = await api.post('/api/pki/crl');
    expect(crl.body.entries).toBe(1);
    s.file('a.crl', await pki.crl(tenantId));
    const text = s.openssl('crl', '-inform', 'DER', '-in', 'a.crl', '-noout', '-text').out;
    expect(text.toUpperCase()).toContain(a.serialHex.toUpperCase());
    expect(text).toContain('Invalidity Date');
    expect((await api.get('/api/pki/status')).body).toMatchObject({ counts: { revoked: 1 }, crl: { entries: 1 } });

    const audit = await api.get(`/api/audit?entityId=${a.id}`);
    expect(audit.body.items.map((e: any) => e.action).sort()).toEqual(['issue', 'revoke']);
    expect(audit.body.items.find((e: any) => e.action === 'revoke').actorLabel).not.toBe('Otoritas Sertifikat');
  });

  it('[K9] another Pemda cannot see or revoke these certificates; an ASN has no access', async () => {
    const other = await makeTenant(t, { roles: ['admin'] });
    const otherApi = client(t, await login(t, other.email));
    const mine = (await api.get('/api/pki/certificates')).body.items[0];
    expect((await otherApi.get(`/api/pki/certificates/${mine.id}`)).status).toBe(404);
    expect((await otherApi.post(`/api/pki/certificates/${mine.id}/revoke`, { reason: 'superseded' })).status).toBe(404);
    expect((await otherApi.get('/api/pki/certificates')).body.total).toBe(0);
    const asnEmail = `asn.${Date.now()}@kota-uji.go.id`;
    await createUserWithRoles(t.deps.database.db, tenantId, { email: asnEmail, displayName: 'ASN Uji', password: TEST_PASSWORD, roles: [{ code: 'asn' }] });
    const asnApi = client(t, await login(t, asnEmail));
    expect((await asnApi.get('/api/pki/status')).status).toBe(403);
  });

  it('[K1] keeps external issuer credentials sealed and never returns them', async () => {
    const put = await api.put('/api/pki/settings', { issuer: 'bsre', externalUrl: 'http://127.0.0.1:9/esign', externalSecret: JSON.stringify({ username: 'esign', password: 'rahasia-sekali' }) });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ issuer: 'bsre', externalUrl: 'http://127.0.0.1:9/esign', externalOptions: {}, hasSecret: true });
    expect(JSON.stringify((await api.get('/api/pki/settings')).body)).not.toContain('rahasia-sekali');
    const raw = await t.deps.database.raw('select external_secret from pki_settings where tenant_id = $1', [tenantId]);
    expect(raw.rows[0].external_secret).not.toContain('rahasia-sekali');
    const down = await (await pki.issuer(tenantId)).userStatus({ nik: '3273010101900001' }).catch((e) => e);
    expect(down.key).toBe('pki.external_failed');
    await api.put('/api/pki/settings', { issuer: 'embedded' });
    expect((await pki.issuer(tenantId)).kind).toBe('embedded');
  });
});

describe('external issuer adapters against local servers implementing the documented shapes', () => {
  it('[K1] BSrE eSign v2: user status, PDF signing and verification with HTTP Basic auth', async () => {
    const seen: any[] = [];
    const bsre = Fastify({ bodyLimit: 10 * 1024 * 1024 });
    bsre.addHook('onRequest', async (req, reply) => {
      if (req.headers.authorization !== `Basic ${Buffer.from('esign:rahasia').toString('base64')}`) return reply.code(401).send({ error: 'unauthorized' });
    });
    bsre.post('/api/v2/user/check/status', async (req) => {
      const b = req.body as { nik?: string };
      seen.push(['status', b]);
      return b.nik === '3273010101900001' ? { status: 'ISSUE', message: 'Sertifikat aktif' } : { status: 'NOT_REGISTERED', status_code: 2011, message: 'NIK tidak terdaftar' };
    });
    bsre.post('/api/v2/sign/pdf', async (req, reply) => {
      const b = req.body as any;
      seen.push(['sign', { ...b, passphrase: b.passphrase ? '***' : undefined }]);
      if (b.passphrase !== 'benar') return reply.code(400).send({ status_code: 2031, error: 'Passphrase anda salah' });
      return { time: 1234, file: b.file.map((f: string) => Buffer.concat([Buffer.from(f, 'base64'), Buffer.from('\n%signed')]).toString('base64')) };
    });
    bsre.post('/api/v2/verify/pdf', async () => ({
      signatureCount: 1,
      conclusion: 'VALID',
      description: 'Dokumen valid',
      signatureInformations: [{ signerName: 'Budi', signatureDate: '2026-11-30 09:00:00', signatureFormat: 'PAdES-BASELINE-T', integrityValid: true, certificateTrusted: true, ltv: false }],
    }));
    await bsre.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(bsre.server.address() as AddressInfo).port}`;
      await api.put('/api/pki/settings', { issuer: 'bsre', externalUrl: url, externalSecret: JSON.stringify({ username: 'esign', password: 'rahasia' }) });
      const ad = await pki.issuer(tenantId);
      expect(ad.kind).toBe('bsre');
      expect(ad.capabilities).toMatchObject({ enroll: false, signPdf: true });
      expect(await ad.userStatus({ nik: '3273010101900001' })).toMatchObject({ status: 'ISSUE' });
      expect(await ad.userStatus({ nik: '3273010101900099' })).toMatchObject({ status: 'NOT_REGISTERED', code: 2011 });
      const pdf = Buffer.from('%PDF-1.7\n%contoh\n');
      const signed = await ad.signPdf({ nik: '3273010101900001', passphrase: 'benar', files: [pdf], signatureProperties: [{ tampilan: 'INVISIBLE', reason: 'Menyetujui', location: 'Kota Uji' }] });
      expect(Buffer.from(signed.files[0]).toString()).toContain('%signed');
      expect(seen.find((x) => x[0] === 'sign')[1]).toMatchObject({ nik: '3273010101900001', signatureProperties: [{ tampilan: 'INVISIBLE' }] });
      expect((await ad.signPdf({ nik: '3273010101900001', passphrase: 'salah', files: [pdf], signatureProperties: [{ tampilan: 'INVISIBLE' }] }).catch((e) => e)).key).toBe('pki.external_failed');
      expect(await ad.verifyPdf(signed.files[0])).toMatchObject({ signatureCount: 1, conclusion: 'VALID', signatures: [{ signerName: 'Budi', integrityValid: true }] });
      expect((await ad.enroll({ csr: 'x', profile: 'signing', subject: { commonName: 'x' } }).catch((e) => e)).key).toBe('pki.external_unsupported');
    } finally {
      await bsre.close();
      await api.put('/api/pki/settings', { issuer: 'embedded' });
    }
  });

  it('[K1] EJBCA-style REST: PKCS#10 enrolment and revocation by issuer DN and serial', async () => {
    // The fake EJBCA is backed by another Pemda's embedded CA, so its certificates are real.
    const caTenant = (await makeTenant(t)).tenant.id;
    const calls: any[] = [];
    const ejbca = Fastify();
    ejbca.post('/ejbca/ejbca-rest-api/v1/certificate/pkcs10enroll', async (req, reply) => {
      const b = req.body as any;
      calls.push(['enroll', req.headers.authorization, b]);
      if (!b.certificate_request?.includes('BEGIN CERTIFICATE REQUEST')) return reply.code(400).send({ error_code: 400, error_message: 'bad csr' });
      const csr = await pki.parseCsr(b.certificate_request);
      const c = await pki.issue(caTenant, { profile: 'signing', subject: { commonName: b.username }, spkiDer: csr.spkiDer });
      const chain = await pki.chain(caTenant);
      return reply.code(201).send({
        certificate: Buffer.from(c.certDer).toString('base64'),
        serial_number: c.serialHex.toUpperCase(),
        response_format: 'DER',
        certificate_chain: [chain.issuingPem.replace(/-----[^-]+-----|\s/g, '')],
      });
    });
    ejbca.put('/ejbca/ejbca-rest-api/v1/certificate/:issuer/:serial/revoke', async (req) => {
      const p = req.params as any;
      calls.push(['revoke', p.issuer, p.serial, (req.query as any).reason]);
      await pki.revoke(caTenant, p.serial, 'keyCompromise');
      return { issuer_dn: p.issuer, serial_number: p.serial, revocation_reason: (req.query as any).reason, revoked: true, message: 'Successfully revoked' };
    });
    await ejbca.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(ejbca.server.address() as AddressInfo).port}`;
      const put = await api.put('/api/pki/settings', {
        issuer: 'ejbca',
        externalUrl: url,
        externalOptions: { caName: 'PemdaCA', endEntityProfile: 'ASN', certificateProfile: 'DOCSIGN', issuerDn: 'CN=PemdaCA,O=Uji,C=ID' },
        externalSecret: JSON.stringify({ token: 'token-uji' }),
      });
      expect(put.status).toBe(200);
      const ad = await pki.issuer(tenantId);
      const k = ecKey();
      s.file('ej.key', k.keyPem);
      s.opensslBin('req', '-new', '-key', 'ej.key', '-subj', '/CN=Dewi Lestari', '-out', 'ej.csr');
      const csr = (await import('node:fs')).readFileSync(s.file('ej.csr'), 'utf8');
      const res = await ad.enroll({ csr, profile: 'signing', subject: { commonName: 'Dewi Lestari', email: 'dewi@kota-uji.go.id' } });
      expect(res.issuer).toBe('ejbca');
      expect(calls[0][1]).toBe('Bearer token-uji');
      expect(calls[0][2]).toMatchObject({ certificate_profile_name: 'DOCSIGN', end_entity_profile_name: 'ASN', certificate_authority_name: 'PemdaCA', username: 'dewi@kota-uji.go.id', include_chain: true });
      s.file('ej.pem', res.certPem);
      s.file('ej-chain.pem', res.chainPem.join(''));
      expect(s.openssl('x509', '-in', 'ej.pem', '-noout', '-subject').out).toContain('dewi@kota-uji.go.id');
      expect(s.openssl('x509', '-in', 'ej-chain.pem', '-noout', '-subject').out).toContain('Persada Issuing CA');
      await ad.revoke(res.serialHex, 'keyCompromise');
      expect(calls[1]).toEqual(['revoke', 'CN=PemdaCA,O=Uji,C=ID', res.serialHex.toUpperCase(), 'KEY_COMPROMISE']);
      expect((await pki.status(caTenant, res.serialHex)).status).toBe('revoked');
    } finally {
      await ejbca.close();
      await api.put('/api/pki/settings', { issuer: 'embedded' });
    }
  });
});
