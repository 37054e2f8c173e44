import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from '@tanstack/react-router';
import { Plus } from 'lucide-react';
import { secopsFunctions } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { usePermission } from '@/lib/auth';
import { secopsApi } from '../api';
import { ActivityDialog } from './dialogs';
import { Pager, tgl } from './fields';

/** D13 activity list with search, function filter and paging. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = usePermission('secops.manage');
  const [q, setQ] = React.useState('');
  const [fn, setFn] = React.useState('');
  const [page, setPage] = React.useState(1);
  const [adding, setAdding] = React.useState(false);
  const pageSize = 25;
  const list = useQuery({ queryKey: ['secops', 'activities', q, fn, page], queryFn: () => secopsApi.activities({ q: q || undefined, function: fn || undefined, page, pageSize }) });
  return (
    <div>
      <PageHeader
        title={t('secops.activity.title')}
        description={t('secops.activity.description')}
        actions={
          canManage ? (
            <Button onClick={() => setAdding(true)}>
              <Plus />
              {t('secops.activity.add')}
            </Button>
          ) : null
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <Input className="max-w-xs" placeholder={t('secops.search')} aria-label={t('secops.search')} value={q} onChange={(e) => (setQ(e.target.value), setPage(1))} />
        <select aria-label={t('secops.activity.function')} value={fn} onChange={(e) => (setFn(e.target.value), setPage(1))} className="h-9 rounded-md border border-input bg-background px-2 text-sm shadow-sm">
          <option value="">{`${t('secops.activity.function')}: ${t('secops.all')}`}</option>
          {secopsFunctions.map((f) => (
            <option key={f} value={f}>
              {t(`secops.function.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('secops.activity.date')}</TableHead>
            <TableHead>{t('secops.activity.target')}</TableHead>
            <TableHead>{t('secops.activity.function')}</TableHead>
            <TableHead>{t('secops.activity.kind')}</TableHead>
            <TableHead>{t('secops.activity.executor')}</TableHead>
            <TableHead>{t('secops.overview.openFindings')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(list.data?.items ?? []).map((a) => (
            <TableRow key={a.id}>
              <TableCell className="whitespace-nowrap">{tgl(a.performedOn)}</TableCell>
              <TableCell>
                <Link to="/operasi-keamanan/kegiatan/$activityId" params={{ activityId: a.id }} className="font-medium text-primary hover:underline">
                  {a.targetLabel}
                </Link>
                <div className="text-xs text-muted-foreground">{[a.title, a.opdName].filter(Boolean).join(' · ')}</div>
              </TableCell>
              <TableCell>{t(`secops.function.${a.function}`)}</TableCell>
              <TableCell>{t(`secops.kind.${a.kind}`)}</TableCell>
              <TableCell>{a.executor === 'third_party' ? a.executorName : t('secops.executor.internal')}</TableCell>
              <TableCell>{a.openFindings ? <Badge variant="warning">{a.openFindings}</Badge> : '0'}</TableCell>
            </TableRow>
          ))}
          {list.data?.items.length === 0 ? (
            <TableRow>
              <TableCell colSpan={6} className="text-center text-muted-foreground">
                {t('secops.empty')}
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
      {list.data ? <Pager page={page} pageSize={pageSize} total={list.data.total} onPage={setPage} /> : null}
      <ActivityDialog open={adding} activity={null} onClose={() => setAdding(false)} onSaved={(a) => void navigate({ to: '/operasi-keamanan/kegiatan/$activityId', params: { activityId: a.id } })} />
    </div>
  );
}
