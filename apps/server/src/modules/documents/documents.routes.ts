import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/request-auth.js';
import type { DocumentsService } from './documents.service.js';

export function documentRoutes(app: FastifyInstance, docs: DocumentsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/documents/opd-officials', {
    schema: {
      tags: ['documents'],
      summary: 'Cetak daftar OPD dan pejabat (PDF, Word, Excel)',
      querystring: z.object({ format: z.enum(['pdf', 'docx', 'xlsx', 'csv']).default('pdf') }),
    },
  }, async (req, reply) => {
    const file = await docs.opdOfficials(actorOf(req), req.query.format);
    return reply
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .type(file.contentType)
      .send(file.body);
  });
}
