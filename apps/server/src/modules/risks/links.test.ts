import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRoles } from '../tenants/tenants.service.js';
import { TEST_PASSWORD, client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';

/* Links between records of the GRC modules: a risk's asset is a systems record, a rule/control
 * names the risks it treats and the obligations it satisfies; each side can list the other. */

let t: TestApp;
let admin: ReturnType<typeof client>;
let operatorY: ReturnType<typeof client>;
let other: ReturnType<typeof client>;
let opdX: string;
let opdY: string;
let ctxX: string;
let appId: string;
let deviceId: string;
let foreignAppId: string;

const riskBody = (over: Record<string, unknown> = {}) => ({
  contextId: ctxX,
  assetName: 'Aplikasi layanan kesehatan',
  event: 'Basis data SIMPUS bocor',
  category: 'keamanan',
  area: 'layanan',
  inherentL: 4,
  inherentI: 4,
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeTenant(t);
  admin = client(t, await login(t, a.email));
  opdX = (await admin.post('/api/opds', { code: '1.02', name: 'Dinas Kesehatan', shortName: 'DINKES' })).body.id;
  opdY = (await admin.post('/api/opds', { code: '2.12', name: 'Dinas Kependudukan', shortName: 'DISDUKCAPIL' })).body.id;
  const email = `op.y@${a.tenant.slug}.go.id`;
  await createUserWithRoles(t.deps.database.db, a.tenant.id, { email, displayName: 'Operator Y', password: TEST_PASSWORD, roles: [{ code: 'operator_opd', opdId: opdY }] });
  operatorY = client(t, await login(t, email));
  ctxX = (await admin.post('/api/risk-contexts', { opdId: opdX, year: 2026, appetiteDefault: 10 })).body.id;
  appId = (await admin.post('/api/systems/applications', { opdId: opdX, name: 'SIMPUS', kind: 'khusus', purpose: 'Sistem informasi puskesmas', status: 'operational' })).body.id;
  deviceId = (await admin.post('/api/systems/devices', { opdId: opdX, kind: 'server', name: 'SRV-DB-01', location: 'data_centre' })).body.id;
  const b = await makeTenant(t);
  other = client(t, await login(t, b.email));
  const otherOpd = (await other.post('/api/opds', { code: '1.02', name: 'Dinas Kesehatan B' })).body.id;
  foreignAppId = (await other.post('/api/systems/applications', { opdId: otherOpd, name: 'SIMPUS Kota B', kind: 'khusus' })).body.id;
}, 60_000);
afterAll(() => t?.stop());

describe('risk asset linked to the systems registers', () => {
  it('[E1] stores the picked application with its current name and lists the risk on the application', async () => {
    expect(appId).toBeTruthy();
    const res = await admin.post('/api/risks', riskBody({ assetEntity: 'sys_application', applicationId: appId, applicationName: 'nama ketikan diabaikan' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ assetEntity: 'sys_application', applicationId: appId, applicationName: 'SIMPUS' });
    const onApp = await admin.get(`/api/risks/by-asset?entity=sys_application&id=${appId}`);
    expect(onApp.status).toBe(200);
    expect(onApp.body).toEqual([expect.objectContaining({ id: res.body.id, code: res.body.code, event: 'Basis data SIMPUS bocor', opdName: 'Dinas Kesehatan' })]);
    // the same id under another register is a different record: nothing there
    expect((await admin.get(`/api/risks/by-asset?entity=sys_device&id=${appId}`)).body).toEqual([]);
    // an OPD-scoped user of another OPD does not see the risk
    expect((await operatorY.get(`/api/risks/by-asset?entity=sys_application&id=${appId}`)).body).toEqual([]);
  });

  it('[E1] links a server as the asset; the device lists it', async () => {
    const res = await admin.post('/api/risks', riskBody({ event: 'Server basis data mati', assetEntity: 'sys_device', applicationId: deviceId }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ assetEntity: 'sys_device', applicationName: 'SRV-DB-01' });
    const onDev = await admin.get(`/api/risks/by-asset?entity=sys_device&id=${deviceId}`);
    expect(onDev.body.map((r: any) => r.event)).toEqual(['Server basis data mati']);
  });

  it('[E1] refuses another Pemda\u2019s application or a deleted one with a bilingual 400', async () => {
    const foreign = await admin.post('/api/risks', riskBody({ applicationId: foreignAppId }));
    expect(foreign.status).toBe(400);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'applicationId' })]);
    expect(JSON.stringify(foreign.body)).toContain('Pilih ulang asetnya');
    expect(JSON.stringify(foreign.body)).toContain('Pick the asset again');

    const gone = (await admin.post('/api/systems/applications', { opdId: opdX, name: 'Aplikasi Lama', kind: 'umum' })).body.id;
    const risk = (await admin.post('/api/risks', riskBody({ event: 'Aplikasi lama diretas', applicationId: gone }))).body;
    expect(risk.applicationName).toBe('Aplikasi Lama');
    expect((await admin.del(`/api/systems/applications/${gone}`)).status).toBe(200);
    const stale = await admin.put(`/api/risks/${risk.id}`, riskBody({ event: 'Aplikasi lama diretas', applicationId: gone }));
    expect(stale.status).toBe(400);
    // unlinking (typed label) still saves
    const typed = await admin.put(`/api/risks/${risk.id}`, riskBody({ event: 'Aplikasi lama diretas', applicationId: null, applicationName: 'Aplikasi lama (dihapus)' }));
    expect(typed.status).toBe(200);
    expect(typed.body).toMatchObject({ assetEntity: null, applicationId: null, applicationName: 'Aplikasi lama (dihapus)' });
  });

  it('[E1] follows a rename of the application on the next save of the risk', async () => {
    const risk = (await admin.post('/api/risks', riskBody({ event: 'Akun admin SIMPUS dibobol', applicationId: appId }))).body;
    const app = (await admin.get(`/api/systems/applications/${appId}`)).body;
    await admin.put(`/api/systems/applications/${appId}`, { opdId: app.opdId, name: 'SIMPUS v2', kind: 'khusus', purpose: app.purpose, status: 'operational' });
    const saved = await admin.put(`/api/risks/${risk.id}`, riskBody({ event: 'Akun admin SIMPUS dibobol', applicationId: appId }));
    expect(saved.body.applicationName).toBe('SIMPUS v2');
  });

  it('[E1] a risk id of another Pemda is not found in its by-asset lookup', async () => {
    expect((await other.get(`/api/risks/by-asset?entity=sys_application&id=${appId}`)).body).toEqual([]);
    expect((await admin.get('/api/risks/by-asset?entity=nope&id=x')).status).toBe(400);
  });
});

