import { generate } from 'otplib';
import { TEST_PASSWORD } from '../harness.js';
import { A, B, fresh, n, ok, opdBody, org, personBody, signIn, t, type Foreign, type Specs } from './world.js';

/** Platform core (A1–A6): own profile, Pemda, OPDs, units, positions, people, roles, users, audit, notifications, files. */
export const specs: Specs = {
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
  'GET /api/documents/opd-officials': { needs: [org('org.read', 'tenant'), org('reports.export', 'any')], query: '?format=csv' },
};

export async function notify(tenantId: string, userId: string) {
  await t.deps.database.db.transaction((tx) => t.services.notifications.notify(tx, tenantId, [userId], { kind: 'uji', title: 'Pemberitahuan uji', body: 'Isi' }));
  const list = await t.services.notifications.list({ tenantId, userId, label: 'uji', grants: new Map() }, { page: 1, pageSize: 1 });
  return list.items[0].id;
}

export const foreign = (): Foreign => [
  [/^\/api\/opds\/:id\/restore/, B.deletedOpd], [/^\/api\/opds\//, B.opd], [/^\/api\/units\//, B.unit],
  [/^\/api\/positions\//, B.position], [/^\/api\/people\/:id\/restore/, B.deletedPerson], [/^\/api\/people\//, B.person],
  [/^\/api\/roles\//, B.role], [/^\/api\/users\//, B.user], [/^\/api\/files\//, B.file],
  [/^\/api\/notifications\//, B.notification], [/^\/api\/me\/sessions\//, B.session], [/^\/api\/me\/tokens\//, B.token],
];
