import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAttestation,
  ZAttestationInput,
  ZBindInput,
  ZComplianceDashboard,
  ZComplianceLink,
  ZObligationOption,
  ZObligationOptionQuery,
  ZImportResult,
  ZRegulationCompliance,
  ZRegulationDetail,
  ZRegulationQuery,
  ZRegulationSummary,
  pageOf,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { ComplianceService } from './compliance.service.js';
import { compliancePdf, complianceXlsx } from './compliance.export.js';
import { excelTemplate, validateDoc } from './regulations.import.js';
import { regulationsPolicy } from './regulations.policy.js';
import type { RegulationsService } from './regulations.service.js';

const ZId = z.object({ id: z.uuid() });

export function regulationsRoutes(app: FastifyInstance, lib: RegulationsService, compliance: ComplianceService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['regulations'];

  r.get('/api/regulations', { schema: { tags, summary: 'Pustaka regulasi', querystring: ZRegulationQuery, response: { 200: pageOf(ZRegulationSummary) } } }, async (req) =>
    lib.list(actorOf(req), req.query),
  );
  r.get('/api/regulations/template.xlsx', { schema: { tags, summary: 'Templat Excel impor regulasi' } }, async (req, reply) => {
    regulationsPolicy.read(actorOf(req));
    const body = await excelTemplate();
    return reply
      .header('content-disposition', 'attachment; filename="templat-impor-regulasi.xlsx"')
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(body);
  });
  r.post(
    '/api/regulations/import',
    {
      schema: {
        tags,
        summary: 'Impor regulasi Pemda: multipart (file YAML/JSON/XLSX, bind=true|false) atau JSON dokumen regulasi (?bind=false)',
        consumes: ['multipart/form-data', 'application/json'],
        querystring: z.object({ bind: z.enum(['true', 'false']).optional() }),
        response: { 200: ZImportResult },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      regulationsPolicy.manage(actor);
      if (!req.isMultipart()) {
        if (!req.body || typeof req.body !== 'object' || !Object.keys(req.body).length)
          throw new AppError(400, 'error.validation', [{ field: 'file', key: 'regulations.file_missing' }]);
        return lib.importDoc(actor, validateDoc(req.body), req.query.bind !== 'false');
      }
      const part = await req.file();
      if (!part) throw new AppError(400, 'error.validation', [{ field: 'file', key: 'regulations.file_missing' }]);
      const data = await part.toBuffer();
      const bindField = part.fields.bind as { value?: string } | undefined;
      return lib.importFile(actor, part.filename, data, bindField?.value !== 'false' && req.query.bind !== 'false');
    },
  );
  r.get('/api/regulations/:id', { schema: { tags, params: ZId, response: { 200: ZRegulationDetail } } }, async (req) => lib.get(actorOf(req), req.params.id));
  r.put('/api/regulations/:id/binding', { schema: { tags, summary: 'Ikat/lepas regulasi', params: ZId, body: ZBindInput, response: { 200: ZRegulationDetail } } }, async (req) =>
    lib.setBinding(actorOf(req), req.params.id, req.body.bound),
  );

  const ctags = ['compliance'];
  r.get('/api/compliance', { schema: { tags: ctags, summary: 'Kepatuhan per regulasi yang diikat', response: { 200: z.array(ZRegulationCompliance) } } }, async (req) =>
    compliance.overview(actorOf(req)),
  );
  r.get('/api/compliance/dashboard', { schema: { tags: ctags, summary: 'Dasbor GRC', response: { 200: ZComplianceDashboard } } }, async (req) => compliance.dashboard(actorOf(req)));
  r.get('/api/compliance/regulations/:id', { schema: { tags: ctags, params: ZId, response: { 200: ZRegulationCompliance } } }, async (req) =>
    compliance.regulation(actorOf(req), req.params.id),
  );
  r.get(
    '/api/compliance/regulations/:id/export',
    { schema: { tags: ctags, params: ZId, querystring: z.object({ format: z.enum(['xlsx', 'pdf']).default('xlsx') }) } },
    async (req, reply) => {
      const actor = actorOf(req);
      const c = await compliance.regulation(actor, req.params.id);
      const file = req.query.format === 'pdf' ? await compliancePdf(lib.db, actor.tenantId, c) : await complianceXlsx(c);
      return reply.header('content-disposition', `attachment; filename="${file.filename}"`).type(file.contentType).send(file.body);
    },
  );
  r.get(
    '/api/compliance/links',
    { schema: { tags: ctags, summary: 'Kewajiban yang dipenuhi oleh suatu rekaman', querystring: z.object({ entity: z.string().min(1).max(60), id: z.string().min(1).max(100) }), response: { 200: z.array(ZComplianceLink) } } },
    async (req) => compliance.links(actorOf(req), req.query.entity, req.query.id),
  );
  r.get('/api/compliance/obligations', { schema: { tags: ctags, summary: 'Pilihan kewajiban regulasi (pencarian)', querystring: ZObligationOptionQuery, response: { 200: z.array(ZObligationOption) } } }, async (req) =>
    lib.obligationOptions(actorOf(req), req.query),
  );
  r.get('/api/compliance/obligations/:id/attestations', { schema: { tags: ctags, params: ZId, response: { 200: z.array(ZAttestation) } } }, async (req) =>
    compliance.attestations(actorOf(req), req.params.id),
  );
  r.post('/api/compliance/attestations', { schema: { tags: ctags, summary: 'Pernyataan pemenuhan kewajiban', body: ZAttestationInput, response: { 200: ZAttestation } } }, async (req) =>
    compliance.attest(actorOf(req), req.body),
  );
  r.post('/api/compliance/attestations/:id/revoke', { schema: { tags: ctags, params: ZId, response: { 200: ZAttestation } } }, async (req) =>
    compliance.revoke(actorOf(req), req.params.id),
  );
}
