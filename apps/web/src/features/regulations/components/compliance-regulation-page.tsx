import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BookOpen, FileDown } from 'lucide-react';
import { complianceStatuses, type TComplianceStatus, type TRegObligation } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { usePermission } from '@/lib/auth';
import { errorText } from '@/lib/api';
import { complianceExportUrl, regulationsApi } from '../api';
import { AttestDialog } from './attest-dialog';
import { ObligationItem } from './obligation-item';
import { ScoreBar, StatusBadge } from './status-badge';

/** /kepatuhan/$regulationId — per article and obligation: met / partly / missing / due soon. */
export function ComplianceRegulationPage() {
  const { t } = useTranslation();
  const { regulationId } = useParams({ strict: false }) as { regulationId: string };
  const canAttest = usePermission('compliance.attest');
  const canExport = usePermission('regulations.read');
  const [only, setOnly] = React.useState<TComplianceStatus | ''>('');
  const [attesting, setAttesting] = React.useState<TRegObligation | null>(null);
  const q = useQuery({ queryKey: ['compliance', 'regulation', regulationId], queryFn: () => regulationsApi.compliance(regulationId) });
  if (q.isLoading) return <Skeleton className="h-64 w-full" />;
  if (!q.data) return <p role="alert">{errorText(q.error)}</p>;
  const c = q.data;
  const attestable = canAttest && c.regulation.bound && c.regulation.status !== 'diganti';
  const articles = c.articles
    .map((a) => ({ ...a, obligations: only ? a.obligations.filter((o) => o.status === only) : a.obligations }))
    .filter((a) => a.obligations.length);
  return (
    <div>
      <PageHeader
        title={t('regulations.complianceOf', { code: c.regulation.code })}
        description={c.regulation.title}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link to="/regulasi/$regulationId" params={{ regulationId: c.regulation.id }}>
                <BookOpen />
                {t('regulations.openText')}
              </Link>
            </Button>
            {canExport
              ? (['xlsx', 'pdf'] as const).map((f) => (
                  <Button key={f} variant="outline" asChild>
                    <a href={complianceExportUrl(c.regulation.id, f)} download>
                      <FileDown />
                      {t(`regulations.export.${f}`)}
                    </a>
                  </Button>
                ))
              : null}
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <StatusBadge status={c.status} />
        <ScoreBar score={c.counts.score} />
        <span className="text-sm text-muted-foreground">{t('regulations.breakdownText', c.counts)}</span>
        <NativeSelect aria-label={t('regulations.statusFilter')} className="h-9 w-56" value={only} onChange={(e) => setOnly(e.target.value as TComplianceStatus | '')}>
          <option value="">{t('regulations.allStatuses')}</option>
          {complianceStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`regulations.status.${s}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-4">
        {articles.map((a) => (
          <section key={a.id ?? 'general'} className="rounded-lg border p-4" aria-label={a.number ? `Pasal ${a.number}` : t('regulations.generalObligations')}>
            <div className="mb-2 flex items-center justify-between gap-2">
              <h2 className="font-semibold">
                {a.number ? `Pasal ${a.number}` : t('regulations.generalObligations')}
                {a.chapter ? <span className="ml-2 text-xs font-normal text-muted-foreground">{a.chapter}</span> : null}
              </h2>
              <StatusBadge status={a.status} />
            </div>
            <ul className="flex flex-col gap-2">
              {a.obligations.map((o) => (
                <ObligationItem key={o.id} obligation={o} compliance={o} onAttest={attestable ? setAttesting : undefined} />
              ))}
            </ul>
          </section>
        ))}
        {!articles.length ? <p className="text-sm text-muted-foreground">{t('regulations.noObligations')}</p> : null}
      </div>
      <AttestDialog obligation={attesting} onOpenChange={(o) => !o && setAttesting(null)} />
    </div>
  );
}
