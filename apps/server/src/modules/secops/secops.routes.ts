import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZOk,
  ZSecopsActivity,
  ZSecopsActivityInput,
  ZSecopsActivityQuery,
  ZSecopsFinding,
  ZSecopsFindingInput,
  ZSecopsFindingQuery,
  ZSecopsFindingStatusInput,
  ZSecopsOverview,
  ZSecopsTargetOption,
  ZSocCoverage,
  ZSocCoverageInput,
  ZSocProfile,
  ZSocProfileInput,
  ZSocReport,
  ZSocReportInput,
  pageOf,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { EXPORT_MAX_ROWS, ZExportFormat, sendExport } from '../../platform/http/export.js';
import type { CycleService } from './cycle.service.js';
import type { SocService } from './soc.service.js';
import { FUNCTION_ID, KIND_ID, SEVERITY_ID, STATUS_ID } from './secops.labels.js';

const ZId = z.object({ id: z.uuid() });
const ok = { ok: true as const };
const P = '/api/secops';

export function secopsRoutes(app: FastifyInstance, cycle: CycleService, soc: SocService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['secops'];

  // D13 security cycle
  r.get(`${P}/targets`, { schema: { tags, summary: 'Sasaran siklus keamanan (aplikasi, perangkat, area)', response: { 200: z.array(ZSecopsTargetOption) } } }, async (req) =>
    cycle.targets(actorOf(req)),
  );
  r.get(`${P}/overview`, { schema: { tags, summary: 'Ikhtisar jaminan keamanan per sasaran dan fungsi', response: { 200: ZSecopsOverview } } }, async (req) => cycle.overview(actorOf(req)));
  r.get(`${P}/activities`, { schema: { tags, summary: 'Kegiatan siklus keamanan sistem elektronik', querystring: ZSecopsActivityQuery, response: { 200: pageOf(ZSecopsActivity) } } }, async (req) =>
    cycle.listActivities(actorOf(req), req.query),
  );
  r.post(`${P}/activities`, { schema: { tags, body: ZSecopsActivityInput, response: { 200: ZSecopsActivity } } }, async (req) => cycle.createActivity(actorOf(req), req.body));
  r.get(`${P}/activities/:id`, { schema: { tags, params: ZId, response: { 200: ZSecopsActivity } } }, async (req) => cycle.getActivity(actorOf(req), req.params.id));
  r.put(`${P}/activities/:id`, { schema: { tags, params: ZId, body: ZSecopsActivityInput, response: { 200: ZSecopsActivity } } }, async (req) =>
    cycle.updateActivity(actorOf(req), req.params.id, req.body),
  );
  r.delete(`${P}/activities/:id`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await cycle.deleteActivity(actorOf(req), req.params.id);
    return ok;
  });
  r.post(`${P}/activities/:id/findings`, { schema: { tags, params: ZId, body: ZSecopsFindingInput, response: { 200: ZSecopsFinding } } }, async (req) =>
    cycle.createFinding(actorOf(req), req.params.id, req.body),
  );

  r.get(`${P}/findings`, { schema: { tags, summary: 'Temuan keamanan dan tindak lanjutnya', querystring: ZSecopsFindingQuery, response: { 200: pageOf(ZSecopsFinding) } } }, async (req) =>
    cycle.listFindings(actorOf(req), req.query),
  );
  r.get(
    `${P}/findings/export`,
    { schema: { tags, summary: 'Ekspor temuan keamanan', querystring: ZSecopsFindingQuery.omit({ page: true, pageSize: true }).extend(ZExportFormat.shape) } },
    async (req, reply) => {
      const { items } = await cycle.listFindings(actorOf(req), { ...req.query, page: 1, pageSize: EXPORT_MAX_ROWS });
      return sendExport(reply, req.query.format, {
        title: 'Daftar Temuan Keamanan Sistem Elektronik',
        filename: 'temuan-keamanan',
        columns: [
          { key: 'no', header: 'No', type: 'number', width: 6 },
          { key: 'title', header: 'Temuan', width: 44 },
          { key: 'severity', header: 'Tingkat', width: 10 },
          { key: 'target', header: 'Sasaran', width: 30 },
          { key: 'fn', header: 'Fungsi', width: 16 },
          { key: 'kind', header: 'Kegiatan', width: 26 },
          { key: 'performedOn', header: 'Tanggal Kegiatan', type: 'date', width: 14 },
          { key: 'owner', header: 'Penanggung Jawab Perbaikan', width: 28 },
          { key: 'dueDate', header: 'Batas Waktu', type: 'date', width: 14 },
          { key: 'status', header: 'Status', width: 14 },
          { key: 'overdue', header: 'Terlambat', width: 10 },
          { key: 'acceptedReason', header: 'Alasan Penerimaan Risiko', width: 36 },
        ],
        rows: items.map((f, i) => ({
          no: i + 1,
          title: f.title,
          severity: SEVERITY_ID[f.severity],
          target: f.targetLabel,
          fn: FUNCTION_ID[f.activityFunction],
          kind: KIND_ID[f.activityKind],
          performedOn: f.performedOn,
          owner: f.ownerName ?? f.ownerText,
          dueDate: f.dueDate,
          status: STATUS_ID[f.status],
          overdue: f.overdue ? 'Ya' : 'Tidak',
          acceptedReason: f.acceptedReason,
        })),
      });
    },
  );
  r.get(`${P}/findings/:id`, { schema: { tags, params: ZId, response: { 200: ZSecopsFinding } } }, async (req) => cycle.getFinding(actorOf(req), req.params.id));
  r.put(`${P}/findings/:id`, { schema: { tags, params: ZId, body: ZSecopsFindingInput, response: { 200: ZSecopsFinding } } }, async (req) =>
    cycle.updateFinding(actorOf(req), req.params.id, req.body),
  );
  r.post(`${P}/findings/:id/status`, { schema: { tags, params: ZId, body: ZSecopsFindingStatusInput, response: { 200: ZSecopsFinding } } }, async (req) =>
    cycle.setFindingStatus(actorOf(req), req.params.id, req.body),
  );
  r.delete(`${P}/findings/:id`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await cycle.deleteFinding(actorOf(req), req.params.id);
    return ok;
  });

  // D14 security operations centre
  r.get(`${P}/soc`, { schema: { tags, summary: 'Profil pusat operasi keamanan informasi', response: { 200: ZSocProfile.nullable() } } }, async (req) => soc.getProfile(actorOf(req)));
  r.put(`${P}/soc`, { schema: { tags, body: ZSocProfileInput, response: { 200: ZSocProfile } } }, async (req) => soc.setProfile(actorOf(req), req.body));
  r.get(`${P}/coverage`, { schema: { tags, summary: 'Cakupan pemantauan', response: { 200: z.array(ZSocCoverage) } } }, async (req) => soc.listCoverage(actorOf(req)));
  r.post(`${P}/coverage`, { schema: { tags, body: ZSocCoverageInput, response: { 200: ZSocCoverage } } }, async (req) => soc.addCoverage(actorOf(req), req.body));
  r.delete(`${P}/coverage/:id`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await soc.removeCoverage(actorOf(req), req.params.id);
    return ok;
  });
  r.get(`${P}/reports`, { schema: { tags, summary: 'Laporan pemantauan berkala', response: { 200: z.array(ZSocReport) } } }, async (req) => soc.listReports(actorOf(req)));
  r.post(`${P}/reports`, { schema: { tags, body: ZSocReportInput, response: { 200: ZSocReport } } }, async (req) => soc.createReport(actorOf(req), req.body));
  r.get(`${P}/reports/:id`, { schema: { tags, params: ZId, response: { 200: ZSocReport } } }, async (req) => soc.getReport(actorOf(req), req.params.id));
  r.put(`${P}/reports/:id`, { schema: { tags, params: ZId, body: ZSocReportInput, response: { 200: ZSocReport } } }, async (req) =>
    soc.updateReport(actorOf(req), req.params.id, req.body),
  );
  r.delete(`${P}/reports/:id`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await soc.deleteReport(actorOf(req), req.params.id);
    return ok;
  });
  r.get(
    `${P}/reports/:id/document`,
    { schema: { tags, summary: 'Cetak/ekspor laporan pemantauan (PDF/Excel)', params: ZId, querystring: z.object({ format: z.enum(['pdf', 'xlsx']).default('pdf') }) } },
    async (req, reply) => {
      const f = await soc.reportDocument(actorOf(req), req.params.id, req.query.format);
      return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).send(f.body);
    },
  );
}

