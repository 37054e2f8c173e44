import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZNeedInput,
  ZCertNeed,
  ZNeedAnalysisInput,
  ZNeedSummaryRow,
  ZOk,
  pageOf,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { EXPORT_MAX_ROWS, ZExportFormat, sendExport } from '../../platform/http/export.js';
import type { RegistryService } from './registry.service.js';
import { ZId, ZYear, ZNeedQuery, kindLabel, priorityLabel, useLabel } from './certificates.route-schemas.js';

/** Certificate needs per OPD (K2). */
export function needsRoutes(app: FastifyInstance, reg: RegistryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['certificates'];
  const base = '/api/certificates';

  // Needs
  r.get(
    `${base}/needs`,
    {
      schema: {
        tags,
        querystring: ZNeedQuery,
        response: { 200: pageOf(ZCertNeed) },
      },
    },
    async (req) => reg.needs.listNeeds(actorOf(req), req.query),
  );
  r.get(
    `${base}/needs/summary`,
    {
      schema: {
        tags,
        querystring: z.object({ year: ZYear }),
        response: { 200: z.array(ZNeedSummaryRow) },
      },
    },
    async (req) => reg.needs.needsSummary(actorOf(req), req.query.year),
  );
  r.get(`${base}/needs/export`, { schema: { tags, querystring: ZNeedQuery.extend(ZExportFormat.shape) } }, async (req, reply) => {
    const actor = actorOf(req);
    const page = await reg.needs.listNeeds(actor, {
      ...req.query,
      page: 1,
      pageSize: EXPORT_MAX_ROWS,
    });
    return sendExport(reply, req.query.format, {
      title: `Identifikasi Kebutuhan Sertifikat Elektronik Tahun ${req.query.year}`,
      filename: `kebutuhan-sertifikat-${req.query.year}`,
      columns: [
        { key: 'opdName', header: 'Perangkat Daerah', width: 40 },
        { key: 'kind', header: 'Jenis', width: 24 },
        { key: 'holderName', header: 'Pemilik/Jabatan/Sistem', width: 36 },
        { key: 'quantity', header: 'Jumlah', type: 'number' },
        { key: 'uses', header: 'Penggunaan', width: 40 },
        { key: 'priority', header: 'Prioritas', width: 12 },
        { key: 'analysisNotes', header: 'Catatan Analisis', width: 40 },
      ],
      rows: page.items.map((n) => ({
        ...n,
        kind: kindLabel[n.kind],
        uses: n.uses.map((u) => useLabel[u] ?? u).join(', '),
        priority: n.priority ? priorityLabel[n.priority] : 'Belum dianalisis',
      })),
    });
  });
  r.post(`${base}/needs`, { schema: { tags, body: ZNeedInput, response: { 200: ZCertNeed } } }, async (req) => reg.needs.createNeed(actorOf(req), req.body));
  r.put(
    `${base}/needs/:id`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZNeedInput,
        response: { 200: ZCertNeed },
      },
    },
    async (req) => reg.needs.updateNeed(actorOf(req), req.params.id, req.body),
  );
  r.delete(`${base}/needs/:id`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await reg.needs.deleteNeed(actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.post(
    `${base}/needs/:id/analysis`,
    {
      schema: {
        tags,
        params: ZId,
        body: ZNeedAnalysisInput,
        response: { 200: ZCertNeed },
      },
    },
    async (req) => reg.needs.analyseNeed(actorOf(req), req.params.id, req.body),
  );
}
