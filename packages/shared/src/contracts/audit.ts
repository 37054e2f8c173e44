import { z } from 'zod';
import { ZListQuery } from './common.js';

export const ZAuditQuery = ZListQuery.extend({
  entity: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  entityId: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const ZAuditEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export const ZAuditPage = z.object({
  items: z.array(ZAuditEntry),
  total: z.number().int(),
  /** True when the filtered count stopped at its cap (the list shows "10.000+"). */
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZAuditVerify = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBrokenId: z.string().optional(),
});
