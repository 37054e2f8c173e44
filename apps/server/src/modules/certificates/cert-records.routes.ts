import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCertificate,
  ZIncidentReportInput,
  ZRevocation,
  ZRevocationDecisionInput,
  ZRevocationRequestInput,
  ZRevokeInput,
  pageOf,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import type { ApplicationsService } from './applications.service.js';
import type { RegistryService } from './registry.service.js';
import { ZId, ZCertQuery, ZCertDetail } from './certificates.route-schemas.js';

/** Issued certificates, renewal and revocation (K8, K9, I2). */
export function certRecordsRoutes(app: FastifyInstance, apps: ApplicationsService, reg: RegistryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['certificates'];
  const base = '/api/certificates';

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
    async (req) => reg.certs.listCertificates(actorOf(req), req.query),
  );
  r.get(`${base}/certs/:id`, { schema: { tags, params: ZId, response: { 200: ZCertDetail } } }, async (req) => reg.certs.getCertificate(actorOf(req), req.params.id));
  r.get(`${base}/certs/:id/receipt`, { schema: { tags, summary: 'Tanda terima (PDF)', params: ZId } }, async (req, reply) => {
    const { pdf, filename } = await apps.issuance.receipt(actorOf(req), req.params.id);
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
    async (req) => reg.certs.renew(actorOf(req), req.params.id),
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
    async (req) => reg.revocations.requestRevocation(actorOf(req), req.params.id, req.body),
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
    async (req) => reg.revocations.revoke(actorOf(req), req.params.id, req.body),
  );

  // Revocations
  r.get(`${base}/revocations`, { schema: { tags, response: { 200: z.array(ZRevocation) } } }, async (req) => reg.revocations.listRevocations(actorOf(req)));
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
    async (req) => reg.revocations.decideRevocation(actorOf(req), req.params.id, req.body),
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
    async (req) => reg.revocations.recordIncidentReport(actorOf(req), req.params.id, req.body),
  );
}
