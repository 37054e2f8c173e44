import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZArchitecture,
  ZArchitectureInput,
  ZBcdr,
  ZBcdrInput,
  ZControl,
  ZControlInput,
  ZControlLinkQuery,
  ZControlRef,
  ZControlStatusInput,
  ZEvaluationInput,
  ZOk,
  ZPolicy,
  ZPolicyInput,
  ZPolicyQuery,
  ZPolicyTransition,
  ZSop,
  ZSopInput,
  ZStrategicPlan,
  ZStrategicPlanInput,
  ZTeam,
  ZTeamInput,
  controlKinds,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { ZExportFormat, sendExport } from '../../platform/http/export.js';
import type { GovernanceService } from './governance.service.js';
import type { PoliciesService } from './policies.service.js';
import type { SopsService } from './sops.service.js';

const ZId = z.object({ id: z.uuid() });
const flag = z.enum(['true', 'false']).optional().transform((v) => v === 'true');
const ZSearch = z.object({ q: z.string().max(200).optional(), includeDeleted: flag });
const ok = { ok: true as const };
const P = '/api/governance';

const KIND_ID: Record<string, string> = {
  internal_policy: 'Kebijakan internal SPBE',
  regulation: 'Peraturan',
  technical_policy: 'Kebijakan teknis',
  sop_set: 'Kumpulan SOP',
  national_regulation: 'Peraturan perundang-undangan',
  other: 'Lainnya',
};
const STATUS_ID: Record<string, string> = { draft: 'Draf', review: 'Telaah', approved: 'Disetujui', in_force: 'Berlaku', superseded: 'Digantikan' };
const SCOPE_ID: Record<string, string> = { data: 'Data dan informasi', applications: 'Aplikasi', infrastructure: 'Infrastruktur' };
const RESULT_ID: Record<string, string> = { passed: 'Berhasil', partial: 'Sebagian', failed: 'Gagal' };

