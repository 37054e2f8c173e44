import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZApprovalInput,
  ZCloneContextInput,
  ZHeatmap,
  ZHeatmapQuery,
  ZListQuery,
  ZMonitoring,
  ZMonitoringInput,
  ZOk,
  ZRisk,
  ZRiskContext,
  ZRiskContextInput,
  ZRiskDetail,
  ZRiskInput,
  ZRiskListQuery,
  ZRiskAssetQuery,
  ZRiskRef,
  ZRiskSettings,
  ZTreatment,
  ZTreatmentInput,
  pageOf,
  riskForms,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { EXPORT_MAX_ROWS, ZExportFormat, sendExport } from '../../platform/http/export.js';
import type { RiskContextService } from './contexts.service.js';
import type { RiskService } from './risks.service.js';
import type { RiskSettingsService } from './settings.service.js';

const ZId = z.object({ id: z.uuid() });
const ZContextQuery = ZListQuery.extend({ opdId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
const ZFormQuery = z.object({ form: z.enum(['all', ...riskForms]).default('all') });

export function risksRoutes(app: FastifyInstance, settings: RiskSettingsService, contexts: RiskContextService, risks: RiskService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['risks'];

  // matrix & criteria
  r.get('/api/risk-settings', { schema: { tags, summary: 'Matriks dan kriteria risiko', response: { 200: ZRiskSettings } } }, async (req) => settings.get(actorOf(req)));
  r.put('/api/risk-settings', { schema: { tags, body: ZRiskSettings, response: { 200: ZRiskSettings } } }, async (req) => settings.save(actorOf(req), req.body));
  r.post('/api/risk-settings/reset', { schema: { tags, summary: 'Kembalikan ke standar nasional', response: { 200: ZRiskSettings } } }, async (req) =>
    settings.reset(actorOf(req)),
  );

  // contexts (form 2.0)
  r.get('/api/risk-contexts', { schema: { tags, summary: 'Konteks risiko per UPR dan periode', querystring: ZContextQuery, response: { 200: pageOf(ZRiskContext) } } }, async (req) =>
    contexts.list(actorOf(req), req.query),
  );
  r.get('/api/risk-contexts/export', { schema: { tags, querystring: ZContextQuery.extend(ZExportFormat.shape) } }, async (req, reply) => {
    const page = await contexts.list(actorOf(req), { ...req.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    return sendExport(reply, req.query.format, {
      title: 'Konteks Manajemen Risiko SPBE',
      filename: 'konteks-risiko',
      columns: [
        { key: 'year', header: 'Periode', type: 'number', width: 10 },
        { key: 'opdName', header: 'Unit Pemilik Risiko', width: 44 },
        { key: 'ownerName', header: 'Pemilik Risiko', width: 30 },
        { key: 'ownerPosition', header: 'Jabatan', width: 30 },
        { key: 'scope', header: 'Ruang Lingkup', width: 40 },
        { key: 'appetiteDefault', header: 'Selera Risiko Umum', type: 'number' },
        { key: 'riskCount', header: 'Jumlah Risiko', type: 'number' },
      ],
      rows: page.items,
    });
  });
  r.post('/api/risk-contexts', { schema: { tags, body: ZRiskContextInput, response: { 200: ZRiskContext } } }, async (req) => contexts.create(actorOf(req), req.body));
  r.get('/api/risk-contexts/:id', { schema: { tags, params: ZId, response: { 200: ZRiskContext } } }, async (req) => contexts.get(actorOf(req), req.params.id));
  r.put('/api/risk-contexts/:id', { schema: { tags, params: ZId, body: ZRiskContextInput, response: { 200: ZRiskContext } } }, async (req) =>
    contexts.update(actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/risk-contexts/:id', { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await contexts.remove(actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.post('/api/risk-contexts/:id/clone', { schema: { tags, summary: 'Salin ke periode baru', params: ZId, body: ZCloneContextInput, response: { 200: ZRiskContext } } }, async (req) =>
    contexts.clone(actorOf(req), req.params.id, req.body.year),
  );
  r.get('/api/risk-contexts/:id/forms', { schema: { tags, summary: 'Formulir 2.0–5.0 (Excel)', params: ZId, querystring: ZFormQuery } }, async (req, reply) => {
    const { body, filename } = await risks.forms(actorOf(req), req.params.id, req.query.form);
    return reply
      .header('content-disposition', `attachment; filename="${filename}"`)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(body);
  });

  // register (form 3.0)
  r.get('/api/risks', { schema: { tags, summary: 'Daftar risiko', querystring: ZRiskListQuery, response: { 200: pageOf(ZRisk) } } }, async (req) => risks.list(actorOf(req), req.query));
  r.get('/api/risks/export', { schema: { tags, querystring: ZRiskListQuery.extend(ZExportFormat.shape) } }, async (req, reply) => {
    const page = await risks.list(actorOf(req), { ...req.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    return sendExport(reply, req.query.format, {
      title: 'Daftar Risiko SPBE',
      filename: 'daftar-risiko',
      columns: [
        { key: 'code', header: 'Kode', width: 14 },
        { key: 'opdName', header: 'UPR', width: 36 },
        { key: 'assetName', header: 'Aset', width: 28 },
        { key: 'threat', header: 'Ancaman', width: 28 },
        { key: 'vulnerability', header: 'Kerentanan', width: 28 },
        { key: 'event', header: 'Kejadian', width: 36 },
        { key: 'categoryName', header: 'Kategori', width: 22 },
        { key: 'areaName', header: 'Area Dampak', width: 20 },
        { key: 'inherentScore', header: 'Besaran Inheren', type: 'number' },
        { key: 'score', header: 'Besaran Saat Ini', type: 'number' },
        { key: 'levelName', header: 'Level Risiko', width: 14 },
        { key: 'residualScore', header: 'Besaran Residual', type: 'number' },
        { key: 'priority', header: 'Prioritas', type: 'number' },
        { key: 'needs', header: 'Perlu Penanganan', width: 10 },
        { key: 'approval', header: 'Persetujuan', width: 16 },
      ],
      rows: page.items.map((x) => ({
        ...x,
        inherentScore: x.inherent.score,
        score: x.current.score,
        levelName: x.current.levelName,
        residualScore: x.residual?.score ?? null,
        needs: x.needsTreatment ? 'YA' : 'TIDAK',
        approval: x.approvalStatus === 'setuju' ? 'Setuju' : x.approvalStatus === 'tidak_setuju' ? 'Tidak Setuju' : 'Belum',
      })),
    });
  });
  r.get('/api/risks/heatmap', { schema: { tags, summary: 'Peta risiko 5×5', querystring: ZHeatmapQuery, response: { 200: ZHeatmap } } }, async (req) =>
    risks.heatmap(actorOf(req), req.query),
  );
  r.get('/api/risks/by-asset', { schema: { tags, summary: 'Risiko yang tercatat pada suatu sistem elektronik', querystring: ZRiskAssetQuery, response: { 200: z.array(ZRiskRef) } } }, async (req) =>
    risks.onAsset(actorOf(req), req.query.entity, req.query.id),
  );
  r.post('/api/risks', { schema: { tags, body: ZRiskInput, response: { 200: ZRiskDetail } } }, async (req) => risks.create(actorOf(req), req.body));
  r.get('/api/risks/:id', { schema: { tags, params: ZId, response: { 200: ZRiskDetail } } }, async (req) => risks.detail(actorOf(req), req.params.id));
  r.put('/api/risks/:id', { schema: { tags, params: ZId, body: ZRiskInput, response: { 200: ZRiskDetail } } }, async (req) =>
    risks.update(actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/risks/:id', { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await risks.remove(actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.post('/api/risks/:id/restore', { schema: { tags, params: ZId, response: { 200: ZRiskDetail } } }, async (req) => risks.restore(actorOf(req), req.params.id));
  r.post('/api/risks/:id/approval', { schema: { tags, summary: 'Persetujuan pemilik risiko', params: ZId, body: ZApprovalInput, response: { 200: ZRiskDetail } } }, async (req) =>
    risks.decide(actorOf(req), req.params.id, req.body),
  );

  // treatment (form 4.0) and monitoring (form 5.0)
  r.post('/api/risks/:id/treatments', { schema: { tags, params: ZId, body: ZTreatmentInput, response: { 200: ZTreatment } } }, async (req) =>
    risks.addTreatment(actorOf(req), req.params.id, req.body),
  );
  r.put('/api/risk-treatments/:id', { schema: { tags, params: ZId, body: ZTreatmentInput, response: { 200: ZTreatment } } }, async (req) =>
    risks.updateTreatment(actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/risk-treatments/:id', { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await risks.removeTreatment(actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.post('/api/risks/:id/monitorings', { schema: { tags, params: ZId, body: ZMonitoringInput, response: { 200: ZMonitoring } } }, async (req) =>
    risks.addMonitoring(actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/risk-monitorings/:id', { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await risks.removeMonitoring(actorOf(req), req.params.id);
    return { ok: true as const };
  });
}
