import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from '@tanstack/react-router';
import { List, Plus } from 'lucide-react';
import { secopsFunctions } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { usePermission } from '@/lib/auth';
import { cn } from '@/lib/utils';
import { secopsApi } from '../api';
import { ActivityDialog } from './dialogs';
import { tgl } from './fields';

/** D13 assurance overview: per application / area and function, the last activity and open findings; gaps in red. */
export function OverviewPage() {
  const { t } = useTranslation();
  const canManage = usePermission('secops.manage');
  const [adding, setAdding] = React.useState(false);
  const [onlyGaps, setOnlyGaps] = React.useState(false);
  const ov = useQuery({ queryKey: ['secops', 'overview'], queryFn: () => secopsApi.overview() });
  const rows = (ov.data?.rows ?? []).filter((r) => !onlyGaps || r.gaps > 0);
  return (
    <div>
      <PageHeader
        title={t('secops.overview.title')}
        description={t('secops.overview.description')}
        actions={
          <div className="flex gap-2">
            <Button variant="outline" asChild>
              <Link to="/operasi-keamanan/kegiatan">
                <List />
                {t('secops.overview.activities')}
              </Link>
            </Button>
            {canManage ? (
              <Button onClick={() => setAdding(true)}>
                <Plus />
                {t('secops.activity.add')}
              </Button>
            ) : null}
          </div>
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-4 text-sm text-muted-foreground">
        {ov.data ? <span>{t('secops.overview.since', { date: tgl(ov.data.since) })}</span> : null}
        <div className="flex items-center gap-2">
          <Checkbox id="secops-gaps" checked={onlyGaps} onCheckedChange={(v) => setOnlyGaps(v === true)} />
          <Label htmlFor="secops-gaps">{t('secops.overview.onlyGaps')}</Label>
        </div>
      </div>
      <Table aria-label={t('secops.overview.title')}>
        <TableHeader>
          <TableRow>
            <TableHead>{t('secops.overview.target')}</TableHead>
            {secopsFunctions.map((f) => (
              <TableHead key={f}>{t(`secops.function.${f}`)}</TableHead>
            ))}
            <TableHead>{t('secops.overview.openFindings')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={`${r.targetKind}:${r.targetId}`}>
              <TableCell>
                <div className="font-medium">{r.label}</div>
                <div className="text-xs text-muted-foreground">
                  {t(`secops.targetKind.${r.targetKind}`)}
                  {r.opdName ? ` · ${r.opdName}` : ''}
                  {r.category ? ` · ${t(`secops.category.${r.category}`)}` : ''}
                </div>
              </TableCell>
              {r.functions.map((f) => (
                <TableCell key={f.function} className={cn('whitespace-nowrap text-sm', f.gap && 'bg-destructive/10 text-destructive')} title={f.gap ? t('secops.overview.gap') : undefined}>
                  {f.lastDate ? tgl(f.lastDate) : '—'}
                </TableCell>
              ))}
              <TableCell>
                {r.openFindings ? <Badge variant="warning">{r.openFindings}</Badge> : <span className="text-muted-foreground">0</span>}
                {r.overdueFindings ? (
                  <Badge variant="destructive" className="ml-1">
                    {r.overdueFindings} {t('secops.overview.overdue')}
                  </Badge>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
          {ov.data && rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={7} className="text-center text-muted-foreground">
                {t('secops.empty')}
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
      <ActivityDialog open={adding} activity={null} onClose={() => setAdding(false)} />
    </div>
  );
}
