import { inArray, sql } from 'drizzle-orm';
import {
  certApplications,
  certCertificates,
  users,
} from '../../db/schema/index.js';

/** Every query is tenant-scoped; OPD scoping comes from the service. */
export type OpdFilter = 'all' | string[];
export const inOpds = (col: any, ids: OpdFilter) => (ids === 'all' ? undefined : ids.length ? inArray(col, ids) : sql`false`);

export type AppRow = typeof certApplications.$inferSelect;
export type CertRow = typeof certCertificates.$inferSelect;

/** The holder's display name, for certificate and revocation lists. */
export const holderName = sql<string | null>`(select u.display_name from ${users} u where u.id = ${certCertificates.holderUserId})`;
