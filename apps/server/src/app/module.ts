import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.js';
import type { JobDefinition } from '../platform/jobs/jobs.js';
import type { EvidenceCheck } from '../platform/compliance/evidence.js';
import type { NotificationService } from '../modules/notifications/notifications.service.js';
import type { AttachmentService } from '../modules/files/files.service.js';
import type { FileService } from '../platform/files/index.js';
import type { DemoSeedContext } from '../seed/context.js';

/** What the platform hands to a domain module when the app starts. */
export type ModuleContext = {
  deps: AppDeps;
  /** In-app notices, e-mail and reminders (due dates, expiries, escalations). */
  notifications: NotificationService;
  /** Attachments owned by records (upload/download routes already exist under /api/files). */
  attachments: AttachmentService;
  /** The low-level encrypted file store (put/get bytes), for modules that keep their own files. */
  fileStore: FileService;
  /** Other modules already created, by name (created in the order of app/modules.ts). */
  modules: Map<string, PersadaModule>;
};

/**
 * A bounded context plugged into the app (DEVELOPERS.md: modules/<m>/index.ts).
 * Each module registers its routes, may contribute evidence checks to the compliance view,
 * background jobs, and exposes its service for other modules (e.g. `service`).
 */
export type PersadaModule = {
  name: string;
  routes(app: FastifyInstance): void;
  /** Evidence checks the compliance view (R-REG) evaluates against this module's records. */
  evidence?: EvidenceCheck[];
  /** pg-boss jobs (cron in Asia/Jakarta) this module runs. */
  jobs?: JobDefinition[];
  /** Anything the module wants other modules to use (its service, an issuer …). */
  service?: unknown;
  /**
   * Demo records that need the module's services (keys, files, the CA), run once after the demo
   * Pemda was created and every module exists. Plain rows belong in `<m>.seed.ts` instead.
   */
  seedDemo?(ctx: DemoSeedContext): Promise<void>;
  /** Releases what the module holds outside the database (e.g. a PKCS#11 session) when the app stops. */
  close?(): void | Promise<void>;
};

export type ModuleFactory = (ctx: ModuleContext) => PersadaModule;
