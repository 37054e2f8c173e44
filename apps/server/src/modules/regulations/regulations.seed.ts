import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoSeedContext } from '../../seed/context.js';
import { ensureSharedLibrary, SEED_CODES } from './regulations.library.js';

/**
 * Demo "Kota Contoh": bound to the five seed regulations, with one attestation so the compliance
 * view shows every state (JBI-35 Pasal 29 coordination meeting attested; one expiring soon).
 */
export async function seedRegulationsDemo(db: Db, ctx: DemoSeedContext): Promise<void> {
  await ensureSharedLibrary(db);
  const boundBy = ctx.userIds.get('admin') ?? null;
  await db.execute(sql`insert into regulation_bindings (tenant_id, regulation_id, bound_by)
    select ${ctx.tenantId}, r.id, ${boundBy} from regulations r
    where r.tenant_id is null and r.status <> 'diganti' and r.code in (${sql.join(SEED_CODES.map((c) => sql`${c}`), sql`, `)})
    on conflict do nothing`);
  const attest = async (code: string, article: string, statement: string, from: string, until: string) =>
    db.execute(sql`insert into compliance_attestations (tenant_id, obligation_id, statement, effective_date, expires_on, attested_by, attested_by_label)
      select ${ctx.tenantId}, o.id, ${statement}, ${from}::date, ${until}::date, ${boundBy}, 'Administrator Persada (demo)'
      from regulation_obligations o join regulations r on r.id = o.regulation_id join regulation_articles a on a.id = o.article_id
      where r.tenant_id is null and r.status <> 'diganti' and r.code = ${code} and a.number = ${article} limit 1`);
  const today = new Date();
  const day = (d: number) => new Date(today.getTime() + d * 86_400_000).toISOString().slice(0, 10);
  await attest('JBI-35', '29', 'Dinas menghadiri Rapat Koordinasi Persandian dan Keamanan Informasi bersama BSSN dan Diskominfo Provinsi.', day(-200), day(165));
  await attest('MDN-30', '23', 'Evaluasi penggunaan Sertifikat Elektronik tahun lalu telah dilaporkan kepada Wali Kota dan BSrE.', day(-340), day(20));
}
