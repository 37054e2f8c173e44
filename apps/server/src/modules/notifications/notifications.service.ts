import type { AppDeps } from '../../app/deps.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/context/actor.js';
import { unauthenticated, notFound } from '../../platform/http/errors.js';
import { renderNotificationEmail } from '../../platform/mail/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import * as repo from './notifications.repo.js';

export const DELIVER_JOB = 'notifications.deliver';
export const REMINDERS_JOB = 'reminders.fire';

export type ReminderInput = {
  kind: string;
  entity: string;
  entityId: string;
  dueAt: Date;
  recipientUserIds: string[];
  title: string;
  body: string;
  link?: string | null;
  repeatEveryDays?: number | null;
};

/**
 * In-app notifications with e-mail delivery, and the reminder facility the modules use for
 * due dates, expiries and escalations. The notifications table doubles as the e-mail outbox.
 */
export class NotificationService {
  constructor(private readonly deps: AppDeps) {}
  private get db() {
    return this.deps.database.db;
  }

  /** Adds notifications inside the caller's transaction; e-mails go out after commit. */
  async notify(tx: DbOrTx, tenantId: string, userIds: string[], n: repo.NewNotification) {
    const rows = await repo.insertNotifications(tx, tenantId, [...new Set(userIds)], n);
    return rows.length;
  }

  /** Asks the worker to deliver pending e-mails now (it also runs every minute). */
  async kick() {
    await this.deps.jobs?.send(DELIVER_JOB, {}, { singletonKey: 'deliver' });
  }

  async deliverPendingEmails(limit = 50): Promise<number> {
    const base = this.deps.env.PUBLIC_URL ?? `http://localhost:${this.deps.env.PORT}`;
    let sent = 0;
    for (;;) {
      const batch = await repo.claimUnsent(this.db, limit);
      for (const n of batch) {
        try {
          const mail = renderNotificationEmail({
            locale: n.locale === 'en' ? 'en' : 'id',
            title: n.title,
            body: n.body,
            link: n.link ? new URL(n.link, base).href : undefined,
            tenantName: n.tenant_name,
          });
          await this.deps.mailer.send({ to: n.email, ...mail });
          sent++;
        } catch (err) {
          this.deps.log.warn({ err, notification: n.id }, 'notification e-mail failed; will retry');
          await repo.unclaim(this.db, n.id);
        }
      }
      if (batch.length < limit) return sent;
    }
  }

  async list(actor: Actor, q: { page: number; pageSize: number; unread?: boolean }) {
    if (!actor.userId) throw unauthenticated();
    const { items, total } = await repo.listForUser(this.db, actor.tenantId, actor.userId, q);
    return {
      items: items.map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async unreadCount(actor: Actor) {
    if (!actor.userId) throw unauthenticated();
    return { count: await repo.unreadCount(this.db, actor.tenantId, actor.userId) };
  }

  async markRead(actor: Actor, id?: string) {
    if (!actor.userId) throw unauthenticated();
    const rows = await repo.markRead(this.db, actor.tenantId, actor.userId, id);
    if (id && !rows.length) throw notFound();
  }

  // Reminders
  async schedule(tx: DbOrTx, actor: Actor, r: ReminderInput) {
    const row = await repo.insertReminder(tx, { ...r, tenantId: actor.tenantId, link: r.link ?? null, repeatEveryDays: r.repeatEveryDays ?? null });
    await recordAudit(tx, actor, { action: 'schedule', entity: 'reminder', entityId: row.id, after: row });
    return row;
  }

  async cancel(tx: DbOrTx, actor: Actor, entity: string, entityId: string, kind?: string) {
    const rows = await repo.cancelReminders(tx, actor.tenantId, entity, entityId, kind);
    if (rows.length) await recordAudit(tx, actor, { action: 'cancel', entity: 'reminder', entityId, after: { cancelled: rows.length, kind } });
    return rows.length;
  }

  /** Turns every due reminder into notifications; repeating ones are re-armed. */
  async fireDue(now = new Date()): Promise<number> {
    const fired = await this.db.transaction(async (tx) => {
      const due = await repo.claimDueReminders(tx, now, 200);
      for (const r of due) {
        await this.notify(tx, r.tenantId, r.recipientUserIds, { kind: `reminder.${r.kind}`, title: r.title, body: r.body, link: r.link });
        if (r.repeatEveryDays) {
          const { id: _id, firedAt: _f, createdAt: _c, ...rest } = r;
          await repo.insertReminder(tx, { ...rest, dueAt: new Date(r.dueAt.getTime() + r.repeatEveryDays * 86_400_000) });
        }
      }
      return due.length;
    });
    if (fired) await this.kick();
    return fired;
  }
}
