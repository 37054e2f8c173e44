import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, makeTenant, startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { createUserWithRoles } from '../tenants/tenants.service.js';
import { rowsOf } from '../../db/rows.js';
import { TINY_PDF } from '../../platform/files/test-fixtures.js';
import { browserKey, expiredCertificatePem, opensslSubject, providerCertificatePem, upload } from './certificates.test-helpers.js';

let t: TestApp;
let domain: string;
let tenantId: string;
let opdId: string;
let opdY: string;
type Api = ReturnType<typeof client>;
const U: Record<string, { id: string; api: Api; cookie: string; email: string }> = {};
let seq = 0;

/** A user with a person record in the OPD and the given role. */
async function user(key: string, role: string, name: string, scopeOpd: string | null = null, inOpd = opdId) {
  const k = ++seq;
  const email = `${key}@${domain}`;
  const admin = U.admin.api;
  const nip = `19900303201503100${k}`.slice(0, 18);
  const person = await admin.post('/api/people', {
    fullName: name,
    kind: 'asn',
    nip,
    email,
    opdId: inOpd,
  });
  if (person.status !== 200) throw new Error(person.body.title ?? JSON.stringify(person.body));
  const u = await createUserWithRoles(t.deps.database.db, tenantId, {
    email,
    displayName: name,
    password: TEST_PASSWORD,
    personId: person.body.id,
    roles: [{ code: role, opdId: scopeOpd }],
  });
  const cookie = await login(t, email);
  U[key] = { id: u.id, api: client(t, cookie), cookie, email };
  return U[key];
}

const individual = (over: Record<string, unknown> = {}) => ({
  kind: 'individual',
  commonName: 'Nurul Hidayah',
  email: `nurul@${domain}`,
  nip: '199511112020122012',
  uses: ['signing', 'email_protection'],
  ...over,
});

