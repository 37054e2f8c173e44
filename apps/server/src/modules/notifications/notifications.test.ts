import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer } from '../../platform/mail/test-smtp.js';
import { systemActor } from '../../platform/context/actor.js';
import { client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';
import { DELIVER_JOB } from './notifications.service.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  t = await startTestApp({ JOBS: 'true', SMTP_URL: smtp.url, PUBLIC_URL: 'https://persada.contohkota.go.id' });
});
afterAll(async () => {
  await t?.stop();
  await smtp?.stop();
});

describe('reminders, notifications and e-mail', () => {
  it('[A6] turns a due reminder into an in-app notice and an Indonesian e-mail sent over SMTP by the pg-boss worker', async () => {
    const { tenant, user, email } = await makeTenant(t);
    const svc = t.services.notifications;
    await t.deps.database.db.transaction((tx) =>
      svc.schedule(tx, systemActor(tenant.id), {
        kind: 'plan_expiry',
        entity: 'plan',
        entityId: 'renstra-2026',
        dueAt: new Date(Date.now() - 1000),
        recipientUserIds: [user.id],
        title: 'Renstra keamanan informasi berakhir bulan ini',
        body: 'Segera susun evaluasi akhir Renstra.',
        link: '/renstra/renstra-2026',
      }),
    );
    // a reminder in the future does not fire yet
    await t.deps.database.db.transaction((tx) =>
      svc.schedule(tx, systemActor(tenant.id), {
        kind: 'later',
        entity: 'plan',
        entityId: 'x',
        dueAt: new Date(Date.now() + 86_400_000),
        recipientUserIds: [user.id],
        title: 'Nanti',
        body: 'Belum',
      }),
    );
    expect(await svc.fireDue()).toBe(1);
    const api = client(t, await login(t, email));
    const count = await api.get('/api/notifications/unread-count');
    expect(count.body.count).toBe(1);
    const list = await api.get('/api/notifications');
    expect(list.body.items[0]).toMatchObject({ title: 'Renstra keamanan informasi berakhir bulan ini', link: '/renstra/renstra-2026', readAt: null });

    // fireDue() kicks the worker through pg-boss; the message arrives at the real SMTP server.
    const mail = await smtp.waitForMessage((m) => m.to.includes(email), 20_000);
    expect(mail.subject).toContain('Renstra keamanan informasi berakhir bulan ini');
    expect(mail.text).toContain('https://persada.contohkota.go.id/renstra/renstra-2026');
    expect(mail.text).toContain('Pesan ini dikirim otomatis oleh Persada');

    expect((await api.post(`/api/notifications/${list.body.items[0].id}/read`)).status).toBe(200);
    expect((await api.get('/api/notifications/unread-count')).body.count).toBe(0);
  });

  it('[A6] re-arms a repeating reminder and stops a cancelled one', async () => {
    const { tenant, user } = await makeTenant(t);
    const svc = t.services.notifications;
    const actor = systemActor(tenant.id);
    await t.deps.database.db.transaction((tx) =>
      svc.schedule(tx, actor, {
        kind: 'weekly',
        entity: 'backup',
        entityId: 'b1',
        dueAt: new Date(Date.now() - 1000),
        recipientUserIds: [user.id],
        title: 'Uji pemulihan cadangan',
        body: 'Jadwal mingguan',
        repeatEveryDays: 7,
      }),
    );
    await svc.fireDue();
    const next = await t.deps.database.db.query.reminders.findMany({ where: (r, { eq }) => eq(r.entityId, 'b1') });
    expect(next).toHaveLength(2);
    const pending = next.find((r) => !r.firedAt)!;
    expect(pending.dueAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const cancelled = await t.deps.database.db.transaction((tx) => svc.cancel(tx, actor, 'backup', 'b1'));
    expect(cancelled).toBe(1);
    await svc.fireDue(new Date(Date.now() + 8 * 86_400_000));
    const after = await t.deps.database.db.query.reminders.findMany({ where: (r, { eq }) => eq(r.entityId, 'b1') });
    expect(after.filter((r) => r.firedAt)).toHaveLength(1);
  });

  it('[A6] the worker delivers pending e-mail when a job is sent', async () => {
    const { tenant, user, email } = await makeTenant(t);
    await t.deps.database.db.transaction((tx) =>
      t.services.notifications.notify(tx, tenant.id, [user.id], { kind: 'info', title: 'Uji antrean', body: 'Isi' }),
    );
    smtp.clear();
    expect(await t.jobs!.send(DELIVER_JOB, {})).toBeTruthy();
    const mail = await smtp.waitForMessage((m) => m.to.includes(email), 20_000);
    expect(mail.subject).toContain('Uji antrean');
  });
});
