import { sql } from 'drizzle-orm';
import { providerCertificatePem } from '../src/modules/certificates/certificates.test-helpers.js';
import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRoles, type Permission } from '@persada/shared';
import { createUserWithRoles } from '../src/modules/tenants/tenants.service.js';
import { TINY_PDF } from '../src/platform/files/test-fixtures.js';
import { TEST_PASSWORD, makeTenant, startTestApp, type TestApp } from './harness.js';
import type { PkiService } from '../src/modules/pki/index.js';
import { ThrowawayCa } from '../src/modules/signing/testing/throwaway-ca.js';

/**
 * Generic authorization sweep over every registered route (A1, A4): tenant isolation with
 * another Pemda's real record ids, each built-in role against its permissions, and 401 without a session.
 */
type Req = { method: string; url: string; body?: unknown; file?: string };
type Res = { status: number; json: any; text: string; type: string };
type Who = { userId: string; email: string; cookie: string; call: (r: Req) => Promise<Res> };
type World = Record<'tenantId' | 'opd' | 'unit' | 'position' | 'person' | 'role' | 'user' | 'file' | 'deletedOpd' | 'deletedPerson', string>;
type Need = [Permission, 'tenant' | 'opd' | 'any'];
type Spec = { needs: Need[]; id?: (w: Who) => Promise<string>; body?: (w: Who) => unknown; query?: string; ok?: number };

// Public by design: docs, login, the CA publication points under /pki/<slug>/ (certificates, CRL, OCSP, TSA)
// and the public signature verifier /api/verify/* (tested in modules/signing).
const SKIP = /^\/(api\/(docs|openapi\.json|health$|auth\/(login|logout|sso\/|totp\/verify)|verify\/)|pki\/)/;
let t: TestApp;
let seq = 0;
const n = () => ++seq;
let riskYear = 2026;
/** A fresh period for risk contexts (one context per OPD and year). */
const nextYear = () => ++riskYear;

