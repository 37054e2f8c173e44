import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCategorization,
  ZCategorizationInput,
  ZListQuery,
  ZMaintenanceInput,
  ZOk,
  ZSlaReportInput,
  ZSubdomainDecision,
  ZSystemsSummary,
  ZSystemsSummaryQuery,
  ZTechDocInput,
  ZTechDocs,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { EXPORT_MAX_ROWS, ZExportFormat, sendExport } from '../../platform/http/export.js';
import type { SystemsService } from './systems.service.js';

const ZId = z.object({ id: z.uuid() });
const flag = z.enum(['true', 'false']).optional().transform((v) => v === 'true');
const ZRow = z.looseObject({ id: z.uuid(), opdId: z.uuid(), opdName: z.string() });
const ZPage = z.object({ items: z.array(ZRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export function systemsRoutes(app: FastifyInstance, svc: SystemsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['systems'];

  for (const reg of svc.registers.values()) {
    const d = reg.def;
    const base = `/api/systems/${d.path}`;
    const filterShape = Object.fromEntries(Object.keys(d.filters ?? {}).map((k) => [k, z.string().max(64).optional()]));
    const ZQuery = ZListQuery.extend({ opdId: z.uuid().optional(), includeDeleted: flag, ...filterShape });
    r.get(base, { schema: { tags, summary: d.exportTitle, querystring: ZQuery, response: { 200: ZPage } } }, async (req) => reg.list(actorOf(req), req.query as any));
    r.get(`${base}/export`, { schema: { tags, querystring: ZQuery.extend(ZExportFormat.shape) } }, async (req, reply) => {
      const q = req.query as any;
      const page = await reg.list(actorOf(req), { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
      return sendExport(reply, q.format, {
        title: d.exportTitle,
        filename: d.path,
        columns: d.exportColumns.map(({ labels: _l, ...c }) => c),
        rows: reg.exportRows(page.items),
      });
    });
    r.post(base, { schema: { tags, body: d.input, response: { 200: ZRow } } }, async (req) => reg.create(actorOf(req), req.body));
    r.get(`${base}/:id`, { schema: { tags, params: ZId, response: { 200: ZRow } } }, async (req) => reg.get(actorOf(req), req.params.id));
    r.put(`${base}/:id`, { schema: { tags, params: ZId, body: d.input, response: { 200: ZRow } } }, async (req) => reg.update(actorOf(req), req.params.id, req.body));
    r.delete(`${base}/:id`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
      await reg.remove(actorOf(req), req.params.id);
      return { ok: true as const };
    });
    r.post(`${base}/:id/restore`, { schema: { tags, params: ZId, response: { 200: ZRow } } }, async (req) => reg.restore(actorOf(req), req.params.id));
  }

  r.get('/api/systems/applications/:id/categorizations', { schema: { tags, params: ZId, response: { 200: z.array(ZCategorization) } } }, async (req) =>
    svc.listCategorizations(actorOf(req), req.params.id),
  );
  r.post('/api/systems/applications/:id/categorizations', { schema: { tags, summary: 'Kategorisasi sistem elektronik', params: ZId, body: ZCategorizationInput, response: { 200: ZCategorization } } }, async (req) =>
    svc.categorize(actorOf(req), req.params.id, req.body),
  );
  r.get('/api/systems/applications/:id/tech-docs', { schema: { tags, params: ZId, response: { 200: ZTechDocs } } }, async (req) => svc.techDocs(actorOf(req), req.params.id));
  r.put('/api/systems/applications/:id/tech-docs', {
    schema: { tags, summary: 'Serah terima dokumentasi teknis', params: ZId, body: ZTechDocInput, response: { 200: ZTechDocs } },
  }, async (req) => svc.setTechDoc(actorOf(req), req.params.id, req.body.item, req.body));
  r.get('/api/systems/devices/:id/maintenance', { schema: { tags, params: ZId } }, async (req) => svc.listMaintenance(actorOf(req), req.params.id));
  r.post('/api/systems/devices/:id/maintenance', { schema: { tags, summary: 'Catat pemeliharaan', params: ZId, body: ZMaintenanceInput } }, async (req) =>
    svc.addMaintenance(actorOf(req), req.params.id, req.body),
  );
  r.get('/api/systems/third-parties/:id/sla-reports', { schema: { tags, params: ZId } }, async (req) => svc.listSla(actorOf(req), req.params.id));
  r.post('/api/systems/third-parties/:id/sla-reports', { schema: { tags, summary: 'Laporan SLA berkala', params: ZId, body: ZSlaReportInput } }, async (req) =>
    svc.addSla(actorOf(req), req.params.id, req.body),
  );
  r.post('/api/systems/subdomains/:id/decision', { schema: { tags, summary: 'Keputusan permohonan subdomain', params: ZId, body: ZSubdomainDecision, response: { 200: ZRow } } }, async (req) =>
    svc.decideSubdomain(actorOf(req), req.params.id, req.body),
  );
  r.get('/api/systems/register', {
    schema: { tags, summary: 'Daftar sistem elektronik (Lampiran VI) — PDF/Word', querystring: z.object({ format: z.enum(['pdf', 'docx']).default('pdf'), opdId: z.uuid().optional() }) },
  }, async (req, reply) => {
    const file = await svc.registerReport(actorOf(req), req.query.format, { opdId: req.query.opdId });
    return reply.header('content-disposition', `attachment; filename="${file.filename}"`).type(file.contentType).send(file.body);
  });
  r.get('/api/systems/summary', { schema: { tags, summary: 'Ringkasan sistem elektronik per kategori', querystring: ZSystemsSummaryQuery, response: { 200: ZSystemsSummary } } }, async (req) =>
    svc.summary(actorOf(req), req.query),
  );
  r.get('/api/systems/application-options', { schema: { tags, summary: 'Pilihan aplikasi' } }, async (req) => svc.applicationOptions(actorOf(req)));
}