export function governanceRoutes(app: FastifyInstance, gov: GovernanceService, policies: PoliciesService, sops: SopsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['governance'];

  // B1 Renstra
  r.get(`${P}/plans`, { schema: { tags, summary: 'Rencana strategis pengamanan informasi', response: { 200: z.array(ZStrategicPlan) } } }, async (req) => gov.listPlans(actorOf(req)));
  r.post(`${P}/plans`, { schema: { tags, body: ZStrategicPlanInput, response: { 200: ZStrategicPlan } } }, async (req) => gov.createPlan(actorOf(req), req.body));
  r.get(`${P}/plans/:id`, { schema: { tags, params: ZId, response: { 200: ZStrategicPlan } } }, async (req) => gov.getPlan(actorOf(req), req.params.id));
  r.put(`${P}/plans/:id`, { schema: { tags, params: ZId, body: ZStrategicPlanInput, response: { 200: ZStrategicPlan } } }, async (req) =>
    gov.updatePlan(actorOf(req), req.params.id, req.body),
  );
  r.delete(`${P}/plans/:id`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await gov.deletePlan(actorOf(req), req.params.id);
    return ok;
  });

  // B2 Arsitektur
  r.get(`${P}/architectures`, { schema: { tags, summary: 'Arsitektur keamanan informasi', response: { 200: z.array(ZArchitecture) } } }, async (req) =>
    gov.listArchitectures(actorOf(req)),
  );
  r.post(`${P}/architectures`, { schema: { tags, body: ZArchitectureInput, response: { 200: ZArchitecture } } }, async (req) =>
    gov.createArchitecture(actorOf(req), req.body),
  );
  r.get(`${P}/architectures/:id`, { schema: { tags, params: ZId, response: { 200: ZArchitecture } } }, async (req) => gov.getArchitecture(actorOf(req), req.params.id));
  r.put(`${P}/architectures/:id`, { schema: { tags, params: ZId, body: ZArchitectureInput, response: { 200: ZArchitecture } } }, async (req) =>
    gov.updateArchitecture(actorOf(req), req.params.id, req.body),
  );
  r.post(`${P}/architectures/:id/evaluations`, { schema: { tags, params: ZId, body: ZEvaluationInput, response: { 200: ZArchitecture } } }, async (req) =>
    gov.recordEvaluation(actorOf(req), req.params.id, req.body),
  );

  // B3 / B7 rules and control procedures
  r.get(
    `${P}/controls`,
    { schema: { tags, summary: 'Aturan tata kelola dan prosedur pengendalian', querystring: z.object({ kind: z.enum(controlKinds).optional() }), response: { 200: z.array(ZControl) } } },
    async (req) => gov.listControls(actorOf(req), req.query.kind),
  );
  r.get(`${P}/controls/linked`, { schema: { tags, summary: 'Aturan/prosedur yang menautkan suatu risiko atau kewajiban', querystring: ZControlLinkQuery, response: { 200: z.array(ZControlRef) } } }, async (req) =>
    gov.controlsLinkedTo(actorOf(req), req.query.entity, req.query.id),
  );
  r.put(`${P}/controls/:id`, { schema: { tags, params: ZId, body: ZControlInput, response: { 200: ZControl } } }, async (req) =>
    gov.updateControl(actorOf(req), req.params.id, req.body),
  );
  r.put(`${P}/controls/:id/status`, { schema: { tags, params: ZId, body: ZControlStatusInput, response: { 200: ZControl } } }, async (req) =>
    gov.setControlStatus(actorOf(req), req.params.id, req.body),
  );

  // B4 / B10 policies
  r.get(`${P}/policies`, { schema: { tags, summary: 'Register kebijakan dan peraturan', querystring: ZPolicyQuery, response: { 200: z.array(ZPolicy) } } }, async (req) =>
    policies.list(actorOf(req), req.query),
  );
  r.get(`${P}/policies/export`, { schema: { tags, summary: 'Ekspor daftar kebijakan keamanan informasi', querystring: ZPolicyQuery.extend(ZExportFormat.shape) } }, async (req, reply) => {
    const items = await policies.list(actorOf(req), req.query);
    return sendExport(reply, req.query.format, {
      title: 'Daftar Kebijakan Keamanan Informasi',
      filename: 'daftar-kebijakan',
      columns: [
        { key: 'no', header: 'No', type: 'number', width: 6 },
        { key: 'title', header: 'Nama Peraturan', width: 48 },
        { key: 'kind', header: 'Jenis', width: 22 },
        { key: 'legalForm', header: 'Bentuk Hukum', width: 24 },
        { key: 'number', header: 'Nomor', width: 30 },
        { key: 'scope', header: 'Ruang Lingkup Pengaturan', width: 48 },
        { key: 'legalBasis', header: 'Dasar Hukum', width: 48 },
        { key: 'effectiveDate', header: 'Tanggal Berlaku', type: 'date', width: 14 },
        { key: 'version', header: 'Versi', type: 'number', width: 8 },
        { key: 'status', header: 'Status', width: 12 },
      ],
      rows: items.map((p, i) => ({
        no: i + 1,
        title: p.title,
        kind: KIND_ID[p.kind] ?? p.kind,
        legalForm: p.legalForm,
        number: p.number,
        scope: [p.scopes.map((x) => SCOPE_ID[x] ?? x).join(', '), p.scopeText].filter(Boolean).join(' — '),
        legalBasis: p.legalBasis.join('; '),
        effectiveDate: p.effectiveDate,
        version: p.version,
        status: STATUS_ID[p.status] ?? p.status,
      })),
    });
  });
  r.get(
    `${P}/policies/document`,
    { schema: { tags, summary: 'Cetak daftar kebijakan keamanan informasi (Lampiran I)', querystring: ZPolicyQuery.extend({ format: z.enum(['pdf', 'docx']).default('pdf') }) } },
    async (req, reply) => {
      const f = await policies.registerDocument(actorOf(req), req.query, req.query.format);
      return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).send(f.body);
    },
  );
  r.post(
    `${P}/policies`,
    { schema: { tags, body: ZPolicyInput.extend({ supersedesId: z.uuid().nullish() }), response: { 200: ZPolicy } } },
    async (req) => {
      const { supersedesId, ...input } = req.body;
      return policies.create(actorOf(req), input, supersedesId);
    },
  );
  r.get(`${P}/policies/:id`, { schema: { tags, params: ZId, response: { 200: ZPolicy } } }, async (req) => policies.get(actorOf(req), req.params.id));
  r.put(`${P}/policies/:id`, { schema: { tags, params: ZId, body: ZPolicyInput, response: { 200: ZPolicy } } }, async (req) =>
    policies.update(actorOf(req), req.params.id, req.body),
  );
  r.post(`${P}/policies/:id/transition`, { schema: { tags, params: ZId, body: ZPolicyTransition, response: { 200: ZPolicy } } }, async (req) =>
    policies.transition(actorOf(req), req.params.id, req.body),
  );
  r.delete(`${P}/policies/:id`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await policies.remove(actorOf(req), req.params.id);
    return ok;
  });
  r.post(`${P}/policies/:id/restore`, { schema: { tags, params: ZId, response: { 200: ZPolicy } } }, async (req) => policies.restore(actorOf(req), req.params.id));

  // B6 technical team
  r.get(`${P}/team`, { schema: { tags, summary: 'Tim pelaksana teknis keamanan SPBE', response: { 200: ZTeam } } }, async (req) => gov.getTeam(actorOf(req)));
  r.put(`${P}/team`, { schema: { tags, body: ZTeamInput, response: { 200: ZTeam } } }, async (req) => gov.setTeam(actorOf(req), req.body));

  // B8 SOP
  r.get(`${P}/sops`, { schema: { tags, summary: 'Standar operasional prosedur', querystring: ZSearch, response: { 200: z.array(ZSop) } } }, async (req) =>
    sops.list(actorOf(req), req.query),
  );
  r.post(`${P}/sops`, { schema: { tags, body: ZSopInput, response: { 200: ZSop } } }, async (req) => sops.create(actorOf(req), req.body));
  r.get(`${P}/sops/:id`, { schema: { tags, params: ZId, response: { 200: ZSop } } }, async (req) => sops.get(actorOf(req), req.params.id));
  r.put(`${P}/sops/:id`, { schema: { tags, params: ZId, body: ZSopInput, response: { 200: ZSop } } }, async (req) => sops.update(actorOf(req), req.params.id, req.body));
  r.delete(`${P}/sops/:id`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await sops.remove(actorOf(req), req.params.id);
    return ok;
  });
  r.post(`${P}/sops/:id/restore`, { schema: { tags, params: ZId, response: { 200: ZSop } } }, async (req) => sops.restore(actorOf(req), req.params.id));
  r.get(
    `${P}/sops/:id/document`,
    { schema: { tags, summary: 'Cetak SOP (PDF/Word)', params: ZId, querystring: z.object({ format: z.enum(['pdf', 'docx']).default('pdf') }) } },
    async (req, reply) => {
      const f = await sops.document(actorOf(req), req.params.id, req.query.format);
      return reply
        .header('content-type', f.contentType)
        .header('content-disposition', `attachment; filename="${f.filename}"`)
        .send(f.body);
    },
  );

  // B9 BC/DR
  r.get(`${P}/bcdr`, { schema: { tags, summary: 'Rencana BC/DR layanan TIK', querystring: ZSearch, response: { 200: z.array(ZBcdr) } } }, async (req) =>
    gov.listBcdr(actorOf(req), req.query),
  );
  r.get(`${P}/bcdr/export`, { schema: { tags, summary: 'Ekspor rencana BC/DR', querystring: ZSearch.extend(ZExportFormat.shape) } }, async (req, reply) => {
    const items = await gov.listBcdr(actorOf(req), req.query);
    return sendExport(reply, req.query.format, {
      title: 'Rencana Kelangsungan Layanan dan Pemulihan Bencana Layanan TIK',
      filename: 'rencana-bcdr',
      columns: [
        { key: 'serviceName', header: 'Layanan TIK', width: 40 },
        { key: 'opdName', header: 'Perangkat Daerah', width: 36 },
        { key: 'rtoMinutes', header: 'RTO (menit)', type: 'number', width: 12 },
        { key: 'rpoMinutes', header: 'RPO (menit)', type: 'number', width: 12 },
        { key: 'strategy', header: 'Strategi', width: 60 },
        { key: 'contacts', header: 'Kontak', width: 40 },
        { key: 'lastTestDate', header: 'Uji Terakhir', type: 'date', width: 14 },
        { key: 'lastTestResult', header: 'Hasil Uji', width: 12 },
        { key: 'nextTestDate', header: 'Uji Berikutnya', type: 'date', width: 14 },
      ],
      rows: items.map((p) => ({
        ...p,
        contacts: p.contacts.map((c) => [c.name, c.role, c.phone].filter(Boolean).join(', ')).join('; '),
        lastTestResult: p.lastTestResult ? RESULT_ID[p.lastTestResult] : null,
      })),
    });
  });
  r.post(`${P}/bcdr`, { schema: { tags, body: ZBcdrInput, response: { 200: ZBcdr } } }, async (req) => gov.createBcdr(actorOf(req), req.body));
  r.get(`${P}/bcdr/:id`, { schema: { tags, params: ZId, response: { 200: ZBcdr } } }, async (req) => gov.getBcdr(actorOf(req), req.params.id));
  r.put(`${P}/bcdr/:id`, { schema: { tags, params: ZId, body: ZBcdrInput, response: { 200: ZBcdr } } }, async (req) =>
    gov.updateBcdr(actorOf(req), req.params.id, req.body),
  );
  r.delete(`${P}/bcdr/:id`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await gov.deleteBcdr(actorOf(req), req.params.id);
    return ok;
  });
  r.post(`${P}/bcdr/:id/restore`, { schema: { tags, params: ZId, response: { 200: ZBcdr } } }, async (req) => gov.restoreBcdr(actorOf(req), req.params.id));
}
