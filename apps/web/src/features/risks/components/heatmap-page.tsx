import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FilterSelect, useUrlListState } from '@/components/data-table';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useOpdOptions } from '@/lib/lookups';
import { currentYear, risksApi } from '../api';
import { LevelBadge, textOn } from './level-badge';
import { RisksTabs } from './shared';

type Search = { opdId?: string; year?: number; basis?: 'inherent' | 'current' | 'residual' };

/** /risiko/peta — the 5×5 heat map with counts (each cell opens the filtered register), top risks and overdue plans. */
export function HeatmapPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useUrlListState<Search>();
  const opds = useOpdOptions();
  const year = search.year ?? currentYear();
  const basis = search.basis ?? 'current';
  const settings = useQuery({ queryKey: ['risk-settings'], queryFn: risksApi.settings, staleTime: 60_000 });
  const hm = useQuery({
    queryKey: ['risks', 'heatmap', search.opdId, year, basis],
    queryFn: () => risksApi.heatmap({ opdId: search.opdId, year, basis }),
    placeholderData: keepPreviousData,
  });
  const years = Array.from({ length: 6 }, (_, k) => currentYear() + 1 - k);
  const s = settings.data;
  const d = hm.data;

  return (
    <div>
      <PageHeader title={t('risks.heatmap.title')} description={t('risks.heatmap.description')} />
      <RisksTabs />
      <div className="mb-4 flex flex-wrap items-end gap-2">
        <FilterSelect
          label={t('common.filterOpd')}
          value={search.opdId}
          onChange={(v) => setSearch({ opdId: v })}
          options={(opds.data ?? []).map((o) => ({ value: o.value, label: o.label }))}
          allLabel={t('common.allOpds')}
        />
        <FilterSelect
          label={t('risks.period')}
          value={String(year)}
          onChange={(v) => setSearch({ year: v ? Number(v) : undefined })}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          allLabel={String(currentYear())}
          className="flex flex-col gap-1 [&_select]:sm:w-28"
        />
        <FilterSelect
          label={t('risks.heatmap.basis')}
          value={basis}
          onChange={(v) => setSearch({ basis: (v as Search['basis']) ?? undefined })}
          options={(['inherent', 'current', 'residual'] as const).map((b) => ({ value: b, label: t(`risks.${b}`) }))}
          allLabel={t('risks.current')}
          className="flex flex-col gap-1 [&_select]:sm:w-40"
        />
      </div>
      {!d || !s ? (
        <Skeleton className="h-96 w-full" />
      ) : (
        <div className="grid gap-4 xl:grid-cols-3">
          <Card className="xl:col-span-2">
            <CardHeader>
              <CardTitle>{t('risks.heatmap.matrix', { total: d.total })}</CardTitle>
              <CardDescription>{t('risks.heatmap.hint')}</CardDescription>
            </CardHeader>
            <CardContent className="overflow-x-auto">
              <table className="w-full min-w-[560px] border-separate border-spacing-1" aria-label={t('risks.heatmap.title')}>
                <thead>
                  <tr>
                    <th className="w-40 text-left text-xs text-muted-foreground">
                      {t('risks.likelihood')} ↓ / {t('risks.impact')} →
                    </th>
                    {s.impact.map((i) => (
                      <th key={i.level} scope="col" className="text-xs font-medium">
                        {i.level} {i.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...d.cells].reverse().map((row) => (
                    <tr key={row[0].likelihood}>
                      <th scope="row" className="text-left text-xs font-medium">
                        {row[0].likelihood} {s.likelihood.find((l) => l.level === row[0].likelihood)?.name}
                      </th>
                      {row.map((c) => (
                        <td key={c.impact} className="p-0">
                          <Link
                            to="/risiko"
                            search={{ likelihood: c.likelihood, impact: c.impact, opdId: search.opdId, year }}
                            className="flex h-16 flex-col items-center justify-center rounded text-center hover:ring-2 hover:ring-ring"
                            style={{ backgroundColor: c.color, color: textOn(c.color), opacity: c.count ? 1 : 0.55 }}
                            aria-label={t('risks.heatmap.cell', { l: c.likelihood, i: c.impact, score: c.score, count: c.count })}
                            data-testid={`cell-${c.likelihood}-${c.impact}`}
                          >
                            <span className="text-xs">{c.score}</span>
                            <span className="text-lg font-bold">{c.count || ''}</span>
                          </Link>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="mt-3 flex flex-wrap gap-2">
                {d.byLevel.map((b) => (
                  <Link key={b.level} to="/risiko" search={{ level: b.level, opdId: search.opdId, year }} className="rounded px-2 py-1 text-xs font-medium" style={{ backgroundColor: b.color, color: textOn(b.color) }}>
                    {b.name}: {b.count}
                  </Link>
                ))}
              </div>
            </CardContent>
          </Card>
          <div className="flex flex-col gap-4">
            <Card>
              <CardHeader>
                <CardTitle>{t('risks.heatmap.top')}</CardTitle>
              </CardHeader>
              <CardContent>
                {d.top.length === 0 ? (
                  <p className="text-sm text-muted-foreground">{t('risks.empty')}</p>
                ) : (
                  <ol className="flex flex-col gap-2">
                    {d.top.map((r) => (
                      <li key={r.id} className="flex items-start justify-between gap-2 text-sm">
                        <Link to="/risiko/$riskId" params={{ riskId: r.id }} className="text-primary hover:underline">
                          {r.event}
                          <span className="block text-xs text-muted-foreground">{r.opdName}</span>
                        </Link>
                        <LevelBadge rating={r.current} />
                      </li>
                    ))}
                  </ol>
                )}
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>{t('risks.heatmap.overdue')}</CardTitle>
              </CardHeader>
              <CardContent>
                {d.overdue.length === 0 ? (
                  <p className="text-sm text-muted-foreground">{t('risks.heatmap.noOverdue')}</p>
                ) : (
                  <ul className="flex flex-col gap-2">
                    {d.overdue.map((o) => (
                      <li key={o.id} className="text-sm">
                        <Link to="/risiko/$riskId" params={{ riskId: o.riskId }} className="text-primary hover:underline">
                          {o.riskCode} · {o.action}
                        </Link>
                        <span className="block text-xs text-destructive">
                          {t('risks.heatmap.due', { date: o.endDate })} · {o.opdName}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </CardContent>
            </Card>
          </div>
        </div>
      )}
    </div>
  );
}