function multipart(name: string) {
  const boundary = `persada${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), TINY_PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

function caller(cookie?: string) {
  return async (r: Req): Promise<Res> => {
    const headers: Record<string, string> = cookie ? { cookie } : {};
    let payload: any = r.body;
    if (r.file) ({ payload, type: headers['content-type'] } = multipart(r.file));
    else if (payload === undefined && !['GET', 'DELETE'].includes(r.method)) payload = {};
    const res = await t.app.inject({ method: r.method as any, url: r.url, headers, ...(payload !== undefined ? { payload } : {}) });
    let json: any;
    try {
      json = res.json();
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, json, text: res.body, type: String(res.headers['content-type'] ?? '') };
  };
}

/** Logs in through the real endpoint, each login from its own address (the login route has its own rate limit). */
async function signIn(email: string, userId: string): Promise<Who> {
  const ip = n();
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': `10.7.${ip >> 8}.${ip & 255}` }, payload: { email, password: TEST_PASSWORD } });
  const c = res.cookies.find((x) => x.name === 'persada_session');
  if (res.statusCode !== 200 || !c) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const cookie = `persada_session=${c.value}`;
  return { userId, email, cookie, call: caller(cookie) };
}

const ok = async (p: Promise<Res>) => {
  const r = await p;
  if (r.status !== 200) throw new Error(`setup failed ${r.status} ${r.text}`);
  return r.json;
};
// Valid NIPs: birth date 1990-03-03 (A) or 1988-08-08 (B), TMT in 2015, male, running number.
const nip = (birth = '19900303') => {
  // Running number 001–999, then the next TMT month: unique for thousands of people.
  const k = n();
  return `${birth}2015${String((Math.floor(k / 999) % 12) + 1).padStart(2, '0')}1${String((k % 999) + 1).padStart(3, '0')}`;
};

/** Each module adds its own record ids (A: this Pemda's targets, B: the other Pemda's). */
let A: World & Record<string, string>;
let B: World & Record<string, string>;
let adminA: Who;
let adminB: Who;
let secretsB: string[];
/** B's governance record id by route segment (plans, architectures, controls, policies, sops, bcdr). */
let BG: Record<string, string> = {};
const roleUsers = new Map<string, Who>();
let routes: { method: string; path: string }[];

const personBody = (w: { opd: string }, over: Record<string, unknown> = {}) => {
  const k = n();
  return { fullName: `Pegawai Uji ${k}`, kind: 'asn', nip: nip(), email: `pegawai${k}@uji-a.go.id`, opdId: w.opd, ...over };
};
const riskBody = (contextId = A.riskContext, event = 'Server SIMPEG terenkripsi ransomware') => ({
  contextId, assetName: 'Server SIMPEG', event, category: 'keamanan', area: 'layanan', inherentL: 5, inherentI: 4,
});
const treatmentBody = { option: 'mitigate', action: 'Tutup RDP publik dan pasang VPN', startDate: '2026-02-01', endDate: '2026-03-31', targetL: 2, targetI: 3 };
const monitoringBody = { date: '2026-03-15', realisation: 'VPN aktif', currentL: 3, currentI: 3 };
const opdBody = (code: string, name: string) => ({ code, name, shortName: 'UJI', kind: 'dinas', isPersandianDinas: false, address: 'Jl. Uji 1', email: null });
// Fresh A records, created by A's admin so destructive routes always have a target.
const fresh = {
  opd: async (deleted = false) => {
    const id = (await ok(adminA.call({ method: 'POST', url: '/api/opds', body: opdBody(`F.${n()}`, `OPD Sementara ${n()}`) }))).id;
    if (deleted) await ok(adminA.call({ method: 'DELETE', url: `/api/opds/${id}` }));
    return id as string;
  },
  unit: async () => (await ok(adminA.call({ method: 'POST', url: '/api/units', body: { opdId: A.opd, name: `Seksi ${n()}`, kind: 'seksi' } }))).id as string,
  position: async () => (await ok(adminA.call({ method: 'POST', url: '/api/positions', body: { opdId: A.opd, name: `Jabatan ${n()}` } }))).id as string,
  person: async (deleted = false) => {
    const id = (await ok(adminA.call({ method: 'POST', url: '/api/people', body: personBody(A) }))).id as string;
    if (deleted) await ok(adminA.call({ method: 'DELETE', url: `/api/people/${id}` }));
    return id;
  },
  riskContext: async () => (await ok(adminA.call({ method: 'POST', url: '/api/risk-contexts', body: { opdId: A.opd, year: nextYear(), appetiteDefault: 10 } }))).id as string,
  risk: async (deleted = false) => {
    const id = (await ok(adminA.call({ method: 'POST', url: '/api/risks', body: riskBody() }))).id as string;
    if (deleted) await ok(adminA.call({ method: 'DELETE', url: `/api/risks/${id}` }));
    return id;
  },
  riskTreatment: async () => (await ok(adminA.call({ method: 'POST', url: `/api/risks/${A.risk}/treatments`, body: treatmentBody }))).id as string,
  riskMonitoring: async () => (await ok(adminA.call({ method: 'POST', url: `/api/risks/${A.risk}/monitorings`, body: monitoringBody }))).id as string,
  role: async () => (await ok(adminA.call({ method: 'POST', url: '/api/roles', body: { code: `sementara_${n()}`, name: 'Peran Sementara', nameEn: 'Temp role', permissions: ['tenant.read'] } }))).id as string,
  // governance (B1–B10)
  plan: async () => (await ok(adminA.call({ method: 'POST', url: '/api/governance/plans', body: govPlanBody() }))).id as string,
  architecture: async () => (await ok(adminA.call({ method: 'POST', url: '/api/governance/architectures', body: govArchBody() }))).id as string,
  policy: async (deleted = false) => {
    const id = (await ok(adminA.call({ method: 'POST', url: '/api/governance/policies', body: govPolicyBody() }))).id as string;
    if (deleted) await ok(adminA.call({ method: 'DELETE', url: `/api/governance/policies/${id}` }));
    return id;
  },
  sop: async (deleted = false) => {
    const id = (await ok(adminA.call({ method: 'POST', url: '/api/governance/sops', body: govSopBody() }))).id as string;
    if (deleted) await ok(adminA.call({ method: 'DELETE', url: `/api/governance/sops/${id}` }));
    return id;
  },
  bcdr: async (deleted = false) => {
    const id = (await ok(adminA.call({ method: 'POST', url: '/api/governance/bcdr', body: govBcdrBody() }))).id as string;
    if (deleted) await ok(adminA.call({ method: 'DELETE', url: `/api/governance/bcdr/${id}` }));
    return id;
  },
  control: async () => (await ok(adminA.call({ method: 'GET', url: '/api/governance/controls?kind=procedure' })))[0].id as string,
  trustedRoot: async (call = adminA.call) => (await ok(call({ method: 'POST', url: '/api/signing/trusted-roots', body: { certificate: (await ThrowawayCa.create()).root.toString('pem') } }))).id as string,
  pkiCert: async (tenantId = A.tenantId, cn = `Pemegang Uji ${n()}`) => {
    const { generateKeyPairSync } = await import('node:crypto');
    const spkiDer = new Uint8Array(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }));
    const pki = t.services.modules.get('pki')!.service as PkiService;
    return (await pki.issue(tenantId, { profile: 'signing', subject: { commonName: cn }, spkiDer })).id;
  },
};
const govPlanBody = () => ({ title: `Renstra Uji ${n()}`, startYear: 2025, programs: [{ name: 'Program', activities: [{ name: 'Kegiatan', yearlyTargets: ['1', '2', '3', '4', '5'] }] }] });
const govArchBody = () => ({ title: `Arsitektur Uji ${n()}`, validFrom: '2025-03-10', decreeNumber: 'Kep 1/2025' });
const govPolicyBody = () => ({ kind: 'regulation', title: `Kebijakan Uji ${n()}`, scopes: ['data'] });
const govSopBody = () => ({ number: `SOP.${n()}`, title: 'SOP Uji Alfa', actors: ['Sandiman'], steps: [{ activity: 'Menerima surat', actor: 0, minutes: 5 }] });
const govBcdrBody = () => ({ serviceName: `Layanan Uji ${n()}`, rtoMinutes: 60, rpoMinutes: 30, strategy: 'Replikasi harian', nextTestDate: '2027-01-10' });
const gov = (p: Permission, s: Need[1] = 'tenant'): Need => [p, s];

const org = (p: Permission, s: Need[1] = 'opd'): Need => [p, s];
/** A tenant's own regulation document (R-REG import as JSON). */
const regDoc = (code: string, name: string) => ({
  code, kind: 'perwal', issuer: `Wali Kota ${name}`, number: '1', year: 2024, title: `Pengamanan Informasi Kota ${name}`,
  articles: [{ number: '1', clauses: [{ text: `Dinas ${name} menyelenggarakan persandian.` }] }],
  obligations: [{ article: '1', text: `Persandian ${name} diselenggarakan.`, bearer: 'dinas', frequency: 'continuous', requirements: ['A1'] }],
});
const attestBody = () => ({ obligationId: A.obligation, statement: 'Pernyataan pemenuhan uji.', effectiveDate: '2026-01-01', expiresOn: '2030-01-01' });
/** One entry per registered route: the permissions it needs, its own-tenant target and a valid body. */
const specs: Record<string, Spec> = {
  'GET /api/auth/me': { needs: [] },
  'PATCH /api/me/preferences': { needs: [], body: () => ({ locale: 'id' }) },
  'POST /api/me/password': { needs: [], body: () => ({ currentPassword: TEST_PASSWORD, newPassword: `Sandi-Baru#${n()}x2026` }) },
  'POST /api/me/totp/setup': { needs: [] },
  'POST /api/me/totp/enable': {
    needs: [],
    body: async (w) => ({ code: await generate({ secret: (await ok(w.call({ method: 'POST', url: '/api/me/totp/setup' }))).secret }) }),
  },
  'POST /api/me/totp/disable': { needs: [], body: () => ({ password: TEST_PASSWORD }) },
  'GET /api/me/sessions': { needs: [] },
  'DELETE /api/me/sessions/:id': {
    needs: [],
    id: async (w) => {
      await signIn(w.email, w.userId);
      return (await ok(w.call({ method: 'GET', url: '/api/me/sessions' }))).find((s: any) => !s.current).id;
    },
  },
  'GET /api/me/tokens': { needs: [] },
  'POST /api/me/tokens': { needs: [], body: () => ({ name: 'Token uji', scopes: ['tenant.read'], expiresInDays: 7 }) },
  'DELETE /api/me/tokens/:id': {
    needs: [],
    id: async (w) => (await ok(w.call({ method: 'POST', url: '/api/me/tokens', body: { name: 'Token hapus', scopes: ['tenant.read'], expiresInDays: 1 } }))).id,
  },
  'GET /api/tenant': { needs: [org('tenant.read', 'any')] },
  'PUT /api/tenant': { needs: [org('tenant.manage', 'tenant')], body: () => ({ name: 'Kota Uji Alfa', level: 'kota', headTitle: 'Wali Kota', domain: `${A.slug}.go.id` }) },
  'GET /api/opds': { needs: [org('org.read', 'any')] },
  'GET /api/opds/export': { needs: [org('org.read', 'any')], query: '?format=csv' },
  'POST /api/opds': { needs: [org('org.manage', 'tenant')], body: () => opdBody(`N.${n()}`, `OPD Baru ${n()}`) },
  'GET /api/opds/:id': { needs: [org('org.read')], id: async () => A.opd },
  'PUT /api/opds/:id': { needs: [org('org.manage')], id: async () => A.opd, body: () => opdBody('A.01', 'Dinas Alfa Utama') },
  'DELETE /api/opds/:id': { needs: [org('org.manage', 'tenant')], id: () => fresh.opd() },
  'POST /api/opds/:id/restore': { needs: [org('org.manage', 'tenant')], id: () => fresh.opd(true) },
  'GET /api/opds/:id/units': { needs: [org('org.read')], id: async () => A.opd },
  'POST /api/units': { needs: [org('org.manage')], body: () => ({ opdId: A.opd, name: `Bidang ${n()}`, kind: 'bidang' }) },
  'PUT /api/units/:id': { needs: [org('org.manage')], id: async () => A.unit, body: () => ({ opdId: A.opd, name: 'Bidang Alfa', kind: 'bidang' }) },
  'DELETE /api/units/:id': { needs: [org('org.manage')], id: () => fresh.unit() },
  'GET /api/positions': { needs: [org('org.read', 'any')] },
  'POST /api/positions': { needs: [org('org.manage')], body: () => ({ opdId: A.opd, name: `Jabatan ${n()}`, kind: 'fungsional' }) },
  'PUT /api/positions/:id': { needs: [org('org.manage')], id: async () => A.position, body: () => ({ opdId: A.opd, unitId: A.unit, name: 'Kepala Dinas Alfa', isHead: true }) },
  'DELETE /api/positions/:id': { needs: [org('org.manage')], id: () => fresh.position() },
  'POST /api/positions/:id/holder': { needs: [org('org.manage')], id: async () => A.position, body: () => ({ personId: A.person, startDate: '2025-01-02' }) },
  'GET /api/people': { needs: [org('people.read', 'any')] },
  'GET /api/people/export': { needs: [org('people.read', 'any')], query: '?format=csv' },
  'POST /api/people': { needs: [org('people.manage')], body: () => personBody(A) },
  'GET /api/people/:id': { needs: [org('people.read')], id: async () => A.person },
  'PUT /api/people/:id': { needs: [org('people.manage')], id: async () => A.person, body: () => ({ ...personBody(A), fullName: 'Pegawai Alfa', nip: '198501012010011001', email: 'alfa@uji-a.go.id' }) },
  'DELETE /api/people/:id': { needs: [org('people.manage')], id: () => fresh.person() },
  'POST /api/people/:id/restore': { needs: [org('people.manage')], id: () => fresh.person(true) },
  'GET /api/permissions': { needs: [org('access.read', 'any')] },
  'GET /api/roles': { needs: [org('access.read', 'any')] },
  'POST /api/roles': { needs: [org('access.manage', 'tenant')], body: () => ({ code: `peran_${n()}`, name: 'Peran Uji', nameEn: 'Test role', permissions: ['org.read'] }) },
  'PUT /api/roles/:id': { needs: [org('access.manage', 'tenant')], id: async () => A.role, body: () => ({ name: 'Peran Alfa', nameEn: 'Alpha role', permissions: ['tenant.read'] }) },
  'DELETE /api/roles/:id': { needs: [org('access.manage', 'tenant')], id: () => fresh.role() },
  'GET /api/users': { needs: [org('access.read', 'any')] },
  'POST /api/users': { needs: [org('access.manage', 'tenant')], body: async () => ({ personId: await fresh.person(), email: `akun${n()}@uji-a.go.id`, roles: [{ roleId: A.asnRole }] }) },
  'PUT /api/users/:id/roles': { needs: [org('access.manage', 'tenant')], id: async () => A.user, body: () => ({ roles: [{ roleId: A.asnRole, opdId: A.opd }] }) },
  'POST /api/users/:id/activate': { needs: [org('access.manage', 'tenant')], id: async () => A.user },
  'POST /api/users/:id/deactivate': { needs: [org('access.manage', 'tenant')], id: async () => A.user },
  'POST /api/users/:id/unlock': { needs: [org('access.manage', 'tenant')], id: async () => A.user },
  'POST /api/users/:id/reset-password': { needs: [org('access.manage', 'tenant')], id: async () => A.user },
  'GET /api/audit': { needs: [org('audit.read', 'tenant')] },
  'GET /api/audit/verify': { needs: [org('audit.verify', 'tenant')] },
  'GET /api/audit/export': { needs: [org('audit.read', 'tenant')], query: '?format=csv' },
  'GET /api/notifications': { needs: [] },
  'GET /api/notifications/unread-count': { needs: [] },
  'POST /api/notifications/:id/read': { needs: [], id: (w) => notify(A.tenantId, w.userId) },
  'POST /api/notifications/read-all': { needs: [] },
  'POST /api/files': { needs: [org('files.upload', 'any')] },
  'GET /api/files/:id': { needs: [org('files.read', 'any')], id: async () => A.file },
  // signing (K15): personal; a request is seen only by its uploader and signers
  'GET /api/signing/requests': { needs: [org('documents.sign', 'any')] },
  'GET /api/signing/candidates': { needs: [org('documents.sign', 'any')] },
  'POST /api/signing/requests': { needs: [org('documents.sign', 'any')], ok: 400 }, // multipart PDF + meta required
  'GET /api/signing/requests/:id': { needs: [org('documents.sign', 'any')], id: (w) => signingRequest(A.tenantId, w.userId) },
  'GET /api/signing/requests/:id/file': { needs: [org('documents.sign', 'any')], id: (w) => signingRequest(A.tenantId, w.userId) },
  'POST /api/signing/requests/:id/prepare': { needs: [org('documents.sign', 'any')], id: (w) => signingRequest(A.tenantId, w.userId), body: () => ({ certificatePem: 'x'.repeat(120), password: 'bukan-sandinya' }), ok: 400 },
  'POST /api/signing/requests/:id/complete': { needs: [org('documents.sign', 'any')], id: (w) => signingRequest(A.tenantId, w.userId), body: () => ({ signatureB64: 'A'.repeat(24) }), ok: 409 },
  'POST /api/signing/requests/:id/cancel': { needs: [org('documents.sign', 'any')], id: (w) => signingRequest(A.tenantId, w.userId) },
  'POST /api/signing/smime/prepare': { needs: [org('documents.sign', 'any')], body: () => ({ certificatePem: 'x'.repeat(120), content: 'Halo' }), ok: 400 },
  'POST /api/signing/smime/complete': { needs: [org('documents.sign', 'any')], body: () => ({ certificatePem: 'x'.repeat(120), content: 'Halo', signingTime: new Date().toISOString(), signatureB64: 'A'.repeat(24) }), ok: 400 },
  'GET /api/signing/recipients': { needs: [org('documents.sign', 'any')], query: '?q=uji' },
  // trusted roots of the verifier (K15): CA administrators only
  'GET /api/signing/trusted-roots': { needs: [org('pki.manage', 'tenant')] },
  'POST /api/signing/trusted-roots': { needs: [org('pki.manage', 'tenant')], body: async () => ({ certificate: (await ThrowawayCa.create()).root.toString('pem') }) },
  'PUT /api/signing/trusted-roots/:id/enabled': { needs: [org('pki.manage', 'tenant')], id: () => fresh.trustedRoot(), body: () => ({ enabled: false }) },
  'DELETE /api/signing/trusted-roots/:id': { needs: [org('pki.manage', 'tenant')], id: () => fresh.trustedRoot() },
  'GET /api/documents/opd-officials': { needs: [org('org.read', 'tenant'), org('reports.export', 'any')], query: '?format=csv' },
  // regulations and compliance (R-REG)
  'GET /api/regulations': { needs: [org('regulations.read', 'any')] },
  'GET /api/regulations/template.xlsx': { needs: [org('regulations.read', 'any')] },
  'POST /api/regulations/import': { needs: [org('regulations.manage', 'tenant')], query: '?bind=false', body: () => regDoc(`PERWAL-ALFA-${n()}`, 'Alfa') },
  'GET /api/regulations/:id': { needs: [org('regulations.read', 'any')], id: async () => A.regulation },
  'PUT /api/regulations/:id/binding': { needs: [org('regulations.manage', 'tenant')], id: async () => A.regulation, body: () => ({ bound: true }) },
  'GET /api/compliance': { needs: [org('regulations.read', 'any')] },
  'GET /api/compliance/dashboard': { needs: [org('regulations.read', 'any')] },
  'GET /api/compliance/links': { needs: [org('regulations.read', 'any')], query: '?entity=opd&id=00000000-0000-0000-0000-000000000000' },
  'GET /api/compliance/regulations/:id': { needs: [org('regulations.read', 'any')], id: async () => A.regulation },
  'GET /api/compliance/regulations/:id/export': { needs: [org('regulations.read', 'any')], id: async () => A.regulation, query: '?format=xlsx' },
  'GET /api/compliance/obligations/:id/attestations': { needs: [org('regulations.read', 'any')], id: async () => A.obligation },
  'POST /api/compliance/attestations': { needs: [org('compliance.attest', 'any')], body: attestBody },
  'POST /api/compliance/attestations/:id/revoke': {
    needs: [org('compliance.attest', 'any')],
    id: async () => (await ok(adminA.call({ method: 'POST', url: '/api/compliance/attestations', body: attestBody() }))).id,
  },
  // risks (E1)
  'GET /api/risk-settings': { needs: [org('risks.read', 'any')] },
  'PUT /api/risk-settings': { needs: [org('risks.configure', 'tenant')], body: async () => ok(adminA.call({ method: 'GET', url: '/api/risk-settings' })) },
  'POST /api/risk-settings/reset': { needs: [org('risks.configure', 'tenant')] },
  'GET /api/risk-contexts': { needs: [org('risks.read', 'any')] },
  'GET /api/risk-contexts/export': { needs: [org('risks.read', 'any')], query: '?format=csv' },
  'POST /api/risk-contexts': { needs: [org('risks.manage')], body: () => ({ opdId: A.opd, year: nextYear(), appetiteDefault: 10 }) },
  'GET /api/risk-contexts/:id': { needs: [org('risks.read')], id: async () => A.riskContext },
  'PUT /api/risk-contexts/:id': { needs: [org('risks.manage')], id: async () => A.riskContext, body: () => ({ opdId: A.opd, year: 2026, appetiteDefault: 10, appetite: { keamanan: 8 } }) },
  'DELETE /api/risk-contexts/:id': { needs: [org('risks.manage')], id: () => fresh.riskContext() },
  'POST /api/risk-contexts/:id/clone': { needs: [org('risks.manage')], id: async () => A.riskContext, body: () => ({ year: nextYear() }) },
  'GET /api/risk-contexts/:id/forms': { needs: [org('risks.read')], id: async () => A.riskContext },
  'GET /api/risks': { needs: [org('risks.read', 'any')] },
  'GET /api/risks/export': { needs: [org('risks.read', 'any')], query: '?format=csv' },
  'GET /api/risks/heatmap': { needs: [org('risks.read', 'any')] },
  'POST /api/risks': { needs: [org('risks.manage')], body: () => riskBody() },
  'GET /api/risks/:id': { needs: [org('risks.read')], id: async () => A.risk },
  'PUT /api/risks/:id': { needs: [org('risks.manage')], id: async () => A.risk, body: () => riskBody() },
  'DELETE /api/risks/:id': { needs: [org('risks.manage')], id: () => fresh.risk() },
  'POST /api/risks/:id/restore': { needs: [org('risks.manage')], id: () => fresh.risk(true) },
  'POST /api/risks/:id/approval': { needs: [org('risks.approve')], id: async () => A.risk, body: () => ({ status: 'setuju' }) },
  'POST /api/risks/:id/treatments': { needs: [org('risks.manage')], id: async () => A.risk, body: () => treatmentBody },
  'PUT /api/risk-treatments/:id': { needs: [org('risks.manage')], id: () => fresh.riskTreatment(), body: () => treatmentBody },
  'DELETE /api/risk-treatments/:id': { needs: [org('risks.manage')], id: () => fresh.riskTreatment() },
  'POST /api/risks/:id/monitorings': { needs: [org('risks.manage')], id: async () => A.risk, body: () => monitoringBody },
  'DELETE /api/risk-monitorings/:id': { needs: [org('risks.manage')], id: () => fresh.riskMonitoring() },
  // grc links: reverse lookups and the obligation picker (E1, B7, R-REG)
  'GET /api/risks/by-asset': { needs: [org('risks.read', 'any')], query: '?entity=sys_application&id=00000000-0000-0000-0000-000000000000' },
  'GET /api/governance/controls/linked': { needs: [gov('governance.read', 'any')], query: '?entity=risk&id=00000000-0000-0000-0000-000000000000' },
  'GET /api/compliance/obligations': { needs: [org('regulations.read', 'any')], query: '?q=MJK' },
  // governance (B1–B10)
  'GET /api/governance/plans': { needs: [gov('governance.read', 'any')] },
  'POST /api/governance/plans': { needs: [gov('governance.manage')], body: govPlanBody },
  'GET /api/governance/plans/:id': { needs: [gov('governance.read', 'any')], id: () => fresh.plan() },
  'PUT /api/governance/plans/:id': { needs: [gov('governance.manage')], id: () => fresh.plan(), body: govPlanBody },
  'DELETE /api/governance/plans/:id': { needs: [gov('governance.manage')], id: () => fresh.plan() },
  'GET /api/governance/architectures': { needs: [gov('governance.read', 'any')] },
  'POST /api/governance/architectures': { needs: [gov('governance.manage')], body: govArchBody },
  'GET /api/governance/architectures/:id': { needs: [gov('governance.read', 'any')], id: () => fresh.architecture() },
  'PUT /api/governance/architectures/:id': { needs: [gov('governance.manage')], id: () => fresh.architecture(), body: govArchBody },
  'POST /api/governance/architectures/:id/evaluations': { needs: [gov('governance.manage')], id: () => fresh.architecture(), body: () => ({ kind: 'adhoc', doneDate: '2026-01-05' }) },
  'GET /api/governance/controls': { needs: [gov('governance.read', 'any')] },
  'PUT /api/governance/controls/:id': { needs: [gov('governance.manage')], id: () => fresh.control(), body: () => ({ instrumentNumber: 'SE 1/2026' }) },
  'PUT /api/governance/controls/:id/status': { needs: [gov('governance.manage', 'opd')], id: () => fresh.control(), body: () => ({ opdId: A.opd, status: 'in_progress' }) },
  'GET /api/governance/policies': { needs: [gov('governance.read', 'any')] },
  'GET /api/governance/policies/document': { needs: [gov('governance.read', 'any')], query: '?format=docx' },
  'GET /api/governance/policies/export': { needs: [gov('governance.read', 'any')], query: '?format=csv' },
  'POST /api/governance/policies': { needs: [gov('governance.manage')], body: govPolicyBody },
  'GET /api/governance/policies/:id': { needs: [gov('governance.read', 'any')], id: () => fresh.policy() },
  'PUT /api/governance/policies/:id': { needs: [gov('governance.manage')], id: () => fresh.policy(), body: govPolicyBody },
  'POST /api/governance/policies/:id/transition': { needs: [gov('governance.read', 'any'), gov('governance.manage')], id: () => fresh.policy(), body: () => ({ to: 'review' }) },
  'DELETE /api/governance/policies/:id': { needs: [gov('governance.manage')], id: () => fresh.policy() },
  'POST /api/governance/policies/:id/restore': { needs: [gov('governance.manage')], id: () => fresh.policy(true) },
  'GET /api/governance/team': { needs: [gov('governance.read', 'any')] },
  'PUT /api/governance/team': {
    needs: [gov('governance.manage')],
    body: async () => ({ members: [{ role: 'responsible', personId: await fresh.person() }, { role: 'chair', personId: await fresh.person() }] }),
  },
  'GET /api/governance/sops': { needs: [gov('governance.read', 'any')] },
  'POST /api/governance/sops': { needs: [gov('governance.manage')], body: govSopBody },
  'GET /api/governance/sops/:id': { needs: [gov('governance.read', 'any')], id: () => fresh.sop() },
  'PUT /api/governance/sops/:id': { needs: [gov('governance.manage')], id: () => fresh.sop(), body: govSopBody },
  'DELETE /api/governance/sops/:id': { needs: [gov('governance.manage')], id: () => fresh.sop() },
  'POST /api/governance/sops/:id/restore': { needs: [gov('governance.manage')], id: () => fresh.sop(true) },
  'GET /api/governance/sops/:id/document': { needs: [gov('governance.read', 'any')], id: () => fresh.sop(), query: '?format=docx' },
  'GET /api/governance/bcdr': { needs: [gov('governance.read', 'any')] },
  'GET /api/governance/bcdr/export': { needs: [gov('governance.read', 'any')], query: '?format=csv' },
  'POST /api/governance/bcdr': { needs: [gov('governance.manage')], body: govBcdrBody },
  'GET /api/governance/bcdr/:id': { needs: [gov('governance.read', 'any')], id: () => fresh.bcdr() },
  'PUT /api/governance/bcdr/:id': { needs: [gov('governance.manage')], id: () => fresh.bcdr(), body: govBcdrBody },
  'DELETE /api/governance/bcdr/:id': { needs: [gov('governance.manage')], id: () => fresh.bcdr() },
  'POST /api/governance/bcdr/:id/restore': { needs: [gov('governance.manage')], id: () => fresh.bcdr(true) },
  'GET /api/pki/status': { needs: [org('pki.manage', 'tenant')] },
  'POST /api/pki/ca': { needs: [org('pki.manage', 'tenant')] },
  'GET /api/pki/certificates': { needs: [org('pki.manage', 'tenant')] },
  'GET /api/pki/certificates/export': { needs: [org('pki.manage', 'tenant')], query: '?format=csv' },
  'GET /api/pki/certificates/:id': { needs: [org('pki.manage', 'tenant')], id: () => fresh.pkiCert() },
  'GET /api/pki/certificates/:id/download': { needs: [org('pki.manage', 'tenant')], id: () => fresh.pkiCert() },
  'POST /api/pki/certificates/:id/revoke': { needs: [org('pki.manage', 'tenant')], id: () => fresh.pkiCert(), body: () => ({ reason: 'superseded' }) },
  'POST /api/pki/crl': { needs: [org('pki.manage', 'tenant')] },
  'GET /api/pki/settings': { needs: [org('pki.manage', 'tenant')] },
  'PUT /api/pki/settings': { needs: [org('pki.manage', 'tenant')], body: () => ({ issuer: 'embedded' }) },
};

