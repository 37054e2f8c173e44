import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZUsageReport,
  ZProviderAgreement,
  ZProviderAgreementInput,
  ZEvaluation,
  ZCertEvaluationInput,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { ZExportFormat, sendExport } from '../../platform/http/export.js';
import type { ApplicationsService } from './applications.service.js';
import type { RegistryService } from './registry.service.js';
import type { OversightService } from './oversight.service.js';
import { ZId, ZYear } from './certificates.route-schemas.js';
import { applicationsRoutes } from './applications.routes.js';
import { certRecordsRoutes } from './cert-records.routes.js';
import { needsRoutes } from './needs.routes.js';
import { operatorsRoutes } from './operators.routes.js';

export function certificatesRoutes(app: FastifyInstance, apps: ApplicationsService, reg: RegistryService) {
  applicationsRoutes(app, apps);
  certRecordsRoutes(app, apps, reg);
  needsRoutes(app, reg);
  operatorsRoutes(app, reg);
  statisticsRoutes(app, reg);
}

/** Yearly figures (K13). */
function statisticsRoutes(app: FastifyInstance, reg: RegistryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['certificates'];
  const base = '/api/certificates';

  r.get(
    `${base}/statistics`,
    {
      schema: {
        tags,
        querystring: z.object({ year: ZYear }),
        response: { 200: ZUsageReport },
      },
    },
    async (req) => reg.statistics.usage(actorOf(req), req.query.year),
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
      const report = await reg.statistics.usage(actorOf(req), req.query.year);
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
  r.get(`${base}/provider-agreements/:id/file`, { schema: { tags, summary: 'Unduh naskah perjanjian penyelenggara', params: ZId } }, async (req, reply) => {
    const f = await svc.agreementFile(actorOf(req), req.params.id);
    return reply
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('x-content-sha256', f.sha256)
      .type(f.mime)
      .send(f.data);
  });
  r.get(`${base}/evaluations`, { schema: { tags, response: { 200: z.array(ZEvaluation) } } }, async (req) => svc.listEvaluations(actorOf(req)));
  r.put(
    `${base}/evaluations`,
    {
      schema: { tags, body: ZCertEvaluationInput, response: { 200: ZEvaluation } },
    },
    async (req) => svc.saveEvaluation(actorOf(req), req.body.year, req.body),
  );
}
