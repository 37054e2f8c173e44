import { z } from 'zod';

/** Password policy of Peraturan BSSN 4/2021 (web application technical standard). */
export const ZPassword = z
  .string()
  .max(256)
  .superRefine((v, ctx) => {
    if (v.length < 12) ctx.addIssue({ code: 'custom', message: 'password.min_length' });
    if (!/[A-Z]/.test(v)) ctx.addIssue({ code: 'custom', message: 'password.upper' });
    if (!/[a-z]/.test(v)) ctx.addIssue({ code: 'custom', message: 'password.lower' });
    if (!/[0-9]/.test(v)) ctx.addIssue({ code: 'custom', message: 'password.digit' });
    if (!/[^A-Za-z0-9]/.test(v)) ctx.addIssue({ code: 'custom', message: 'password.symbol' });
  });

export const ZLoginInput = z.object({
  email: z.string().trim().toLowerCase().min(3).max(254),
  password: z.string().min(1).max(256),
});

export const ZTotpInput = z.object({ code: z.string().trim().min(6).max(20) });

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: ZPassword,
});

export const ZMe = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  tenant: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  personId: z.uuid().nullable(),
  roles: z.array(z.object({ code: z.string(), name: z.string(), name_en: z.string(), opdId: z.uuid().nullable() })),
  permissions: z.array(z.string()),
  totpEnabled: z.boolean(),
  mfaPending: z.boolean(),
  /** A temporary password (new account or reset) must be changed before anything else. */
  mustChangePassword: z.boolean(),
  locale: z.enum(['id', 'en']),
});
export type TMe = z.infer<typeof ZMe>;

export const ZSession = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

export const ZApiTokenInput = z.object({
  name: z.string().trim().min(2).max(100),
  scopes: z.array(z.string()).min(1),
  expiresInDays: z.number().int().min(1).max(365),
});
