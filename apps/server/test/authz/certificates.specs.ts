import { sql } from 'drizzle-orm';
import { providerCertificatePem } from '../../src/modules/certificates/certificates.test-helpers.js';
import { createUserWithRoles } from '../../src/modules/tenants/tenants.service.js';
import { TEST_PASSWORD } from '../harness.js';
import { A, adminA, n, nip, ok, org, personBody, signIn, t, type Need, type Specs, type Who } from './world.js';

// Certificates module (K2–K13): the applicant's own records are made for the calling user; deciding needs an
// appointed RA operator holding a valid RA certificate, so every caller is appointed first (appointment grants no rights).
const cert = {
  ready: null as null | Promise<{ head: Who; raOp: Who; holder: Who; raPem: string }>,
  people: new Map<string, Promise<void>>(),
  appointed: new Map<string, Promise<void>>(),
  certs: new Map<string, Promise<string>>(),
  revocation: null as null | Promise<string>,
  complaint: null as null | Promise<string>,
  agreement: null as null | Promise<string>,
  agreementWithFile: null as null | Promise<string>,
};
const certRaPem = () => providerCertificatePem('RA Uji');
const certSpki = async () => {
  const { webcrypto } = await import('node:crypto');
  const k = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return Buffer.from(await webcrypto.subtle.exportKey('spki', k.publicKey)).toString('base64');
};
/** Links a user to a person in OPD X (applicants must be civil servants with a person record). */
const certPerson = (w: Who) => {
  if (!cert.people.has(w.userId))
    cert.people.set(w.userId, (async () => {
      const p = await ok(adminA.call({ method: 'POST', url: '/api/people', body: personBody(A, { email: w.email }) }));
      await t.deps.database.db.execute(sql`update users set person_id = ${p.id} where id = ${w.userId}`);
    })());
  return cert.people.get(w.userId)!;
};
const certUser = async (role: string) => {
  const email = `sert.${role}.${n()}@${A.slug}.go.id`;
  const u = await createUserWithRoles(t.deps.database.db, A.tenantId, { email, displayName: `Sert ${role}`, password: TEST_PASSWORD, roles: [{ code: role }] });
  const w = await signIn(email, u.id);
  await certPerson(w);
  return w;
};
const certSetup = () =>
  (cert.ready ??= (async () => {
    const head = await certUser('kepala_dinas');
    const raOp = await certUser('pengelola_ra');
    const holder = await certUser('asn');
    const raPem = certRaPem();
    const op = await ok(head.call({ method: 'POST', url: '/api/certificates/ra-operators', body: { userId: raOp.userId, decreeNumber: '800/1/2026', decreeDate: '2026-01-05' } }));
    await ok(head.call({ method: 'POST', url: `/api/certificates/ra-operators/${op.id}/certificate`, body: { certPem: raPem } }));
    return { head, raOp, holder, raPem };
  })());
