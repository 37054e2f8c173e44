import type { DbOrTx } from '../../db/client.js';
import type { EvidenceCheck, EvidenceContext, EvidenceResult } from '../../platform/compliance/evidence.js';
import { CONTROL_ASPECTS, RULE_AREAS } from './data/catalog.js';
import { addDays, todayJakarta } from './dates.js';
import * as repo from './governance.repo.js';

/** Evidence checks of the governance module (B1–B10), evaluated on the tenant's real records. */
const r = (status: EvidenceResult['status'], id: string, en: string, records: EvidenceResult['records'] = [], validUntil?: string | null): EvidenceResult => ({
  status,
  detail: { id, en },
  records,
  validUntil,
});

async function controlsWithStatus(db: DbOrTx, ctx: EvidenceContext, kind: 'rule' | 'procedure') {
  const controls = await repo.listControls(db, ctx.tenantId, kind);
  const established = controls.filter((c) => c.instrumentNumber);
  return { controls, established };
}

export const governanceEvidence: EvidenceCheck[] = [
  {
    key: 'governance.strategic_plan_valid',
    label: { id: 'Rencana strategis pengamanan informasi 5 tahun berlaku', en: 'A valid 5-year information security strategic plan' },
    async evaluate(db, ctx) {
      const plans = await repo.listPlans(db, ctx.tenantId);
      const current = plans.find((p) => ctx.year >= p.startYear && ctx.year <= p.startYear + 4);
      if (!current) return r('missing', `Belum ada renstra pengamanan informasi yang mencakup tahun ${ctx.year}.`, `No information security strategic plan covers ${ctx.year}.`);
      const rec = [{ entity: 'gov_strategic_plan', id: current.id, label: current.title, href: `/tata-kelola/renstra?id=${current.id}` }];
      const until = `${current.startYear + 4}-12-31`;
      const complete = current.goals.length > 0 && current.programs.length > 0 && !!current.rpjmdReference;
      if (!complete)
        return r('partly', `Renstra ${current.startYear}–${current.startYear + 4} belum lengkap (tujuan, program, atau kaitan RPJMD).`, `The ${current.startYear}–${current.startYear + 4} plan is incomplete (goals, programs or RPJMD link).`, rec, until);
      if (current.startYear + 4 === ctx.year)
        return r('due_soon', `Renstra ${current.startYear}–${current.startYear + 4} berakhir tahun ini; siapkan renstra berikutnya.`, `The ${current.startYear}–${current.startYear + 4} plan ends this year; prepare the next one.`, rec, until);
      return r('met', `Renstra ${current.startYear}–${current.startYear + 4} berlaku dan terintegrasi dengan RPJMD.`, `The ${current.startYear}–${current.startYear + 4} plan is in force and linked to the RPJMD.`, rec, until);
    },
  },
  {
    key: 'governance.security_architecture_valid',
    label: { id: 'Arsitektur keamanan informasi ditetapkan dan berlaku', en: 'Information security architecture set and valid' },
    async evaluate(db, ctx) {
      const today = todayJakarta(ctx.now);
      const all = await repo.listArchitectures(db, ctx.tenantId);
      const a = all.find((x) => today >= x.validFrom && today <= x.validUntil);
      if (!a) return r('missing', 'Belum ada arsitektur keamanan informasi yang berlaku.', 'No information security architecture is in force.');
      const rec = [{ entity: 'gov_architecture', id: a.id, label: a.title, href: '/tata-kelola/arsitektur' }];
      if (!a.decreeNumber) return r('partly', 'Arsitektur tersedia tetapi belum ditetapkan dengan keputusan kepala daerah.', 'An architecture exists but has no decree of the head of region.', rec, a.validUntil);
      const overdue = a.evaluations.filter((e) => e.kind !== 'adhoc' && !e.doneDate && e.dueDate && e.dueDate < today);
      if (overdue.length) return r('partly', 'Evaluasi arsitektur yang terjadwal belum dilaksanakan.', 'A scheduled architecture evaluation is overdue.', rec, a.validUntil);
      if (a.validUntil <= addDays(today, 90)) return r('due_soon', `Arsitektur berlaku sampai ${a.validUntil}.`, `The architecture is valid until ${a.validUntil}.`, rec, a.validUntil);
      return r('met', `Arsitektur ditetapkan (${a.decreeNumber}) dan berlaku sampai ${a.validUntil}.`, `The architecture is set (${a.decreeNumber}) and valid until ${a.validUntil}.`, rec, a.validUntil);
    },
  },
  {
    key: 'governance.rules_eight_areas',
    label: { id: 'Aturan tata kelola keamanan informasi (8 bidang)', en: 'Information security governance rules (8 areas)' },
    async evaluate(db, ctx) {
      const { established } = await controlsWithStatus(db, ctx, 'rule');
      const rec = established.map((c) => ({ entity: 'gov_control', id: c.id, label: `${c.code}. ${c.title}`, href: '/tata-kelola/aturan' }));
      const n = established.length;
      const total = RULE_AREAS.length;
      const status = n >= total ? 'met' : n > 0 ? 'partly' : 'missing';
      return r(status, `${n} dari ${total} bidang aturan tata kelola telah ditetapkan.`, `${n} of ${total} governance rule areas are established.`, rec);
    },
  },
  {
    key: 'governance.control_procedures_22',
    label: { id: 'Prosedur pengendalian keamanan informasi SPBE (22 aspek)', en: 'SPBE security control procedures (22 aspects)' },
    async evaluate(db, ctx) {
      const { established } = await controlsWithStatus(db, ctx, 'procedure');
      const rec = established.map((c) => ({ entity: 'gov_control', id: c.id, label: `${c.code}. ${c.title}`, href: '/tata-kelola/prosedur' }));
      const n = established.length;
      const total = CONTROL_ASPECTS.length;
      // aspect v ("lainnya") is optional: a–u established is complete
      const core = established.filter((c) => c.code !== 'v').length;
      const status = core >= total - 1 ? 'met' : n > 0 ? 'partly' : 'missing';
      return r(status, `${n} dari ${total} aspek prosedur pengendalian telah ditetapkan.`, `${n} of ${total} control procedure aspects are established.`, rec);
    },
  },
  {
    key: 'governance.control_procedures_applied',
    label: { id: 'Prosedur pengendalian diterapkan oleh setiap Perangkat Daerah', en: 'Control procedures applied by every OPD' },
    async evaluate(db, ctx) {
      const { established } = await controlsWithStatus(db, ctx, 'procedure');
      const opds = await repo.opdsOf(db, ctx.tenantId);
      if (!established.length || !opds.length) return r('missing', 'Belum ada prosedur pengendalian yang ditetapkan untuk diterapkan.', 'No control procedure has been established yet.');
      const statuses = await repo.listControlStatuses(db, ctx.tenantId, established.map((c) => c.id));
      const applied = new Set(statuses.filter((s) => s.status === 'applied').map((s) => `${s.controlId}:${s.opdId}`));
      const full = opds.filter((o) => established.every((c) => applied.has(`${c.id}:${o.id}`)));
      const total = established.length * opds.length;
      const status = full.length === opds.length ? 'met' : applied.size > 0 ? 'partly' : 'missing';
      return r(
        status,
        `${full.length} dari ${opds.length} OPD telah menerapkan seluruh prosedur yang ditetapkan (${applied.size} dari ${total} penerapan).`,
        `${full.length} of ${opds.length} OPDs apply every established procedure (${applied.size} of ${total} applications).`,
        full.map((o) => ({ entity: 'opd', id: o.id, label: o.shortName ?? o.name, href: '/tata-kelola/prosedur' })),
      );
    },
  },
  {
    key: 'governance.technical_team',
    label: { id: 'Penanggung jawab dan tim pelaksana teknis keamanan SPBE', en: 'Responsible party and SPBE security technical team' },
    async evaluate(db, ctx) {
      const { team, members } = await repo.getTeam(db, ctx.tenantId);
      if (!members.length) return r('missing', 'Tim pelaksana teknis keamanan SPBE belum ditetapkan.', 'The SPBE security technical team is not set.');
      const has = (role: string) => members.some((m) => m.role === role);
      const rec = [{ entity: 'gov_team', id: team?.id ?? members[0].id, label: team?.decreeNumber ?? 'Tim pelaksana teknis', href: '/tata-kelola/tim' }];
      if (!has('responsible') || !has('chair') || !has('member') || !team?.decreeNumber)
        return r('partly', 'Tim belum lengkap (penanggung jawab, ketua, anggota) atau belum memiliki keputusan penetapan.', 'The team is incomplete (responsible, chair, members) or has no decree.', rec);
      return r('met', `Tim pelaksana teknis ditetapkan (${team.decreeNumber}) dengan ${members.filter((m) => m.role === 'member').length} anggota.`, `The technical team is set (${team.decreeNumber}) with ${members.filter((m) => m.role === 'member').length} members.`, rec);
    },
  },
  {
    key: 'governance.internal_policy',
    label: { id: 'Kebijakan internal manajemen keamanan informasi SPBE', en: 'SPBE information security internal policy' },
    async evaluate(db, ctx) {
      const list = await repo.listPolicies(db, ctx.tenantId, { kind: 'internal_policy' });
      const inForce = list.find((p) => p.status === 'in_force');
      if (inForce) {
        const rec = [{ entity: 'gov_policy', id: inForce.id, label: inForce.title, href: '/tata-kelola/kebijakan' }];
        if (inForce.elements.length < 9 || inForce.scopes.length < 3 || inForce.assurances.length < 5)
          return r(
            'partly',
            'Kebijakan internal berlaku tetapi belum memuat seluruh unsur, ruang lingkup (data, aplikasi, infrastruktur) atau penjaminan keamanan.',
            'The internal policy is in force but lacks some elements, scope (data, applications, infrastructure) or assurances.',
            rec,
          );
        return r('met', `Kebijakan internal "${inForce.title}" berlaku.`, `The internal policy "${inForce.title}" is in force.`, rec);
      }
      if (list.some((p) => p.status !== 'superseded'))
        return r('partly', 'Kebijakan internal masih dalam penyusunan atau belum diberlakukan.', 'The internal policy is being drafted or not yet in force.', list.map((p) => ({ entity: 'gov_policy', id: p.id, label: p.title, href: '/tata-kelola/kebijakan' })));
      return r('missing', 'Belum ada kebijakan internal manajemen keamanan informasi SPBE.', 'There is no SPBE security internal policy.');
    },
  },
  {
    key: 'governance.policy_register',
    label: { id: 'Daftar kebijakan dan peraturan keamanan informasi', en: 'Register of security policies and regulations' },
    async evaluate(db, ctx) {
      const list = await repo.listPolicies(db, ctx.tenantId, {});
      const inForce = list.filter((p) => p.status === 'in_force');
      const rec = inForce.map((p) => ({ entity: 'gov_policy', id: p.id, label: p.number ? `${p.title} (${p.number})` : p.title, href: '/tata-kelola/kebijakan' }));
      if (!list.length) return r('missing', 'Register kebijakan dan peraturan masih kosong.', 'The policy register is empty.');
      if (!inForce.length) return r('partly', 'Belum ada kebijakan yang berlaku di register.', 'No policy in the register is in force.');
      return r('met', `${inForce.length} kebijakan/peraturan berlaku tercatat dengan ruang lingkupnya.`, `${inForce.length} policies/regulations in force are registered with their scope.`, rec);
    },
  },
  {
    key: 'governance.sops',
    label: { id: 'SOP keamanan informasi dan persandian', en: 'Information security and cipher SOPs' },
    async evaluate(db, ctx) {
      const list = await repo.listSops(db, ctx.tenantId, {});
      if (!list.length) return r('missing', 'Belum ada SOP.', 'There are no SOPs.');
      const approved = list.filter((s) => s.approverName && s.effectiveDate && s.steps.length > 0);
      const rec = approved.map((s) => ({ entity: 'gov_sop', id: s.id, label: `${s.number} ${s.title}`, href: `/tata-kelola/sop/${s.id}` }));
      const status = approved.length === list.length ? 'met' : approved.length ? 'partly' : 'missing';
      return r(status, `${approved.length} dari ${list.length} SOP telah disahkan dan berlaku.`, `${approved.length} of ${list.length} SOPs are approved and effective.`, rec);
    },
  },
  {
    key: 'governance.bcdr_plans',
    label: { id: 'Rencana kelangsungan layanan dan pemulihan bencana (BC/DR)', en: 'Business continuity and disaster recovery plans' },
    async evaluate(db, ctx) {
      const today = todayJakarta(ctx.now);
      const list = (await repo.listBcdr(db, ctx.tenantId, {})).map((x) => x.plan);
      if (!list.length) return r('missing', 'Belum ada rencana BC/DR layanan TIK.', 'There is no BC/DR plan for ICT services.');
      const rec = list.map((p) => ({ entity: 'gov_bcdr_plan', id: p.id, label: p.serviceName, href: '/tata-kelola/bcdr' }));
      const yearAgo = addDays(today, -365);
      const tested = list.filter((p) => p.lastTestDate && p.lastTestDate >= yearAgo && p.lastTestResult !== 'failed');
      const overdue = list.filter((p) => p.nextTestDate && p.nextTestDate < today);
      const soon = list.filter((p) => p.nextTestDate && p.nextTestDate >= today && p.nextTestDate <= addDays(today, 30));
      const next = list.map((p) => p.nextTestDate).filter(Boolean).sort()[0] ?? null;
      if (tested.length < list.length || overdue.length)
        return r('partly', `${tested.length} dari ${list.length} rencana BC/DR diuji dalam 12 bulan terakhir.`, `${tested.length} of ${list.length} BC/DR plans were tested in the last 12 months.`, rec, next);
      if (soon.length) return r('due_soon', `Uji rencana BC/DR berikutnya jatuh tempo ${soon[0].nextTestDate}.`, `The next BC/DR test is due on ${soon[0].nextTestDate}.`, rec, next);
      return r('met', `${list.length} rencana BC/DR tersedia dan telah diuji.`, `${list.length} BC/DR plans exist and have been tested.`, rec, next);
    },
  },
];
