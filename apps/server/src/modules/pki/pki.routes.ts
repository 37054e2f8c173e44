import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZPkiCertQuery, ZPkiCertificate, ZPkiCrlInfo, ZPkiRevokeInput, ZPkiSettings, ZPkiSettingsInput, ZPkiStatus, pageOf } from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { EXPORT_MAX_ROWS, ZExportFormat, sendExport } from '../../platform/http/export.js';
import type { PkiAdminService } from './pki.admin.js';

const ZId = z.object({ id: z.uuid() });

const PROFILE_LABEL: Record<string, string> = {
  signing: 'Tanda tangan',
  encryption: 'Enkripsi',
  tls_server: 'Server TLS',
  ra_operator: 'Operator RA',
  ocsp_signer: 'Penanda tangan OCSP',
  tsa: 'Cap waktu (TSA)',
};
const STATUS_LABEL: Record<string, string> = { good: 'Berlaku', revoked: 'Dicabut', expired: 'Kedaluwarsa' };

/** The authenticated CA administration API (pki.manage). */
export function pkiRoutes(app: FastifyInstance, svc: PkiAdminService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pki'];

  r.get('/api/pki/status', { schema: { tags, summary: 'Status otoritas sertifikat', response: { 200: ZPkiStatus } } }, async (req) => svc.status(actorOf(req)));
  r.post('/api/pki/ca', { schema: { tags, summary: 'Membuat CA Pemda (bila belum ada)', response: { 200: ZPkiStatus } } }, async (req) => svc.initialise(actorOf(req)));
  r.get('/api/pki/certificates', { schema: { tags, summary: 'Sertifikat yang diterbitkan', querystring: ZPkiCertQuery, response: { 200: pageOf(ZPkiCertificate) } } }, async (req) =>
    svc.list(actorOf(req), req.query),
  );
  r.get('/api/pki/certificates/export', { schema: { tags, querystring: ZPkiCertQuery.extend(ZExportFormat.shape) } }, async (req, reply) => {
    const page = await svc.list(actorOf(req), { ...req.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    return sendExport(reply, req.query.format, {
      title: 'Daftar Sertifikat Elektronik yang Diterbitkan',
      filename: 'sertifikat-ca',
      columns: [
        { key: 'serialHex', header: 'Nomor Seri', width: 36 },
        { key: 'commonName', header: 'Nama (CN)', width: 32 },
        { key: 'email', header: 'E-mail', width: 28 },
        { key: 'profileLabel', header: 'Profil', width: 18 },
        { key: 'keyAlgorithm', header: 'Kunci', width: 12 },
        { key: 'notBefore', header: 'Berlaku Mulai', type: 'date' },
        { key: 'notAfter', header: 'Berlaku Sampai', type: 'date' },
        { key: 'statusLabel', header: 'Status', width: 14 },
        { key: 'revokedAt', header: 'Dicabut Pada', type: 'date' },
        { key: 'revocationReason', header: 'Alasan Pencabutan', width: 20 },
        { key: 'subjectDn', header: 'Subjek', width: 60 },
      ],
      rows: page.items.map((c) => ({
        ...c,
        profileLabel: PROFILE_LABEL[c.profile] ?? c.profile,
        statusLabel: STATUS_LABEL[c.status] ?? c.status,
        notBefore: new Date(c.notBefore),
        notAfter: new Date(c.notAfter),
        revokedAt: c.revokedAt ? new Date(c.revokedAt) : null,
      })),
    });
  });
  r.get('/api/pki/certificates/:id', { schema: { tags, params: ZId, response: { 200: ZPkiCertificate } } }, async (req) => svc.get(actorOf(req), req.params.id));
  r.get('/api/pki/certificates/:id/download', { schema: { tags, summary: 'Unduh sertifikat (PEM)', params: ZId } }, async (req, reply) => {
    const f = await svc.download(actorOf(req), req.params.id);
    return reply.type('application/x-pem-file').header('content-disposition', `attachment; filename="${f.filename}"`).send(f.pem);
  });
  r.post('/api/pki/certificates/:id/revoke', { schema: { tags, summary: 'Mencabut sertifikat', params: ZId, body: ZPkiRevokeInput, response: { 200: ZPkiCertificate } } }, async (req) =>
    svc.revoke(actorOf(req), req.params.id, req.body),
  );
  r.post('/api/pki/crl', { schema: { tags, summary: 'Menerbitkan CRL baru', response: { 200: ZPkiCrlInfo } } }, async (req) => svc.regenerateCrl(actorOf(req)));
  r.get('/api/pki/settings', { schema: { tags, summary: 'Penerbit sertifikat (CA internal / BSrE / EJBCA)', response: { 200: ZPkiSettings } } }, async (req) => svc.getSettings(actorOf(req)));
  r.put('/api/pki/settings', { schema: { tags, body: ZPkiSettingsInput, response: { 200: ZPkiSettings } } }, async (req) => svc.updateSettings(actorOf(req), req.body));
}
