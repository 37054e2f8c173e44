import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TRevocation } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { FormErrors, toast, useConfirm } from '@/components/form';
import { usePermission } from '@/lib/auth';
import { certApi, formatDate, formatDateTime } from '../api';
import { StatusBadge } from './shared';

/** /sertifikat/pencabutan — revocation requests, decisions and incident reports (K9, I2). */
export function RevocationsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const canRevoke = usePermission('certificates.revoke');
  const q = useQuery({
    queryKey: ['certificates', 'revocations'],
    queryFn: () => certApi.revocations(),
  });
  const [report, setReport] = React.useState<TRevocation | null>(null);
  const [form, setForm] = React.useState({ head: '', bssn: '', ref: '' });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['certificates'] });
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: 'revoke' | 'reject'; note?: string }) => certApi.decideRevocation(v.id, v),
    onSuccess: () => (refresh(), toast.success(t('certificates.rev.decided'))),
  });
  const save = useMutation({
    mutationFn: () =>
      certApi.incidentReport(report!.id, {
        reportedToHeadAt: form.head ? new Date(form.head).toISOString() : null,
        reportedToBssnAt: form.bssn ? new Date(form.bssn).toISOString() : null,
        bssnReference: form.ref || null,
      }),
    onSuccess: () => (refresh(), setReport(null), toast.success(t('certificates.rev.reportSaved'))),
  });
  const askRevoke = async (r: TRevocation) => {
    if (
      await confirm({
        title: t('certificates.cert.revokeTitle'),
        description: `${r.subjectDn} — ${t(`certificates.reason.${r.reason}`)}`,
        confirmLabel: t('certificates.cert.revoke'),
      })
    )
      decide.mutate({ id: r.id, decision: 'revoke' });
  };
  const askReject = async (r: TRevocation) => {
    const note = window.prompt(t('certificates.rev.rejectReason')) ?? '';
    if (note.trim()) decide.mutate({ id: r.id, decision: 'reject', note });
  };
  return (
    <div className="grid gap-5">
      <PageHeader title={t('certificates.rev.title')} description={t('certificates.rev.description')} />
      <Card>
        <CardContent className="pt-6">
          <Table aria-label={t('certificates.rev.title')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('certificates.field.subject')}</TableHead>
                <TableHead>{t('certificates.field.reason')}</TableHead>
                <TableHead>{t('certificates.rev.source')}</TableHead>
                <TableHead>{t('certificates.field.status')}</TableHead>
                <TableHead>{t('certificates.rev.incident')}</TableHead>
                <TableHead>
                  <span className="sr-only">{t('common.actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(q.data ?? []).map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    {r.subjectDn}
                    <div className="text-xs text-muted-foreground">
                      {r.holderName} · {formatDateTime(r.createdAt)}
                    </div>
                    <div className="text-xs">{r.details}</div>
                  </TableCell>
                  <TableCell>{t(`certificates.reason.${r.reason}`)}</TableCell>
                  <TableCell>{t(`certificates.rev.from.${r.source}`)}</TableCell>
                  <TableCell>
                    <StatusBadge status={r.status} />
                  </TableCell>
                  <TableCell className="text-xs">
                    {r.reason === 'keyCompromise'
                      ? r.reportedToBssnAt
                        ? `${t('certificates.rev.reported')} ${formatDate(r.reportedToBssnAt)} (${r.bssnReference ?? '—'})`
                        : t('certificates.rev.notReported')
                      : '—'}
                  </TableCell>
                  <TableCell className="space-x-1 text-right">
                    {canRevoke && r.status === 'requested' ? (
                      <>
                        <Button size="sm" variant="destructive" onClick={() => void askRevoke(r)}>
                          {t('certificates.cert.revoke')}
                        </Button>
                        <Button size="sm" variant="outline" onClick={() => void askReject(r)}>
                          {t('certificates.rev.reject')}
                        </Button>
                      </>
                    ) : null}
                    {canRevoke && r.status === 'revoked' ? (
                      <Button
                        size="sm"
                        variant="outline"
                        onClick={() => (
                          setReport(r),
                          setForm({
                            head: r.reportedToHeadAt?.slice(0, 16) ?? '',
                            bssn: r.reportedToBssnAt?.slice(0, 16) ?? '',
                            ref: r.bssnReference ?? '',
                          })
                        )}
                      >
                        {t('certificates.rev.recordReport')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
              {q.data && !q.data.length ? (
                <TableRow>
                  <TableCell colSpan={6} className="text-center text-muted-foreground">
                    {t('certificates.rev.empty')}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Dialog open={!!report} onOpenChange={(o) => (o ? null : setReport(null))}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t('certificates.rev.recordReport')}</DialogTitle>
            <DialogDescription>{t('certificates.rev.reportHelp')}</DialogDescription>
          </DialogHeader>
          <Label htmlFor="rep-head">{t('certificates.rev.toHead')}</Label>
          <Input id="rep-head" type="datetime-local" value={form.head} onChange={(e) => setForm({ ...form, head: e.target.value })} />
          <Label htmlFor="rep-bssn">{t('certificates.rev.toBssn')}</Label>
          <Input id="rep-bssn" type="datetime-local" value={form.bssn} onChange={(e) => setForm({ ...form, bssn: e.target.value })} />
          <Label htmlFor="rep-ref">{t('certificates.rev.reference')}</Label>
          <Input id="rep-ref" value={form.ref} onChange={(e) => setForm({ ...form, ref: e.target.value })} />
          <FormErrors error={save.error} />
          <DialogFooter>
            <Button variant="outline" onClick={() => setReport(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => save.mutate()} disabled={save.isPending}>
              {t('common.save')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
