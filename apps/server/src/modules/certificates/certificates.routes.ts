import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAppointOperatorInput,
  ZAttachDocumentInput,
  ZCertApplication,
  ZCertApplicationInput,
  ZNeedInput,
  ZCertApplicationDetail,
  ZCertNeed,
  ZCertificate,
  ZComplaint,
  ZComplaintInput,
  ZComplaintUpdateInput,
  ZDecisionInput,
  ZIncidentReportInput,
  ZIssueInput,
  ZListQuery,
  ZMyRaStatus,
  ZNeedAnalysisInput,
  ZNeedSummaryRow,
  ZOk,
  ZRaCertificateInput,
  ZRaOperator,
  ZRevocation,
  ZRevocationDecisionInput,
  ZRevocationRequestInput,
  ZRevokeInput,
  ZUploadedFile,
  ZUsageReport,
  certAppStatuses,
  certKinds,
  needPriorities,
  pageOf,
  ZProviderAgreement,
  ZProviderAgreementInput,
  ZEvaluation,
  ZCertEvaluationInput,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { AppError } from '../../platform/http/errors.js';
import { EXPORT_MAX_ROWS, ZExportFormat, sendExport } from '../../platform/http/export.js';
import type { ApplicationsService } from './applications.service.js';
import type { RegistryService } from './registry.service.js';
import type { OversightService } from './oversight.service.js';

const ZId = z.object({ id: z.uuid() });
const currentYear = () =>
  Number(
    new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
    }).format(new Date()),
  );
const ZYear = z.coerce.number().int().min(2015).max(2100).default(currentYear);
const ZAppQuery = ZListQuery.extend({
  scope: z.enum(['mine', 'queue', 'all']).default('mine'),
  status: z.enum(certAppStatuses).optional(),
  kind: z.enum(certKinds).optional(),
  opdId: z.uuid().optional(),
});
const ZCertQuery = ZListQuery.extend({
  scope: z.enum(['mine', 'all']).default('mine'),
  status: z.enum(['active', 'revoked', 'expired']).optional(),
  opdId: z.uuid().optional(),
});
const ZNeedQuery = ZListQuery.extend({
  year: ZYear,
  opdId: z.uuid().optional(),
  kind: z.enum(certKinds).optional(),
  priority: z.enum([...needPriorities, 'none']).optional(),
});
const ZCertDetail = ZCertificate.extend({ revocations: z.array(ZRevocation) });

const kindLabel: Record<string, string> = {
  individual: 'Individu',
  position: 'Jabatan/Wewenang/Organisasi',
  system: 'Sistem Elektronik',
};
const priorityLabel: Record<string, string> = {
  high: 'Tinggi',
  medium: 'Sedang',
  low: 'Rendah',
};
const useLabel: Record<string, string> = {
  signing: 'Tanda tangan elektronik',
  email_protection: 'Perlindungan e-mail',
  document_protection: 'Perlindungan dokumen',
};

