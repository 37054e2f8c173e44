import { A, B, adminA, fresh as coreFresh, gov, n, nextYear, ok, org, type Foreign, type Specs, type Who } from './world.js';

/** Regulations and compliance (R-REG), risks (E1), GRC links and governance (B1–B10). */
const riskBody = (contextId = A.riskContext, event = 'Server SIMPEG terenkripsi ransomware') => ({
  contextId, assetName: 'Server SIMPEG', event, category: 'keamanan', area: 'layanan', inherentL: 5, inherentI: 4,
});
const treatmentBody = { option: 'mitigate', action: 'Tutup RDP publik dan pasang VPN', startDate: '2026-02-01', endDate: '2026-03-31', targetL: 2, targetI: 3 };
const monitoringBody = { date: '2026-03-15', realisation: 'VPN aktif', currentL: 3, currentI: 3 };
const govPlanBody = () => ({ title: `Renstra Uji ${n()}`, startYear: 2025, programs: [{ name: 'Program', activities: [{ name: 'Kegiatan', yearlyTargets: ['1', '2', '3', '4', '5'] }] }] });
const govArchBody = () => ({ title: `Arsitektur Uji ${n()}`, validFrom: '2025-03-10', decreeNumber: 'Kep 1/2025' });
const govPolicyBody = () => ({ kind: 'regulation', title: `Kebijakan Uji ${n()}`, scopes: ['data'] });
const govSopBody = () => ({ number: `SOP.${n()}`, title: 'SOP Uji Alfa', actors: ['Sandiman'], steps: [{ activity: 'Menerima surat', actor: 0, minutes: 5 }] });
const govBcdrBody = () => ({ serviceName: `Layanan Uji ${n()}`, rtoMinutes: 60, rpoMinutes: 30, strategy: 'Replikasi harian', nextTestDate: '2027-01-10' });
/** A tenant's own regulation document (R-REG import as JSON). */
const regDoc = (code: string, name: string) => ({
  code, kind: 'perwal', issuer: `Wali Kota ${name}`, number: '1', year: 2024, title: `Pengamanan Informasi Kota ${name}`,
  articles: [{ number: '1', clauses: [{ text: `Dinas ${name} menyelenggarakan persandian.` }] }],
  obligations: [{ article: '1', text: `Persandian ${name} diselenggarakan.`, bearer: 'dinas', frequency: 'continuous', requirements: ['A1'] }],
});
const attestBody = () => ({ obligationId: A.obligation, statement: 'Pernyataan pemenuhan uji.', effectiveDate: '2026-01-01', expiresOn: '2030-01-01' });

const fresh = {
  ...coreFresh,
  riskContext: async () => (await ok(adminA.call({ method: 'POST', url: '/api/risk-contexts', body: { opdId: A.opd, year: nextYear(), appetiteDefault: 10 } }))).id as string,
  risk: async (deleted = false) => {
    const id = (await ok(adminA.call({ method: 'POST', url: '/api/risks', body: riskBody() }))).id as string;
    if (deleted) await ok(adminA.call({ method: 'DELETE', url: `/api/risks/${id}` }));
    return id;
  },
  riskTreatment: async () => (await ok(adminA.call({ method: 'POST', url: `/api/risks/${A.risk}/treatments`, body: treatmentBody }))).id as string,
  riskMonitoring: async () => (await ok(adminA.call({ method: 'POST', url: `/api/risks/${A.risk}/monitorings`, body: monitoringBody }))).id as string,
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
};

export const specs: Specs = {
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
};

/** B's governance record id by route segment (plans, architectures, controls, policies, sops, bcdr). */
let BG: Record<string, string> = {};

/** The other Pemda's GRC records, created through the API by its admin; returns their ids for B. */
export async function setupB(b: Who['call'], opdB: string) {
  const regB = await ok(b({ method: 'POST', url: '/api/regulations/import', body: regDoc('PERWAL-ZETA-1', 'Zeta') }));
  const oblB = (await ok(b({ method: 'GET', url: `/api/regulations/${regB.id}` }))).articles[0].obligations[0].id;
  const attB = await ok(b({ method: 'POST', url: '/api/compliance/attestations', body: { obligationId: oblB, statement: 'Pernyataan rahasia Zeta.', effectiveDate: '2026-01-01', expiresOn: '2030-01-01' } }));
  const ctxB = await ok(b({ method: 'POST', url: '/api/risk-contexts', body: { opdId: opdB, year: 2026, scope: 'Layanan Zeta', appetiteDefault: 10 } }));
  const riskB = await ok(b({ method: 'POST', url: '/api/risks', body: riskBody(ctxB.id, 'Kebocoran data Zeta') }));
  const planB = await ok(b({ method: 'POST', url: `/api/risks/${riskB.id}/treatments`, body: { ...treatmentBody, action: 'Rencana rahasia Zeta' } }));
  const monB = await ok(b({ method: 'POST', url: `/api/risks/${riskB.id}/monitorings`, body: { ...monitoringBody, realisation: 'Realisasi Zeta' } }));
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
  return { regulation: regB.id, obligation: oblB, attestation: attB.id, riskContext: ctxB.id, risk: riskB.id, riskTreatment: planB.id, riskMonitoring: monB.id, governance: BG };
}

/** This Pemda's regulation, obligation, risk context and risk. */
export async function setupA() {
  A.regulation = (await ok(adminA.call({ method: 'POST', url: '/api/regulations/import', body: regDoc('PERWAL-ALFA-UTAMA', 'Alfa') }))).id;
  A.obligation = (await ok(adminA.call({ method: 'GET', url: `/api/regulations/${A.regulation}` }))).articles[0].obligations[0].id;
  A.riskContext = (await ok(adminA.call({ method: 'POST', url: '/api/risk-contexts', body: { opdId: A.opd, year: 2026, appetiteDefault: 10 } }))).id;
  A.risk = (await ok(adminA.call({ method: 'POST', url: '/api/risks', body: riskBody() }))).id;
}

export const foreign = (): Foreign => [
  [/^\/api\/regulations\//, B.regulation], [/^\/api\/compliance\/regulations\//, B.regulation],
  [/^\/api\/compliance\/obligations\//, B.obligation], [/^\/api\/compliance\/attestations\//, B.attestation],
  [/^\/api\/risk-contexts\//, B.riskContext], [/^\/api\/risks\//, B.risk],
  [/^\/api\/risk-treatments\//, B.riskTreatment], [/^\/api\/risk-monitorings\//, B.riskMonitoring],
  ...Object.entries(BG).map(([k, id]): [RegExp, string] => [new RegExp(`^/api/governance/${k}/`), id]),
];
