import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TComplianceDashboard, THeatmap, TSystemsSummary } from '@persada/shared';
import { FilterSelect } from '@/components/data-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { hasPermission, useMe } from '@/lib/auth';
import { useOpdOptions } from '@/lib/lookups';
import { formatDate, formatNumber } from '@/lib/utils';
import { complianceDashboard, riskHeatmap, systemsSummary } from '../api';

/** Risk registers are kept per year; the dashboard shows this year's (Asia/Jakarta). */
const thisYear = () => new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

/** Black or white text, whichever reads better on a level colour. */
function textOn(hex: string): string {
  const n = parseInt(hex.replace('#', ''), 16);
  if (Number.isNaN(n)) return '#111827';
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111827' : '#ffffff';
}

function Failed() {
  const { t } = useTranslation();
  return <p className="text-sm text-destructive">{t('dashboard.security.loadFailed')}</p>;
}

// ---------------------------------------------------------------- compliance
const statusColors = { met: 'bg-emerald-600', due_soon: 'bg-amber-500', partly: 'bg-sky-500', missing: 'bg-red-600' } as const;
const statusKeys = ['met', 'due_soon', 'partly', 'missing'] as const;

function ComplianceBar({ counts }: { counts: TComplianceDashboard['totals'] }) {
  const { t } = useTranslation();
  const total = counts.total || 1;
  return (
    <div className="flex h-2.5 w-full overflow-hidden rounded bg-muted" role="img" aria-label={t('dashboard.security.breakdown', counts)}>
      {statusKeys.map((k) =>
        counts[k] ? <div key={k} className={statusColors[k]} style={{ width: `${(counts[k] * 100) / total}%` }} title={`${t(`dashboard.security.status.${k}`)}: ${counts[k]}`} /> : null,
      )}
    </div>
  );
}

