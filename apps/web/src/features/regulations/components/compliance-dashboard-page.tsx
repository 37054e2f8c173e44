import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TComplianceDashboard } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { errorText } from '@/lib/api';
import { regulationsApi } from '../api';
import { ScoreBar, StatusBadge } from './status-badge';

/**
 * A dashboard section. Sections are plain entries of `dashboardSections`, so other features'
 * cards (risks, certificates …) can be added later without changing the page.
 */
export type DashboardSection = { key: string; render: (d: TComplianceDashboard) => React.ReactNode };

function Totals({ d }: { d: TComplianceDashboard }) {
  const { t } = useTranslation();
  const items = [
    ['score', `${d.totals.score}%`],
    ['met', d.totals.met],
    ['due_soon', d.totals.due_soon],
    ['partly', d.totals.partly],
    ['missing', d.totals.missing],
  ] as const;
  return (
    <div className="grid gap-3 sm:grid-cols-5">
      {items.map(([k, v]) => (
        <Card key={k}>
          <CardHeader>
            <CardDescription>{t(`regulations.totals.${k}`)}</CardDescription>
            <CardTitle className="text-2xl tabular-nums" data-testid={`total-${k}`}>
              {v}
            </CardTitle>
          </CardHeader>
        </Card>
      ))}
    </div>
  );
}

function ByRegulation({ d }: { d: TComplianceDashboard }) {
  const { t } = useTranslation();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('regulations.byRegulation')}</CardTitle>
        <CardDescription>{t('regulations.byRegulationHelp')}</CardDescription>
      </CardHeader>
      <CardContent>
        {d.regulations.length ? (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t('regulations.code')}</TableHead>
                <TableHead>{t('regulations.titleCol')}</TableHead>
                <TableHead>{t('regulations.statusCol')}</TableHead>
                <TableHead>{t('regulations.score')}</TableHead>
                <TableHead>{t('regulations.breakdown')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {d.regulations.map((r) => (
                <TableRow key={r.regulation.id}>
                  <TableCell>
                    <Link to="/kepatuhan/$regulationId" params={{ regulationId: r.regulation.id }} className="font-medium text-primary hover:underline">
                      {r.regulation.code}
                    </Link>
                  </TableCell>
                  <TableCell className="max-w-md whitespace-normal">{r.regulation.title}</TableCell>
                  <TableCell>
                    <StatusBadge status={r.status} />
                  </TableCell>
                  <TableCell>
                    <ScoreBar score={r.counts.score} />
                  </TableCell>
                  <TableCell className="text-xs text-muted-foreground">{t('regulations.breakdownText', r.counts)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <p className="text-sm text-muted-foreground">
            {t('regulations.noneBound')}{' '}
            <Link to="/regulasi" className="text-primary hover:underline">
              {t('regulations.openLibrary')}
            </Link>
          </p>
        )}
      </CardContent>
    </Card>
  );
}

function DueThisMonth({ d }: { d: TComplianceDashboard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('regulations.dueThisMonth')}</CardTitle>
        <CardDescription>{t('regulations.dueThisMonthHelp')}</CardDescription>
      </CardHeader>
      <CardContent>
        {d.dueThisMonth.length || d.expiringAttestations.length ? (
          <ul className="flex flex-col gap-2 text-sm">
            {d.dueThisMonth.map((x) => (
              <li key={x.obligationId} className="flex flex-col gap-1 rounded-md border p-2">
                <span>
                  <Link to="/kepatuhan/$regulationId" params={{ regulationId: x.regulationId }} className="font-medium text-primary hover:underline">
                    {x.regulationCode} {x.article ? `Pasal ${x.article}` : ''}
                  </Link>{' '}
                  — {x.text}
                </span>
                <span className="text-xs text-muted-foreground">{x.reason[lang]}</span>
              </li>
            ))}
            {d.expiringAttestations
              .filter((a) => !d.dueThisMonth.some((x) => x.obligationId === a.obligationId))
              .map((a) => (
                <li key={a.id} className="rounded-md border p-2">
                  {t('regulations.attestationExpiring', { code: a.regulationCode, article: a.article ?? '-', date: a.expiresOn })} — {a.obligationText}
                </li>
              ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{t('regulations.nothingDue')}</p>
        )}
      </CardContent>
    </Card>
  );
}

export const dashboardSections: DashboardSection[] = [
  { key: 'totals', render: (d) => <Totals d={d} /> },
  { key: 'due', render: (d) => <DueThisMonth d={d} /> },
  { key: 'regulations', render: (d) => <ByRegulation d={d} /> },
];

/** /kepatuhan — the GRC dashboard: compliance by regulation and what is due this month. */
export function ComplianceDashboardPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['compliance', 'dashboard'], queryFn: regulationsApi.dashboard });
  return (
    <div>
      <PageHeader title={t('regulations.complianceTitle')} description={t('regulations.complianceDescription')} />
      {q.isLoading ? <Skeleton className="h-64 w-full" /> : null}
      {q.error ? <p role="alert">{errorText(q.error)}</p> : null}
      {q.data ? (
        <div className="flex flex-col gap-4">
          {dashboardSections.map((s) => (
            <section key={s.key} aria-label={s.key}>
              {s.render(q.data)}
            </section>
          ))}
        </div>
      ) : null}
    </div>
  );
}
