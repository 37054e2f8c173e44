import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAuditPage, ZAuditQuery, ZAuditVerify } from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { EXPORT_MAX_ROWS, ZExportFormat, sendExport } from '../../platform/http/export.js';
import type { AuditService } from './audit.service.js';

export function auditRoutes(app: FastifyInstance, audit: AuditService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  r.get('/api/audit', { schema: { tags, summary: 'Jejak audit', querystring: ZAuditQuery, response: { 200: ZAuditPage } } }, async (req) =>
    audit.list(actorOf(req), req.query),
  );
  r.get('/api/audit/verify', { schema: { tags, summary: 'Verifikasi rantai hash jejak audit', response: { 200: ZAuditVerify } } }, async (req) =>
    audit.verify(actorOf(req)),
  );
  r.get('/api/audit/export', { schema: { tags, querystring: ZAuditQuery.extend(ZExportFormat.shape) } }, async (req, reply) => {
    const page = await audit.list(actorOf(req), { ...req.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    return sendExport(reply, req.query.format, {
      title: 'Jejak Audit',
      filename: 'jejak-audit',
      columns: [
        { key: 'seq', header: 'No. Urut', type: 'number' },
        { key: 'at', header: 'Waktu (UTC)', width: 24 },
        { key: 'actorLabel', header: 'Pelaku', width: 28 },
        { key: 'action', header: 'Tindakan', width: 18 },
        { key: 'entity', header: 'Entitas', width: 14 },
        { key: 'entityId', header: 'ID Entitas', width: 38 },
        { key: 'ip', header: 'Alamat IP', width: 16 },
        { key: 'requestId', header: 'ID Permintaan', width: 38 },
        { key: 'hash', header: 'Hash', width: 66 },
      ],
      rows: page.items,
    });
  });
}
