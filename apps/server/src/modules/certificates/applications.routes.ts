import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAttachDocumentInput,
  ZCertApplication,
  ZCertApplicationInput,
  ZCertApplicationDetail,
  ZCertificate,
  ZDecisionInput,
  ZIssueInput,
  ZUploadedFile,
  pageOf,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { ApplicationsService } from './applications.service.js';
import { ZId, ZAppQuery } from './certificates.route-schemas.js';

/** Uploads and certificate applications (K3, K5–K7, K10). */
export function applicationsRoutes(app: FastifyInstance, apps: ApplicationsService) {
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
      return apps.documents.upload(actor, part.filename, await part.toBuffer());
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
    async (req) => apps.drafts.list(actorOf(req), req.query),
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
    async (req) => apps.drafts.create(actorOf(req), req.body),
  );
  r.get(
    `${base}/applications/:id`,
    {
      schema: { tags, params: ZId, response: { 200: ZCertApplicationDetail } },
    },
    async (req) => apps.drafts.get(actorOf(req), req.params.id),
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
    async (req) => apps.drafts.update(actorOf(req), req.params.id, req.body),
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
    async (req) => apps.documents.attach(actorOf(req), req.params.id, req.body),
  );
  r.get(`${base}/documents/:id`, { schema: { tags, summary: 'Unduh lampiran permohonan', params: ZId } }, async (req, reply) => {
    const f = await apps.documents.downloadFile(actorOf(req), req.params.id);
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
    async (req) => apps.review.submit(actorOf(req), req.params.id),
  );
  r.post(
    `${base}/applications/:id/cancel`,
    {
      schema: { tags, params: ZId, response: { 200: ZCertApplicationDetail } },
    },
    async (req) => apps.review.cancel(actorOf(req), req.params.id),
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
    async (req) => apps.review.decide(actorOf(req), req.params.id, req.body),
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
    async (req) => apps.issuance.issue(actorOf(req), req.params.id, req.body),
  );
}
