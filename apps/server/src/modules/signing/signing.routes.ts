import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCompleteSignInput,
  ZPrepareSignInput,
  ZRecipient,
  ZPreparedSign,
  ZSigningListQuery,
  ZSigningRequest,
  ZSigningRequestInput,
  ZSmimeCompleteInput,
  ZSmimePrepareInput,
  ZSmimePrepared,
  ZVerifyReport,
  pageOf,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { SigningService } from './signing.service.js';
import { VERIFY_MAX_BYTES } from './pdf-verify.js';

const ZId = z.object({ id: z.uuid() });

/** Reads the single uploaded file (and the other form fields) of a multipart request. */
async function readUpload(req: FastifyRequest, maxBytes: number, tooLargeKey: 'signing.verify_too_large' | 'signing.pdf_invalid') {
  if (!req.isMultipart()) throw new AppError(400, 'signing.pdf_required', [{ field: 'file', key: 'signing.pdf_required' }]);
  const part = await req.file({ limits: { fileSize: maxBytes } }).catch(() => undefined);
  if (!part) throw new AppError(400, 'signing.pdf_required', [{ field: 'file', key: 'signing.pdf_required' }]);
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch {
    throw new AppError(413, tooLargeKey, [{ field: 'file', key: tooLargeKey }]);
  }
  if (part.file.truncated) throw new AppError(413, tooLargeKey, [{ field: 'file', key: tooLargeKey }]);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields)) {
    const f = v as { value?: unknown } | undefined;
    if (f && typeof f.value === 'string') fields[k] = f.value;
  }
  return { data, filename: part.filename, fields };
}

export function signingRoutes(app: FastifyInstance, svc: SigningService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['signing'];

  r.get('/api/signing/requests', { schema: { tags, summary: 'Permintaan tanda tangan saya', querystring: ZSigningListQuery, response: { 200: pageOf(ZSigningRequest) } } }, async (req) =>
    svc.list(actorOf(req), req.query),
  );
  r.get('/api/signing/candidates', { schema: { tags, summary: 'Calon penanda tangan', querystring: z.object({ q: z.string().max(100).optional() }) } }, async (req) =>
    svc.candidates(actorOf(req), req.query.q),
  );
  r.get('/api/signing/recipients', { schema: { tags, summary: 'Penerima dokumen terlindungi (pemegang sertifikat enkripsi yang berlaku)', querystring: z.object({ q: z.string().max(100).optional() }), response: { 200: z.array(ZRecipient) } } }, async (req) =>
    svc.recipients(actorOf(req), req.query.q),
  );
  r.post('/api/signing/requests', { schema: { tags, summary: 'Unggah PDF dan pilih penanda tangan (multipart: file, meta JSON)', consumes: ['multipart/form-data'], response: { 200: ZSigningRequest } } }, async (req) => {
    const actor = actorOf(req);
    svc.assertCanUse(actor);
    const { data, filename, fields } = await readUpload(req, 25 * 1024 * 1024, 'signing.pdf_invalid');
    let meta: unknown;
    try {
      meta = JSON.parse(fields.meta ?? '{}');
    } catch {
      meta = {};
    }
    const parsed = ZSigningRequestInput.safeParse(meta);
    if (!parsed.success) {
      throw new AppError(400, 'error.validation', parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'meta', message: i.message })));
    }
    return svc.create(actor, parsed.data, filename, data);
  });
  r.get('/api/signing/requests/:id', { schema: { tags, params: ZId, response: { 200: ZSigningRequest } } }, async (req) => svc.get(actorOf(req), req.params.id));
  r.get('/api/signing/requests/:id/file', { schema: { tags, params: ZId } }, async (req, reply) => {
    const { data, name } = await svc.download(actorOf(req), req.params.id);
    return reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).type('application/pdf').send(data);
  });
  r.post('/api/signing/requests/:id/prepare', { schema: { tags, summary: 'Siapkan tanda tangan (atribut yang ditandatangani peramban)', params: ZId, body: ZPrepareSignInput, response: { 200: ZPreparedSign } } }, async (req) =>
    svc.prepare(actorOf(req), req.params.id, req.body),
  );
  r.post('/api/signing/requests/:id/complete', { schema: { tags, summary: 'Kirim tanda tangan dari peramban (PAdES B-T + DSS)', params: ZId, body: ZCompleteSignInput, response: { 200: ZSigningRequest } } }, async (req) =>
    svc.complete(actorOf(req), req.params.id, req.body),
  );
  r.post('/api/signing/requests/:id/cancel', { schema: { tags, params: ZId, response: { 200: ZSigningRequest } } }, async (req) => svc.cancel(actorOf(req), req.params.id));

  r.post('/api/signing/smime/prepare', { schema: { tags, summary: 'Siapkan tanda tangan surel S/MIME', body: ZSmimePrepareInput, response: { 200: ZSmimePrepared } } }, async (req) =>
    svc.smimePrepare(actorOf(req), req.body),
  );
  r.post('/api/signing/smime/complete', { schema: { tags, summary: 'Rakit surel S/MIME bertanda tangan', body: ZSmimeCompleteInput, response: { 200: z.object({ message: z.string() }) } } }, async (req) =>
    svc.smimeComplete(actorOf(req), req.body),
  );

  // ---- public verifier (no login) ----
  r.post('/api/verify/pdf', {
    config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags: ['verify'], summary: 'Verifikasi PDF bertanda tangan (publik)', consumes: ['multipart/form-data'], response: { 200: ZVerifyReport } },
  }, async (req) => {
    const { data } = await readUpload(req, VERIFY_MAX_BYTES, 'signing.verify_too_large');
    const pemda = (req.query as { pemda?: unknown } | undefined)?.pemda;
    return svc.verifyUpload(data, typeof pemda === 'string' && /^[a-z0-9-]{1,64}$/.test(pemda) ? pemda : undefined);
  });
  r.get('/api/verify/documents/:id', {
    config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags: ['verify'], summary: 'Daftar tanda tangan dokumen (tautan QR, publik)', params: ZId, response: { 200: ZVerifyReport } },
  }, async (req) => svc.verifyStored(req.params.id));
}