function ComplianceCard({ q }: { q: { data?: TComplianceDashboard; isLoading: boolean; isError: boolean } }) {
  const { t } = useTranslation();
  const d = q.data;
  return (
    <Card className="xl:col-span-2">
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div>
          <CardTitle>{t('dashboard.security.compliance')}</CardTitle>
          <CardDescription>{t('dashboard.security.complianceHelp')}</CardDescription>
        </div>
        <Link to="/kepatuhan" className="shrink-0 text-sm font-medium text-primary hover:underline">
          {t('dashboard.viewAll')}
        </Link>
      </CardHeader>
      <CardContent>
        {q.isLoading ? (
          <Skeleton className="h-24 w-full" />
        ) : q.isError || !d ? (
          <Failed />
        ) : d.regulations.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('dashboard.security.noRegulations')}</p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="compliance-list">
            {d.regulations.map((r) => (
              <li key={r.regulation.id} className="flex flex-col gap-1">
                <div className="flex items-baseline justify-between gap-2 text-sm">
                  <Link to="/kepatuhan/$regulationId" params={{ regulationId: r.regulation.id }} className="font-medium text-primary hover:underline" title={r.regulation.title}>
                    {r.regulation.code}
                  </Link>
                  <span className="font-semibold tabular-nums" data-testid={`compliance-score-${r.regulation.code}`}>
                    {r.counts.score}%
                  </span>
                </div>
                <ComplianceBar counts={r.counts} />
                <span className="text-xs text-muted-foreground">{t('dashboard.security.breakdown', r.counts)}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-3 flex flex-wrap gap-3 text-xs text-muted-foreground">
          {statusKeys.map((k) => (
            <span key={k} className="flex items-center gap-1">
              <span className={`inline-block size-2.5 rounded-sm ${statusColors[k]}`} />
              {t(`dashboard.security.status.${k}`)}
            </span>
          ))}
        </div>
      </CardContent>
    </Card>
  );
}

function DueCard({ q }: { q: { data?: TComplianceDashboard; isLoading: boolean; isError: boolean } }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const d = q.data;
  const attestations = d ? d.expiringAttestations.filter((a) => !d.dueThisMonth.some((x) => x.obligationId === a.obligationId)) : [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('dashboard.security.due')}</CardTitle>
        <CardDescription>{t('dashboard.security.dueHelp')}</CardDescription>
      </CardHeader>
      <CardContent>
        {q.isLoading ? (
          <Skeleton className="h-24 w-full" />
        ) : q.isError || !d ? (
          <Failed />
        ) : d.dueThisMonth.length + attestations.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('dashboard.security.nothingDue')}</p>
        ) : (
          <ul className="flex max-h-80 flex-col gap-2 overflow-y-auto text-sm" data-testid="due-list">
            {d.dueThisMonth.map((x) => (
              <li key={x.obligationId} className="flex flex-col gap-0.5 rounded-md border p-2">
                <span>
                  <Link to="/kepatuhan/$regulationId" params={{ regulationId: x.regulationId }} className="font-medium text-primary hover:underline">
                    {x.regulationCode}
                    {x.article ? ` ${t('dashboard.security.article', { article: x.article })}` : ''}
                  </Link>{' '}
                  — {x.text}
                </span>
                <span className="text-xs text-muted-foreground">
                  {x.dueOn ? `${t('dashboard.security.dueOn', { date: formatDate(x.dueOn, i18n.language) })} · ` : ''}
                  {x.reason[lang]}
                </span>
              </li>
            ))}
            {attestations.map((a) => (
              <li key={a.id} className="flex flex-col gap-0.5 rounded-md border p-2">
                <span>
                  {t('dashboard.security.attestationExpiring', { code: a.regulationCode, article: a.article ?? '—', date: formatDate(a.expiresOn, i18n.language) })}
                </span>
                <span className="text-xs text-muted-foreground">{a.obligationText}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

// ---------------------------------------------------------------- risks
function HeatmapCard({ q, opdId, year }: { q: { data?: THeatmap; isLoading: boolean; isError: boolean }; opdId?: string; year: number }) {
  const { t } = useTranslation();
  const d = q.data;
  return (
    <Card className="xl:col-span-2">
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div>
          <CardTitle>{t('dashboard.security.heatmap', { year })}</CardTitle>
          <CardDescription>{d ? t('dashboard.security.heatmapHelp', { total: d.total }) : null}</CardDescription>
        </div>
        <Link to="/risiko/peta" search={{ opdId, year }} className="shrink-0 text-sm font-medium text-primary hover:underline">
          {t('dashboard.viewAll')}
        </Link>
      </CardHeader>
      <CardContent>
        {q.isLoading ? (
          <Skeleton className="h-72 w-full" />
        ) : q.isError || !d ? (
          <Failed />
        ) : (
          <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <div className="overflow-x-auto">
              <table className="w-full min-w-[320px] table-fixed border-separate border-spacing-1" aria-label={t('dashboard.security.heatmapLabel')} data-testid="dashboard-heatmap">
                <thead>
                  <tr>
                    <th className="w-20 text-left text-[10px] font-normal leading-tight text-muted-foreground">
                      {t('dashboard.security.likelihood')} ↓<br />
                      {t('dashboard.security.impact')} →
                    </th>
                    {[1, 2, 3, 4, 5].map((i) => (
                      <th key={i} scope="col" className="text-xs font-medium">
                        {i}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...d.cells].reverse().map((row) => (
                    <tr key={row[0].likelihood}>
                      <th scope="row" className="text-xs font-medium">
                        {row[0].likelihood}
                      </th>
                      {row.map((c) => (
                        <td key={c.impact} className="p-0">
                          <Link
                            to="/risiko"
                            search={{ likelihood: c.likelihood, impact: c.impact, opdId, year }}
                            className="flex h-11 flex-col items-center justify-center rounded text-center hover:ring-2 hover:ring-ring"
                            style={{ backgroundColor: c.color, color: textOn(c.color), opacity: c.count ? 1 : 0.5 }}
                            aria-label={t('dashboard.security.cell', { l: c.likelihood, i: c.impact, score: c.score, count: c.count })}
                            data-testid={`dash-cell-${c.likelihood}-${c.impact}`}
                          >
                            <span className="text-base font-bold leading-none">{c.count || ''}</span>
                          </Link>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="mt-2 flex flex-wrap gap-1.5">
                {d.byLevel.map((b) => (
                  <Link
                    key={b.level}
                    to="/risiko"
                    search={{ level: b.level, opdId, year }}
                    className="rounded px-2 py-0.5 text-xs font-medium"
                    style={{ backgroundColor: b.color, color: textOn(b.color) }}
                  >
                    {b.name}: {b.count}
                  </Link>
                ))}
              </div>
            </div>
            <div className="flex flex-col gap-4">
              <div>
                <h3 className="mb-2 text-sm font-semibold">{t('dashboard.security.topRisks')}</h3>
                {d.top.length === 0 ? (
                  <p className="text-sm text-muted-foreground">{t('dashboard.security.noRisks')}</p>
                ) : (
                  <ol className="flex flex-col gap-2" data-testid="top-risks">
                    {d.top.slice(0, 5).map((r) => (
                      <li key={r.id} className="flex items-start justify-between gap-2 text-sm">
                        <Link to="/risiko/$riskId" params={{ riskId: r.id }} className="text-primary hover:underline">
                          {r.event}
                          <span className="block text-xs text-muted-foreground">{r.opdName}</span>
                        </Link>
                        <span
                          className="shrink-0 rounded px-1.5 py-0.5 text-xs font-medium tabular-nums"
                          style={{ backgroundColor: r.current.color, color: textOn(r.current.color) }}
                          title={r.current.levelName}
                        >
                          {r.current.score}
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
              </div>
              <div>
                <h3 className="mb-2 text-sm font-semibold">{t('dashboard.security.overdue', { count: d.overdue.length })}</h3>
                {d.overdue.length === 0 ? (
                  <p className="text-sm text-muted-foreground">{t('dashboard.security.noOverdue')}</p>
                ) : (
                  <ul className="flex max-h-48 flex-col gap-2 overflow-y-auto" data-testid="overdue-treatments">
                    {d.overdue.map((o) => (
                      <li key={o.id} className="text-sm">
                        <Link to="/risiko/$riskId" params={{ riskId: o.riskId }} className="text-primary hover:underline">
                          {o.riskCode} · {o.action}
                        </Link>
                        <span className="block text-xs text-destructive">
                          {t('dashboard.security.overdueSince', { date: o.endDate ?? '—' })} · {o.opdName}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

// ---------------------------------------------------------------- systems
const categoryColors = { strategis: 'bg-red-600', tinggi: 'bg-amber-500', rendah: 'bg-emerald-600', uncategorized: 'bg-muted-foreground/40' } as const;

function SystemsCard({ q }: { q: { data?: TSystemsSummary; isLoading: boolean; isError: boolean } }) {
  const { t, i18n } = useTranslation();
  const d = q.data;
  const num = (n: number) => formatNumber(n, i18n.language);
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div>
          <CardTitle>{t('dashboard.security.systems')}</CardTitle>
          <CardDescription>{t('dashboard.security.systemsHelp')}</CardDescription>
        </div>
        <Link to="/sistem/aplikasi" className="shrink-0 text-sm font-medium text-primary hover:underline">
          {t('dashboard.viewAll')}
        </Link>
      </CardHeader>
      <CardContent>
        {q.isLoading ? (
          <Skeleton className="h-32 w-full" />
        ) : q.isError || !d ? (
          <Failed />
        ) : (
          <div className="flex flex-col gap-3">
            <p className="text-sm">
              <span className="text-2xl font-semibold tabular-nums" data-testid="systems-total">
                {num(d.total)}
              </span>{' '}
              {t('dashboard.security.activeApplications')}
            </p>
            <ul className="flex flex-col gap-2" data-testid="systems-by-category">
              {(['strategis', 'tinggi', 'rendah', 'uncategorized'] as const).map((k) => (
                <li key={k} className="flex items-center gap-2 text-sm">
                  <span className="w-32 shrink-0">{t(`dashboard.security.category.${k}`)}</span>
                  <div className="h-2.5 flex-1 overflow-hidden rounded bg-muted">
                    <div className={`h-full ${categoryColors[k]}`} style={{ width: `${d.total ? (d.byCategory[k] * 100) / d.total : 0}%` }} />
                  </div>
                  <span className="w-8 text-right font-semibold tabular-nums" data-testid={`systems-${k}`}>
                    {num(d.byCategory[k])}
                  </span>
                </li>
              ))}
            </ul>
            <p className="text-xs text-muted-foreground">
              {t('dashboard.security.byStatus', { operational: d.byStatus.operational, development: d.byStatus.development, planned: d.byStatus.planned })}
            </p>
            <p className="text-xs text-muted-foreground" data-testid="systems-outside">
              {t('dashboard.security.outsideDataCentre', { count: d.outsideDataCentre })}
            </p>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

// ---------------------------------------------------------------- section
/**
 * "Keamanan Informasi" on the home page: compliance by regulation, what is due this month, the
 * risk heat map with top risks and overdue treatments, and systems by category. Each part shows
 * only with its permission; the OPD selector (tenant-wide users only) filters risks and systems.
 */
export function SecuritySection() {
  const { t } = useTranslation();
  const me = useMe();
  const canCompliance = hasPermission(me, 'regulations.read');
  const canRisks = hasPermission(me, 'risks.read');
  const canSystems = hasPermission(me, 'systems.read');
  const tenantWide = Boolean(me?.roles.some((r) => r.opdId === null));
  const showSelector = tenantWide && hasPermission(me, 'org.read') && (canRisks || canSystems);
  const [opdId, setOpdId] = React.useState<string | undefined>();
  const year = thisYear();
  const opds = useOpdOptions(showSelector);

  const compliance = useQuery({ queryKey: ['compliance', 'dashboard'], queryFn: complianceDashboard, enabled: canCompliance, meta: { silent: true } });
  const heatmap = useQuery({
    queryKey: ['risks', 'heatmap', opdId, year, 'current'],
    queryFn: () => riskHeatmap({ opdId, year }),
    enabled: canRisks,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const systems = useQuery({
    queryKey: ['systems', 'summary', opdId],
    queryFn: () => systemsSummary({ opdId }),
    enabled: canSystems,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });

  if (!canCompliance && !canRisks && !canSystems) return null;
  const ownOpd = !tenantWide && (canRisks || canSystems);
  return (
    <section className="mt-8" aria-labelledby="security-heading">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="security-heading" className="text-lg font-semibold">
            {t('dashboard.security.title')}
          </h2>
          <p className="text-sm text-muted-foreground">{ownOpd ? t('dashboard.security.ownOpd') : t('dashboard.security.description')}</p>
        </div>
        {showSelector ? (
          <FilterSelect
            label={t('dashboard.security.opdFilter')}
            value={opdId}
            onChange={setOpdId}
            options={(opds.data ?? []).map((o) => ({ value: o.value, label: o.label }))}
            allLabel={t('dashboard.security.allOpds')}
          />
        ) : null}
      </div>
      <div className="grid gap-4 xl:grid-cols-3">
        {canRisks ? <HeatmapCard q={heatmap} opdId={opdId} year={year} /> : null}
        {canSystems ? <SystemsCard q={systems} /> : null}
        {canCompliance ? <ComplianceCard q={compliance} /> : null}
        {canCompliance ? <DueCard q={compliance} /> : null}
      </div>
    </section>
  );
}