describe('rule/control links to risks and obligations', () => {
  it('[B7] [R-REG] stores the current risk and obligation labels and lists the controls treating a risk', async () => {
    const risk = (await admin.post('/api/risks', riskBody({ event: 'Serangan ransomware pusat data' }))).body;
    const options = await admin.get('/api/compliance/obligations?q=MJK-40');
    expect(options.status).toBe(200);
    expect(options.body.length).toBeGreaterThan(0);
    const ob = options.body[0];
    expect(ob.regulationCode).toBe('MJK-40');
    expect(ob.label).toContain('MJK-40');
    const controls = (await admin.get('/api/governance/controls?kind=procedure')).body;
    const c = controls.find((x: any) => x.code === 'r');
    const upd = await admin.put(`/api/governance/controls/${c.id}`, {
      links: [
        { entity: 'risk', id: risk.id, label: 'label lama' },
        { entity: 'obligation', id: ob.id, label: 'label lama' },
        { entity: 'sop', id: null, label: 'SOP Penanganan Insiden' },
      ],
    });
    expect(upd.status).toBe(200);
    expect(upd.body.links).toEqual([
      { entity: 'risk', id: risk.id, label: `${risk.code} Serangan ransomware pusat data` },
      { entity: 'obligation', id: ob.id, label: ob.label },
      { entity: 'sop', id: null, label: 'SOP Penanganan Insiden' },
    ]);
    const treating = await admin.get(`/api/governance/controls/linked?entity=risk&id=${risk.id}`);
    expect(treating.status).toBe(200);
    expect(treating.body).toEqual([expect.objectContaining({ id: c.id, code: 'r', kind: 'procedure' })]);
    const satisfying = await admin.get(`/api/governance/controls/linked?entity=obligation&id=${ob.id}`);
    expect(satisfying.body.map((x: any) => x.id)).toEqual([c.id]);
    // another Pemda sees none of it
    expect((await other.get(`/api/governance/controls/linked?entity=risk&id=${risk.id}`)).body).toEqual([]);
    // the control's "Memenuhi kewajiban" panel lists the obligation it names (regulation bound)
    await admin.put(`/api/regulations/${ob.regulationId}/binding`, { bound: true });
    const panel = await admin.get(`/api/compliance/links?entity=gov_control&id=${c.id}`);
    expect(panel.status).toBe(200);
    expect(panel.body.map((l: any) => l.obligationId)).toContain(ob.id);
  });

  it('[B7] refuses a foreign or deleted risk and an unknown obligation with a bilingual 400', async () => {
    const c = (await admin.get('/api/governance/controls?kind=rule')).body[0];
    const ctxB = (await other.get('/api/risk-contexts')).body.items[0];
    expect(ctxB).toBeUndefined();
    const gone = (await admin.post('/api/risks', riskBody({ event: 'Risiko yang dihapus' }))).body;
    await admin.del(`/api/risks/${gone.id}`);
    const deleted = await admin.put(`/api/governance/controls/${c.id}`, { links: [{ entity: 'risk', id: gone.id, label: 'x' }] });
    expect(deleted.status).toBe(400);
    expect(deleted.body.errors).toEqual([expect.objectContaining({ field: 'links.0.id' })]);
    expect(JSON.stringify(deleted.body)).toContain('Pilih ulang tautannya');
    expect(JSON.stringify(deleted.body)).toContain('Pick the link again');
    // a control of another Pemda cannot point to this Pemda's risk
    const cb = (await other.get('/api/governance/controls?kind=rule')).body[0];
    const live = (await admin.post('/api/risks', riskBody({ event: 'Risiko Pemda A' }))).body;
    expect((await other.put(`/api/governance/controls/${cb.id}`, { links: [{ entity: 'risk', id: live.id, label: 'x' }] })).status).toBe(400);
    const unknownOb = await admin.put(`/api/governance/controls/${c.id}`, { links: [{ entity: 'obligation', id: '8e4ad8f0-6f52-4a53-9b6b-0d6b8f1c1a11', label: 'x' }] });
    expect(unknownOb.status).toBe(400);
    const unsupported = await admin.put(`/api/governance/controls/${c.id}`, { links: [{ entity: 'sop', id: live.id, label: 'x' }] });
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.errors).toEqual([expect.objectContaining({ field: 'links.0.entity' })]);
    // typed labels (older rows) keep saving
    const typed = await admin.put(`/api/governance/controls/${c.id}`, { links: [{ entity: 'risk', id: null, label: 'Risiko tertulis' }] });
    expect(typed.status).toBe(200);
  });
});
