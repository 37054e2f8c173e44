/**
 * Public API of the mail platform module.
 * The test SMTP server lives in ./test-smtp.ts and is imported directly by tests only
 * (it depends on the devDependency smtp-server).
 */
export {
  createMailer,
  mailerConfigFromEnv,
  redactSmtpUrl,
  type Mailer,
  type MailerConfig,
  type MailLogger,
  type MailMessage,
  type SendResult,
} from './mailer.js';
export {
  renderNotificationEmail,
  resolveMailLocale,
  escapeHtml,
  type MailLocale,
  type NotificationEmailInput,
  type RenderedEmail,
} from './templates.js';
