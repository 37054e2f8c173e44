import type { Permission } from '@persada/shared';
import { A, adminA, n, ok, org, type Need, type Specs, type Who } from './world.js';

export const specs: Specs = {};

// Systems module (D1–D15, C1): one register per path, each OPD-owned; IPs and interconnections are the Dinas's.
export const sysBodies: Record<string, (opd: string) => Record<string, unknown>> = {
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
export const sysForeign: Record<string, string> = {};
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

/** The other Pemda's systems and secops records (its admin creates them); returns what must never leak. */
export async function setupB(b: Who['call'], opdB: string) {
  for (const path of Object.keys(sysBodies)) {
    const body = { ...sysBodies[path](opdB), ...(path === 'subdomains' ? { label: 'zeta-rahasia' } : 'name' in sysBodies[path](opdB) ? { name: `Zeta ${path}` } : path === 'interconnections' ? { partyName: 'Zeta Bank' } : {}) };
    sysForeign[path] = (await ok(b({ method: 'POST', url: `/api/systems/${path}`, body }))).id;
  }
  // B's secops records (D13, D14)
  const soActB = await ok(b({ method: 'POST', url: '/api/secops/activities', body: { targetKind: 'application', applicationId: sysForeign.applications, function: 'deteksi', kind: 'monitoring_review', performedOn: '2026-01-05', executor: 'third_party', executorName: 'PT Rahasia Zeta' } }));
  SOB = {
    activities: soActB.id,
    findings: (await ok(b({ method: 'POST', url: `/api/secops/activities/${soActB.id}/findings`, body: { title: 'Temuan Rahasia Zeta', severity: 'kritis' } }))).id,
    coverage: (await ok(b({ method: 'POST', url: '/api/secops/coverage', body: { targetKind: 'application', applicationId: sysForeign.applications, tool: 'Alat Zeta' } }))).id,
    reports: (await ok(b({ method: 'POST', url: '/api/secops/reports', body: { periodStart: '2026-01-01', periodEnd: '2026-03-31', eventsObserved: 5, alertsEscalated: 1, incidentsRaised: 0, notes: 'Laporan Rahasia Zeta' } }))).id,
  };
  await ok(b({ method: 'PUT', url: '/api/secops/soc', body: { name: 'SOC Rahasia Zeta', operatingHours: '24/7' } }));
  return [...Object.values(sysForeign), ...Object.values(SOB)];
}

/** B's id for a systems or secops route, if it is one. */
export function foreignFor(path: string): string | undefined {
  const sys = /^\/api\/systems\/([a-z-]+)\//.exec(path);
  if (sys && sysForeign[sys[1]]) return sysForeign[sys[1]];
  const so = /^\/api\/secops\/([a-z-]+)\//.exec(path);
  if (so && SOB[so[1]]) return SOB[so[1]];
  return undefined;
}
