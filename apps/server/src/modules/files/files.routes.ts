import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/request-auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { AttachmentService } from './files.service.js';

const ZFileMeta = z.object({
  id: z.uuid(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  sha256: z.string(),
  classified: z.boolean(),
  createdAt: z.string(),
});

export function fileRoutes(app: FastifyInstance, svc: AttachmentService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['files'];
  r.post('/api/files', {
    schema: { tags, summary: 'Unggah lampiran (multipart: file, classified)', consumes: ['multipart/form-data'], response: { 200: ZFileMeta } },
  }, async (req) => {
    const actor = actorOf(req);
    if (!req.isMultipart()) throw new AppError(400, 'error.validation', [{ field: 'file', key: 'file.missing' }]);
    const part = await req.file();
    if (!part) throw new AppError(400, 'error.validation', [{ field: 'file', key: 'file.missing' }]);
    const data = await part.toBuffer();
    const classifiedField = part.fields.classified as { value?: string } | undefined;
    return svc.upload(actor, part.filename, data, classifiedField?.value === 'true');
  });
  r.get('/api/files/:id', { schema: { tags, params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    const { meta, data } = await svc.download(actorOf(req), req.params.id);
    return reply
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.name)}`)
      .header('x-content-sha256', meta.sha256)
      .type(meta.mime)
      .send(data);
  });
}
