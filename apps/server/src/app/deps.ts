import type { FastifyBaseLogger } from 'fastify';
import type { Env } from '../config/env.js';
import type { Database } from '../db/client.js';
import type { SecretBox } from '../platform/crypto/secret-box.js';

/** Sends e-mail; the platform mail module provides the SMTP implementation. */
export type MailSender = {
  send(msg: { to: string | string[]; subject: string; text: string; html?: string }): Promise<{ messageId: string }>;
};

/** Enqueues background work (pg-boss). Null when jobs are disabled. */
export type JobQueue = {
  send(name: string, data: object, opts?: { startAfter?: Date | number; singletonKey?: string }): Promise<string | null>;
};

/** Everything a module needs from the platform; built once in main.ts (or a test). */
export type AppDeps = {
  env: Env;
  database: Database;
  secretBox: SecretBox;
  appKey: Buffer;
  log: FastifyBaseLogger;
  mailer: MailSender;
  jobs: JobQueue | null;
};
