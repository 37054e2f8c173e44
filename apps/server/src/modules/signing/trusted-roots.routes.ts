import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZTrustedRoot, ZTrustedRootEnabled, ZTrustedRootInput } from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import type { TrustedRootsService } from './trusted-roots.service.js';

const ZId = z.object({ id: z.uuid() });

/** Trusted roots of the Pemda for the signature verifier (K15). */
export function trustedRootsRoutes(app: FastifyInstance, svc: TrustedRootsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['signing'];
  r.get('/api/signing/trusted-roots', { schema: { tags, summary: 'Akar tepercaya untuk verifikasi tanda tangan', response: { 200: z.array(ZTrustedRoot) } } }, async (req) => svc.list(actorOf(req)));
  r.post('/api/signing/trusted-roots', { schema: { tags, summary: 'Tambah sertifikat CA tepercaya (PEM atau DER base64)', body: ZTrustedRootInput, response: { 200: ZTrustedRoot } } }, async (req) =>
    svc.add(actorOf(req), req.body),
  );
  r.put('/api/signing/trusted-roots/:id/enabled', { schema: { tags, summary: 'Aktifkan / nonaktifkan akar tepercaya', params: ZId, body: ZTrustedRootEnabled, response: { 200: ZTrustedRoot } } }, async (req) =>
    svc.setEnabled(actorOf(req), req.params.id, req.body.enabled),
  );
  r.delete('/api/signing/trusted-roots/:id', { schema: { tags, summary: 'Hapus akar tepercaya', params: ZId } }, async (req) => svc.remove(actorOf(req), req.params.id));
}
