/**
 * Notification e-mail template (Indonesian by default, English for `locale: 'en'`).
 * Every user-supplied value is HTML-escaped in the HTML part; the subject is forced
 * onto one line. Links must be absolute http(s) URLs.
 */

export type MailLocale = 'id' | 'en';

export interface NotificationEmailInput {
  /** User locale; anything other than 'en' renders Indonesian. */
  locale?: string;
  title: string;
  /** Plain text; blank lines separate paragraphs, single newlines become <br>. */
  body: string;
  /** Absolute http(s) URL to the item in Persada (optional). */
  link?: string;
  tenantName: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const STRINGS = {
  id: {
    open: 'Buka di Persada',
    openText: 'Buka:',
    footer: (tenant: string) => `Pesan ini dikirim otomatis oleh Persada — Platform Persandian Daerah ${tenant}`,
    noReply: 'Mohon tidak membalas email ini.',
  },
  en: {
    open: 'Open in Persada',
    openText: 'Open:',
    footer: (tenant: string) => `This message was sent automatically by Persada — Regional Cryptography Platform ${tenant}`,
    noReply: 'Please do not reply to this e-mail.',
  },
} as const;

export function resolveMailLocale(locale: string | undefined): MailLocale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'id';
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

function assertSafeLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new TypeError('mail template: link must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('mail template: link must use http or https');
  }
  return url.toString();
}

function bodyToHtml(body: string): string {
  return body
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export function renderNotificationEmail(input: NotificationEmailInput): RenderedEmail {
  const locale = resolveMailLocale(input.locale);
  const t = STRINGS[locale];
  const title = oneLine(input.title);
  const tenantName = oneLine(input.tenantName);
  const link = input.link ? assertSafeLink(input.link) : undefined;
  const body = input.body.replace(/\r\n/g, '\n').trim();
  const footer = t.footer(tenantName);

  const subject = `[Persada] ${title}`;

  const textLines = [title, '', body];
  if (link) textLines.push('', `${t.openText} ${link}`);
  textLines.push('', '--', footer, t.noReply);
  const text = textLines.join('\n') + '\n';

  const linkHtml = link
    ? `<p style="margin:20px 0"><a href="${escapeHtml(link)}" style="background:#1d4ed8;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(t.open)}</a></p>
<p style="margin:0 0 12px;font-size:12px;color:#555555;word-break:break-all">${escapeHtml(link)}</p>`
    : '';

  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5">
<div style="max-width:600px;margin:0 auto;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#111111;background:#ffffff">
<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(title)}</h1>
${bodyToHtml(body)}
${linkHtml}
<hr style="border:none;border-top:1px solid #e4e4e7;margin:24px 0 12px">
<p style="margin:0;font-size:12px;color:#555555">${escapeHtml(footer)}<br>${escapeHtml(t.noReply)}</p>
</div>
</body>
</html>
`;

  return { subject, text, html };
}
