import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { appVersion } from '../config/env.js';
import { createHttp, serveWeb } from '../platform/http/app.js';
import { registerRequestAuth } from '../platform/auth/request-auth.js';
import { LocalDiskStorage, createFileService } from '../platform/files/index.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { createOidcLogin } from '../modules/auth/oidc.js';
import { OrgService } from '../modules/org/org.service.js';
import { PeopleService } from '../modules/org/people.service.js';
import { orgRoutes } from '../modules/org/org.routes.js';
import { AccessService } from '../modules/access/access.service.js';
import { accessRoutes } from '../modules/access/access.routes.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { NotificationService } from '../modules/notifications/notifications.service.js';
import { notificationRoutes } from '../modules/notifications/notifications.routes.js';
import { AttachmentService } from '../modules/files/files.service.js';
import { fileRoutes } from '../modules/files/files.routes.js';
import { DocumentsService } from '../modules/documents/documents.service.js';
import { documentRoutes } from '../modules/documents/documents.routes.js';
import type { AppDeps } from './deps.js';
import { createModules } from './modules.js';
import path from 'node:path';

export type Services = ReturnType<typeof createServices>;

/** One instance of each module service; wiring stays here, rules stay in the services. */
export function createServices(deps: AppDeps, fileMasterKey: Buffer) {
  const fileStore = createFileService({
    storage: new LocalDiskStorage(path.join(deps.env.DATA_DIR, 'files')),
    masterKey: fileMasterKey,
    maxBytes: deps.env.MAX_UPLOAD_MB * 1024 * 1024,
  });
  const notifications = new NotificationService(deps);
  const attachments = new AttachmentService(deps, fileStore);
  return {
    auth: new AuthService(deps),
    oidc: createOidcLogin(deps),
    org: new OrgService(deps),
    people: new PeopleService(deps),
    access: new AccessService(deps),
    audit: new AuditService(deps),
    notifications,
    attachments,
    documents: new DocumentsService(deps),
    /** Domain modules (app/modules.ts), by name. */
    modules: createModules({ deps, notifications, attachments, fileStore }),
  };
}

export async function buildServer(deps: AppDeps, services: Services): Promise<FastifyInstance> {
  const app = await createHttp(deps);
  const secure = Boolean(deps.env.PUBLIC_URL?.startsWith('https://'));
  const cookies = registerRequestAuth(app, services.auth, secure);

  app.get('/api/health', {
    config: { public: true },
    schema: {
      tags: ['platform'],
      summary: 'Status layanan',
      response: { 200: z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['pglite', 'postgres']), version: z.string() }) },
    },
  }, async () => {
    let status: 'ok' | 'degraded' = 'ok';
    try {
      await deps.database.raw('select 1');
    } catch {
      status = 'degraded';
    }
    return { status, db: deps.database.kind, version: appVersion };
  });

  authRoutes(app, services.auth, cookies, services.oidc, deps.env.LOGIN_RATE_LIMIT);
  orgRoutes(app, services.org, services.people);
  accessRoutes(app, services.access);
  auditRoutes(app, services.audit);
  notificationRoutes(app, services.notifications);
  fileRoutes(app, services.attachments);
  documentRoutes(app, services.documents);
  for (const m of services.modules.values()) m.routes(app);
  await serveWeb(app, deps.env.WEB_DIST);
  return app;
}
