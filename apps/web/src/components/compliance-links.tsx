import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TComplianceLink } from '@persada/shared';
import { Badge } from '@/components/ui/badge';
import { api } from '@/lib/api';
import { usePermission } from '@/lib/auth';

const variant = { met: 'success', due_soon: 'warning', partly: 'secondary', missing: 'destructive' } as const;

/**
 * "Which obligations does this record satisfy?" (R-REG): drop into any record page with the
 * entity name and id the evidence checks report, e.g. `<ComplianceLinks entity="opd" id={opd.id} />`.
 */
export function ComplianceLinks({ entity, id }: { entity: string; id: string }) {
  const { t } = useTranslation();
  const allowed = usePermission('regulations.read');
  const q = useQuery({
    queryKey: ['compliance', 'links', entity, id],
    queryFn: () => api.get<TComplianceLink[]>('/api/compliance/links', { entity, id }),
    enabled: allowed,
  });
  if (!allowed || !q.data?.length) return null;
  return (
    <section aria-label={t('regulations.linksTitle')} className="rounded-md border p-3">
      <h2 className="mb-2 text-sm font-semibold">{t('regulations.linksTitle')}</h2>
      <ul className="flex flex-col gap-1 text-sm">
        {q.data.map((l) => (
          <li key={l.obligationId} className="flex flex-wrap items-center gap-2">
            <Link to="/kepatuhan/$regulationId" params={{ regulationId: l.regulationId }} className="font-medium text-primary hover:underline">
              {l.regulationCode} {l.article ? `Pasal ${l.article}` : ''} {l.ref ?? ''}
            </Link>
            <span>{l.text}</span>
            <Badge variant={variant[l.status]}>{t(`regulations.status.${l.status}`)}</Badge>
          </li>
        ))}
      </ul>
    </section>
  );
}