async function attachAll(who: (typeof U)[string], appId: string, docs = ['cover_letter', 'recommendation', 'ektp']) {
  for (const requirement of docs) {
    const fileId = await upload(t, who.cookie, `${requirement}.pdf`);
    const r = await who.api.post(`/api/certificates/applications/${appId}/documents`, { requirement, fileId });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
}

const checklistAll = (kind: 'individual' | 'position' | 'system') =>
  Object.fromEntries(
    {
      individual: ['cover_letter', 'recommendation', 'official_email', 'identity', 'data_true'],
      position: ['cover_letter', 'recommendation', 'official_email', 'identity', 'appointment_decree', 'delegation_letter', 'data_true'],
      system: ['cover_letter', 'recommendation', 'official_email', 'identity', 'system_owned', 'data_true'],
    }[kind].map((k) => [k, true]),
  );

beforeAll(async () => {
  t = await startTestApp();
  const { tenant, email } = await makeTenant(t);
  tenantId = tenant.id;
  domain = tenant.domain;
  const cookie = await login(t, email);
  U.admin = { id: '', api: client(t, cookie), cookie, email };
  opdId = (
    await U.admin.api.post('/api/opds', {
      code: '1.02',
      name: 'Dinas Kesehatan',
      shortName: 'DINKES',
    })
  ).body.id;
  opdY = (
    await U.admin.api.post('/api/opds', {
      code: '2.16',
      name: 'Dinas Komunikasi dan Informatika',
      shortName: 'DISKOMINFO',
      isPersandianDinas: true,
    })
  ).body.id;
  await user('asn', 'asn', 'Nurul Hidayah');
  await user('head', 'kepala_dinas', 'Rahmat Hidayat', null, opdY);
  await user('ra', 'pengelola_ra', 'Rina Marlina', null, opdY);
  await user('ra2', 'pengelola_ra', 'Dedi Kurniawan', null, opdY);
  await user('opdop', 'operator_opd', 'Fajar Nugroho', opdId);
  await user('other', 'asn', 'Siti Aminah');
}, 120_000);
afterAll(() => t?.stop());

let appId: string;

describe('certificate applications', () => {
  it('[K5] refuses an e-mail outside the Pemda domain and requires the documents of the kind', async () => {
    const bad = await U.asn.api.post('/api/certificates/applications', individual({ email: 'nurul@gmail.com' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({
      field: 'email',
      message: 'Email harus email dinas pada domain Pemda.',
    });
    const noPos = await U.asn.api.post('/api/certificates/applications', individual({ kind: 'position', positionTitle: '' }));
    expect(noPos.status).toBe(400);
    expect(noPos.body.errors.map((e: any) => e.message)).toContain('Nama jabatan wajib diisi untuk sertifikat jabatan.');

    const res = await U.asn.api.post('/api/certificates/applications', individual());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'draft',
      kind: 'individual',
      opdId,
      missingDocuments: ['cover_letter', 'recommendation', 'ektp'],
      canEdit: true,
    });
    appId = res.body.id;
    const early = await U.asn.api.post(`/api/certificates/applications/${appId}/submit`);
    expect(early.status).toBe(400);
    expect(early.body.title).toBe('Lampiran wajib belum lengkap.');
  });

  it('[K5] stores the application documents encrypted at rest (classified)', async () => {
    await attachAll(U.asn, appId);
    const files = rowsOf<{
      classified: boolean;
      encrypted: boolean;
      storage_key: string;
    }>(
      await t.deps.database.db.execute(
        sql`select f.classified, f.encrypted, f.storage_key from files f join cert_application_files a on a.file_id = f.id where a.application_id = ${appId}`,
      ),
    );
    expect(files).toHaveLength(3);
    expect(files.every((f) => f.classified && f.encrypted)).toBe(true);
    const onDisk = fs.readFileSync(path.join(t.dataDir, 'files', files[0].storage_key));
    expect(onDisk.includes(TINY_PDF.subarray(0, 40))).toBe(false);
    // another ASN cannot attach a file they did not upload, nor read the application
    expect((await U.other.api.get(`/api/certificates/applications/${appId}`)).status).toBe(403);
    const detail = await U.asn.api.get(`/api/certificates/applications/${appId}`);
    const doc = await t.app.inject({
      url: `/api/certificates/documents/${detail.body.files[0].id}`,
      headers: { cookie: U.asn.cookie },
    });
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.equals(TINY_PDF)).toBe(true);
    const sub = await U.asn.api.post(`/api/certificates/applications/${appId}/submit`);
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe('submitted');
  });

  it('[K3] an OPD operator files on behalf of a colleague in their own OPD only', async () => {
    const own = await U.opdop.api.post(
      '/api/certificates/applications',
      individual({
        applicantUserId: U.other.id,
        commonName: 'Siti Aminah',
        email: `siti@${domain}`,
        nip: '198409092009022010',
      }),
    );
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      applicantUserId: U.other.id,
      filedByUserId: U.opdop.id,
    });
    const foreign = await U.opdop.api.post(
      '/api/certificates/applications',
      individual({
        applicantUserId: U.ra.id,
        commonName: 'Rina',
        email: `rina@${domain}`,
        nip: '199107072017082008',
      }),
    );
    expect(foreign.status).toBe(403);
  });

  it('[K11] a user without the verify right cannot decide (403)', async () => {
    const res = await U.other.api.post(`/api/certificates/applications/${appId}/decision`, { decision: 'reject', reason: 'x' });
    expect(res.status).toBe(403);
    const opd = await U.opdop.api.post(`/api/certificates/applications/${appId}/decision`, { decision: 'reject', reason: 'x' });
    expect(opd.status).toBe(403);
  });

  it('[K11] an RA operator must be appointed and hold a valid RA certificate to decide', async () => {
    const notAppointed = await U.ra.api.post(`/api/certificates/applications/${appId}/decision`, { decision: 'reject', reason: 'x' });
    expect(notAppointed.status).toBe(403);
    expect(notAppointed.body.title).toBe('Hanya Pengelola Otoritas Pendaftaran yang ditunjuk yang dapat memutus permohonan.');
    const self = await U.ra.api.post('/api/certificates/ra-operators', {
      userId: U.ra.id,
      decreeNumber: '800/1/2026',
      decreeDate: '2026-01-05',
    });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].message).toBe('Anda tidak dapat menunjuk diri sendiri.');
    const appointed = await U.head.api.post('/api/certificates/ra-operators', {
      userId: U.ra.id,
      decreeNumber: '800/045/DISKOMINFO/2026',
      decreeDate: '2026-01-05',
    });
    expect(appointed.status).toBe(200);
    expect(appointed.body).toMatchObject({ active: true, raCertValid: false });
    const noCert = await U.ra.api.post(`/api/certificates/applications/${appId}/decision`, { decision: 'reject', reason: 'x' });
    expect(noCert.status).toBe(403);
    expect(noCert.body.title).toBe('Pengelola Otoritas Pendaftaran belum memiliki sertifikat RA yang berlaku.');
    // an expired provider certificate is refused
    const expired = await U.head.api.post(`/api/certificates/ra-operators/${appointed.body.id}/certificate`, {
      certPem: await expiredCertificatePem('Rina Marlina'),
    });
    expect(expired.status).toBe(400);
    const rec = await U.head.api.post(`/api/certificates/ra-operators/${appointed.body.id}/certificate`, { certPem: providerCertificatePem('Rina Marlina') });
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({
      raCertValid: true,
      raCertSource: 'provider',
    });
    expect((await U.ra.api.get('/api/certificates/ra-operators/me')).body).toMatchObject({ appointed: true, certificateValid: true });
  });

  it('[K11] an appointed operator obtains the RA certificate from the CA with a browser key', async () => {
    const op = await U.head.api.post('/api/certificates/ra-operators', {
      userId: U.ra2.id,
      decreeNumber: '800/046/DISKOMINFO/2026',
      decreeDate: '2026-01-05',
    });
    expect(op.status).toBe(200);
    const { spki } = await browserKey();
    const res = await U.ra2.api.post('/api/certificates/ra-operators/me/certificate', { spki });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ raCertValid: true, raCertSource: 'ca' });
    expect(res.body.raCertSubject).toContain('Dedi Kurniawan');
  });

  it('[K6] rejection carries a reason the applicant sees, in the app and by notification', async () => {
    const queue = await U.ra.api.get('/api/certificates/applications?scope=queue');
    expect(queue.body.items.map((a: any) => a.id)).toContain(appId);
    const noReason = await U.ra.api.post(`/api/certificates/applications/${appId}/decision`, { decision: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].message).toBe('Alasan wajib diisi.');
    const res = await U.ra.api.post(`/api/certificates/applications/${appId}/decision`, {
      decision: 'reject',
      reason: 'Scan e-KTP tidak terbaca',
      checklist: { cover_letter: true },
    });
    expect(res.status).toBe(200);
    const mine = await U.asn.api.get(`/api/certificates/applications/${appId}`);
    expect(mine.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Scan e-KTP tidak terbaca',
      canEdit: true,
    });
    const notes = await U.asn.api.get('/api/notifications');
    expect(notes.body.items[0]).toMatchObject({
      kind: 'certificates.application_rejected',
    });
    expect(notes.body.items[0].body).toContain('Scan e-KTP tidak terbaca');
  });

  it('[K6] the applicant fixes and resubmits; history is kept; approval needs the full checklist and archives the file', async () => {
    const fileId = await upload(t, U.asn.cookie, 'ektp-jelas.pdf');
    expect((await U.asn.api.post(`/api/certificates/applications/${appId}/documents`, { requirement: 'ektp', fileId })).status).toBe(200);
    const again = await U.asn.api.post(`/api/certificates/applications/${appId}/submit`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      status: 'submitted',
      revision: 2,
      rejectionReason: null,
    });
    expect(again.body.events.map((e: any) => e.action)).toEqual(['created', 'submitted', 'rejected', 'resubmitted']);
    expect(again.body.events[2].note).toBe('Scan e-KTP tidak terbaca');
    const ektp = again.body.files.filter((f: any) => f.requirement === 'ektp');
    expect(ektp.map((f: any) => f.current).sort()).toEqual([false, true]);

    const partial = await U.ra.api.post(`/api/certificates/applications/${appId}/decision`, { decision: 'approve', checklist: { cover_letter: true } });
    expect(partial.status).toBe(400);
    const ok = await U.ra.api.post(`/api/certificates/applications/${appId}/decision`, { decision: 'approve', checklist: checklistAll('individual') });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', canIssue: false });
    expect(ok.body.archivedAt).not.toBeNull();
    // archived: the file can no longer change
    expect((await U.asn.api.post(`/api/certificates/applications/${appId}/documents`, { requirement: 'ektp', fileId })).status).toBe(409);
    expect((await U.asn.api.get(`/api/certificates/applications/${appId}`)).body.canIssue).toBe(true);
  });

  it('[K7] only the applicant can issue — no proxy', async () => {
    const { spki } = await browserKey();
    const body = {
      agreementVersion: 'MDN-30/2019-P16-P17-v1',
      acceptAgreement: true,
      spki,
    };
    for (const who of [U.ra, U.opdop, U.admin]) {
      const res = await who.api.post(`/api/certificates/applications/${appId}/issue`, body);
      expect(res.status).toBe(403);
    }
    const noAgreement = await U.asn.api.post(`/api/certificates/applications/${appId}/issue`, { ...body, acceptAgreement: false });
    expect(noAgreement.status).toBe(400);
  });
});

