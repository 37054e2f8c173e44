import type { MessageKey } from '@persada/shared';

export type FieldError = { field: string; key?: MessageKey; message?: string; message_en?: string };

/** An expected failure with a bilingual message key; rendered as problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly fields: FieldError[] = [],
  ) {
    super(key);
  }
}

export const notFound = () => new AppError(404, 'error.not_found');
export const forbidden = () => new AppError(403, 'error.forbidden');
export const unauthenticated = (key: MessageKey = 'error.unauthenticated') => new AppError(401, key);
export const conflict = (key: MessageKey, field?: string) =>
  new AppError(409, key, field ? [{ field, key }] : []);
export const invalid = (key: MessageKey, field?: string) =>
  new AppError(400, 'error.validation', field ? [{ field, key }] : [{ field: '', key }]);