// Systems module (D1–D15, C1): one register per path, each OPD-owned; IPs and interconnections are the Dinas's.
const sysBodies: Record<string, (opd: string) => Record<string, unknown>> = {
  applications: (opd) => ({ opdId: opd, name: `Aplikasi ${n()}`, kind: 'khusus', status: 'operational' }),
  devices: (opd) => ({ opdId: opd, kind: 'server', name: `SRV-${n()}`, location: 'data_centre' }),
  'ip-addresses': (opd) => { const k = n(); return { opdId: opd, address: `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}` }; },
  subdomains: (opd) => ({ opdId: opd, label: `sub${n()}` }),
  databases: (opd) => ({ opdId: opd, name: `Basis Data ${n()}`, groupCode: 'k', keyKind: 'nik' }),
  'third-parties': (opd) => ({ opdId: opd, name: `PT Mitra ${n()}`, kind: 'vendor' }),
  interconnections: (opd) => ({ opdId: opd, partyName: `BPJS ${n()}`, dataExchanged: 'Data klaim' }),
  'security-assets': (opd) => ({ opdId: opd, name: `Firewall ${n()}`, purpose: 'protect' }),
};
const sysPerm = (path: string): Permission => (path === 'ip-addresses' || path === 'interconnections' ? 'systems.infra' : 'systems.manage');
const sysFresh = async (path: string, deleted = false) => {
  const id = (await ok(adminA.call({ method: 'POST', url: `/api/systems/${path}`, body: sysBodies[path](A.opd) }))).id as string;
  if (deleted) await ok(adminA.call({ method: 'DELETE', url: `/api/systems/${path}/${id}` }));
  return id;
};
const sysIds: Record<string, string> = {};
const sysId = async (path: string) => (sysIds[path] ??= await sysFresh(path));
const sysForeign: Record<string, string> = {};
for (const path of Object.keys(sysBodies)) {
  const base = `/api/systems/${path}`;
  const read: Need[] = [org('systems.read', 'any')];
  Object.assign(specs, {
    [`GET ${base}`]: { needs: read },
    [`GET ${base}/export`]: { needs: read, query: '?format=csv' },
    [`POST ${base}`]: { needs: [org(sysPerm(path))], body: () => sysBodies[path](A.opd) },
    [`GET ${base}/:id`]: { needs: [org('systems.read')], id: () => sysId(path) },
    [`PUT ${base}/:id`]: { needs: [org(sysPerm(path))], id: () => sysId(path), body: () => sysBodies[path](A.opd) },
    [`DELETE ${base}/:id`]: { needs: [org(sysPerm(path))], id: () => sysFresh(path) },
    [`POST ${base}/:id/restore`]: { needs: [org(sysPerm(path))], id: () => sysFresh(path, true) },
  });
}
Object.assign(specs, {
  'GET /api/systems/applications/:id/categorizations': { needs: [org('systems.read')], id: () => sysId('applications') },
  'POST /api/systems/applications/:id/categorizations': { needs: [org('systems.manage')], id: () => sysId('applications'), body: () => ({ answers: Array(10).fill('B') }) },
  'GET /api/systems/applications/:id/tech-docs': { needs: [org('systems.read')], id: () => sysId('applications') },
  'PUT /api/systems/applications/:id/tech-docs': { needs: [org('systems.manage')], id: () => sysId('applications'), body: () => ({ item: 'user_manual', fileId: A.file, handedOverOn: '2026-01-05' }) },
  'GET /api/systems/devices/:id/maintenance': { needs: [org('systems.read')], id: () => sysId('devices') },
  'POST /api/systems/devices/:id/maintenance': { needs: [org('systems.manage')], id: () => sysId('devices'), body: () => ({ performedOn: '2026-01-05', performedBy: 'dinas', description: 'Pemeliharaan rutin' }) },
  'GET /api/systems/third-parties/:id/sla-reports': { needs: [org('systems.read')], id: () => sysId('third-parties') },
  'POST /api/systems/third-parties/:id/sla-reports': { needs: [org('systems.manage')], id: () => sysId('third-parties'), body: () => ({ periodStart: '2026-01-01', periodEnd: '2026-03-31', availability: 99.5 }) },
  'POST /api/systems/subdomains/:id/decision': { needs: [org('systems.infra')], id: () => sysFresh('subdomains'), body: () => ({ decision: 'rejected', decisionNote: 'Gunakan subdomain OPD' }) },
  'GET /api/systems/register': { needs: [org('systems.read', 'any'), org('reports.export', 'any')], query: '?format=docx' },
  'GET /api/systems/application-options': { needs: [org('systems.read', 'any')] },
  'GET /api/systems/summary': { needs: [org('systems.read', 'any')] },
});

