import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type MailLogger } from './mailer.js';
import { renderNotificationEmail } from './templates.js';
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp.js';

const FROM = 'Persada Kab. Contoh <persada@contohkab.go.id>';

describe('mail over a real SMTP server', () => {
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it('[A6] e-mails a notification in Indonesian over SMTP', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: FROM, ignoreTLS: true });
    expect(mailer.mode).toBe('smtp');
    expect(await mailer.verify()).toBe(true);

    const link = 'https://persada.contohkab.go.id/koreksi/7f3a?tab=riwayat&x=1';
    const rendered = renderNotificationEmail({
      locale: 'id',
      title: 'Permintaan koreksi data pegawai',
      body: 'Mohon periksa dan konfirmasi perubahan NIP pada data Anda.\nTerima kasih.',
      link,
      tenantName: 'Kabupaten Contoh',
    });
    const { messageId } = await mailer.send({ to: 'budi.santoso@contohkab.go.id', ...rendered });
    expect(messageId).toMatch(/@/);

    const msg = await smtp.waitForMessage((m) => m.envelope.to.includes('budi.santoso@contohkab.go.id'), 5_000);
    expect(msg.subject).toBe('[Persada] Permintaan koreksi data pegawai');
    expect(msg.to).toEqual(['budi.santoso@contohkab.go.id']);
    expect(msg.envelope.from).toBe('persada@contohkab.go.id');
    expect(msg.headers['message-id']).toBe(messageId);
    expect(msg.text).toContain('Mohon periksa dan konfirmasi perubahan NIP');
    expect(msg.text).toContain(`Buka: ${link}`);
    expect(msg.text).toContain('Pesan ini dikirim otomatis oleh Persada — Platform Persandian Daerah Kabupaten Contoh');
    expect(msg.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    expect(msg.html).toContain('Buka di Persada');
    expect(msg.html).toContain('<html lang="id">');
    mailer.close();
  });

  it('[A6] renders the notification in English for an en user and sends to several recipients', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: FROM, ignoreTLS: true });
    const rendered = renderNotificationEmail({
      locale: 'en',
      title: 'Correction confirmed — ✓',
      body: 'Your correction was confirmed.',
      tenantName: 'Kota Contoh',
    });
    await mailer.send({ to: ['a@contoh.go.id', 'b@contoh.go.id'], ...rendered });
    const msg = await smtp.waitForMessage((m) => m.subject.includes('Correction confirmed'));
    expect(msg.subject).toBe('[Persada] Correction confirmed — ✓');
    expect(msg.envelope.to).toEqual(['a@contoh.go.id', 'b@contoh.go.id']);
    expect(msg.text).toContain('This message was sent automatically by Persada');
    expect(msg.text).not.toContain('Buka:');
    mailer.close();
  });

  it('[A6] HTML-escapes a hostile title and body, and keeps the subject on one line', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: FROM, ignoreTLS: true });
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>\r\nBcc: victim@evil.test';
    const rendered = renderNotificationEmail({
      locale: 'id',
      title: hostile,
      body: 'Isi <b>tebal</b> "kutip" & \'apostrof\'',
      link: 'https://persada.contohkab.go.id/n/1',
      tenantName: 'Kab. <Contoh>',
    });
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).not.toContain('<img');
    expect(rendered.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(rendered.html).toContain('Isi &lt;b&gt;tebal&lt;/b&gt; &quot;kutip&quot; &amp; &#39;apostrof&#39;');
    expect(rendered.html).toContain('Kab. &lt;Contoh&gt;');
    expect(rendered.subject).not.toMatch(/[\r\n]/);

    await mailer.send({ to: 'siti@contohkab.go.id', ...rendered });
    const msg = await smtp.waitForMessage((m) => m.envelope.to.includes('siti@contohkab.go.id'));
    // The CR/LF in the title must not have created a Bcc header or extra recipient.
    expect(msg.headers['bcc']).toBeUndefined();
    expect(msg.envelope.to).toEqual(['siti@contohkab.go.id']);
    expect(msg.subject).toContain('Bcc: victim@evil.test');
    expect(msg.html).not.toContain('<script>');
    expect(msg.html).toContain('&lt;script&gt;');
    mailer.close();
  });

  it('[A6] rejects non-http(s) links in notification templates', () => {
    expect(() =>
      renderNotificationEmail({ locale: 'id', title: 't', body: 'b', link: 'javascript:alert(1)', tenantName: 'X' }),
    ).toThrow(/http/);
  });

  it('[A6] authenticates with credentials from the SMTP URL', async () => {
    const authSmtp = await startTestSmtpServer({ auth: { user: 'persada', pass: 'r@hasia/123' } });
    try {
      expect(authSmtp.url).toContain('persada:r%40hasia%2F123@');
      const mailer = createMailer({ smtpUrl: authSmtp.url, from: FROM, ignoreTLS: true });
      await mailer.send({ to: 'x@contoh.go.id', subject: 'Uji', text: 'halo' });
      const msg = await authSmtp.waitForMessage();
      expect(msg.authUser).toBe('persada');
      mailer.close();

      const wrong = createMailer({
        smtpUrl: authSmtp.url.replace('r%40hasia%2F123', 'salah'),
        from: FROM,
        ignoreTLS: true,
        logger: { info() {}, warn() {} },
      });
      expect(await wrong.verify()).toBe(false);
      await expect(wrong.send({ to: 'x@contoh.go.id', subject: 'Uji', text: 'halo' })).rejects.toThrow();
      wrong.close();
    } finally {
      await authSmtp.stop();
    }
  });

  it('[A6] supports smtps:// (implicit TLS)', async () => {
    const tlsSmtp = await startTestSmtpServer({ secure: true });
    try {
      expect(tlsSmtp.url.startsWith('smtps://')).toBe(true);
      // The test server uses a self-signed certificate.
      const mailer = createMailer({ smtpUrl: tlsSmtp.url, from: FROM, rejectUnauthorized: false });
      await mailer.send({ to: 'tls@contoh.go.id', subject: 'Lewat TLS', text: 'aman' });
      const msg = await tlsSmtp.waitForMessage();
      expect(msg.subject).toBe('Lewat TLS');
      expect(msg.text?.trim()).toBe('aman');
      mailer.close();
    } finally {
      await tlsSmtp.stop();
    }
  });

  it('[A6] waitForMessage times out when nothing matches', async () => {
    await expect(smtp.waitForMessage((m) => m.subject === 'never', 100)).rejects.toThrow(/no matching message/);
  });
});

