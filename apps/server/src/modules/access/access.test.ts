import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let admin: ReturnType<typeof client>;
let opdId: string;
let adminUserId: string;

beforeAll(async () => {
  t = await startTestApp();
  const made = await makeTenant(t);
  adminUserId = made.user.id;
  admin = client(t, await login(t, made.email));
  opdId = (await admin.post('/api/opds', { code: '1.01', name: 'Dinas Kesehatan' })).body.id;
});
afterAll(() => t?.stop());

async function newPerson(name: string, nip: string) {
  const res = await admin.post('/api/people', { fullName: name, kind: 'asn', nip, email: `${nip}@uji.go.id`, opdId });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

const roleId = async (code: string) => (await admin.get('/api/roles')).body.find((r: any) => r.code === code).id as string;

describe('roles and users', () => {
  it('[A4] seeds the roles of the seeds with their permissions', async () => {
    const roles = await admin.get('/api/roles');
    const codes = roles.body.map((r: any) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['kepala_daerah', 'sekda', 'kepala_dinas', 'sandiman', 'pengelola_ra', 'bagian_umum', 'auditor', 'operator_opd', 'asn', 'reviewer']));
    const auditor = roles.body.find((r: any) => r.code === 'auditor');
    expect(auditor.system).toBe(true);
    expect(auditor.permissions).toContain('audit.verify');
    expect(auditor.permissions).not.toContain('people.manage');
  });

  it('[A4] gives a new user a one-time password that must be changed before anything else', async () => {
    const personId = await newPerson('Fajar Nugroho', '199205052019031011');
    const created = await admin.post('/api/users', { personId, email: 'fajar@uji.go.id', roles: [{ roleId: await roleId('operator_opd'), opdId }] });
    expect(created.status).toBe(200);
    const cookie = await login(t, 'fajar@uji.go.id', created.body.temporaryPassword);
    const api = client(t, cookie);
    expect((await api.get('/api/auth/me')).body.mustChangePassword).toBe(true);
    const blocked = await api.get('/api/people');
    expect(blocked.status).toBe(403);
    expect(blocked.body.title).toBe('Ganti kata sandi sementara Anda terlebih dahulu.');
    expect((await api.post('/api/me/password', { currentPassword: created.body.temporaryPassword, newPassword: 'Fajar-Baru#2026' })).status).toBe(200);
    expect((await api.get('/api/people')).status).toBe(200);
    // the OPD-scoped operator sees only their OPD
    const other = (await admin.post('/api/opds', { code: '1.02', name: 'Dinas Pendidikan' })).body.id;
    expect((await api.post('/api/people', { fullName: 'Guru', kind: 'asn', nip: '198001012005011001', email: 'guru@uji.go.id', opdId: other })).status).toBe(403);
    expect((await api.post('/api/people', { fullName: 'Perawat', kind: 'asn', nip: '198001012005012002', email: 'perawat@uji.go.id', opdId })).status).toBe(200);
  });

  it('[A4] changes a role\'s permissions as data and the change takes effect at once', async () => {
    const personId = await newPerson('Siti Aminah', '198409092009022010');
    const created = await admin.post('/api/users', { personId, email: 'siti@uji.go.id', roles: [{ roleId: await roleId('asn') }] });
    const api = client(t, await login(t, 'siti@uji.go.id', created.body.temporaryPassword));
    await api.post('/api/me/password', { currentPassword: created.body.temporaryPassword, newPassword: 'Siti-Baru#20260' });
    expect((await api.get('/api/audit')).status).toBe(403);
    const asn = (await admin.get('/api/roles')).body.find((r: any) => r.code === 'asn');
    const upd = await admin.put(`/api/roles/${asn.id}`, { name: asn.name, nameEn: asn.nameEn, permissions: [...asn.permissions, 'audit.read'] });
    expect(upd.status).toBe(200);
    expect((await api.get('/api/audit')).status).toBe(200);
    const log = await admin.get(`/api/audit?entity=role&entityId=${asn.id}&action=update`);
    expect(log.body.items[0].after.permissions).toContain('audit.read');
    expect(log.body.items[0].before.permissions).not.toContain('audit.read');
  });

  it('[A4] creates and deletes a custom role, but never a built-in one', async () => {
    const created = await admin.post('/api/roles', { code: 'tim_csirt', name: 'Tim CSIRT', nameEn: 'CSIRT team', permissions: ['org.read'] });
    expect(created.status).toBe(200);
    expect((await admin.post('/api/roles', { code: 'tim_csirt', name: 'Lagi', nameEn: 'Again', permissions: [] })).status).toBe(409);
    expect((await admin.post('/api/roles', { code: 'x_role', name: 'X', nameEn: 'X', permissions: ['tidak.ada'] })).status).toBe(400);
    expect((await admin.del(`/api/roles/${created.body.id}`)).status).toBe(200);
    const builtIn = await admin.del(`/api/roles/${await roleId('sekda')}`);
    expect(builtIn.status).toBe(409);
    expect(builtIn.body.title).toBe('Peran bawaan tidak dapat dihapus.');
  });

  it('[A4] refuses to remove the last administrator', async () => {
    const res = await admin.put(`/api/users/${adminUserId}/roles`, { roles: [{ roleId: await roleId('asn') }] });
    expect(res.status).toBe(409);
    expect(res.body.title).toBe('Tidak boleh mencabut administrator terakhir.');
    expect((await admin.post(`/api/users/${adminUserId}/deactivate`)).status).toBe(409);
    expect((await admin.get('/api/auth/me')).body.permissions).toContain('access.manage');
  });

  it('[A6] deactivates a user (who can no longer log in), reactivates and resets the password', async () => {
    const users = await admin.get('/api/users?q=siti');
    const siti = users.body.items[0];
    expect(siti.roles[0].code).toBe('asn');
    expect((await admin.post(`/api/users/${siti.id}/deactivate`)).status).toBe(200);
    const denied = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'siti@uji.go.id', password: 'Siti-Baru#20260' } });
    expect(denied.statusCode).toBe(403);
    expect((await admin.post(`/api/users/${siti.id}/activate`)).status).toBe(200);
    const reset = await admin.post(`/api/users/${siti.id}/reset-password`);
    expect(reset.body.temporaryPassword).toHaveLength(14);
    expect((await client(t, await login(t, 'siti@uji.go.id', reset.body.temporaryPassword)).get('/api/auth/me')).body.mustChangePassword).toBe(true);
  });
});
