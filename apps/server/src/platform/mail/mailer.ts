/**
 * Outgoing e-mail.
 *
 * Two modes:
 *  - SMTP: `smtpUrl` is set, e.g. `smtp://user:pass@mail.pemda.go.id:587` (plain, upgraded
 *    with STARTTLS when the server offers it) or `smtps://user:pass@host:465` (implicit TLS).
 *    User/password must be URL-encoded. nodemailer's URL query options are honoured too,
 *    e.g. `?tls.rejectUnauthorized=false`. For a local relay without TLS (MailHog, Mailpit,
 *    the test server) pass `ignoreTLS: true` (or `?ignoreTLS=true` in the URL).
 *  - Log fallback: `smtpUrl` is unset. Messages are rendered by nodemailer's jsonTransport
 *    and written to the logger (console by default) instead of being delivered, so the
 *    application runs with nothing configured. `mailer.mode === 'log'` tells you which
 *    mode is active; the app should warn at startup that e-mails are not delivered.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
}

export interface SendResult {
  messageId: string;
}

/** Subset of the pino logger API (Fastify's `app.log` fits). */
export interface MailLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface MailerConfig {
  /** `smtp://` or `smtps://` connection URL. Unset -> log fallback (no delivery). */
  smtpUrl?: string;
  /** Sender, e.g. `"Persada Kab. Contoh" <persada@contoh.go.id>`. */
  from: string;
  /** Never use STARTTLS even if the server offers it (local test relays only). */
  ignoreTLS?: boolean;
  /** Set to false to accept self-signed certificates (local/dev only). Default true. */
  rejectUnauthorized?: boolean;
  /** Connection/greeting/socket timeouts in ms. Default 15 000. */
  timeoutMs?: number;
  /** Where the log fallback writes messages; defaults to console. */
  logger?: MailLogger;
}

export interface Mailer {
  /** 'smtp' when delivering over SMTP, 'log' when only logging (no smtpUrl). */
  readonly mode: 'smtp' | 'log';
  send(msg: MailMessage): Promise<SendResult>;
  /** Checks the SMTP connection (and auth). Always true in log mode. */
  verify(): Promise<boolean>;
  close(): void;
}

const consoleLogger: MailLogger = {
  info: (obj, msg) => console.info(msg ?? '', obj),
  warn: (obj, msg) => console.warn(msg ?? '', obj),
};

/** Removes CR/LF so user-supplied subjects cannot inject headers. */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').trim();
}

function normaliseRecipients(to: string | string[]): string[] {
  const list = (Array.isArray(to) ? to : [to]).map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new TypeError('mail: at least one recipient is required');
  return list;
}

/** Hides the password of an SMTP URL for logging. */
export function redactSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid smtp url>';
  }
}

export function createMailer(config: MailerConfig): Mailer {
  const logger = config.logger ?? consoleLogger;
  const smtpUrl = config.smtpUrl?.trim();

  if (!smtpUrl) {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    return {
      mode: 'log',
      async send(msg) {
        const to = normaliseRecipients(msg.to);
        const info = await transport.sendMail({ from: config.from, to, subject: oneLine(msg.subject), text: msg.text, html: msg.html });
        logger.info(
          { mail: { messageId: info.messageId, from: config.from, to, subject: oneLine(msg.subject), text: msg.text } },
          'mail: SMTP not configured (SMTP_URL unset) — message logged, NOT delivered',
        );
        return { messageId: info.messageId };
      },
      async verify() {
        return true;
      },
      close() {
        transport.close();
      },
    };
  }

  const protocol = /^([a-z]+):\/\//i.exec(smtpUrl)?.[1]?.toLowerCase();
  if (protocol !== 'smtp' && protocol !== 'smtps') {
    throw new TypeError(`mail: SMTP URL must start with smtp:// or smtps:// (got ${redactSmtpUrl(smtpUrl)})`);
  }
  const timeout = config.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    ignoreTLS: config.ignoreTLS ?? false,
    tls: { rejectUnauthorized: config.rejectUnauthorized ?? true },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });

  return {
    mode: 'smtp',
    async send(msg) {
      const to = normaliseRecipients(msg.to);
      const info = await transport.sendMail({ from: config.from, to, subject: oneLine(msg.subject), text: msg.text, html: msg.html });
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) logger.warn({ mail: { messageId: info.messageId, rejected } }, 'mail: some recipients were rejected');
      return { messageId: info.messageId };
    },
    async verify() {
      try {
        return await transport.verify();
      } catch (err) {
        logger.warn({ err: err instanceof Error ? err.message : String(err), smtp: redactSmtpUrl(smtpUrl) }, 'mail: SMTP verify failed');
        return false;
      }
    },
    close() {
      transport.close();
    },
  };
}

/**
 * Reads mailer settings from the environment:
 *  SMTP_URL (optional), MAIL_FROM (default `Persada <no-reply@localhost>`),
 *  SMTP_IGNORE_TLS=true, SMTP_TLS_REJECT_UNAUTHORIZED=false.
 */
export function mailerConfigFromEnv(env: NodeJS.ProcessEnv = process.env, logger?: MailLogger): MailerConfig {
  return {
    smtpUrl: env.SMTP_URL || undefined,
    from: env.MAIL_FROM || 'Persada <no-reply@localhost>',
    ignoreTLS: env.SMTP_IGNORE_TLS === 'true',
    rejectUnauthorized: env.SMTP_TLS_REJECT_UNAUTHORIZED !== 'false',
    logger,
  };
}
