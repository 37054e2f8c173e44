import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZListQuery, ZOk, ZRole, ZRoleInput, ZUser, ZUserInput, pageOf } from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import type { AccessService } from './access.service.js';

const ZId = z.object({ id: z.uuid() });
const ZGrants = z.object({ roles: z.array(z.object({ roleId: z.uuid(), opdId: z.uuid().nullish() })) });

export function accessRoutes(app: FastifyInstance, access: AccessService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['access'];
  const ZPerm = z.object({ code: z.string(), module: z.string(), name: z.string(), nameEn: z.string() });

  r.get('/api/permissions', { schema: { tags, summary: 'Katalog hak akses', response: { 200: z.array(ZPerm) } } }, async (req) =>
    access.permissions(actorOf(req)),
  );
  r.get('/api/roles', { schema: { tags, response: { 200: z.array(ZRole) } } }, async (req) => access.roles(actorOf(req)));
  r.post('/api/roles', { schema: { tags, body: ZRoleInput, response: { 200: ZRole } } }, async (req) => access.createRole(actorOf(req), req.body));
  r.put('/api/roles/:id', { schema: { tags, params: ZId, body: ZRoleInput.omit({ code: true }), response: { 200: ZRole } } }, async (req) =>
    access.updateRole(actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/roles/:id', { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
    await access.deleteRole(actorOf(req), req.params.id);
    return { ok: true as const };
  });

  r.get('/api/users', { schema: { tags, querystring: ZListQuery, response: { 200: pageOf(ZUser) } } }, async (req) =>
    access.users(actorOf(req), req.query),
  );
  r.post('/api/users', { schema: { tags, body: ZUserInput, response: { 200: z.object({ id: z.uuid(), temporaryPassword: z.string() }) } } }, async (req) =>
    access.createUser(actorOf(req), req.body),
  );
  r.put('/api/users/:id/roles', { schema: { tags, params: ZId, body: ZGrants, response: { 200: ZOk } } }, async (req) => {
    await access.setRoles(actorOf(req), req.params.id, req.body.roles);
    return { ok: true as const };
  });
  for (const [path, fn] of [
    ['activate', (a: any, id: string) => access.setActive(a, id, true)],
    ['deactivate', (a: any, id: string) => access.setActive(a, id, false)],
    ['unlock', (a: any, id: string) => access.unlock(a, id)],
  ] as const) {
    r.post(`/api/users/:id/${path}`, { schema: { tags, params: ZId, response: { 200: ZOk } } }, async (req) => {
      await fn(actorOf(req), req.params.id);
      return { ok: true as const };
    });
  }
  r.post('/api/users/:id/reset-password', { schema: { tags, params: ZId, response: { 200: z.object({ temporaryPassword: z.string() }) } } }, async (req) =>
    access.resetPassword(actorOf(req), req.params.id),
  );
}
