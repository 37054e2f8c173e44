import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ClipboardCheck, Link2, Unlink } from 'lucide-react';
import type { TObligationCompliance, TRegArticle, TRegObligation } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { errorText } from '@/lib/api';
import { regulationsApi } from '../api';
import { AttestDialog } from './attest-dialog';
import { ObligationItem } from './obligation-item';

function ClauseLine({ c }: { c: TRegArticle['clauses'][number] }) {
  const indent = c.huruf ? 'pl-10' : c.angka ? 'pl-5' : c.ayat ? 'pl-0' : '';
  const label = c.huruf ? `${c.huruf}.` : c.angka ? `${c.angka}.` : c.ayat ? `(${c.ayat})` : null;
  return (
    <p className={`${indent} text-sm leading-relaxed`}>
      {label ? <span className="mr-2 font-medium tabular-nums">{label}</span> : null}
      {c.text}
    </p>
  );
}

/** /regulasi/$regulationId — the regulation article by article, with obligations and binding. */
export function RegulationPage() {
  const { t } = useTranslation();
  const { regulationId } = useParams({ strict: false }) as { regulationId: string };
  const navigate = useNavigate();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('regulations.manage');
  const canAttest = usePermission('compliance.attest');
  const [filter, setFilter] = React.useState('');
  const [attesting, setAttesting] = React.useState<TRegObligation | null>(null);
  const reg = useQuery({ queryKey: ['regulations', 'detail', regulationId], queryFn: () => regulationsApi.get(regulationId) });
  const compliance = useQuery({
    queryKey: ['compliance', 'regulation', regulationId],
    queryFn: () => regulationsApi.compliance(regulationId),
    enabled: !!reg.data?.bound || reg.data?.status === 'diganti',
  });
  const bind = useMutation({
    mutationFn: (bound: boolean) => regulationsApi.bind(regulationId, bound),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['regulations'] });
      void qc.invalidateQueries({ queryKey: ['compliance'] });
      toast.success(r.bound ? t('regulations.boundToast') : t('regulations.unboundToast'));
    },
    onError: (e) => toast.error(errorText(e)),
  });
  const byObligation = React.useMemo(() => {
    const m = new Map<string, TObligationCompliance>();
    compliance.data?.articles.forEach((a) => a.obligations.forEach((o) => m.set(o.id, o)));
    return m;
  }, [compliance.data]);

  if (reg.isLoading) return <Skeleton className="h-64 w-full" />;
  if (!reg.data) return <p role="alert">{errorText(reg.error)}</p>;
  const r = reg.data;
  const needle = filter.trim().toLowerCase();
  const articles = needle
    ? r.articles.filter((a) => `pasal ${a.number}`.includes(needle) || a.clauses.some((c) => c.text.toLowerCase().includes(needle)) || a.obligations.some((o) => o.text.toLowerCase().includes(needle)))
    : r.articles;
  const attestable = canAttest && r.bound && r.status !== 'diganti';
  const onAttest = attestable ? setAttesting : undefined;
  const askUnbind = async () => {
    const ok = await confirm({ title: t('regulations.unbindTitle', { code: r.code }), description: t('regulations.unbindDescription'), confirmLabel: t('regulations.unbind') });
    if (ok) bind.mutate(false);
  };
  let lastChapter: string | null = null;
  return (
    <div>
      <PageHeader
        title={t('regulations.fullTitle', {
          kind: t(`regulations.kind.${r.kind}`),
          issuer: r.issuer.replace(/^(Wali Kota|Walikota|Bupati|Gubernur)\s+/i, ''),
          number: r.number,
          year: r.year,
        })}
        description={r.title}
        actions={
          <>
            {r.versions.length > 1 ? (
              <NativeSelect
                aria-label={t('regulations.version')}
                className="h-9 w-40"
                value={r.id}
                onChange={(e) => void navigate({ to: '/regulasi/$regulationId', params: { regulationId: e.target.value } })}
              >
                {r.versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t('regulations.versionOption', { version: v.version, status: t(`regulations.regStatus.${v.status}`) })}
                  </option>
                ))}
              </NativeSelect>
            ) : null}
            {r.bound ? (
              <Button variant="outline" asChild>
                <Link to="/kepatuhan/$regulationId" params={{ regulationId: r.id }}>
                  <ClipboardCheck />
                  {t('regulations.openCompliance')}
                </Link>
              </Button>
            ) : null}
            {canManage && r.status !== 'diganti' ? (
              r.bound ? (
                <Button variant="outline" onClick={() => void askUnbind()} disabled={bind.isPending}>
                  <Unlink />
                  {t('regulations.unbind')}
                </Button>
              ) : (
                <Button onClick={() => bind.mutate(true)} disabled={bind.isPending}>
                  <Link2 />
                  {t('regulations.bind')}
                </Button>
              )
            ) : null}
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <Badge variant="outline">{r.code}</Badge>
        <Badge variant="outline">v{r.version}</Badge>
        <Badge variant={r.status === 'berlaku' ? 'secondary' : 'warning'}>{t(`regulations.regStatus.${r.status}`)}</Badge>
        {r.bound ? <Badge variant="success">{t('regulations.boundYes')}</Badge> : <Badge variant="outline">{t('regulations.boundNo')}</Badge>}
        {r.effectiveDate ? <span className="text-muted-foreground">{t('regulations.effectiveOn', { date: r.effectiveDate })}</span> : null}
        <span className="text-muted-foreground">{t('regulations.counts', { articles: r.articleCount, obligations: r.obligationCount })}</span>
      </div>
      {r.status === 'diganti' ? <p className="mb-4 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">{t('regulations.supersededNotice')}</p> : null}
      {r.considerations.length || r.legalBasis.length ? (
        <details className="mb-4 rounded-md border p-3 text-sm">
          <summary className="cursor-pointer font-medium">{t('regulations.preamble')}</summary>
          <h3 className="mt-2 font-medium">{t('regulations.considerations')}</h3>
          {r.considerations.map((c, i) => (
            <p key={i}>{c}</p>
          ))}
          <h3 className="mt-2 font-medium">{t('regulations.legalBasis')}</h3>
          {r.legalBasis.map((c, i) => (
            <p key={i}>{c}</p>
          ))}
        </details>
      ) : null}
      {r.generalObligations.length ? (
        <section className="mb-6">
          <h2 className="mb-2 font-semibold">{t('regulations.generalObligations')}</h2>
          <ul className="flex flex-col gap-2">
            {r.generalObligations.map((o) => (
              <ObligationItem key={o.id} obligation={o} compliance={byObligation.get(o.id)} onAttest={onAttest} />
            ))}
          </ul>
        </section>
      ) : null}
      <div className="mb-4 max-w-md">
        <Input aria-label={t('regulations.filterArticles')} placeholder={t('regulations.filterArticles')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <div className="flex flex-col gap-4">
        {articles.map((a) => {
          const showChapter = a.chapter && a.chapter !== lastChapter;
          lastChapter = a.chapter;
          return (
            <React.Fragment key={a.id}>
              {showChapter ? <h2 className="mt-4 text-center text-sm font-semibold uppercase tracking-wide">{a.chapter}</h2> : null}
              <article className="rounded-lg border p-4" aria-labelledby={`pasal-${a.id}`}>
                {a.section ? <p className="mb-1 text-center text-xs text-muted-foreground">{a.section}</p> : null}
                <h3 id={`pasal-${a.id}`} className="mb-2 text-center font-semibold">
                  Pasal {a.number}
                </h3>
                <div className="flex flex-col gap-1">
                  {a.clauses.map((c) => (
                    <ClauseLine key={c.id} c={c} />
                  ))}
                </div>
                {a.obligations.length ? (
                  <div className="mt-3">
                    <h4 className="mb-2 text-xs font-semibold uppercase text-muted-foreground">{t('regulations.obligations')}</h4>
                    <ul className="flex flex-col gap-2">
                      {a.obligations.map((o) => (
                        <ObligationItem key={o.id} obligation={o} compliance={byObligation.get(o.id)} onAttest={onAttest} />
                      ))}
                    </ul>
                  </div>
                ) : null}
              </article>
            </React.Fragment>
          );
        })}
        {!articles.length ? <p className="text-sm text-muted-foreground">{t('regulations.noArticleMatch')}</p> : null}
      </div>
      <AttestDialog obligation={attesting} onOpenChange={(o) => !o && setAttesting(null)} />
    </div>
  );
}
