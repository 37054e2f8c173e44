import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/form';
import { useMe, usePermission } from '@/lib/auth';
import { certApi, currentYear, formatDate } from '../api';
import { YearSelect } from './shared';

/** /sertifikat/statistik — yearly figures per OPD (K13), export and the yearly report record. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const isDinas = usePermission('certificates.manage') && !!me?.roles.some((r) => r.opdId === null);
  const [year, setYear] = React.useState(currentYear());
  const q = useQuery({
    queryKey: ['certificates', 'stats', year],
    queryFn: () => certApi.statistics(year),
  });
  const evals = useQuery({
    queryKey: ['certificates', 'evaluations'],
    queryFn: () => certApi.evaluations(),
  });
  const ops = useQuery({
    queryKey: ['certificates', 'operators'],
    queryFn: () => certApi.operators(),
  });
  const agreements = useQuery({
    queryKey: ['certificates', 'agreements'],
    queryFn: () => certApi.agreements(),
  });
  const current = evals.data?.find((e) => e.year === year);
  const [f, setF] = React.useState({
    letterNumber: '',
    head: '',
    bssn: '',
    summary: '',
  });
  React.useEffect(() => {
    setF({
      letterNumber: current?.letterNumber ?? '',
      head: current?.reportedToHeadAt ?? '',
      bssn: current?.reportedToBssnAt ?? '',
      summary: current?.summary ?? '',
    });
  }, [current]);
  const save = useMutation({
    mutationFn: () =>
      certApi.saveEvaluation({
        year,
        letterNumber: f.letterNumber,
        reportedToHeadAt: f.head || null,
        reportedToBssnAt: f.bssn || null,
        summary: f.summary || null,
      }),
    onSuccess: () => (void qc.invalidateQueries({ queryKey: ['certificates', 'evaluations'] }), toast.success(t('certificates.stats.saved'))),
  });
  const cols = ['issued', 'active', 'revoked', 'expired', 'renewed', 'signatures'] as const;
  return (
    <div className="grid gap-5">
      <PageHeader
        title={t('certificates.stats.title')}
        description={t('certificates.stats.description')}
        actions={
          <>
            <YearSelect value={year} onChange={setYear} />
            <Button asChild variant="outline">
              <a href={certApi.statisticsExportUrl(year, 'xlsx')} download>
                {t('table.exportExcel')}
              </a>
            </Button>
          </>
        }
      />
      <Card>
        <CardContent className="pt-6">
          <Table aria-label={t('certificates.stats.title')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('certificates.field.opd')}</TableHead>
                {cols.map((c) => (
                  <TableHead key={c}>{t(`certificates.stats.${c}`)}</TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {(q.data?.rows ?? []).map((r) => (
                <TableRow key={r.opdId}>
                  <TableCell>{r.opdName}</TableCell>
                  {cols.map((c) => (
                    <TableCell key={c}>{r[c] ?? '—'}</TableCell>
                  ))}
                </TableRow>
              ))}
              {q.data ? (
                <TableRow className="font-semibold">
                  <TableCell>{t('certificates.stats.total')}</TableCell>
                  {cols.map((c) => (
                    <TableCell key={c}>{q.data.totals[c] ?? '—'}</TableCell>
                  ))}
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('certificates.stats.report', { year })}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2">
            <Label htmlFor="ev-letter">{t('certificates.stats.letter')}</Label>
            <Input id="ev-letter" value={f.letterNumber} disabled={!isDinas} onChange={(e) => setF({ ...f, letterNumber: e.target.value })} />
            <Label htmlFor="ev-head">{t('certificates.stats.toHead')}</Label>
            <Input id="ev-head" type="date" value={f.head} disabled={!isDinas} onChange={(e) => setF({ ...f, head: e.target.value })} />
            <Label htmlFor="ev-bssn">{t('certificates.stats.toBssn')}</Label>
            <Input id="ev-bssn" type="date" value={f.bssn} disabled={!isDinas} onChange={(e) => setF({ ...f, bssn: e.target.value })} />
            <Label htmlFor="ev-sum">{t('certificates.stats.summary')}</Label>
            <Textarea id="ev-sum" value={f.summary} disabled={!isDinas} onChange={(e) => setF({ ...f, summary: e.target.value })} />
            {isDinas ? (
              <div>
                <Button disabled={!f.letterNumber.trim() || save.isPending} onClick={() => save.mutate()}>
                  {t('common.save')}
                </Button>
              </div>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('certificates.ra.operatorsTitle')}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <ul className="grid gap-1">
              {(ops.data ?? []).map((o) => (
                <li key={o.id}>
                  <span className="font-medium">{o.userName}</span> — {o.decreeNumber} ({formatDate(o.decreeDate)}) ·{' '}
                  {o.active
                    ? o.raCertValid
                      ? t('certificates.ra.valid', {
                          until: formatDate(o.raCertNotAfter),
                        })
                      : t('certificates.ra.invalid')
                    : t('certificates.ra.ended')}
                </li>
              ))}
            </ul>
            <div className="font-medium">{t('certificates.ra.agreements')}</div>
            <ul className="grid gap-1">
              {(agreements.data ?? []).map((a) => (
                <li key={a.id}>
                  {a.provider} — {a.agreementNumber} ({formatDate(a.signedOn)} – {formatDate(a.validUntil)})
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
