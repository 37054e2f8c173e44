import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from '@tanstack/react-router';
import { secopsFindingStatuses, secopsSeverities, type TSecopsFinding } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { ExportButtons } from '@/components/data-table/export-buttons';
import { Checkbox } from '@/components/ui/checkbox';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { usePermission } from '@/lib/auth';
import { secopsApi } from '../api';
import { AcceptDialog } from './dialogs';
import { FindingActions } from './finding-actions';
import { FindingStatusBadge, Pager, SeverityBadge, tgl } from './fields';

/** D13 findings across all activities: filters, overdue view, Excel export and status actions. */
export function FindingsPage() {
  const { t } = useTranslation();
  const canManage = usePermission('secops.manage');
  const [q, setQ] = React.useState('');
  const [status, setStatus] = React.useState('');
  const [severity, setSeverity] = React.useState('');
  const [overdue, setOverdue] = React.useState(false);
  const [open, setOpen] = React.useState(false);
  const [page, setPage] = React.useState(1);
  const [accepting, setAccepting] = React.useState<TSecopsFinding | null>(null);
  const pageSize = 25;
  const filters = { q: q || undefined, status: status || undefined, severity: severity || undefined, overdue: overdue ? 'true' : undefined, open: open ? 'true' : undefined };
  const list = useQuery({ queryKey: ['secops', 'findings', filters, page], queryFn: () => secopsApi.findings({ ...filters, page, pageSize }) });
  const sel = (label: string, value: string, set: (v: string) => void, values: readonly string[], prefix: string) => (
    <select aria-label={label} value={value} onChange={(e) => (set(e.target.value), setPage(1))} className="h-9 rounded-md border border-input bg-background px-2 text-sm shadow-sm">
      <option value="">{`${label}: ${t('secops.all')}`}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`${prefix}.${v}`)}
        </option>
      ))}
    </select>
  );
  return (
    <div>
      <PageHeader title={t('secops.finding.title')} description={t('secops.finding.description')} />
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <Input className="max-w-xs" placeholder={t('secops.search')} aria-label={t('secops.search')} value={q} onChange={(e) => (setQ(e.target.value), setPage(1))} />
        {sel(t('secops.finding.status'), status, setStatus, secopsFindingStatuses, 'secops.status')}
        {sel(t('secops.finding.severity'), severity, setSeverity, secopsSeverities, 'secops.severity')}
        <div className="flex items-center gap-2">
          <Checkbox id="secops-overdue" checked={overdue} onCheckedChange={(v) => (setOverdue(v === true), setPage(1))} />
          <Label htmlFor="secops-overdue">{t('secops.finding.onlyOverdue')}</Label>
        </div>
        <div className="flex items-center gap-2">
          <Checkbox id="secops-open" checked={open} onCheckedChange={(v) => (setOpen(v === true), setPage(1))} />
          <Label htmlFor="secops-open">{t('secops.finding.onlyOpen')}</Label>
        </div>
        <div className="ml-auto">
          <ExportButtons endpoint="/api/secops/findings" params={filters} />
        </div>
      </div>
      <Table aria-label={t('secops.finding.title')}>
        <TableHeader>
          <TableRow>
            <TableHead>{t('secops.finding.name')}</TableHead>
            <TableHead>{t('secops.finding.severity')}</TableHead>
            <TableHead>{t('secops.finding.target')}</TableHead>
            <TableHead>{t('secops.finding.owner')}</TableHead>
            <TableHead>{t('secops.finding.due')}</TableHead>
            <TableHead>{t('secops.finding.status')}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {(list.data?.items ?? []).map((f) => (
            <TableRow key={f.id}>
              <TableCell>
                <Link to="/operasi-keamanan/kegiatan/$activityId" params={{ activityId: f.activityId }} className="font-medium text-primary hover:underline">
                  {f.title}
                </Link>
                <div className="text-xs text-muted-foreground">
                  {t(`secops.kind.${f.activityKind}`)} · {tgl(f.performedOn)}
                </div>
              </TableCell>
              <TableCell>
                <SeverityBadge severity={f.severity} />
              </TableCell>
              <TableCell>{f.targetLabel}</TableCell>
              <TableCell>{f.ownerName ?? f.ownerText ?? '—'}</TableCell>
              <TableCell className="whitespace-nowrap">{tgl(f.dueDate)}</TableCell>
              <TableCell>
                <FindingStatusBadge status={f.status} overdue={f.overdue} />
              </TableCell>
              <TableCell>{canManage ? <FindingActions finding={f} onAccept={() => setAccepting(f)} /> : null}</TableCell>
            </TableRow>
          ))}
          {list.data?.items.length === 0 ? (
            <TableRow>
              <TableCell colSpan={7} className="text-center text-muted-foreground">
                {t('secops.empty')}
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
      {list.data ? <Pager page={page} pageSize={pageSize} total={list.data.total} onPage={setPage} /> : null}
      <AcceptDialog finding={accepting} onClose={() => setAccepting(null)} />
    </div>
  );
}
