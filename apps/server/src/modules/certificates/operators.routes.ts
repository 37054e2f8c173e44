import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAppointOperatorInput,
  ZComplaint,
  ZComplaintInput,
  ZComplaintUpdateInput,
  ZMyRaStatus,
  ZRaCertificateInput,
  ZRaOperator,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import type { RegistryService } from './registry.service.js';
import { ZId } from './certificates.route-schemas.js';

/** RA operators and complaints (K11, K12). */
export function operatorsRoutes(app: FastifyInstance, reg: RegistryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['certificates'];
  const base = '/api/certificates';

  // RA operators
  r.get(`${base}/ra-operators`, { schema: { tags, response: { 200: z.array(ZRaOperator) } } }, async (req) => reg.operators.listOperators(actorOf(req)));
  r.get(`${base}/ra-operators/me`, { schema: { tags, response: { 200: ZMyRaStatus } } }, async (req) => reg.operators.myOperatorStatus(actorOf(req)));
  r.post(
    `${base}/ra-operators`,
    {
      schema: {
        tags,
        body: ZAppointOperatorInput,
        response: { 200: ZRaOperator },
      },
    },
    async (req) => reg.operators.appoint(actorOf(req), req.body),
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
    async (req) => reg.operators.issueRaCertificate(actorOf(req), req.body),
  );
  r.post(`${base}/ra-operators/:id/end`, { schema: { tags, params: ZId, response: { 200: ZRaOperator } } }, async (req) =>
    reg.operators.endAppointment(actorOf(req), req.params.id),
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
    async (req) => reg.operators.recordProviderRaCertificate(actorOf(req), req.params.id, req.body),
  );

  // Complaints
  r.get(`${base}/complaints`, { schema: { tags, response: { 200: z.array(ZComplaint) } } }, async (req) => reg.complaints.listComplaints(actorOf(req)));
  r.post(`${base}/complaints`, { schema: { tags, body: ZComplaintInput, response: { 200: ZComplaint } } }, async (req) =>
    reg.complaints.createComplaint(actorOf(req), req.body),
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
    async (req) => reg.complaints.updateComplaint(actorOf(req), req.params.id, req.body),
  );
}
