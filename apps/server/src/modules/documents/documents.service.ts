import { and, eq, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../app/deps.js';
import { opds } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context/actor.js';
import { requireAny, requirePermission } from '../../platform/context/actor.js';
import { opdOfficialsReport, type DocumentFormat } from '../../platform/documents/index.js';
import { notFound } from '../../platform/http/errors.js';
import * as orgRepo from '../org/org.repo.js';

const fullName = (r: { headName: string | null; frontTitle: string | null; backTitle: string | null }) =>
  r.headName ? [r.frontTitle, r.headName].filter(Boolean).join(' ') + (r.backTitle ? `, ${r.backTitle}` : '') : null;

/** Official printable documents built from the organisation's records. */
export class DocumentsService {
  constructor(private readonly deps: AppDeps) {}

  /** "Daftar Perangkat Daerah dan Pejabat", signed by the head of the persandian Dinas. */
  async opdOfficials(actor: Actor, format: DocumentFormat) {
    requirePermission(actor, 'org.read');
    requireAny(actor, 'reports.export');
    const db = this.deps.database.db;
    const tenant = await orgRepo.getTenant(db, actor.tenantId);
    if (!tenant) throw notFound();
    const rows = await orgRepo.opdsWithHeads(db, actor.tenantId);
    const [dinas] = await db
      .select({ code: opds.code, name: opds.name })
      .from(opds)
      .where(and(eq(opds.tenantId, actor.tenantId), eq(opds.isPersandianDinas, true), isNull(opds.deletedAt)))
      .limit(1);
    const dinasHead = dinas ? rows.find((r) => r.code === dinas.code) : undefined;
    const place = tenant.name.replace(/^(Kota|Kabupaten|Provinsi)\s+/i, '');
    return opdOfficialsReport(
      {
        tenant: { ...tenant, dinasName: tenant.dinasName ?? dinas?.name ?? null },
        opds: rows.map((r) => ({ code: r.code, name: r.name, headName: fullName(r), headNip: r.headNip, headPosition: r.headPosition, peopleCount: r.peopleCount })),
        signer:
          dinasHead?.headName
            ? { place, position: dinasHead.headPosition ?? `Kepala ${dinas!.name}`, name: fullName(dinasHead)!, nip: dinasHead.headNip }
            : null,
        date: new Date(),
      },
      format,
    );
  }
}
