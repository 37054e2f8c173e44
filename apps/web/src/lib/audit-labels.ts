import type { TFunction } from 'i18next';
import { idResources as id } from '@/locales';

/** Audit action and entity codes shown in the user's language (unknown codes are shown as is). */
export const auditActionLabel = (t: TFunction, action: string) =>
  t(`audit.actionLabels.${action.replace(/\./g, '_')}`, { defaultValue: action });

export const auditEntityLabel = (t: TFunction, entity: string) => t(`audit.entityLabels.${entity}`, { defaultValue: entity });

/** The codes offered in the audit filters. */
export const auditActionCodes = Object.keys(id.audit.actionLabels).map((k) => k.replace(/^auth_/, 'auth.'));
export const auditEntityCodes = Object.keys(id.audit.entityLabels);
