import { and, count, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { notifications, reminders, tenants, users } from '../../db/schema/index.js';
import { offsetOf } from '../../platform/http/paging.js';

export type NewNotification = { kind: string; title: string; body: string; link?: string | null };

export const insertNotifications = (db: DbOrTx, tenantId: string, userIds: string[], n: NewNotification) =>
  userIds.length
    ? db.insert(notifications).values(userIds.map((userId) => ({ tenantId, userId, ...n, link: n.link ?? null }))).returning({ id: notifications.id })
    : Promise.resolve([]);

export async function listForUser(db: DbOrTx, tenantId: string, userId: string, q: { page: number; pageSize: number; unread?: boolean }) {
  const where = and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId), q.unread ? isNull(notifications.readAt) : undefined);
  const [items, [{ total }]] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ total: count() }).from(notifications).where(where),
  ]);
  return { items, total };
}

export const unreadCount = async (db: DbOrTx, tenantId: string, userId: string) =>
  (
    await db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId), isNull(notifications.readAt)))
  )[0].n;

export const markRead = (db: DbOrTx, tenantId: string, userId: string, id?: string) =>
  db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.tenantId, tenantId),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .returning({ id: notifications.id });

/** Claims up to `limit` notifications not yet e-mailed (skip-locked so workers never double-send). */
export async function claimUnsent(db: DbOrTx, limit: number) {
  const r = await db.execute(sql`update ${notifications} n set emailed_at = now()
    from ${users} u, ${tenants} t
    where n.id in (select id from ${notifications} where emailed_at is null and created_at > now() - interval '2 days'
                   order by created_at limit ${limit} for update skip locked)
      and u.id = n.user_id and t.id = n.tenant_id
    returning n.id, n.title, n.body, n.link, u.email, u.locale, t.name as tenant_name`);
  return rowsOf<{ id: string; title: string; body: string; link: string | null; email: string; locale: string; tenant_name: string }>(r);
}

export const unclaim = (db: DbOrTx, id: string) => db.update(notifications).set({ emailedAt: null }).where(eq(notifications.id, id));

// Reminders
export const insertReminder = async (db: DbOrTx, row: typeof reminders.$inferInsert) => (await db.insert(reminders).values(row).returning())[0];

export const cancelReminders = (db: DbOrTx, tenantId: string, entity: string, entityId: string, kind?: string) =>
  db
    .update(reminders)
    .set({ cancelledAt: new Date() })
    .where(
      and(
        eq(reminders.tenantId, tenantId),
        eq(reminders.entity, entity),
        eq(reminders.entityId, entityId),
        kind ? eq(reminders.kind, kind) : undefined,
        isNull(reminders.firedAt),
        isNull(reminders.cancelledAt),
      ),
    )
    .returning({ id: reminders.id });

export async function claimDueReminders(db: DbOrTx, now: Date, limit: number) {
  const due = await db
    .select()
    .from(reminders)
    .where(and(lte(reminders.dueAt, now), isNull(reminders.firedAt), isNull(reminders.cancelledAt)))
    .orderBy(reminders.dueAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  for (const r of due) await db.update(reminders).set({ firedAt: now }).where(eq(reminders.id, r.id));
  return due;
}

export const listReminders = (db: DbOrTx, tenantId: string, entity: string, entityId: string) =>
  db
    .select()
    .from(reminders)
    .where(and(eq(reminders.tenantId, tenantId), eq(reminders.entity, entity), eq(reminders.entityId, entityId)))
    .orderBy(reminders.dueAt);