describe('issuance through the CA', () => {
  let certId: string;
  it('[K7][K10] issues to the applicant with the subject of the application (CSR subject ignored), agreement recorded, receipt', async () => {
    const key = await browserKey();
    const csrPem = await key.csr('CN=Penyusup,O=Bukan Pemda');
    const res = await U.asn.api.post(`/api/certificates/applications/${appId}/issue`, {
      agreementVersion: 'MDN-30/2019-P16-P17-v1',
      acceptAgreement: true,
      csrPem,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    certId = res.body.id;
    const subject = opensslSubject(res.body.certPem);
    expect(subject).toContain('CN=Nurul Hidayah');
    expect(subject).not.toContain('Penyusup');
    expect(res.body).toMatchObject({
      status: 'active',
      keySource: 'csr',
      agreementVersion: 'MDN-30/2019-P16-P17-v1',
    });
    const app = await U.asn.api.get(`/api/certificates/applications/${appId}`);
    expect(app.body.status).toBe('issued');
    expect(app.body.events.map((e: any) => e.action)).toContain('agreement_accepted');
    const receipt = await t.app.inject({
      url: `/api/certificates/certs/${certId}/receipt`,
      headers: { cookie: U.asn.cookie },
    });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('[K8] schedules renewal reminders 30 and 7 days before expiry and opens a renewal application', async () => {
    const rows = rowsOf<{ due_at: Date; recipient_user_ids: string[] }>(
      await t.deps.database.db.execute(
        sql`select due_at, recipient_user_ids from reminders where entity = 'cert_certificate' and entity_id = ${certId} and cancelled_at is null order by due_at`,
      ),
    );
    const cert = (await U.asn.api.get(`/api/certificates/certs/${certId}`)).body;
    const days = rows.map((r) => Math.round((new Date(cert.notAfter).getTime() - new Date(r.due_at).getTime()) / 86_400_000));
    expect(days).toEqual([30, 7]);
    expect(rows[0].recipient_user_ids).toEqual([U.asn.id]);
    const renew = await U.asn.api.post(`/api/certificates/certs/${certId}/renew`);
    expect(renew.status).toBe(200);
    const draft = await U.asn.api.get(`/api/certificates/applications/${renew.body.applicationId}`);
    expect(draft.body).toMatchObject({
      status: 'draft',
      renewalOfId: certId,
      commonName: 'Nurul Hidayah',
      missingDocuments: ['cover_letter'],
    });
    expect((await U.asn.api.post(`/api/certificates/certs/${certId}/renew`)).status).toBe(409);
  });

  it('[K9][I2] a lost key is reported with a statement, revoked as keyCompromise at the CA, and the incident report recorded', async () => {
    const noStatement = await U.asn.api.post(`/api/certificates/certs/${certId}/revocation-requests`, { reason: 'keyCompromise', details: 'Laptop hilang' });
    expect(noStatement.status).toBe(400);
    const statementFileId = await upload(t, U.asn.cookie, 'surat-keterangan.pdf');
    const req = await U.asn.api.post(`/api/certificates/certs/${certId}/revocation-requests`, {
      reason: 'keyCompromise',
      details: 'Laptop hilang',
      statementFileId,
    });
    expect(req.status).toBe(200);
    const decided = await U.ra.api.post(`/api/certificates/revocations/${req.body.id}/decision`, { decision: 'revoke' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('revoked');
    const cert = (await U.asn.api.get(`/api/certificates/certs/${certId}`)).body;
    expect(cert).toMatchObject({
      status: 'revoked',
      revocationReason: 'keyCompromise',
    });
    const pki = t.services.modules.get('pki')?.service as any;
    const st = await pki.status(tenantId, cert.serialHex);
    expect(JSON.stringify(st)).toContain('revoked');
    const rep = await U.ra.api.put(`/api/certificates/revocations/${req.body.id}/incident-report`, {
      reportedToHeadAt: '2026-03-02T08:00:00+07:00',
      reportedToBssnAt: '2026-03-02T09:00:00+07:00',
      bssnReference: 'BSrE-INS-2026-17',
    });
    expect(rep.body).toMatchObject({ bssnReference: 'BSrE-INS-2026-17' });
    // reminders are cancelled with the revocation
    const open = rowsOf(
      await t.deps.database.db.execute(sql`select 1 from reminders where entity_id = ${certId} and cancelled_at is null and fired_at is null`),
    );
    expect(open).toHaveLength(0);
  });
});

describe('needs, complaints and figures', () => {
  it('[K2] OPDs record needs in their own OPD; the Dinas prioritises and sees the roll-up', async () => {
    const need = {
      opdId,
      year: 2026,
      kind: 'individual',
      holderName: 'Pejabat struktural',
      quantity: 12,
      uses: ['signing'],
      justification: 'Naskah dinas elektronik',
    };
    const res = await U.opdop.api.post('/api/certificates/needs', need);
    expect(res.status).toBe(200);
    expect(
      (
        await U.opdop.api.post('/api/certificates/needs', {
          ...need,
          opdId: opdY,
        })
      ).status,
    ).toBe(403);
    expect((await U.opdop.api.post(`/api/certificates/needs/${res.body.id}/analysis`, { priority: 'high' })).status).toBe(403);
    const a = await U.head.api.post(`/api/certificates/needs/${res.body.id}/analysis`, { priority: 'high', analysisNotes: 'Didahulukan' });
    expect(a.body).toMatchObject({
      priority: 'high',
      analysisNotes: 'Didahulukan',
    });
    const sum = await U.head.api.get('/api/certificates/needs/summary?year=2026');
    expect(sum.body.find((r: any) => r.opdId === opdId)).toMatchObject({
      individual: 12,
      total: 12,
      high: 12,
      analyzed: 1,
    });
  });

  it('[K11][K12] a holder reports an operator; the reported operator cannot handle it; the Dinas escalates to the provider', async () => {
    const c = await U.asn.api.post('/api/certificates/complaints', {
      category: 'operator',
      aboutOperatorUserId: U.ra.id,
      subject: 'Permohonan tidak ditanggapi',
      description: 'Sudah 2 minggu tanpa jawaban.',
    });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({
      status: 'open',
      aboutOperatorName: 'Rina Marlina',
    });
    expect(
      (
        await U.ra.api.put(`/api/certificates/complaints/${c.body.id}`, {
          status: 'closed',
          response: 'x',
        })
      ).status,
    ).toBe(403);
    const esc = await U.head.api.put(`/api/certificates/complaints/${c.body.id}`, {
      status: 'escalated',
      response: 'Diteruskan ke BSrE',
      providerReference: 'BSrE-TIKET-99',
    });
    expect(esc.body).toMatchObject({
      status: 'escalated',
      providerReference: 'BSrE-TIKET-99',
    });
    expect(esc.body.escalatedAt).not.toBeNull();
    expect((await U.asn.api.get('/api/certificates/complaints')).body.map((x: any) => x.id)).toEqual([c.body.id]);
  });

  it('[K13] yearly figures per OPD and an Excel export', async () => {
    const year = Number(
      new Intl.DateTimeFormat('en', {
        timeZone: 'Asia/Jakarta',
        year: 'numeric',
      }).format(new Date()),
    );
    const res = await U.head.api.get(`/api/certificates/statistics?year=${year}`);
    expect(res.status).toBe(200);
    expect(res.body.rows.find((r: any) => r.opdId === opdId)).toMatchObject({
      issued: 1,
      revoked: 1,
      active: 0,
    });
    const x = await t.app.inject({
      url: `/api/certificates/statistics/export?year=${year}&format=xlsx`,
      headers: { cookie: U.head.cookie },
    });
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('[A1] another tenant sees none of it (404)', async () => {
    const other = await makeTenant(t);
    const api = client(t, await login(t, other.email));
    expect((await api.get(`/api/certificates/applications/${appId}`)).status).toBe(404);
    expect(
      (
        await api.post(`/api/certificates/applications/${appId}/decision`, {
          decision: 'reject',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await api.get('/api/certificates/applications?scope=all')).body.total).toBe(0);
  });
});