describe('mail without SMTP configured', () => {
  it('[A6] falls back to logging the message (jsonTransport) when no SMTP URL is set', async () => {
    const logged: Array<{ obj: object; msg?: string }> = [];
    const logger: MailLogger = {
      info: (obj, msg) => logged.push({ obj, msg }),
      warn: (obj, msg) => logged.push({ obj, msg }),
    };
    const mailer = createMailer({ from: FROM, logger });
    expect(mailer.mode).toBe('log');
    expect(await mailer.verify()).toBe(true);
    const rendered = renderNotificationEmail({ title: 'Konfirmasi data', body: 'Silakan konfirmasi.', tenantName: 'Kabupaten Contoh' });
    const { messageId } = await mailer.send({ to: 'ani@contohkab.go.id', ...rendered });
    expect(messageId).toBeTruthy();
    expect(logged).toHaveLength(1);
    expect(logged[0].msg).toMatch(/NOT delivered/);
    expect(logged[0].obj).toMatchObject({
      mail: { messageId, to: ['ani@contohkab.go.id'], subject: '[Persada] Konfirmasi data' },
    });
    mailer.close();
  });

  it('[A6] rejects non-SMTP URLs and empty recipient lists', async () => {
    expect(() => createMailer({ smtpUrl: 'http://example.test', from: FROM })).toThrow(/smtp/);
    const mailer = createMailer({ from: FROM, logger: { info() {}, warn() {} } });
    await expect(mailer.send({ to: [], subject: 's', text: 't' })).rejects.toThrow(/recipient/);
  });
});
