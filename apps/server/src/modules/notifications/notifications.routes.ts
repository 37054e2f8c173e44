import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk, pageOf } from '@persada/shared';
import { actorOf } from '../../platform/auth/request-auth.js';
import type { NotificationService } from './notifications.service.js';

const ZNotification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export function notificationRoutes(app: FastifyInstance, svc: NotificationService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const ZQuery = z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    unread: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  });
  r.get('/api/notifications', { schema: { tags, summary: 'Notifikasi saya', querystring: ZQuery, response: { 200: pageOf(ZNotification) } } }, async (req) =>
    svc.list(actorOf(req), req.query),
  );
  r.get('/api/notifications/unread-count', { schema: { tags, response: { 200: z.object({ count: z.number().int() }) } } }, async (req) =>
    svc.unreadCount(actorOf(req)),
  );
  r.post('/api/notifications/:id/read', { schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: ZOk } } }, async (req) => {
    await svc.markRead(actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.post('/api/notifications/read-all', { schema: { tags, response: { 200: ZOk } } }, async (req) => {
    await svc.markRead(actorOf(req));
    return { ok: true as const };
  });
}
