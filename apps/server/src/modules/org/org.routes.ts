import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAssignHolderInput,
  ZListQuery,
  ZOk,
  ZOpd,
  ZOpdInput,
  ZPerson,
  ZPersonInput,
  ZPosition,
  ZPositionInput,
  ZTenant,
  ZTenantProfileInput,
  ZUnit,
  ZUnitInput,
  pageOf,
} from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import { EXPORT_MAX_ROWS, ZExportFormat, sendExport } from '../../platform/http/export.js';
import type { OrgService } from './org.service.js';
import type { PeopleService } from './people.service.js';

const ZId = z.object({ id: z.uuid() });
const flag = z.enum(['true', 'false']).optional().transform((v) => v === 'true');
const ZOpdQuery = ZListQuery.extend({ includeDeleted: flag });
const ZPeopleQuery = ZListQuery.extend({ opdId: z.uuid().optional(), kind: z.enum(['asn', 'pppk', 'non_asn']).optional(), includeDeleted: flag });
const ZPositionQuery = ZListQuery.extend({ opdId: z.uuid().optional() });

export function orgRoutes(app: FastifyInstance, org: OrgService, people: PeopleService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  r.get('/api/tenant', { schema: { tags, summary: 'Profil Pemda', response: { 200: ZTenant } } }, async (req) => org.getTenant(actorOf(req)));
  r.put('/api/tenant', { schema: { tags, body: ZTenantProfileInput, response: { 200: ZTenant } } }, async (req) =>
    org.updateTenant(actorOf(req), req.body),
  );

  r.get('/api/opds', { schema: { tags, summary: 'Daftar OPD', querystring: ZOpdQuery, response: { 200: pageOf(ZOpd) } } }, async (req) =>
    org.listOpds(actorOf(req), req.query),
  );
  r.get('/api/opds/export', { schema: { tags, querystring: ZOpdQuery.extend(ZExportFormat.shape) } }, async (req, reply) => {
    const page = await org.listOpds(actorOf(req), { ...req.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    return sendExport(reply, req.query.format, {
      title: 'Daftar Perangkat Daerah',
      filename: 'opd',
      columns: [
        { key: 'code', header: 'Kode', width: 12 },
        { key: 'name', header: 'Nama OPD', width: 48 },
        { key: 'shortName', header: 'Singkatan', width: 14 },
        { key: 'headName', header: 'Kepala', width: 32 },
        { key: 'unitCount', header: 'Jumlah Unit', type: 'number' },
        { key: 'peopleCount', header: 'Jumlah Pegawai', type: 'number' },
      ],
      rows: page.items,
    });
  });
  r.post('/api/opds', { schema: { tags, body: ZOpdInput, response: { 200: ZOpd } } }, async (req) => org.createOpd(actorOf(req), req.body));
  r.get('/api/opds/:id', { schema: { tags, params: ZId, response: { 200: ZOpd } } }, async (req) => org.getOpd(actorOf(req), req.params.id));
  r.put('/api/opds/:id', { schema: { tags, params: ZId, body: ZOpdInput, response: { 200: ZOpd } } }, async (req) =>
    org.updateOpd(actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/opds/:id', { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await org.deleteOpd(actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.post('/api/opds/:id/restore', { schema: { tags, params: ZId, response: { 200: ZOpd } } }, async (req) =>
    org.restoreOpd(actorOf(req), req.params.id),
  );

  r.get('/api/opds/:id/units', { schema: { tags, params: ZId, response: { 200: z.array(ZUnit) } } }, async (req) =>
    org.listUnits(actorOf(req), req.params.id),
  );
  r.post('/api/units', { schema: { tags, body: ZUnitInput, response: { 200: ZUnit } } }, async (req) => org.createUnit(actorOf(req), req.body));
  r.put('/api/units/:id', { schema: { tags, params: ZId, body: ZUnitInput, response: { 200: ZUnit } } }, async (req) =>
    org.updateUnit(actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/units/:id', { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await org.deleteUnit(actorOf(req), req.params.id);
    return { ok: true as const };
  });

  r.get('/api/positions', { schema: { tags, querystring: ZPositionQuery, response: { 200: pageOf(ZPosition) } } }, async (req) =>
    people.listPositions(actorOf(req), req.query),
  );
  r.post('/api/positions', { schema: { tags, body: ZPositionInput, response: { 200: ZPosition } } }, async (req) =>
    people.createPosition(actorOf(req), req.body),
  );
  r.put('/api/positions/:id', { schema: { tags, params: ZId, body: ZPositionInput, response: { 200: ZPosition } } }, async (req) =>
    people.updatePosition(actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/positions/:id', { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await people.deletePosition(actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.post('/api/positions/:id/holder', { schema: { tags, params: ZId, body: ZAssignHolderInput, response: { 200: ZPosition } } }, async (req) =>
    people.assignHolder(actorOf(req), req.params.id, req.body),
  );

  r.get('/api/people', { schema: { tags, summary: 'Daftar pegawai', querystring: ZPeopleQuery, response: { 200: pageOf(ZPerson) } } }, async (req) =>
    people.listPeople(actorOf(req), req.query),
  );
  r.get('/api/people/export', { schema: { tags, querystring: ZPeopleQuery.extend(ZExportFormat.shape) } }, async (req, reply) => {
    const page = await people.listPeople(actorOf(req), { ...req.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    return sendExport(reply, req.query.format, {
      title: 'Daftar Pegawai',
      filename: 'pegawai',
      columns: [
        { key: 'fullName', header: 'Nama', width: 32 },
        { key: 'nip', header: 'NIP', width: 22 },
        { key: 'nik', header: 'NIK', width: 20 },
        { key: 'kind', header: 'Status', width: 10 },
        { key: 'opdName', header: 'OPD', width: 40 },
        { key: 'positionName', header: 'Jabatan', width: 30 },
        { key: 'email', header: 'Email', width: 30 },
      ],
      rows: page.items,
    });
  });
  r.post('/api/people', { schema: { tags, body: ZPersonInput, response: { 200: ZPerson } } }, async (req) =>
    people.createPerson(actorOf(req), req.body),
  );
  r.get('/api/people/:id', { schema: { tags, params: ZId, response: { 200: ZPerson } } }, async (req) => people.getPerson(actorOf(req), req.params.id));
  r.put('/api/people/:id', { schema: { tags, params: ZId, body: ZPersonInput, response: { 200: ZPerson } } }, async (req) =>
    people.updatePerson(actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/people/:id', { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await people.deletePerson(actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.post('/api/people/:id/restore', { schema: { tags, params: ZId, response: { 200: ZPerson } } }, async (req) =>
    people.restorePerson(actorOf(req), req.params.id),
  );
}
