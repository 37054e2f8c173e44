import { bigint, index, integer, pgTable, text, uniqueIndex, uuid, boolean, jsonb } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, tenantId, ts } from './columns.js';
import { tenants } from './org.js';
import { users } from './access.js';

/**
 * Append-only, hash-chained audit trail, one chain per tenant.
 * before/after hold canonical JSON text so the hash can be recomputed byte for byte.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantId().references(() => tenants.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before_json'),
    after: text('after_json'),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_tenant_seq_uq').on(t.tenantId, t.seq),
    index('audit_log_tenant_entity_idx').on(t.tenantId, t.entity, t.seq),
    index('audit_log_tenant_at_idx').on(t.tenantId, t.at),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    emailedAt: ts('emailed_at'),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Reminders the modules schedule (due dates, expiries, escalations). A pg-boss cron job
 * fires due reminders; each becomes notifications for its recipients.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    kind: text('kind').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    dueAt: ts('due_at').notNull(),
    recipientUserIds: uuid('recipient_user_ids').array().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    repeatEveryDays: integer('repeat_every_days'),
    firedAt: ts('fired_at'),
    cancelledAt: ts('cancelled_at'),
    createdAt: createdAt(),
  },
  (t) => [index('reminders_due_idx').on(t.dueAt).where(sql`${t.firedAt} is null and ${t.cancelledAt} is null`)],
);

/** Stored attachments; content lives in FileStorage under storage_key. */
export const files = pgTable(
  'files',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    encrypted: boolean('encrypted').notNull().default(false),
    classified: boolean('classified').notNull().default(false),
    uploadedBy: uuid('uploaded_by'),
    meta: jsonb('meta'),
    createdAt: createdAt(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [index('files_tenant_idx').on(t.tenantId, t.createdAt)],
);
