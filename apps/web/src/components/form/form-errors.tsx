import i18n from 'i18next';
import { isApiError } from '@/lib/api';

/**
 * The server's field errors of a failed save, for dialogs whose fields are plain state rather than a
 * react-hook-form <Form> (which shows them next to each field): the toast only says "data tidak valid",
 * so the reasons are listed here, in the user's language.
 */
export function FormErrors({ error }: { error: unknown }) {
  if (!isApiError(error) || error.errors.length === 0) return null;
  const en = i18n.language === 'en';
  return (
    <ul role="alert" className="space-y-1 rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm text-destructive">
      {error.errors.map((e) => (
        <li key={`${e.field}:${e.message}`}>{en ? e.message_en : e.message}</li>
      ))}
    </ul>
  );
}
