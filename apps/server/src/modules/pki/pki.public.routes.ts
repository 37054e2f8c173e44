import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../platform/http/errors.js';
import { toPem } from './crypto.js';
import { ocspError } from './ocsp.js';
import { tsaRejection } from './tsa.js';
import type { PkiCore } from './pki.service.js';
import * as repo from './pki.repo.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Publication points of each Pemda's CA (no session): CA certificates, CRL, OCSP (RFC 6960,
 * POST and GET) and the RFC 3161 TSA, under /pki/<slug>/ (the tenant id works too).
 */
export function pkiPublicRoutes(app: FastifyInstance, core: PkiCore) {
  const slugs = new Map<string, string>();
  /** Tenant id for a slug whose CA exists; never creates a CA from an anonymous request. */
  async function tenantOf(slug: string): Promise<string> {
    let id = slugs.get(slug);
    if (!id) {
      const t = UUID.test(slug) ? await repo.getTenant(core.deps.database.db, slug) : await repo.tenantBySlug(core.deps.database.db, slug);
      if (!t) throw new AppError(404, 'pki.tenant_unknown');
      if (!(await core.exists(t.id))) throw new AppError(404, 'pki.ca_missing');
      id = t.id;
      slugs.set(slug, id);
    }
    return id;
  }
  const der = (reply: FastifyReply, type: string, body: Uint8Array, maxAge = 300) =>
    reply.header('cache-control', `public, max-age=${maxAge}`).type(type).send(Buffer.from(body));

  app.register(async (scope) => {
    scope.addContentTypeParser(['application/ocsp-request', 'application/timestamp-query'], { parseAs: 'buffer', bodyLimit: 65_536 }, (_req, body, done) =>
      done(null, body),
    );
    // Relying parties (mail clients, PDF readers, other servers) hit OCSP/CRL/CA certificates at
    // high rates from shared addresses; those answers are cheap and cached, so they are not rate
    // limited. The TSA signs each request and keeps a per-address limit.
    const opts = { config: { public: true, rateLimit: false as const }, schema: { hide: true } };
    const tsaOpts = { config: { public: true, rateLimit: { max: 1200, timeWindow: '1 minute' } }, schema: { hide: true } };
    type P = { Params: { slug: string } };

    for (const which of ['root', 'issuing'] as const) {
      scope.get<P>(`/pki/:slug/${which}.crt`, opts, async (req, reply) => {
        const body = await core.caCertDer(await tenantOf(req.params.slug), which);
        return der(reply.header('content-disposition', `attachment; filename="${which}-ca.crt"`), 'application/pkix-cert', body, 86_400);
      });
      scope.get<P>(`/pki/:slug/${which}.pem`, opts, async (req, reply) => {
        const body = await core.caCertDer(await tenantOf(req.params.slug), which);
        return reply.type('application/x-pem-file').header('content-disposition', `attachment; filename="${which}-ca.pem"`).send(toPem(body, 'CERTIFICATE'));
      });
    }
    scope.get<P>('/pki/:slug/crl', opts, async (req, reply) => {
      const body = await core.crl(await tenantOf(req.params.slug));
      return der(reply, 'application/pkix-crl', body, 300);
    });
    scope.get<P>('/pki/:slug/crl.pem', opts, async (req, reply) => {
      const body = await core.crl(await tenantOf(req.params.slug));
      return reply.type('application/x-pem-file').header('cache-control', 'public, max-age=300').send(toPem(body, 'X509 CRL'));
    });

    const ocspReply = (reply: FastifyReply, body: Uint8Array) => reply.type('application/ocsp-response').header('cache-control', 'no-store').send(Buffer.from(body));
    scope.post<P & { Body: Buffer }>('/pki/:slug/ocsp', opts, async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) return ocspReply(reply, ocspError('malformedRequest'));
      return ocspReply(reply, await core.ocsp(await tenantOf(req.params.slug), req.body));
    });
    scope.get<{ Params: { slug: string; '*': string } }>('/pki/:slug/ocsp/*', opts, async (req, reply) => {
      const tenantId = await tenantOf(req.params.slug);
      let raw = req.params['*'] ?? '';
      try {
        raw = decodeURIComponent(raw);
      } catch {
        return ocspReply(reply, ocspError('malformedRequest'));
      }
      const b64 = raw.replace(/-/g, '+').replace(/_/g, '/').replace(/\s/g, '');
      if (!b64 || !/^[A-Za-z0-9+/]+=*$/.test(b64)) return ocspReply(reply, ocspError('malformedRequest'));
      return ocspReply(reply, await core.ocsp(tenantId, Buffer.from(b64, 'base64')));
    });

    scope.post<P & { Body: Buffer }>('/pki/:slug/tsa', tsaOpts, async (req, reply) => {
      const tenantId = await tenantOf(req.params.slug);
      const body = Buffer.isBuffer(req.body) ? await core.timestamp(tenantId, req.body) : tsaRejection('badDataFormat', 'expected application/timestamp-query');
      return reply.type('application/timestamp-reply').header('cache-control', 'no-store').send(Buffer.from(body));
    });
  });
}