// Secops module (D13, D14): activities on A's application in OPD X (OPD-scoped readers see them); SOC records are tenant-wide.
const soBodies = {
  activity: async () => ({ targetKind: 'application', applicationId: await sysId('applications'), function: 'identifikasi', kind: 'vulnerability_assessment', performedOn: '2026-01-05', executor: 'internal' }),
  finding: () => ({ title: `Temuan uji ${n()}`, severity: 'tinggi', dueDate: '2026-02-05' }),
  coverage: async () => ({ targetKind: 'application', applicationId: await sysId('applications'), tool: `Alat pantau ${n()}` }),
  report: () => ({ periodStart: '2026-01-01', periodEnd: '2026-03-31', eventsObserved: 10, alertsEscalated: 2, incidentsRaised: 0 }),
  soc: () => ({ name: 'SOC Alfa', operatingHours: '24/7' }),
};
const soFresh = {
  activity: async () => (await ok(adminA.call({ method: 'POST', url: '/api/secops/activities', body: await soBodies.activity() }))).id as string,
  finding: async () => (await ok(adminA.call({ method: 'POST', url: `/api/secops/activities/${await soFresh.activity()}/findings`, body: soBodies.finding() }))).id as string,
  coverage: async () => (await ok(adminA.call({ method: 'POST', url: '/api/secops/coverage', body: await soBodies.coverage() }))).id as string,
  report: async () => (await ok(adminA.call({ method: 'POST', url: '/api/secops/reports', body: soBodies.report() }))).id as string,
};
const soIds: Record<string, Promise<string>> = {};
const soId = (k: 'activity' | 'finding' | 'report') => (soIds[k] ??= soFresh[k]());
/** B's secops record id by route segment (activities, findings, coverage, reports). */
let SOB: Record<string, string> = {};
const soRead: Need[] = [org('secops.read', 'any')];
const soTenant: Need[] = [org('secops.read', 'tenant')];
const soManage: Need[] = [org('secops.manage', 'tenant')];
Object.assign(specs, {
  'GET /api/secops/targets': { needs: soRead },
  'GET /api/secops/overview': { needs: soRead },
  'GET /api/secops/activities': { needs: soRead },
  'POST /api/secops/activities': { needs: soManage, body: soBodies.activity },
  'GET /api/secops/activities/:id': { needs: [org('secops.read')], id: () => soId('activity') },
  'PUT /api/secops/activities/:id': { needs: soManage, id: () => soId('activity'), body: soBodies.activity },
  'DELETE /api/secops/activities/:id': { needs: soManage, id: () => soFresh.activity() },
  'POST /api/secops/activities/:id/findings': { needs: soManage, id: () => soId('activity'), body: soBodies.finding },
  'GET /api/secops/findings': { needs: soRead },
  'GET /api/secops/findings/export': { needs: soRead, query: '?format=csv' },
  'GET /api/secops/findings/:id': { needs: [org('secops.read')], id: () => soId('finding') },
  'PUT /api/secops/findings/:id': { needs: soManage, id: () => soId('finding'), body: soBodies.finding },
  'POST /api/secops/findings/:id/status': { needs: soManage, id: () => soFresh.finding(), body: () => ({ status: 'diperbaiki', date: '2026-02-01' }) },
  'DELETE /api/secops/findings/:id': { needs: soManage, id: () => soFresh.finding() },
  'GET /api/secops/soc': { needs: soTenant },
  'PUT /api/secops/soc': { needs: soManage, body: soBodies.soc },
  'GET /api/secops/coverage': { needs: soRead },
  'POST /api/secops/coverage': { needs: soManage, body: soBodies.coverage },
  'DELETE /api/secops/coverage/:id': { needs: soManage, id: () => soFresh.coverage() },
  'GET /api/secops/reports': { needs: soTenant },
  'POST /api/secops/reports': { needs: soManage, body: soBodies.report },
  'GET /api/secops/reports/:id': { needs: soTenant, id: () => soId('report') },
  'PUT /api/secops/reports/:id': { needs: soManage, id: () => soId('report'), body: soBodies.report },
  'DELETE /api/secops/reports/:id': { needs: soManage, id: () => soFresh.report() },
  'GET /api/secops/reports/:id/document': { needs: soTenant, id: () => soId('report'), query: '?format=xlsx' },
});

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
const certBody = (w: Who) => ({ kind: 'individual', commonName: 'Pegawai Sertifikat', email: w.email, nip: nip(), uses: ['signing'] });
const canApply = async (w: Who) => (await w.call({ method: 'GET', url: '/api/certificates/ra-operators/me' })).status === 200;
/** An application of `w` (or of the holder when `w` may not apply) in the wanted state; returns its id (or a document link id). */
async function certApp(w: Who, state: 'draft' | 'documents' | 'submitted' | 'approved', want: 'app' | 'doc' = 'app'): Promise<string> {
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
const certNeedBody = () => ({ opdId: A.opd, year: 2026, kind: 'individual', holderName: `Pejabat ${n()}`, quantity: 3, uses: ['signing'] });
const certFreshOperator = async () => {
  const { head } = await certSetup();
  const u = await createUserWithRoles(t.deps.database.db, A.tenantId, { email: `ra.baru.${n()}@${A.slug}.go.id`, displayName: 'RA Baru', password: TEST_PASSWORD, roles: [{ code: 'pengelola_ra' }] });
  return (await ok(head.call({ method: 'POST', url: '/api/certificates/ra-operators', body: { userId: u.id, decreeNumber: `800/${n()}/2026`, decreeDate: '2026-01-05' } }))).id as string;
};
const cApply: Need[] = [org('certificates.apply', 'any')];
const cRead: Need[] = [org('certificates.read', 'any')];
const cDinas: Need[] = [org('certificates.manage', 'tenant')];
Object.assign(specs, {
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
});

// The password change runs last for each user: it would invalidate later logins.
const order = (r: { method: string; path: string }) => (r.path === '/api/me/password' ? 1 : 0);

async function notify(tenantId: string, userId: string) {
  await t.deps.database.db.transaction((tx) => t.services.notifications.notify(tx, tenantId, [userId], { kind: 'uji', title: 'Pemberitahuan uji', body: 'Isi' }));
  const list = await t.services.notifications.list({ tenantId, userId, label: 'uji', grants: new Map() }, { page: 1, pageSize: 1 });
  return list.items[0].id;
}

/** A signing request uploaded by `userId` (signed by that user), created through the signing service. */
async function signingRequest(tenantId: string, userId: string, signerId = userId): Promise<string> {
  const svc = t.services.modules.get('signing')!.service as { create(a: unknown, i: unknown, f: string, d: Buffer): Promise<{ id: string }> };
  const actor = { tenantId, userId, label: 'uji', grants: new Map([['*', new Set(['*'])]]) };
  return (await svc.create(actor, { title: `Nota Dinas ${n()}`, signers: [{ userId: signerId }] }, 'nota.pdf', TINY_PDF)).id;
}

/** B's record id for a path parameter, chosen by path prefix. */
function foreignId(path: string): string {
  const map: [RegExp, string][] = [
    [/^\/api\/opds\/:id\/restore/, B.deletedOpd], [/^\/api\/opds\//, B.opd], [/^\/api\/units\//, B.unit],
    [/^\/api\/positions\//, B.position], [/^\/api\/people\/:id\/restore/, B.deletedPerson], [/^\/api\/people\//, B.person],
    [/^\/api\/roles\//, B.role], [/^\/api\/users\//, B.user], [/^\/api\/files\//, B.file],
    [/^\/api\/notifications\//, B.notification],
    [/^\/api\/regulations\//, B.regulation], [/^\/api\/compliance\/regulations\//, B.regulation],
    [/^\/api\/compliance\/obligations\//, B.obligation], [/^\/api\/compliance\/attestations\//, B.attestation], [/^\/api\/me\/sessions\//, B.session], [/^\/api\/me\/tokens\//, B.token],
    [/^\/api\/notifications\//, B.notification], [/^\/api\/risk-contexts\//, B.riskContext], [/^\/api\/risks\//, B.risk],
    [/^\/api\/risk-treatments\//, B.riskTreatment], [/^\/api\/risk-monitorings\//, B.riskMonitoring], [/^\/api\/me\/sessions\//, B.session], [/^\/api\/me\/tokens\//, B.token],
    [/^\/api\/notifications\//, B.notification], [/^\/api\/me\/sessions\//, B.session], [/^\/api\/me\/tokens\//, B.token],
    ...Object.entries(BG).map(([k, id]): [RegExp, string] => [new RegExp(`^/api/governance/${k}/`), id]),
    ...Object.entries(SOB).map(([k, id]): [RegExp, string] => [new RegExp(`^/api/secops/${k}/`), id]),
    [/^\/api\/signing\/requests\//, B.signing], [/^\/api\/notifications\//, B.notification], [/^\/api\/me\/sessions\//, B.session], [/^\/api\/me\/tokens\//, B.token],
    [/^\/api\/signing\/trusted-roots\//, B.trustedRoot], [/^\/api\/signing\/requests\//, B.signing], [/^\/api\/notifications\//, B.notification], [/^\/api\/me\/sessions\//, B.session], [/^\/api\/me\/tokens\//, B.token],
    [/^\/api\/notifications\//, B.notification], [/^\/api\/pki\/certificates\//, B.pkiCert], [/^\/api\/me\/sessions\//, B.session], [/^\/api\/me\/tokens\//, B.token],
  ];
  const sys = /^\/api\/systems\/([a-z-]+)\//.exec(path);
  if (sys && sysForeign[sys[1]]) return sysForeign[sys[1]];
  if (path.startsWith('/api/certificates/')) return B.person; // any id of the other Pemda: certificate records are tenant-scoped
  const hit = map.find(([re]) => re.test(path));
  if (!hit) throw new Error(`no foreign id for ${path}`);
  return hit[1];
}

/** Builds the request for a route as `w`, against A's records or (foreign) B's ids. */
async function build(route: { method: string; path: string }, w: Who, foreign = false): Promise<Req> {
  const spec = specs[`${route.method} ${route.path}`];
  let url = route.path;
  if (url.includes(':id')) url = url.replace(':id', foreign ? foreignId(route.path) : await spec.id!(w));
  const body = spec.body ? await spec.body(w) : undefined;
  return { method: route.method, url: url + (spec.query ?? ''), body, file: (route.path === '/api/files' || route.path === '/api/certificates/uploads') && route.method === 'POST' ? `lampiran-${n()}.pdf` : undefined };
}

/** Method + path of every route in Fastify's own route tree, to catch routes hidden from the OpenAPI document. */
function treeRoutes(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = line.match(/^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/);
    if (!m) continue;
    stack.length = m[1].length / 4;
    stack.push(m[2]);
    for (const method of m[3]?.split(', ') ?? []) if (method !== 'HEAD') out.push(`${method} ${stack.join('')}`);
  }
  return out;
}

const leaked = (res: Res) => secretsB.filter((s) => res.text.includes(s));

beforeAll(async () => {
  t = await startTestApp();
  const ta = await makeTenant(t);
  const tb = await makeTenant(t);
  adminA = await signIn(ta.email, ta.user.id);
  adminB = await signIn(tb.email, tb.user.id);

  // Tenant B's real records, created through the API by B's admin.
  const b = adminB.call;
  const opdB = await ok(b({ method: 'POST', url: '/api/opds', body: opdBody('9.99', 'Dinas Rahasia Zeta') }));
  const unitB = await ok(b({ method: 'POST', url: '/api/units', body: { opdId: opdB.id, name: 'Bidang Sandi Zeta', kind: 'bidang' } }));
  const posB = await ok(b({ method: 'POST', url: '/api/positions', body: { opdId: opdB.id, unitId: unitB.id, name: 'Kepala Sandi Zeta' } }));
  const personB = await ok(b({ method: 'POST', url: '/api/people', body: { fullName: 'Bambang Zeta', kind: 'asn', nip: nip('19880808'), email: 'bambang.zeta@uji-b.go.id', opdId: opdB.id } }));
  const roleB = await ok(b({ method: 'POST', url: '/api/roles', body: { code: 'peran_zeta', name: 'Peran Rahasia Zeta', nameEn: 'Zeta role', permissions: ['org.read'] } }));
  const userB = await ok(b({ method: 'POST', url: '/api/users', body: { personId: personB.id, email: 'akun.zeta@uji-b.go.id', roles: [{ roleId: roleB.id }] } }));
  const fileB = await ok(b({ method: 'POST', url: '/api/files', file: 'rahasia-zeta.pdf' }));
  const delOpdB = await ok(b({ method: 'POST', url: '/api/opds', body: opdBody('9.98', 'Dinas Terhapus Zeta') }));
  await ok(b({ method: 'DELETE', url: `/api/opds/${delOpdB.id}` }));
  const delPersonB = await ok(b({ method: 'POST', url: '/api/people', body: { fullName: 'Sutrisno Zeta', kind: 'asn', nip: nip('19880808'), email: 'sutrisno.zeta@uji-b.go.id', opdId: opdB.id } }));
  await ok(b({ method: 'DELETE', url: `/api/people/${delPersonB.id}` }));
  const tokenB = await ok(b({ method: 'POST', url: '/api/me/tokens', body: { name: 'Token Zeta', scopes: ['org.read'], expiresInDays: 30 } }));
  const sessionB = (await ok(b({ method: 'GET', url: '/api/me/sessions' })))[0].id;
  const regB = await ok(b({ method: 'POST', url: '/api/regulations/import', body: regDoc('PERWAL-ZETA-1', 'Zeta') }));
  const oblB = (await ok(b({ method: 'GET', url: `/api/regulations/${regB.id}` }))).articles[0].obligations[0].id;
  const attB = await ok(b({ method: 'POST', url: '/api/compliance/attestations', body: { obligationId: oblB, statement: 'Pernyataan rahasia Zeta.', effectiveDate: '2026-01-01', expiresOn: '2030-01-01' } }));
  const ctxB = await ok(b({ method: 'POST', url: '/api/risk-contexts', body: { opdId: opdB.id, year: 2026, scope: 'Layanan Zeta', appetiteDefault: 10 } }));
  const riskB = await ok(b({ method: 'POST', url: '/api/risks', body: riskBody(ctxB.id, 'Kebocoran data Zeta') }));
  const planB = await ok(b({ method: 'POST', url: `/api/risks/${riskB.id}/treatments`, body: { ...treatmentBody, action: 'Rencana rahasia Zeta' } }));
  const monB = await ok(b({ method: 'POST', url: `/api/risks/${riskB.id}/monitorings`, body: { ...monitoringBody, realisation: 'Realisasi Zeta' } }));
  B = {
    regulation: regB.id, obligation: oblB, attestation: attB.id,
    riskContext: ctxB.id, risk: riskB.id, riskTreatment: planB.id, riskMonitoring: monB.id,
    tenantId: tb.tenant.id, slug: tb.tenant.slug, opd: opdB.id, unit: unitB.id, position: posB.id, person: personB.id, role: roleB.id, user: userB.id,
    file: fileB.id, signing: await signingRequest(tb.tenant.id, tb.user.id, userB.id), deletedOpd: delOpdB.id, deletedPerson: delPersonB.id, token: tokenB.id, session: sessionB, notification: await notify(tb.tenant.id, tb.user.id),
    pkiCert: await fresh.pkiCert(tb.tenant.id, 'Sertifikat Rahasia Zeta'),
    trustedRoot: await fresh.trustedRoot(b),
  };
  for (const path of Object.keys(sysBodies)) {
    const body = { ...sysBodies[path](opdB.id), ...(path === 'subdomains' ? { label: 'zeta-rahasia' } : 'name' in sysBodies[path](opdB.id) ? { name: `Zeta ${path}` } : path === 'interconnections' ? { partyName: 'Zeta Bank' } : {}) };
    sysForeign[path] = (await ok(b({ method: 'POST', url: `/api/systems/${path}`, body }))).id;
  }
  secretsB = [...Object.values(B), ...Object.values(sysForeign), 'Zeta', personB.nip, tb.email, 'uji-b.go.id', fileB.name, tb.tenant.name];
  // B's governance records (B1–B10)
  const govB = async (url: string, body: unknown) => (await ok(b({ method: 'POST', url, body }))).id as string;
  BG = {
    plans: await govB('/api/governance/plans', { title: 'Renstra Rahasia Zeta', startYear: 2025 }),
    architectures: await govB('/api/governance/architectures', { title: 'Arsitektur Rahasia Zeta', validFrom: '2025-01-01' }),
    controls: (await ok(b({ method: 'GET', url: '/api/governance/controls' })))[0].id,
    policies: await govB('/api/governance/policies', { kind: 'regulation', title: 'Kebijakan Rahasia Zeta' }),
    sops: await govB('/api/governance/sops', { number: 'ZETA.1', title: 'SOP Rahasia Zeta', actors: ['Sandiman Zeta'] }),
    bcdr: await govB('/api/governance/bcdr', { serviceName: 'Layanan Rahasia Zeta', rtoMinutes: 1, rpoMinutes: 1, strategy: 'Rahasia Zeta' }),
  };
  secretsB.push(...Object.values(BG));
  // B's secops records (D13, D14)
  const soActB = await ok(b({ method: 'POST', url: '/api/secops/activities', body: { targetKind: 'application', applicationId: sysForeign.applications, function: 'deteksi', kind: 'monitoring_review', performedOn: '2026-01-05', executor: 'third_party', executorName: 'PT Rahasia Zeta' } }));
  SOB = {
    activities: soActB.id,
    findings: (await ok(b({ method: 'POST', url: `/api/secops/activities/${soActB.id}/findings`, body: { title: 'Temuan Rahasia Zeta', severity: 'kritis' } }))).id,
    coverage: (await ok(b({ method: 'POST', url: '/api/secops/coverage', body: { targetKind: 'application', applicationId: sysForeign.applications, tool: 'Alat Zeta' } }))).id,
    reports: (await ok(b({ method: 'POST', url: '/api/secops/reports', body: { periodStart: '2026-01-01', periodEnd: '2026-03-31', eventsObserved: 5, alertsEscalated: 1, incidentsRaised: 0, notes: 'Laporan Rahasia Zeta' } }))).id,
  };
  await ok(b({ method: 'PUT', url: '/api/secops/soc', body: { name: 'SOC Rahasia Zeta', operatingHours: '24/7' } }));
  secretsB.push(...Object.values(SOB));

  // Tenant A: OPD X (scoped roles live here), OPD Y, and one record of each kind.
  const x = await ok(adminA.call({ method: 'POST', url: '/api/opds', body: opdBody('A.01', 'Dinas Alfa Utama') }));
  const y = await ok(adminA.call({ method: 'POST', url: '/api/opds', body: opdBody('A.02', 'Dinas Alfa Kedua') }));
  A = { tenantId: ta.tenant.id, slug: ta.tenant.slug, opd: x.id, opdY: y.id } as unknown as typeof A;
  A.unit = await fresh.unit();
  A.position = await fresh.position();
  A.person = await fresh.person();
  A.role = await fresh.role();
  const roles = await ok(adminA.call({ method: 'GET', url: '/api/roles' }));
  A.asnRole = roles.find((r: any) => r.code === 'asn').id;
  A.user = (await ok(adminA.call({ method: 'POST', url: '/api/users', body: { personId: await fresh.person(), email: 'sasaran@uji-a.go.id', roles: [{ roleId: A.asnRole }] } }))).id;
  A.file = (await ok(adminA.call({ method: 'POST', url: '/api/files', file: 'lampiran-alfa.pdf' }))).id;
  A.regulation = (await ok(adminA.call({ method: 'POST', url: '/api/regulations/import', body: regDoc('PERWAL-ALFA-UTAMA', 'Alfa') }))).id;
  A.obligation = (await ok(adminA.call({ method: 'GET', url: `/api/regulations/${A.regulation}` }))).articles[0].obligations[0].id;
  A.riskContext = (await ok(adminA.call({ method: 'POST', url: '/api/risk-contexts', body: { opdId: A.opd, year: 2026, appetiteDefault: 10 } }))).id;
  A.risk = (await ok(adminA.call({ method: 'POST', url: '/api/risks', body: riskBody() }))).id;

  for (const r of defaultRoles) {
    const email = `peran.${r.code}@${A.slug}.go.id`;
    const u = await createUserWithRoles(t.deps.database.db, A.tenantId, {
      email, displayName: `Uji ${r.code}`, password: TEST_PASSWORD, roles: [{ code: r.code, opdId: r.scope === 'opd' ? A.opd : null }],
    });
    roleUsers.set(r.code, await signIn(email, u.id));
  }

  const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(spec.paths)
    .flatMap(([p, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path: p.replace(/\{(\w+)\}/g, ':$1') })))
    .filter((r) => !SKIP.test(r.path))
    .sort((a, b) => order(a) - order(b));
}, 120_000);
afterAll(() => t?.stop());

// Every route for every role: hundreds of requests per test, so each gets minutes, not the default 30 s.
describe('authorization sweep', { timeout: 240_000 }, () => {
  it('[A4] knows every registered route', () => {
    expect(routes.length).toBeGreaterThan(40);
    const unknown = routes.map((r) => `${r.method} ${r.path}`).filter((k) => !specs[k]);
    expect(unknown, 'routes without an authorization spec').toEqual([]);
    const tree = treeRoutes(t.app.printRoutes({ commonPrefix: false })).filter((r) => !SKIP.test(r.split(' ')[1]));
    expect(tree.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('[A1] another Pemda\'s record ids give 403/404 on every route and never leak', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.path.includes(':id'))) {
      const req = await build(route, adminA, true);
      const res = await adminA.call(req);
      if (![403, 404].includes(res.status)) failures.push(`${req.method} ${req.url} → ${res.status} ${res.text.slice(0, 200)}`);
      if (leaked(res).length) failures.push(`${req.method} ${req.url} leaks ${leaked(res)}`);
    }
    expect(failures).toEqual([]);
  });

  it('[A1] lists, exports and own-profile routes show none of the other Pemda\'s data', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => !r.path.includes(':id'))) {
      const req = await build(route, adminA);
      const res = await adminA.call(req);
      if (res.status >= 500 || (route.method === 'GET' && res.status !== 200)) failures.push(`${req.method} ${req.url} → ${res.status} ${res.text.slice(0, 200)}`);
      if (leaked(res).length) failures.push(`${req.method} ${req.url} leaks ${leaked(res)}`);
    }
    expect(failures).toEqual([]);
    // Filters naming B's records find nothing.
    for (const url of [`/api/people?opdId=${B.opd}`, `/api/positions?opdId=${B.opd}`, `/api/audit?entityId=${B.opd}`, `/api/audit?actorId=${B.user}`]) {
      const res = await adminA.call({ method: 'GET', url });
      expect(res.status, url).toBe(200);
      expect(res.json.total, url).toBe(0);
    }
  });

  it('[A1] bodies referring to the other Pemda\'s records are refused', async () => {
    const reqs: Req[] = [
      { method: 'POST', url: '/api/units', body: { opdId: B.opd, name: 'Bidang Asing' } },
      { method: 'POST', url: '/api/systems/applications', body: sysBodies.applications(B.opd) },
      { method: 'POST', url: '/api/systems/ip-addresses', body: { ...sysBodies['ip-addresses'](A.opd), applicationId: sysForeign.applications } },
      { method: 'POST', url: '/api/systems/interconnections', body: { ...sysBodies.interconnections(A.opd), thirdPartyId: sysForeign['third-parties'] } },
      { method: 'PUT', url: `/api/systems/applications/${sysForeign.applications}`, body: sysBodies.applications(A.opd) },
      { method: 'POST', url: '/api/secops/activities', body: { targetKind: 'application', applicationId: sysForeign.applications, function: 'identifikasi', kind: 'other', performedOn: '2026-01-05', executor: 'internal' } },
      { method: 'POST', url: '/api/secops/coverage', body: { targetKind: 'application', applicationId: sysForeign.applications, tool: 'Alat Asing' } },
      { method: 'POST', url: '/api/certificates/needs', body: { ...certNeedBody(), opdId: B.opd } },
      { method: 'POST', url: '/api/certificates/ra-operators', body: { userId: B.user, decreeNumber: '800/9/2026', decreeDate: '2026-01-05' } },
      { method: 'POST', url: '/api/certificates/applications', body: { ...certBody(adminA), applicantUserId: B.user } },
      { method: 'POST', url: `/api/certificates/applications/${await certApp(adminA, 'draft')}/documents`, body: { requirement: 'cover_letter', fileId: B.file } },
      { method: 'POST', url: '/api/units', body: { opdId: A.opd, parentId: B.unit, name: 'Bidang Asing' } },
      { method: 'PUT', url: `/api/units/${A.unit}`, body: { opdId: B.opd, name: 'Bidang Alfa' } },
      { method: 'POST', url: '/api/positions', body: { opdId: B.opd, name: 'Jabatan Asing' } },
      { method: 'POST', url: '/api/positions', body: { opdId: A.opd, unitId: B.unit, name: 'Jabatan Asing' } },
      { method: 'PUT', url: `/api/positions/${A.position}`, body: { opdId: B.opd, name: 'Jabatan Asing' } },
      { method: 'POST', url: `/api/positions/${A.position}/holder`, body: { personId: B.person, startDate: '2025-02-01' } },
      { method: 'POST', url: '/api/people', body: personBody({ opd: B.opd }) },
      { method: 'POST', url: '/api/people', body: personBody(A, { unitId: B.unit }) },
      { method: 'PUT', url: `/api/people/${A.person}`, body: personBody({ opd: B.opd }) },
      { method: 'POST', url: '/api/users', body: { personId: B.person, email: 'asing@uji-a.go.id', roles: [{ roleId: A.asnRole }] } },
      { method: 'POST', url: '/api/users', body: { personId: await fresh.person(), email: 'asing2@uji-a.go.id', roles: [{ roleId: B.role }] } },
      { method: 'POST', url: '/api/users', body: { personId: await fresh.person(), email: 'asing3@uji-a.go.id', roles: [{ roleId: A.asnRole, opdId: B.opd }] } },
      { method: 'PUT', url: `/api/users/${A.user}/roles`, body: { roles: [{ roleId: B.role }] } },
      { method: 'PUT', url: `/api/users/${A.user}/roles`, body: { roles: [{ roleId: A.asnRole, opdId: B.opd }] } },
    ];
    for (const req of reqs) {
      const res = await adminA.call(req);
      expect([400, 403, 404], `${req.method} ${req.url} ${JSON.stringify(req.body)} → ${res.text}`).toContain(res.status);
      expect(leaked(res), req.url).toEqual([]);
    }
  });

  it('[A1] the other Pemda is untouched afterwards', async () => {
    const b = adminB.call;
    expect((await b({ method: 'GET', url: '/api/auth/me' })).status).toBe(200); // B's session survived
    expect((await ok(b({ method: 'GET', url: `/api/opds/${B.opd}` }))).name).toBe('Dinas Rahasia Zeta');
    expect((await ok(b({ method: 'GET', url: `/api/people/${B.person}` }))).deletedAt).toBeNull();
    expect((await ok(b({ method: 'GET', url: `/api/people?includeDeleted=true&q=Sutrisno` }))).items[0].deletedAt).not.toBeNull();
    const users = await ok(b({ method: 'GET', url: '/api/users?q=zeta' }));
    expect(users.items[0]).toMatchObject({ id: B.user, active: true, roles: [expect.objectContaining({ roleId: B.role })] });
    const role = (await ok(b({ method: 'GET', url: '/api/roles' }))).find((r: any) => r.id === B.role);
    expect(role).toMatchObject({ name: 'Peran Rahasia Zeta', permissions: ['org.read'] });
    expect((await ok(b({ method: 'GET', url: '/api/me/tokens' }))).map((x: any) => x.id)).toContain(B.token);
    expect((await ok(b({ method: 'GET', url: '/api/notifications/unread-count' }))).count).toBe(1);
    expect((await ok(b({ method: 'GET', url: '/api/positions' }))).items[0]).toMatchObject({ id: B.position, holderPersonId: null });
    expect((await b({ method: 'GET', url: `/api/files/${B.file}` })).status).toBe(200);
    expect((await ok(b({ method: 'GET', url: '/api/audit/verify' }))).ok).toBe(true);
  });

  it.each(defaultRoles.map((r) => r.code))('[A4] role %s gets exactly what its permissions allow', async (code) => {
    const role = defaultRoles.find((r) => r.code === code)!;
    const who = roleUsers.get(code)!;
    const allowed = (needs: Need[]) => needs.every(([p, s]) => role.permissions.includes(p) && (s !== 'tenant' || role.scope === 'tenant'));
    const failures: string[] = [];
    for (const route of routes) {
      const spec = specs[`${route.method} ${route.path}`];
      const req = await build(route, who);
      const res = await who.call(req);
      const want = allowed(spec.needs) ? (spec.ok ?? 200) : 403;
      if (res.status !== want) failures.push(`${req.method} ${req.url} → ${res.status} (want ${want}) ${res.text.slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
    const audit = (await who.call({ method: 'GET', url: '/api/audit' })).status;
    if (code === 'asn') expect(audit).toBe(403);
    if (code === 'auditor' || code === 'admin') expect(audit).toBe(200);
  });

  it('[A4] an OPD operator works only inside its own OPD', async () => {
    const op = roleUsers.get('operator_opd')!;
    const inY = await ok(adminA.call({ method: 'POST', url: '/api/people', body: personBody({ opd: A.opdY }, { fullName: 'Pegawai Di Opd Y' }) }));
    expect((await op.call({ method: 'POST', url: '/api/people', body: personBody(A, { fullName: 'Pegawai Operator X' }) })).status).toBe(200);
    const denied = await op.call({ method: 'POST', url: '/api/people', body: personBody({ opd: A.opdY }) });
    expect(denied.status).toBe(403);
    expect(denied.json.title).toBe('Anda tidak memiliki hak akses untuk tindakan ini.');
    expect((await op.call({ method: 'GET', url: `/api/people/${inY.id}` })).status).toBe(403);
    expect((await op.call({ method: 'PUT', url: `/api/opds/${A.opdY}`, body: opdBody('A.02', 'Dinas Alfa Kedua') })).status).toBe(403);
    const list = await ok(op.call({ method: 'GET', url: '/api/people?pageSize=200' }));
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((p: any) => p.opdId === A.opd)).toBe(true);
    expect(JSON.stringify(list)).not.toContain('Pegawai Di Opd Y');
    expect((await ok(op.call({ method: 'GET', url: `/api/people?opdId=${A.opdY}` }))).total).toBe(0);
    expect((await ok(op.call({ method: 'GET', url: '/api/opds' }))).items.map((o: any) => o.id)).toEqual([A.opd]);
  });

  it('[A4] without a session every non-public route answers 401 in Indonesian', async () => {
    const anon = caller();
    const failures: string[] = [];
    for (const route of routes) {
      const req = await build(route, adminA, route.path.includes(':id'));
      const res = await anon(req);
      if (res.status !== 401 || !res.type.includes('application/problem+json') || res.json?.title !== 'Silakan masuk terlebih dahulu.')
        failures.push(`${req.method} ${req.url} → ${res.status} ${res.type} ${res.text.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  });
});
