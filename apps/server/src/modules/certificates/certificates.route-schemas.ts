import { z } from 'zod';
import {
  ZCertificate,
  ZListQuery,
  ZRevocation,
  certAppStatuses,
  certKinds,
  needPriorities,
} from '@persada/shared';

export const ZId = z.object({ id: z.uuid() });
export const currentYear = () =>
  Number(
    new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
    }).format(new Date()),
  );
export const ZYear = z.coerce.number().int().min(2015).max(2100).default(currentYear);
export const ZAppQuery = ZListQuery.extend({
  scope: z.enum(['mine', 'queue', 'all']).default('mine'),
  status: z.enum(certAppStatuses).optional(),
  kind: z.enum(certKinds).optional(),
  opdId: z.uuid().optional(),
});
export const ZCertQuery = ZListQuery.extend({
  scope: z.enum(['mine', 'all']).default('mine'),
  status: z.enum(['active', 'revoked', 'expired']).optional(),
  opdId: z.uuid().optional(),
});
export const ZNeedQuery = ZListQuery.extend({
  year: ZYear,
  opdId: z.uuid().optional(),
  kind: z.enum(certKinds).optional(),
  priority: z.enum([...needPriorities, 'none']).optional(),
});
export const ZCertDetail = ZCertificate.extend({ revocations: z.array(ZRevocation) });

export const kindLabel: Record<string, string> = {
  individual: 'Individu',
  position: 'Jabatan/Wewenang/Organisasi',
  system: 'Sistem Elektronik',
};
export const priorityLabel: Record<string, string> = {
  high: 'Tinggi',
  medium: 'Sedang',
  low: 'Rendah',
};
export const useLabel: Record<string, string> = {
  signing: 'Tanda tangan elektronik',
  email_protection: 'Perlindungan e-mail',
  document_protection: 'Perlindungan dokumen',
};
