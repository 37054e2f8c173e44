import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import i18n from 'i18next';
import { isApiError } from './api';
import { translateMessage } from './zod-i18n';

/**
 * Maps `errors: [{field, message, message_en}]` of a problem+json response onto form fields.
 * Returns true when at least one field error was set.
 */
export function applyServerErrors<T extends FieldValues>(
  e: unknown,
  setError: UseFormSetError<T>,
  knownFields?: readonly string[],
): boolean {
  if (!isApiError(e) || e.errors.length === 0) return false;
  const lang = i18n.language === 'en' ? 'en' : 'id';
  let any = false;
  for (const fe of e.errors) {
    const field = fe.field.replace(/^body\./, '').replace(/^\//, '').replace(/\//g, '.');
    if (knownFields && !knownFields.includes(field.split('.')[0])) continue;
    const text = translateMessage(lang === 'en' ? fe.message_en || fe.message : fe.message, lang);
    setError(field as Path<T>, { type: 'server', message: text });
    any = true;
  }
  return any;
}
