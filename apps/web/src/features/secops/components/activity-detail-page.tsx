import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { ArrowLeft, Pencil, Plus, Trash2 } from 'lucide-react';
import type { TSecopsFinding } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { secopsApi } from '../api';
import { AcceptDialog, ActivityDialog, FindingDialog } from './dialogs';
import { FindingActions } from './finding-actions';
import { FindingStatusBadge, SeverityBadge, tgl } from './fields';
import { fileHref } from '@/components/file-field';

/** One activity with its findings; findings are added and moved through their statuses here. */
export function ActivityDetailPage() {
  const { t } = useTranslation();
  const { activityId } = useParams({ strict: false }) as { activityId: string };
  const navigate = useNavigate();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canManage = usePermission('secops.manage');
  const [editing, setEditing] = React.useState(false);
  const [findingDialog, setFindingDialog] = React.useState<{ finding: TSecopsFinding | null } | null>(null);
  const [accepting, setAccepting] = React.useState<TSecopsFinding | null>(null);
  const q = useQuery({ queryKey: ['secops', 'activity', activityId], queryFn: () => secopsApi.activity(activityId) });
  const remove = useMutation({
    mutationFn: () => secopsApi.deleteActivity(activityId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['secops'] });
      toast.success(t('secops.deleted'));
      void navigate({ to: '/operasi-keamanan/kegiatan' });
    },
  });
  const a = q.data;
  if (!a) return null;
  const rows: [string, React.ReactNode][] = [
    [t('secops.activity.target'), `${a.targetLabel} (${t(`secops.targetKind.${a.targetKind}`)}${a.opdName ? ` · ${a.opdName}` : ''})`],
    [t('secops.activity.function'), t(`secops.function.${a.function}`)],
    [t('secops.activity.kind'), t(`secops.kind.${a.kind}`)],
    [t('secops.activity.date'), tgl(a.performedOn)],
    [t('secops.activity.executor'), a.executor === 'third_party' ? `${t('secops.executor.third_party')}: ${a.executorName}` : t('secops.executor.internal')],
    [t('secops.activity.scope'), a.scope || '—'],
    [t('secops.activity.result'), a.result || '—'],
    [
      t('secops.activity.report'),
      a.reportFileId ? (
        <a className="text-primary hover:underline" href={fileHref(a.reportFileId)} target="_blank" rel="noreferrer">
          {t('secops.file.open')}
        </a>
      ) : (
        '—'
      ),
    ],
  ];
  return (
    <div>
      <Link to="/operasi-keamanan/kegiatan" className="mb-2 inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline">
        <ArrowLeft className="size-4" />
        {t('secops.activity.back')}
      </Link>
      <PageHeader
        title={`${t(`secops.kind.${a.kind}`)} — ${a.targetLabel}`}
        description={a.title ?? undefined}
        actions={
          canManage ? (
            <div className="flex gap-2">
              <Button variant="outline" onClick={() => setEditing(true)}>
                <Pencil />
                {t('secops.edit')}
              </Button>
              <Button
                variant="outline"
                onClick={async () => {
                  if (await confirm({ title: t('secops.activity.deleteTitle', { name: a.targetLabel }), description: t('secops.activity.deleteHint'), confirmLabel: t('secops.delete') })) remove.mutate();
                }}
              >
                <Trash2 />
                {t('secops.delete')}
              </Button>
            </div>
          ) : null
        }
      />
      <Card className="mb-4">
        <CardContent className="pt-4">
          <dl className="grid gap-x-6 gap-y-2 text-sm md:grid-cols-[12rem_1fr]">
            {rows.map(([k, v]) => (
              <React.Fragment key={k}>
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="whitespace-pre-wrap">{v}</dd>
              </React.Fragment>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex flex-row items-center justify-between">
          <CardTitle>{t('secops.activity.findings')}</CardTitle>
          {canManage ? (
            <Button size="sm" onClick={() => setFindingDialog({ finding: null })}>
              <Plus />
              {t('secops.finding.add')}
            </Button>
          ) : null}
        </CardHeader>
        <CardContent>
          <Table aria-label={t('secops.activity.findings')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('secops.finding.name')}</TableHead>
                <TableHead>{t('secops.finding.severity')}</TableHead>
                <TableHead>{t('secops.finding.owner')}</TableHead>
                <TableHead>{t('secops.finding.due')}</TableHead>
                <TableHead>{t('secops.finding.status')}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {(a.findings ?? []).map((f) => (
                <TableRow key={f.id}>
                  <TableCell>
                    <div className="font-medium">{f.title}</div>
                    {f.acceptedReason ? <div className="text-xs text-muted-foreground">{f.acceptedReason}</div> : null}
                  </TableCell>
                  <TableCell>
                    <SeverityBadge severity={f.severity} />
                  </TableCell>
                  <TableCell>{f.ownerName ?? f.ownerText ?? '—'}</TableCell>
                  <TableCell className="whitespace-nowrap">{tgl(f.dueDate)}</TableCell>
                  <TableCell>
                    <FindingStatusBadge status={f.status} overdue={f.overdue} />
                  </TableCell>
                  <TableCell>{canManage ? <FindingActions finding={f} onEdit={() => setFindingDialog({ finding: f })} onAccept={() => setAccepting(f)} /> : null}</TableCell>
                </TableRow>
              ))}
              {a.findings?.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={6} className="text-center text-muted-foreground">
                    {t('secops.empty')}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <ActivityDialog open={editing} activity={a} onClose={() => setEditing(false)} />
      <FindingDialog open={!!findingDialog} activityId={a.id} finding={findingDialog?.finding ?? null} onClose={() => setFindingDialog(null)} />
      <AcceptDialog finding={accepting} onClose={() => setAccepting(null)} />
    </div>
  );
}
