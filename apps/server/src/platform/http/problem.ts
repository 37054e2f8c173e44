import { z } from 'zod';
import { isMessageKey, messages, type MessageKey, type TProblem } from '@persada/shared';
import type { FieldError } from './errors.js';

const localeId = z.locales.id();
const localeEn = z.locales.en();

function localeText(map: { localeError: (i: any) => unknown }, issue: unknown): string {
  const r = map.localeError(issue);
  if (typeof r === 'string') return r;
  if (r && typeof r === 'object' && 'message' in r) return String((r as { message: unknown }).message);
  return 'invalid';
}

/** Both languages for one zod issue: a message key from the shared dictionary, or zod's locales. */
export function issueMessages(issue: { message?: string; code?: string }): { id: string; en: string } {
  if (issue.message && isMessageKey(issue.message)) return messages[issue.message];
  return { id: localeText(localeId, issue), en: localeText(localeEn, issue) };
}

export function problem(
  status: number,
  key: MessageKey,
  opts: { fields?: FieldError[]; requestId?: string } = {},
): TProblem {
  const title = messages[key];
  const out: TProblem = {
    type: `urn:persada:problem:${key}`,
    title: title.id,
    title_en: title.en,
    status,
    code: key,
    detail: title.id,
    detail_en: title.en,
    requestId: opts.requestId,
  };
  if (opts.fields?.length) {
    out.errors = opts.fields.map((f) => {
      const m = f.key ? messages[f.key] : { id: f.message ?? '', en: f.message_en ?? f.message ?? '' };
      return { field: f.field, message: m.id, message_en: m.en };
    });
    const first = out.errors[0];
    out.detail = first.field ? `${first.field}: ${first.message}` : first.message;
    out.detail_en = first.field ? `${first.field}: ${first.message_en}` : first.message_en;
  }
  return out;
}
