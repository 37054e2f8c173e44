/**
 * Zod messages in the user's language.
 * - Shared schemas put message KEYS (e.g. `nip.length`) in custom issues; they are translated
 *   with the shared bilingual dictionary `messages`.
 * - Built-in issues use zod's own Indonesian / English locales, with friendlier texts for
 *   the common cases (required, minimum length, e-mail).
 */
import { z } from 'zod';
// Import only the two locales (z.locales would pull in every language).
import zodEn from 'zod/v4/locales/en.js';
import zodId from 'zod/v4/locales/id.js';
import { isMessageKey, messages } from '@persada/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import i18n from 'i18next';

type Lang = 'id' | 'en';
const langNow = (): Lang => (i18n.language === 'en' ? 'en' : 'id');

export function applyZodLocale(lang: Lang) {
  z.config(lang === 'en' ? zodEn() : zodId());
}

/** Translates a message key of the shared dictionary; other strings are returned unchanged. */
export function translateMessage(message: string, lang: Lang = langNow()): string {
  return isMessageKey(message) ? messages[message][lang] : message;
}

const texts = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  minLength: { id: 'Minimal {n} karakter.', en: 'At least {n} characters.' },
  maxLength: { id: 'Maksimal {n} karakter.', en: 'At most {n} characters.' },
  minItems: { id: 'Pilih minimal {n}.', en: 'Select at least {n}.' },
  email: { id: 'Format email tidak valid.', en: 'Invalid e-mail address.' },
  date: { id: 'Tanggal tidak valid.', en: 'Invalid date.' },
  choice: { id: 'Pilih salah satu opsi.', en: 'Choose one of the options.' },
  number: { id: 'Harus berupa angka.', en: 'Must be a number.' },
  tooSmallNum: { id: 'Minimal {n}.', en: 'At least {n}.' },
  tooBigNum: { id: 'Maksimal {n}.', en: 'At most {n}.' },
  format: { id: 'Format tidak valid.', en: 'Invalid format.' },
} as const;

const fill = (s: string, n: unknown) => s.replace('{n}', String(n));

type AnyIssue = { code?: string; input?: unknown; message?: string } & Record<string, unknown>;

/** Per-parse error map: returns undefined to fall back to the zod locale. */
export function zodErrorMap(issue: AnyIssue): string | undefined {
  const lang = langNow();
  const input = issue.input;
  const empty = input === undefined || input === null || input === '';
  switch (issue.code) {
    case 'invalid_type':
      if (empty) return texts.required[lang];
      if (issue.expected === 'number') return texts.number[lang];
      return undefined;
    case 'too_small':
      if (issue.origin === 'string') {
        if (empty) return texts.required[lang];
        return fill(texts.minLength[lang], issue.minimum);
      }
      if (issue.origin === 'array') return fill(texts.minItems[lang], issue.minimum);
      if (issue.origin === 'number') return fill(texts.tooSmallNum[lang], issue.minimum);
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return fill(texts.maxLength[lang], issue.maximum);
      if (issue.origin === 'number') return fill(texts.tooBigNum[lang], issue.maximum);
      return undefined;
    case 'invalid_format':
      if (empty) return texts.required[lang];
      if (issue.format === 'email') return texts.email[lang];
      if (issue.format === 'date') return texts.date[lang];
      if (issue.format === 'uuid') return texts.choice[lang];
      if (issue.format === 'regex') return texts.format[lang];
      return undefined;
    case 'invalid_value':
      if (empty) return texts.required[lang];
      return texts.choice[lang];
    default:
      return undefined;
  }
}

function translateErrors(errors: FieldErrors, lang: Lang): FieldErrors {
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    if (typeof rec.message === 'string') rec.message = translateMessage(rec.message, lang);
    for (const [k, v] of Object.entries(rec)) {
      if (k === 'ref' || k === 'message' || k === 'type' || k === 'types') continue;
      walk(v);
    }
  };
  walk(errors);
  return errors;
}

/**
 * react-hook-form resolver for a (shared) zod schema, with messages in the current language.
 * Usage: `useForm({ resolver: zr(ZPersonInput) })`.
 */
export function zr<S extends z.ZodType<any, any>>(schema: S): Resolver<z.input<S> & FieldValues, any, z.output<S>> {
  const base = zodResolver(schema as any, { error: zodErrorMap as any }) as unknown as Resolver<any, any, any>;
  const resolver: Resolver<any, any, any> = async (values, ctx, options) => {
    const result = await base(values, ctx, options);
    if (result.errors && Object.keys(result.errors).length > 0) {
      return { values: {}, errors: translateErrors(result.errors, langNow()) };
    }
    return result;
  };
  return resolver as Resolver<z.input<S> & FieldValues, any, z.output<S>>;
}
