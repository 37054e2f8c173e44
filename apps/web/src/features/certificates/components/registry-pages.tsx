import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Plus } from 'lucide-react';
import { complaintCategories, complaintStatuses, type TComplaint, type TRevocation } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast, useConfirm } from '@/components/form';
import { useMe, usePermission } from '@/lib/auth';
import { certApi, currentYear, formatDate, formatDateTime } from '../api';
import { StatusBadge, YearSelect } from './shared';

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

/** /sertifikat/pengaduan — problems and complaints (K11, K12). */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const isDinas = usePermission('certificates.manage') && !!me?.roles.some((r) => r.opdId === null);
  const q = useQuery({
    queryKey: ['certificates', 'complaints'],
    queryFn: () => certApi.complaints(),
  });
  const ops = useQuery({
    queryKey: ['certificates', 'operators'],
    queryFn: () => certApi.operators(),
    meta: { silent: true },
    retry: false,
  });
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState({
    category: 'technical',
    subject: '',
    description: '',
    aboutOperatorUserId: '',
  });
  const [handle, setHandle] = React.useState<TComplaint | null>(null);
  const [h, setH] = React.useState({
    status: 'in_progress',
    response: '',
    providerReference: '',
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['certificates', 'complaints'] });
  const create = useMutation({
    mutationFn: () =>
      certApi.createComplaint({
        ...form,
        category: form.category as any,
        aboutOperatorUserId: form.category === 'operator' ? form.aboutOperatorUserId || null : null,
      }),
    onSuccess: () => (refresh(), setOpen(false), toast.success(t('certificates.complaint.sent'))),
  });
  const update = useMutation({
    mutationFn: () =>
      certApi.updateComplaint(handle!.id, {
        status: h.status as any,
        response: h.response || null,
        providerReference: h.providerReference || null,
      }),
    onSuccess: () => (refresh(), setHandle(null), toast.success(t('certificates.complaint.updated'))),
  });
  return (
    <div className="grid gap-5">
      <PageHeader
        title={t('certificates.complaint.title')}
        description={t('certificates.complaint.description')}
        actions={
          <Button onClick={() => setOpen(true)}>
            <Plus />
            {t('certificates.complaint.add')}
          </Button>
        }
      />
      <Card>
        <CardContent className="pt-6">
          <Table aria-label={t('certificates.complaint.title')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('certificates.field.number')}</TableHead>
                <TableHead>{t('certificates.complaint.category')}</TableHead>
                <TableHead>{t('certificates.complaint.subject')}</TableHead>
                <TableHead>{t('certificates.field.status')}</TableHead>
                <TableHead>{t('certificates.complaint.response')}</TableHead>
                <TableHead>
                  <span className="sr-only">{t('common.actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(q.data ?? []).map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{c.number}</TableCell>
                  <TableCell>
                    {t(`certificates.category.${c.category}`)}
                    {c.aboutOperatorName ? <div className="text-xs text-muted-foreground">{c.aboutOperatorName}</div> : null}
                  </TableCell>
                  <TableCell>
                    {c.subject}
                    <div className="text-xs text-muted-foreground">
                      {c.raisedByName} · {formatDateTime(c.createdAt)}
                    </div>
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={c.status} />
                  </TableCell>
                  <TableCell className="text-sm">
                    {c.response ?? '—'}
                    {c.providerReference ? <div className="text-xs text-muted-foreground">BSrE: {c.providerReference}</div> : null}
                  </TableCell>
                  <TableCell className="text-right">
                    {isDinas && c.aboutOperatorUserId !== me?.userId ? (
                      <Button
                        size="sm"
                        variant="outline"
                        onClick={() => (
                          setHandle(c),
                          setH({
                            status: c.status,
                            response: c.response ?? '',
                            providerReference: c.providerReference ?? '',
                          })
                        )}
                      >
                        {t('certificates.complaint.handle')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t('certificates.complaint.add')}</DialogTitle>
          </DialogHeader>
          <Label htmlFor="cmp-cat">{t('certificates.complaint.category')}</Label>
          <NativeSelect id="cmp-cat" value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
            {complaintCategories.map((c) => (
              <option key={c} value={c}>
                {t(`certificates.category.${c}`)}
              </option>
            ))}
          </NativeSelect>
          {form.category === 'operator' ? (
            <>
              <Label htmlFor="cmp-op">{t('certificates.complaint.operator')}</Label>
              <NativeSelect id="cmp-op" value={form.aboutOperatorUserId} onChange={(e) => setForm({ ...form, aboutOperatorUserId: e.target.value })}>
                <option value="">—</option>
                {(ops.data ?? [])
                  .filter((o) => o.active)
                  .map((o) => (
                    <option key={o.id} value={o.userId}>
                      {o.userName}
                    </option>
                  ))}
              </NativeSelect>
            </>
          ) : null}
          <Label htmlFor="cmp-subject">{t('certificates.complaint.subject')}</Label>
          <Input id="cmp-subject" value={form.subject} onChange={(e) => setForm({ ...form, subject: e.target.value })} />
          <Label htmlFor="cmp-desc">{t('certificates.complaint.details')}</Label>
          <Textarea id="cmp-desc" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} rows={4} />
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button disabled={!form.subject.trim() || !form.description.trim() || create.isPending} onClick={() => create.mutate()}>
              {t('certificates.complaint.send')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <Dialog open={!!handle} onOpenChange={(o) => (o ? null : setHandle(null))}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t('certificates.complaint.handle')}</DialogTitle>
          </DialogHeader>
          <Label htmlFor="h-status">{t('certificates.field.status')}</Label>
          <NativeSelect id="h-status" value={h.status} onChange={(e) => setH({ ...h, status: e.target.value })}>
            {complaintStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`certificates.status.${s}`)}
              </option>
            ))}
          </NativeSelect>
          <Label htmlFor="h-resp">{t('certificates.complaint.response')}</Label>
          <Textarea id="h-resp" value={h.response} onChange={(e) => setH({ ...h, response: e.target.value })} />
          <Label htmlFor="h-ref">{t('certificates.complaint.providerReference')}</Label>
          <Input id="h-ref" value={h.providerReference} onChange={(e) => setH({ ...h, providerReference: e.target.value })} />
          <DialogFooter>
            <Button variant="outline" onClick={() => setHandle(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => update.mutate()} disabled={update.isPending}>
              {t('common.save')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

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
