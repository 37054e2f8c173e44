import type { z } from 'zod';
import type { ZAuditEntry, ZAuditVerify } from '@persada/shared';
import { api, type Page, type QueryParams } from '@/lib/api';

export type AuditEntry = z.output<typeof ZAuditEntry>;
export type AuditVerify = z.output<typeof ZAuditVerify>;

export const auditApi = {
  list: (q: QueryParams) => api.get<Page<AuditEntry>>('/api/audit', q),
  verify: () => api.get<AuditVerify>('/api/audit/verify'),
};
