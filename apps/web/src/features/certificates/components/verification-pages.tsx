import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Check, KeyRound, X } from 'lucide-react';
import { verificationChecklist } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast, useConfirm } from '@/components/form';
import { errorText } from '@/lib/api';
import { certApi, formatDate, formatDateTime } from '../api';
import { generateKey, storeNonExtractable } from '../keys';
import { ApplicationSummary, DocumentsList, Timeline } from './application-page';
import { StatusBadge } from './shared';

/** The operator's own standing: appointed (decree) and holding a valid RA certificate (P20). */
function RaStatusCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useQuery({
    queryKey: ['certificates', 'ra-me'],
    queryFn: () => certApi.myOperator(),
  });
  const [busy, setBusy] = React.useState(false);
  if (!me.data) return null;
  const getCert = async () => {
    setBusy(true);
    try {
      const key = await generateKey('ECDSA');
      const op = await certApi.issueRaCertificate(key.spki);
      await storeNonExtractable({ serialHex: op.raCertSerial ?? op.id, certPem: '' }, key, `RA ${op.userName ?? ''}`.trim(), 'persada-ra-keys').catch(() => false);
      toast.success(t('certificates.ra.certIssued'));
      await qc.invalidateQueries({ queryKey: ['certificates', 'ra-me'] });
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const op = me.data.operator;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('certificates.ra.statusTitle')}</CardTitle>
        <CardDescription>
          {!me.data.appointed
            ? t('certificates.ra.notAppointed')
            : me.data.certificateValid
              ? t('certificates.ra.ready', {
                  decree: op?.decreeNumber,
                  until: formatDate(op?.raCertNotAfter),
                })
              : t('certificates.ra.noCertificate', {
                  decree: op?.decreeNumber,
                })}
        </CardDescription>
      </CardHeader>
      {me.data.appointed && !me.data.certificateValid ? (
        <CardContent>
          <Button onClick={() => void getCert()} disabled={busy}>
            <KeyRound />
            {t('certificates.ra.getCertificate')}
          </Button>
        </CardContent>
      ) : null}
    </Card>
  );
}

/** /sertifikat/verifikasi — queue of submitted applications. */
export function VerificationQueuePage() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['certificates', 'applications', 'queue'],
    queryFn: () =>
      certApi.applications({
        scope: 'queue',
        pageSize: 100,
        sort: 'submittedAt',
        dir: 'asc',
      }),
    staleTime: 0,
    refetchInterval: 30_000,
  });
  return (
    <div className="grid gap-5">
      <PageHeader title={t('certificates.verify.title')} description={t('certificates.verify.description')} />
      <RaStatusCard />
      <Card>
        <CardContent className="pt-6">
          <Table aria-label={t('certificates.verify.queue')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('certificates.field.number')}</TableHead>
                <TableHead>{t('certificates.kindLabel')}</TableHead>
                <TableHead>{t('certificates.field.commonName')}</TableHead>
                <TableHead>{t('certificates.field.opd')}</TableHead>
                <TableHead>{t('certificates.field.submittedAt')}</TableHead>
                <TableHead>{t('certificates.field.revision')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(q.data?.items ?? []).map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <Link to="/sertifikat/verifikasi/$id" params={{ id: a.id }} className="font-medium underline-offset-2 hover:underline">
                      {a.number}
                    </Link>
                  </TableCell>
                  <TableCell>{t(`certificates.kind.${a.kind}`)}</TableCell>
                  <TableCell>{a.commonName}</TableCell>
                  <TableCell>{a.opdName}</TableCell>
                  <TableCell>{formatDateTime(a.submittedAt)}</TableCell>
                  <TableCell>{a.revision}</TableCell>
                </TableRow>
              ))}
              {q.data && !q.data.items.length ? (
                <TableRow>
                  <TableCell colSpan={6} className="text-center text-muted-foreground">
                    {t('certificates.verify.empty')}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}

/** /sertifikat/verifikasi/$id — checklist, documents, accept or reject with a reason. */
export function VerifyApplicationPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const q = useQuery({
    queryKey: ['certificates', 'application', id],
    queryFn: () => certApi.application(id),
  });
  const [checks, setChecks] = React.useState<Record<string, boolean>>({});
  const [rejectOpen, setRejectOpen] = React.useState(false);
  const [reason, setReason] = React.useState('');
  const decide = useMutation({
    mutationFn: (body: { decision: 'approve' | 'reject'; reason?: string }) => certApi.decide(id, { ...body, checklist: checks }),
    onSuccess: (a) => {
      qc.setQueryData(['certificates', 'application', id], a);
      void qc.invalidateQueries({ queryKey: ['certificates', 'applications'] });
      toast.success(a.status === 'approved' ? t('certificates.verify.approved') : t('certificates.verify.rejected'));
      setRejectOpen(false);
      void navigate({ to: '/sertifikat/verifikasi' });
    },
  });
  const app = q.data;
  if (!app) return null;
  const items = verificationChecklist[app.kind];
  const allChecked = items.every((k) => checks[k]);
  const askApprove = async () => {
    if (
      await confirm({
        title: t('certificates.verify.approveTitle'),
        description: t('certificates.verify.approveDescription'),
        confirmLabel: t('certificates.verify.approve'),
        destructive: false,
      })
    )
      decide.mutate({ decision: 'approve' });
  };
  const askReject = async () => {
    if (!reason.trim()) return;
    if (
      await confirm({
        title: t('certificates.verify.rejectTitle'),
        description: reason,
        confirmLabel: t('certificates.verify.reject'),
      })
    )
      decide.mutate({ decision: 'reject', reason });
  };
  return (
    <div className="grid gap-5">
      <PageHeader title={`${t('certificates.verify.detailTitle')} ${app.number}`} description={<StatusBadge status={app.status} />} />
      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('certificates.app.data')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ApplicationSummary app={app} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('certificates.app.documents')}</CardTitle>
          </CardHeader>
          <CardContent>
            <DocumentsList app={app} editable={false} />
          </CardContent>
        </Card>
      </div>
      {app.canDecide ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('certificates.verify.checklist')}</CardTitle>
            <CardDescription>{t('certificates.verify.checklistHelp')}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-2">
            {items.map((k) => (
              <label key={k} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={!!checks[k]} onChange={(e) => setChecks((c) => ({ ...c, [k]: e.target.checked }))} />
                {t(`certificates.check.${k}`)}
              </label>
            ))}
            <div className="mt-2 flex flex-wrap gap-2">
              <Button onClick={() => void askApprove()} disabled={!allChecked || decide.isPending}>
                <Check />
                {t('certificates.verify.approve')}
              </Button>
              <Button variant="destructive" onClick={() => setRejectOpen(true)} disabled={decide.isPending}>
                <X />
                {t('certificates.verify.reject')}
              </Button>
            </div>
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{t('certificates.app.history')}</CardTitle>
        </CardHeader>
        <CardContent>
          <Timeline app={app} />
        </CardContent>
      </Card>
      <Dialog open={rejectOpen} onOpenChange={setRejectOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t('certificates.verify.rejectTitle')}</DialogTitle>
            <DialogDescription>{t('certificates.verify.rejectHelp')}</DialogDescription>
          </DialogHeader>
          <Label htmlFor="reject-reason">{t('certificates.verify.reason')}</Label>
          <Textarea id="reject-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={4} />
          <DialogFooter>
            <Button variant="outline" onClick={() => setRejectOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button variant="destructive" disabled={!reason.trim() || decide.isPending} onClick={() => void askReject()}>
              {t('certificates.verify.sendRejection')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
