import { z } from 'zod';

export const ZRoleInput = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: z.string().trim().min(2).max(100),
  nameEn: z.string().trim().min(2).max(100),
  description: z.string().trim().max(500).nullish(),
  permissions: z.array(z.string()).default([]),
});
export const ZRole = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string().nullable(),
  system: z.boolean(),
  permissions: z.array(z.string()),
  userCount: z.number().int(),
});

export const ZUserInput = z.object({
  personId: z.uuid(),
  email: z.email().trim().toLowerCase(),
  roles: z.array(z.object({ roleId: z.uuid(), opdId: z.uuid().nullish() })).min(1),
});
export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  personId: z.uuid().nullable(),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(z.object({ roleId: z.uuid(), code: z.string(), name: z.string(), opdId: z.uuid().nullable(), opdName: z.string().nullable() })),
});
