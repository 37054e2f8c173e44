import type { EvidenceCheck } from '../../platform/compliance/evidence.js';
import * as repo from './signing.repo.js';
import type { SigningService } from './signing.service.js';

/** certificates.documents_signed: official documents signed electronically this year, re-verified (K15). */
export function documentsSignedCheck(svc: SigningService): EvidenceCheck {
  return {
    key: 'certificates.documents_signed',
    label: { id: 'Dokumen dinas ditandatangani secara elektronik', en: 'Official documents signed electronically' },
    async evaluate(db, ctx) {
      const rows = await repo.completedInYear(db, ctx.tenantId, ctx.year);
      let valid = 0;
      const records = [];
      for (const r of rows.slice(0, 10)) {
        const rep = await svc.verifyStored(r.id).catch(() => null);
        const ok = !!rep && rep.signatures.length > 0 && rep.verdict === 'valid';
        if (ok) valid++;
        records.push({ entity: 'signing_request', id: r.id, label: `${r.docNumber ? `${r.docNumber} — ` : ''}${r.title}${ok ? '' : ' (perlu diperiksa)'}`, href: `/tanda-tangan/${r.id}` });
      }
      const checked = Math.min(rows.length, 10);
      if (!rows.length)
        return { status: 'missing', detail: { id: `Belum ada dokumen dinas yang ditandatangani secara elektronik pada ${ctx.year}.`, en: `No official document was signed electronically in ${ctx.year}.` }, records };
      const status = valid === checked ? 'met' : 'partly';
      return {
        status,
        detail: {
          id: `${rows.length} dokumen ditandatangani secara elektronik pada ${ctx.year}; ${valid} dari ${checked} yang diperiksa ulang bertanda tangan sah.`,
          en: `${rows.length} documents signed electronically in ${ctx.year}; ${valid} of ${checked} re-checked carry valid signatures.`,
        },
        records,
      };
    },
  };
}