/** Appoints `w` as RA operator with a provider RA certificate (idempotent). */
const certAppoint = (w: Who) => {
  if (!cert.appointed.has(w.userId))
    cert.appointed.set(w.userId, (async () => {
      const { head, raPem } = await certSetup();
      if (w.userId === head.userId) return;
      const op = await head.call({ method: 'POST', url: '/api/certificates/ra-operators', body: { userId: w.userId, decreeNumber: `800/${n()}/2026`, decreeDate: '2026-01-05' } });
      if (op.status === 200) await ok(head.call({ method: 'POST', url: `/api/certificates/ra-operators/${op.json.id}/certificate`, body: { certPem: raPem } }));
    })());
  return cert.appointed.get(w.userId)!;
};
export const certBody = (w: Who) => ({ kind: 'individual', commonName: 'Pegawai Sertifikat', email: w.email, nip: nip(), uses: ['signing'] });
const canApply = async (w: Who) => (await w.call({ method: 'GET', url: '/api/certificates/ra-operators/me' })).status === 200;
/** An application of `w` (or of the holder when `w` may not apply) in the wanted state; returns its id (or a document link id). */
export async function certApp(w: Who, state: 'draft' | 'documents' | 'submitted' | 'approved', want: 'app' | 'doc' = 'app'): Promise<string> {
  const { holder, raOp } = await certSetup();
  const who = (await canApply(w)) ? w : holder;
  await certPerson(who);
  const app = await ok(who.call({ method: 'POST', url: '/api/certificates/applications', body: certBody(who) }));
  if (state === 'draft') return app.id;
  let last = app;
  for (const requirement of ['cover_letter', 'recommendation', 'ektp']) {
    const f = await ok(who.call({ method: 'POST', url: '/api/certificates/uploads', file: `${requirement}.pdf` }));
    last = await ok(who.call({ method: 'POST', url: `/api/certificates/applications/${app.id}/documents`, body: { requirement, fileId: f.id } }));
  }
  if (want === 'doc') return last.files[0].id;
  if (state === 'documents') return app.id;
  await ok(who.call({ method: 'POST', url: `/api/certificates/applications/${app.id}/submit` }));
  if (state === 'submitted') return app.id;
  await ok(raOp.call({ method: 'POST', url: `/api/certificates/applications/${app.id}/decision`, body: { decision: 'approve', checklist: { cover_letter: true, recommendation: true, official_email: true, identity: true, data_true: true } } }));
  return app.id;
}
/** A certificate issued to `w` (or to the holder); `fresh` makes a new one. */
async function certOf(w: Who, fresh = false): Promise<string> {
  const make = async () => {
    const { holder } = await certSetup();
    const who = (await canApply(w)) ? w : holder;
    const appId = await certApp(who, 'approved');
    return (await ok(who.call({ method: 'POST', url: `/api/certificates/applications/${appId}/issue`, body: { agreementVersion: 'MDN-30/2019-P16-P17-v1', acceptAgreement: true, spki: await certSpki() } }))).id as string;
  };
  if (fresh) return make();
  if (!cert.certs.has(w.userId)) cert.certs.set(w.userId, make());
  return cert.certs.get(w.userId)!;
}
const certHolderCert = async () => certOf((await certSetup()).holder, true);
const certRevocation = async () => {
  const { holder } = await certSetup();
  const id = await certHolderCert();
  return (await ok(holder.call({ method: 'POST', url: `/api/certificates/certs/${id}/revocation-requests`, body: { reason: 'superseded', details: 'Diganti sertifikat baru' } }))).id as string;
};
const certNeed = async () => (await ok(adminA.call({ method: 'POST', url: '/api/certificates/needs', body: certNeedBody() }))).id as string;
export const certNeedBody = () => ({ opdId: A.opd, year: 2026, kind: 'individual', holderName: `Pejabat ${n()}`, quantity: 3, uses: ['signing'] });
const certFreshOperator = async () => {
  const { head } = await certSetup();
  const u = await createUserWithRoles(t.deps.database.db, A.tenantId, { email: `ra.baru.${n()}@${A.slug}.go.id`, displayName: 'RA Baru', password: TEST_PASSWORD, roles: [{ code: 'pengelola_ra' }] });
  return (await ok(head.call({ method: 'POST', url: '/api/certificates/ra-operators', body: { userId: u.id, decreeNumber: `800/${n()}/2026`, decreeDate: '2026-01-05' } }))).id as string;
};
const cApply: Need[] = [org('certificates.apply', 'any')];
const cRead: Need[] = [org('certificates.read', 'any')];
const cDinas: Need[] = [org('certificates.manage', 'tenant')];
export const specs: Specs = {
  'POST /api/certificates/uploads': { needs: cApply },
  'GET /api/certificates/applications': { needs: cApply },
  'POST /api/certificates/applications': { needs: cApply, body: async (w: Who) => (await certPerson(w), certBody(w)) },
  'GET /api/certificates/applications/:id': { needs: cApply, id: (w: Who) => certApp(w, 'draft') },
  'PUT /api/certificates/applications/:id': { needs: cApply, id: (w: Who) => certApp(w, 'draft'), body: (w: Who) => certBody(w) },
  'POST /api/certificates/applications/:id/documents': {
    needs: cApply,
    id: (w: Who) => certApp(w, 'draft'),
    body: async (w: Who) => {
      const f = await w.call({ method: 'POST', url: '/api/certificates/uploads', file: 'pengantar.pdf' });
      return { requirement: 'cover_letter', fileId: f.status === 200 ? f.json.id : A.file };
    },
  },
  'POST /api/certificates/applications/:id/submit': { needs: cApply, id: (w: Who) => certApp(w, 'documents') },
  'POST /api/certificates/applications/:id/cancel': { needs: cApply, id: (w: Who) => certApp(w, 'draft') },
  'POST /api/certificates/applications/:id/decision': {
    needs: [org('certificates.verify', 'tenant')],
    id: async (w: Who) => (await certAppoint(w), certApp((await certSetup()).holder, 'submitted')),
    body: () => ({ decision: 'reject', reason: 'Scan e-KTP tidak terbaca' }),
  },
  'POST /api/certificates/applications/:id/issue': {
    needs: cApply,
    id: (w: Who) => certApp(w, 'approved'),
    body: async () => ({ agreementVersion: 'MDN-30/2019-P16-P17-v1', acceptAgreement: true, spki: await certSpki() }),
  },
  'GET /api/certificates/documents/:id': { needs: cApply, id: (w: Who) => certApp(w, 'documents', 'doc') },
  'GET /api/certificates/certs': { needs: cApply },
  'GET /api/certificates/certs/:id': { needs: cApply, id: (w: Who) => certOf(w) },
  'GET /api/certificates/certs/:id/receipt': { needs: cApply, id: (w: Who) => certOf(w) },
  'POST /api/certificates/certs/:id/renew': { needs: cApply, id: (w: Who) => certOf(w, true) },
  'POST /api/certificates/certs/:id/revocation-requests': { needs: cApply, id: (w: Who) => certOf(w, true), body: () => ({ reason: 'superseded', details: 'Diganti sertifikat baru' }) },
  'POST /api/certificates/certs/:id/revoke': { needs: [org('certificates.revoke', 'tenant')], id: () => certHolderCert(), body: () => ({ reason: 'privilegeWithdrawn', details: 'Hasil evaluasi RA' }) },
  'GET /api/certificates/revocations': { needs: cApply },
  'POST /api/certificates/revocations/:id/decision': { needs: [org('certificates.revoke', 'tenant')], id: () => certRevocation(), body: () => ({ decision: 'reject', note: 'Alasan belum cukup' }) },
  'PUT /api/certificates/revocations/:id/incident-report': {
    needs: [org('certificates.revoke', 'tenant')],
    id: () => (cert.revocation ??= certRevocation()),
    body: () => ({ reportedToBssnAt: '2026-03-02T09:00:00+07:00', bssnReference: 'BSrE-1' }),
  },
  'GET /api/certificates/needs': { needs: cRead },
  'GET /api/certificates/needs/summary': { needs: cRead },
  'GET /api/certificates/needs/export': { needs: cRead, query: '?format=csv' },
  'POST /api/certificates/needs': { needs: [org('certificates.manage')], body: () => certNeedBody() },
  'PUT /api/certificates/needs/:id': { needs: [org('certificates.manage')], id: () => certNeed(), body: () => certNeedBody() },
  'DELETE /api/certificates/needs/:id': { needs: [org('certificates.manage')], id: () => certNeed() },
  'POST /api/certificates/needs/:id/analysis': { needs: cDinas, id: () => certNeed(), body: () => ({ priority: 'high', analysisNotes: 'Didahulukan' }) },
  'GET /api/certificates/ra-operators': { needs: cRead },
  'GET /api/certificates/ra-operators/me': { needs: cApply },
  'POST /api/certificates/ra-operators': {
    needs: cDinas,
    body: async () => ({
      userId: (await createUserWithRoles(t.deps.database.db, A.tenantId, { email: `calon.ra.${n()}@${A.slug}.go.id`, displayName: 'Calon RA', password: TEST_PASSWORD, roles: [{ code: 'asn' }] })).id,
      decreeNumber: `800/${n()}/2026`,
      decreeDate: '2026-01-05',
    }),
  },
  'POST /api/certificates/ra-operators/me/certificate': { needs: [org('certificates.verify', 'tenant')], body: async (w: Who) => (await certAppoint(w), { spki: await certSpki() }) },
  'POST /api/certificates/ra-operators/:id/end': { needs: cDinas, id: () => certFreshOperator() },
  'POST /api/certificates/ra-operators/:id/certificate': { needs: cDinas, id: () => certFreshOperator(), body: async () => ({ certPem: (await certSetup()).raPem }) },
  'GET /api/certificates/complaints': { needs: cApply },
  'POST /api/certificates/complaints': { needs: cApply, body: () => ({ category: 'technical', subject: 'Passphrase ditolak', description: 'Aplikasi menolak passphrase.' }) },
  'PUT /api/certificates/complaints/:id': {
    needs: cDinas,
    id: async () =>
      (cert.complaint ??= (async () => (await ok((await certSetup()).holder.call({ method: 'POST', url: '/api/certificates/complaints', body: { category: 'technical', subject: 'Masalah', description: 'Uraian' } }))).id)()),
    body: () => ({ status: 'in_progress', response: 'Sedang diproses' }),
  },
  'GET /api/certificates/statistics': { needs: cRead },
  'GET /api/certificates/statistics/export': { needs: cRead, query: '?format=csv' },
  'GET /api/certificates/provider-agreements': { needs: cRead },
  'POST /api/certificates/provider-agreements': { needs: cDinas, body: () => ({ provider: 'BSrE', agreementNumber: `PKS/${n()}`, signedOn: '2025-03-14', validUntil: '2028-03-13' }) },
  'PUT /api/certificates/provider-agreements/:id': {
    needs: cDinas,
    id: () => (cert.agreement ??= (async () => (await ok(adminA.call({ method: 'POST', url: '/api/certificates/provider-agreements', body: { provider: 'BSrE', agreementNumber: 'PKS/1', signedOn: '2025-03-14' } }))).id)()),
    body: () => ({ provider: 'BSrE', agreementNumber: 'PKS/1-A', signedOn: '2025-03-14' }),
  },
  'GET /api/certificates/provider-agreements/:id/file': {
    needs: cRead,
    id: () =>
      (cert.agreementWithFile ??= (async () => {
        const f = await ok(adminA.call({ method: 'POST', url: '/api/certificates/uploads', file: 'pks-bsre.pdf' }));
        return (await ok(adminA.call({ method: 'POST', url: '/api/certificates/provider-agreements', body: { provider: 'BSrE', agreementNumber: 'PKS/2', signedOn: '2025-03-14', fileId: f.id } }))).id;
      })()),
  },
  'GET /api/certificates/evaluations': { needs: cRead },
  'PUT /api/certificates/evaluations': { needs: cDinas, body: () => ({ year: 2026, letterNumber: '800/99/DISKOMINFO/2026' }) },
};