export function certificatesRoutes(app: FastifyInstance, apps: ApplicationsService, reg: RegistryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['certificates'];
  const base = '/api/certificates';

  // Uploads (classified, encrypted at rest) for application documents and revocation statements
  r.post(
    `${base}/uploads`,
    {
      schema: {
        tags,
        summary: 'Unggah lampiran rahasia (multipart: file)',
        consumes: ['multipart/form-data'],
        response: { 200: ZUploadedFile },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw new AppError(400, 'error.validation', [{ field: 'file', key: 'file.missing' }]);
      const part = await req.file();
      if (!part) throw new AppError(400, 'error.validation', [{ field: 'file', key: 'file.missing' }]);
      return apps.upload(actor, part.filename, await part.toBuffer());
    },
  );

  // Applications
  r.get(
    `${base}/applications`,
    {
      schema: {
        tags,
        querystring: ZAppQuery,
        response: { 200: pageOf(ZCertApplication) },
      },
    },
    async (req) => apps.list(actorOf(req), req.query),
  );
  r.post(
    `${base}/applications`,
    {
      schema: {
        tags,
        summary: 'Ajukan permohonan (draf)',
        body: ZCertApplicationInput,
        response: { 200: ZCertApplicationDetail },
      },
    },
    async (req) => apps.create(actorOf(req), req.body),
  );
  r.get(
    `${base}/applications/:id`,
    {
      schema: { tags, params: ZId, response: { 200: ZCertApplicationDetail } },
    },
    async (req) => apps.get(actorOf(req), req.params.id),
  );
  r.put(
    `${base}/applications/:id`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZCertApplicationInput,
        response: { 200: ZCertApplicationDetail },
      },
    },
    async (req) => apps.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/applications/:id/documents`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZAttachDocumentInput,
        response: { 200: ZCertApplicationDetail },
      },
    },
    async (req) => apps.attach(actorOf(req), req.params.id, req.body),
  );
  r.get(`${base}/documents/:id`, { schema: { tags, summary: 'Unduh lampiran permohonan', params: ZId } }, async (req, reply) => {
    const f = await apps.downloadFile(actorOf(req), req.params.id);
    return reply
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('x-content-sha256', f.sha256)
      .type(f.mime)
      .send(f.data);
  });
  r.post(
    `${base}/applications/:id/submit`,
    {
      schema: { tags, params: ZId, response: { 200: ZCertApplicationDetail } },
    },
    async (req) => apps.submit(actorOf(req), req.params.id),
  );
  r.post(
    `${base}/applications/:id/cancel`,
    {
      schema: { tags, params: ZId, response: { 200: ZCertApplicationDetail } },
    },
    async (req) => apps.cancel(actorOf(req), req.params.id),
  );
  r.post(
    `${base}/applications/:id/decision`,
    {
      schema: {
        tags,
        summary: 'Terima/tolak (Pengelola RA)',
        params: ZId,
        body: ZDecisionInput,
        response: { 200: ZCertApplicationDetail },
      },
    },
    async (req) => apps.decide(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/applications/:id/issue`,
    {
      schema: {
        tags,
        summary: 'Penerbitan langsung oleh pemohon',
        params: ZId,
        body: ZIssueInput,
        response: { 200: ZCertificate },
      },
    },
    async (req) => apps.issue(actorOf(req), req.params.id, req.body),
  );

  // Certificates
  r.get(
    `${base}/certs`,
    {
      schema: {
        tags,
        querystring: ZCertQuery,
        response: { 200: pageOf(ZCertificate) },
      },
    },
    async (req) => reg.listCertificates(actorOf(req), req.query),
  );
  r.get(`${base}/certs/:id`, { schema: { tags, params: ZId, response: { 200: ZCertDetail } } }, async (req) => reg.getCertificate(actorOf(req), req.params.id));
  r.get(`${base}/certs/:id/receipt`, { schema: { tags, summary: 'Tanda terima (PDF)', params: ZId } }, async (req, reply) => {
    const { pdf, filename } = await apps.receipt(actorOf(req), req.params.id);
    return reply.header('content-disposition', `attachment; filename="${filename}"`).type('application/pdf').send(pdf);
  });
  r.post(
    `${base}/certs/:id/renew`,
    {
      schema: {
        tags,
        params: ZId,
        response: { 200: z.object({ applicationId: z.uuid() }) },
      },
    },
    async (req) => reg.renew(actorOf(req), req.params.id),
  );
  r.post(
    `${base}/certs/:id/revocation-requests`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZRevocationRequestInput,
        response: { 200: ZRevocation },
      },
    },
    async (req) => reg.requestRevocation(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/certs/:id/revoke`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZRevokeInput,
        response: { 200: ZRevocation },
      },
    },
    async (req) => reg.revoke(actorOf(req), req.params.id, req.body),
  );

  // Revocations
  r.get(`${base}/revocations`, { schema: { tags, response: { 200: z.array(ZRevocation) } } }, async (req) => reg.listRevocations(actorOf(req)));
  r.post(
    `${base}/revocations/:id/decision`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZRevocationDecisionInput,
        response: { 200: ZRevocation },
      },
    },
    async (req) => reg.decideRevocation(actorOf(req), req.params.id, req.body),
  );
  r.put(
    `${base}/revocations/:id/incident-report`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZIncidentReportInput,
        response: { 200: ZRevocation },
      },
    },
    async (req) => reg.recordIncidentReport(actorOf(req), req.params.id, req.body),
  );

  // Needs
  r.get(
    `${base}/needs`,
    {
      schema: {
        tags,
        querystring: ZNeedQuery,
        response: { 200: pageOf(ZCertNeed) },
      },
    },
    async (req) => reg.listNeeds(actorOf(req), req.query),
  );
  r.get(
    `${base}/needs/summary`,
    {
      schema: {
        tags,
        querystring: z.object({ year: ZYear }),
        response: { 200: z.array(ZNeedSummaryRow) },
      },
    },
    async (req) => reg.needsSummary(actorOf(req), req.query.year),
  );
  r.get(`${base}/needs/export`, { schema: { tags, querystring: ZNeedQuery.extend(ZExportFormat.shape) } }, async (req, reply) => {
    const actor = actorOf(req);
    const page = await reg.listNeeds(actor, {
      ...req.query,
      page: 1,
      pageSize: EXPORT_MAX_ROWS,
    });
    return sendExport(reply, req.query.format, {
      title: `Identifikasi Kebutuhan Sertifikat Elektronik Tahun ${req.query.year}`,
      filename: `kebutuhan-sertifikat-${req.query.year}`,
      columns: [
        { key: 'opdName', header: 'Perangkat Daerah', width: 40 },
        { key: 'kind', header: 'Jenis', width: 24 },
        { key: 'holderName', header: 'Pemilik/Jabatan/Sistem', width: 36 },
        { key: 'quantity', header: 'Jumlah', type: 'number' },
        { key: 'uses', header: 'Penggunaan', width: 40 },
        { key: 'priority', header: 'Prioritas', width: 12 },
        { key: 'analysisNotes', header: 'Catatan Analisis', width: 40 },
      ],
      rows: page.items.map((n) => ({
        ...n,
        kind: kindLabel[n.kind],
        uses: n.uses.map((u) => useLabel[u] ?? u).join(', '),
        priority: n.priority ? priorityLabel[n.priority] : 'Belum dianalisis',
      })),
    });
  });
  r.post(`${base}/needs`, { schema: { tags, body: ZNeedInput, response: { 200: ZCertNeed } } }, async (req) => reg.createNeed(actorOf(req), req.body));
  r.put(
    `${base}/needs/:id`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZNeedInput,
        response: { 200: ZCertNeed },
      },
    },
    async (req) => reg.updateNeed(actorOf(req), req.params.id, req.body),
  );
  r.delete(`${base}/needs/:id`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await reg.deleteNeed(actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.post(
    `${base}/needs/:id/analysis`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZNeedAnalysisInput,
        response: { 200: ZCertNeed },
      },
    },
    async (req) => reg.analyseNeed(actorOf(req), req.params.id, req.body),
  );

  // RA operators
  r.get(`${base}/ra-operators`, { schema: { tags, response: { 200: z.array(ZRaOperator) } } }, async (req) => reg.listOperators(actorOf(req)));
  r.get(`${base}/ra-operators/me`, { schema: { tags, response: { 200: ZMyRaStatus } } }, async (req) => reg.myOperatorStatus(actorOf(req)));
  r.post(
    `${base}/ra-operators`,
    {
      schema: {
        tags,
        body: ZAppointOperatorInput,
        response: { 200: ZRaOperator },
      },
    },
    async (req) => reg.appoint(actorOf(req), req.body),
  );
  r.post(
    `${base}/ra-operators/me/certificate`,
    {
      schema: {
        tags,
        body: ZRaCertificateInput,
        response: { 200: ZRaOperator },
      },
    },
    async (req) => reg.issueRaCertificate(actorOf(req), req.body),
  );
  r.post(`${base}/ra-operators/:id/end`, { schema: { tags, params: ZId, response: { 200: ZRaOperator } } }, async (req) =>
    reg.endAppointment(actorOf(req), req.params.id),
  );
  r.post(
    `${base}/ra-operators/:id/certificate`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZRaCertificateInput,
        response: { 200: ZRaOperator },
      },
    },
    async (req) => reg.recordProviderRaCertificate(actorOf(req), req.params.id, req.body),
  );

  // Complaints
  r.get(`${base}/complaints`, { schema: { tags, response: { 200: z.array(ZComplaint) } } }, async (req) => reg.listComplaints(actorOf(req)));
  r.post(`${base}/complaints`, { schema: { tags, body: ZComplaintInput, response: { 200: ZComplaint } } }, async (req) =>
    reg.createComplaint(actorOf(req), req.body),
  );
  r.put(
    `${base}/complaints/:id`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZComplaintUpdateInput,
        response: { 200: ZComplaint },
      },
    },
    async (req) => reg.updateComplaint(actorOf(req), req.params.id, req.body),
  );

  // Yearly figures (K13)
  r.get(
    `${base}/statistics`,
    {
      schema: {
        tags,
        querystring: z.object({ year: ZYear }),
        response: { 200: ZUsageReport },
      },
    },
    async (req) => reg.usage(actorOf(req), req.query.year),
  );
  r.get(
    `${base}/statistics/export`,
    {
      schema: {
        tags,
        querystring: z.object({ year: ZYear }).extend(ZExportFormat.shape),
      },
    },
    async (req, reply) => {
      const report = await reg.usage(actorOf(req), req.query.year);
      return sendExport(reply, req.query.format, {
        title: `Penggunaan Sertifikat Elektronik per Perangkat Daerah Tahun ${report.year}`,
        subtitle: 'Bahan evaluasi tahunan (Pasal 23) untuk Wali Kota dan Kepala BSSN melalui Kepala BSrE',
        filename: `penggunaan-sertifikat-${report.year}`,
        columns: [
          { key: 'opdName', header: 'Perangkat Daerah', width: 44 },
          { key: 'issued', header: 'Diterbitkan', type: 'number' },
          { key: 'active', header: 'Aktif', type: 'number' },
          { key: 'revoked', header: 'Dicabut', type: 'number' },
          { key: 'expired', header: 'Kedaluwarsa', type: 'number' },
          { key: 'renewed', header: 'Diperbarui', type: 'number' },
          { key: 'signatures', header: 'Tanda Tangan', type: 'number' },
        ],
        rows: [...report.rows, { opdName: 'JUMLAH', ...report.totals }],
      });
    },
  );
}

export function oversightRoutes(app: FastifyInstance, svc: OversightService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['certificates'];
  const base = '/api/certificates';
  r.get(`${base}/provider-agreements`, { schema: { tags, response: { 200: z.array(ZProviderAgreement) } } }, async (req) => svc.listAgreements(actorOf(req)));
  r.post(
    `${base}/provider-agreements`,
    {
      schema: {
        tags,
        body: ZProviderAgreementInput,
        response: { 200: ZProviderAgreement },
      },
    },
    async (req) => svc.saveAgreement(actorOf(req), req.body),
  );
  r.put(
    `${base}/provider-agreements/:id`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZProviderAgreementInput,
        response: { 200: ZProviderAgreement },
      },
    },
    async (req) => svc.saveAgreement(actorOf(req), req.body, req.params.id),
  );
  r.get(`${base}/evaluations`, { schema: { tags, response: { 200: z.array(ZEvaluation) } } }, async (req) => svc.listEvaluations(actorOf(req)));
  r.put(
    `${base}/evaluations`,
    {
      schema: { tags, body: ZCertEvaluationInput, response: { 200: ZEvaluation } },
    },
    async (req) => svc.saveEvaluation(actorOf(req), req.body.year, req.body),
  );
}
