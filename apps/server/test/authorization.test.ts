import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRoles } from '@persada/shared';
import { createUserWithRoles } from '../src/modules/tenants/tenants.service.js';
import { TEST_PASSWORD, makeTenant, startTestApp } from './harness.js';
import * as core from './authz/core.specs.js';
import * as grc from './authz/grc.specs.js';
import * as systems from './authz/systems.specs.js';
import * as pki from './authz/pki.specs.js';
import * as certificates from './authz/certificates.specs.js';
import { A, B, SKIP, adminA, adminB, caller, fresh, n, nip, ok, opdBody, personBody, setWorld, signIn, t, type Need, type Req, type Res, type Specs, type Who } from './authz/world.js';

/**
 * Generic authorization sweep over every registered route (A1, A4): tenant isolation with
 * another Pemda's real record ids, each built-in role against its permissions, and 401 without a session.
 * Each module's routes are described in ./authz/<module>.specs.ts (permissions needed, own-tenant target, valid body).
 */
const { sysBodies, sysForeign } = systems;
const { certApp, certBody, certNeedBody } = certificates;
const parts = [core.specs, grc.specs, systems.specs, pki.specs, certificates.specs];
const specs: Specs = Object.assign({}, ...parts);
const roleUsers = new Map<string, Who>();
let routes: { method: string; path: string }[];
let secretsB: string[];

// The password change runs last for each user: it would invalidate later logins.
const order = (r: { method: string; path: string }) => (r.path === '/api/me/password' ? 1 : 0);

/** B's record id for a path parameter, chosen by path prefix. */
function foreignId(path: string): string {
  const own = systems.foreignFor(path);
  if (own) return own;
  if (path.startsWith('/api/certificates/')) return B.person; // any id of the other Pemda: certificate records are tenant-scoped
  const hit = [...core.foreign(), ...grc.foreign(), ...pki.foreign()].find(([re]) => re.test(path));
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
  const app = await startTestApp();
  setWorld({ t: app });
  const ta = await makeTenant(t);
  const tb = await makeTenant(t);
  setWorld({ adminA: await signIn(ta.email, ta.user.id), adminB: await signIn(tb.email, tb.user.id) });

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
  const { governance, ...grcB } = await grc.setupB(b, opdB.id);
  setWorld({
    B: {
      ...grcB,
      tenantId: tb.tenant.id, slug: tb.tenant.slug, opd: opdB.id, unit: unitB.id, position: posB.id, person: personB.id, role: roleB.id, user: userB.id,
      file: fileB.id, signing: await pki.signingRequest(tb.tenant.id, tb.user.id, userB.id), deletedOpd: delOpdB.id, deletedPerson: delPersonB.id, token: tokenB.id, session: sessionB, notification: await core.notify(tb.tenant.id, tb.user.id),
      pkiCert: await pki.fresh.pkiCert(tb.tenant.id, 'Sertifikat Rahasia Zeta'),
      trustedRoot: await pki.fresh.trustedRoot(b),
    } as unknown as typeof B,
  });
  const sysSecrets = await systems.setupB(b, opdB.id);
  secretsB = [...Object.values(B), ...Object.values(governance), ...sysSecrets, 'Zeta', personB.nip, tb.email, 'uji-b.go.id', fileB.name, tb.tenant.name];

  // Tenant A: OPD X (scoped roles live here), OPD Y, and one record of each kind.
  const x = await ok(adminA.call({ method: 'POST', url: '/api/opds', body: opdBody('A.01', 'Dinas Alfa Utama') }));
  const y = await ok(adminA.call({ method: 'POST', url: '/api/opds', body: opdBody('A.02', 'Dinas Alfa Kedua') }));
  setWorld({ A: { tenantId: ta.tenant.id, slug: ta.tenant.slug, opd: x.id, opdY: y.id } as unknown as typeof A });
  A.unit = await fresh.unit();
  A.position = await fresh.position();
  A.person = await fresh.person();
  A.role = await fresh.role();
  const roles = await ok(adminA.call({ method: 'GET', url: '/api/roles' }));
  A.asnRole = roles.find((r: any) => r.code === 'asn').id;
  A.user = (await ok(adminA.call({ method: 'POST', url: '/api/users', body: { personId: await fresh.person(), email: 'sasaran@uji-a.go.id', roles: [{ roleId: A.asnRole }] } }))).id;
  A.file = (await ok(adminA.call({ method: 'POST', url: '/api/files', file: 'lampiran-alfa.pdf' }))).id;
  await grc.setupA();

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
    // no module's spec file describes a route another one already does
    expect(Object.keys(specs).length).toBe(parts.reduce((k, p) => k + Object.keys(p).length, 0));
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
