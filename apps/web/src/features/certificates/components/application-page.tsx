import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Download, FileUp, Send } from 'lucide-react';
import { requiredDocuments, type TCertApplicationDetail } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { toast, useConfirm } from '@/components/form';
import { certApi, formatDateTime, uploadFile } from '../api';
import { Field, StatusBadge } from './shared';
import { IssuancePanel } from './issuance-panel';
import { ApplyDialog } from './apply-dialog';

export function ApplicationSummary({ app }: { app: TCertApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <dl>
      <Field label={t('certificates.kindLabel')}>{t(`certificates.kind.${app.kind}`)}</Field>
      <Field label={t('certificates.field.applicant')}>{app.applicantName ?? '—'}</Field>
      <Field label={t('certificates.field.opd')}>{app.opdName ?? '—'}</Field>
      <Field label={t('certificates.field.commonName')}>{app.commonName}</Field>
      <Field label={t('certificates.field.email')}>{app.email}</Field>
      {app.nip ? <Field label={t('certificates.field.nip')}>{app.nip}</Field> : null}
      {app.positionTitle ? <Field label={t('certificates.field.positionTitle')}>{app.positionTitle}</Field> : null}
      {app.unitName ? <Field label={t('certificates.field.unitName')}>{app.unitName}</Field> : null}
      {app.systemName ? <Field label={t('certificates.field.systemName')}>{app.systemName}</Field> : null}
      {app.dnsNames.length ? <Field label={t('certificates.field.dnsNames')}>{app.dnsNames.join(', ')}</Field> : null}
      <Field label={t('certificates.field.uses')}>{app.uses.map((u) => t(`certificates.use.${u}`)).join(', ')}</Field>
      <Field label={t('certificates.field.revision')}>{app.revision}</Field>
    </dl>
  );
}

export function DocumentsList({
  app,
  editable,
  onChanged,
}: {
  app: TCertApplicationDetail;
  editable: boolean;
  onChanged?: (a: TCertApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = React.useState<string | null>(null);
  const required = app.renewalOfId ? ['cover_letter'] : requiredDocuments[app.kind];
  const onFile = async (requirement: string, file: File | undefined) => {
    if (!file) return;
    setBusy(requirement);
    try {
      const up = await uploadFile(file);
      onChanged?.(await certApi.attach(app.id, requirement, up.id));
      toast.success(t('certificates.docs.uploaded'));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <ul className="grid gap-2">
      {required.map((r) => {
        const current = app.files.find((f) => f.requirement === r && f.current);
        const old = app.files.filter((f) => f.requirement === r && !f.current);
        return (
          <li key={r} className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-2">
            <div>
              <div className="font-medium">{t(`certificates.doc.${r}`)}</div>
              {current ? (
                <a className="text-sm underline" href={certApi.documentUrl(current.id)}>
                  <Download className="mr-1 inline size-3" />
                  {current.name}
                </a>
              ) : (
                <span className="text-sm text-destructive">{t('certificates.docs.missing')}</span>
              )}
              {old.length ? <div className="text-xs text-muted-foreground">{t('certificates.docs.replaced', { count: old.length })}</div> : null}
            </div>
            {editable ? (
              <label className="inline-flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm">
                <FileUp className="size-4" />
                {busy === r ? t('certificates.docs.uploading') : t('certificates.docs.upload')}
                <input
                  type="file"
                  className="sr-only"
                  accept="application/pdf,image/jpeg,image/png"
                  aria-label={t('certificates.docs.uploadFor', {
                    doc: t(`certificates.doc.${r}`),
                  })}
                  onChange={(e) => void onFile(r, e.target.files?.[0])}
                />
              </label>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function Timeline({ app }: { app: TCertApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <ol className="grid gap-2 border-l pl-4">
      {app.events.map((e) => (
        <li key={e.id} className="text-sm">
          <div className="font-medium">{t(`certificates.event.${e.action}`)}</div>
          <div className="text-xs text-muted-foreground">
            {formatDateTime(e.createdAt)} · {e.actorLabel} · {t('certificates.field.revision')} {e.revision}
          </div>
          {e.note ? <div className="mt-1 rounded bg-muted p-2">{e.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}

/** /sertifikat/permohonan/$id — the applicant's view: data, documents, timeline, submit, issuance. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const confirm = useConfirm();
  const q = useQuery({
    queryKey: ['certificates', 'application', id],
    queryFn: () => certApi.application(id),
  });
  const setData = (a: TCertApplicationDetail) => {
    qc.setQueryData(['certificates', 'application', id], a);
    void qc.invalidateQueries({ queryKey: ['certificates', 'applications'] });
  };
  const submit = useMutation({
    mutationFn: () => certApi.submit(id),
    onSuccess: (a) => (setData(a), toast.success(t('certificates.app.submitted'))),
  });
  const cancel = useMutation({
    mutationFn: () => certApi.cancel(id),
    onSuccess: (a) => (setData(a), toast.success(t('certificates.app.cancelled'))),
  });
  const [editOpen, setEditOpen] = React.useState(false);
  const app = q.data;
  if (!app) return null;
  const askSubmit = async () => {
    if (
      await confirm({
        title: t('certificates.app.submitTitle'),
        description: t('certificates.app.submitDescription'),
        confirmLabel: t('certificates.app.submitConfirm'),
        destructive: false,
      })
    )
      submit.mutate();
  };
  const askCancel = async () => {
    if (
      await confirm({
        title: t('certificates.app.cancelTitle'),
        description: t('certificates.app.cancelDescription'),
        confirmLabel: t('certificates.app.cancelConfirm'),
      })
    )
      cancel.mutate();
  };
  return (
    <div className="grid gap-5">
      <PageHeader
        title={`${t('certificates.app.title')} ${app.number}`}
        description={<StatusBadge status={app.status} />}
        actions={
          <>
            {app.canEdit ? (
              <Button variant="outline" onClick={() => setEditOpen(true)}>
                {t('certificates.app.edit')}
              </Button>
            ) : null}
            {app.canEdit ? (
              <Button onClick={() => void askSubmit()} disabled={submit.isPending}>
                <Send />
                {app.status === 'rejected' ? t('certificates.app.resubmit') : t('certificates.app.submit')}
              </Button>
            ) : null}
            {app.canEdit || (app.status === 'submitted' && !app.canDecide) ? (
              <Button variant="outline" onClick={() => void askCancel()}>
                {t('certificates.app.cancel')}
              </Button>
            ) : null}
            {app.canDecide ? (
              <Button asChild variant="outline">
                <Link to="/sertifikat/verifikasi/$id" params={{ id: app.id }}>
                  {t('certificates.app.openVerification')}
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      {app.status === 'rejected' && app.rejectionReason ? (
        <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-4">
          <div className="font-semibold text-destructive">{t('certificates.app.rejectedTitle')}</div>
          <p className="mt-1">{app.rejectionReason}</p>
          <p className="mt-2 text-sm text-muted-foreground">{t('certificates.app.rejectedHelp')}</p>
        </div>
      ) : null}
      {app.canIssue ? <IssuancePanel app={app} onIssued={() => void q.refetch()} /> : null}
      {app.certificate ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('certificates.app.issuedTitle')}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2">
            <Button asChild variant="outline">
              <Link to="/sertifikat/milik/$id" params={{ id: app.certificate.id }}>
                {t('certificates.app.openCertificate')}
              </Link>
            </Button>
            <Button asChild variant="outline">
              <a href={certApi.receiptUrl(app.certificate.id)}>{t('certificates.cert.receipt')}</a>
            </Button>
          </CardContent>
        </Card>
      ) : null}
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
            <p className="mb-2 text-xs text-muted-foreground">{t('certificates.docs.classified')}</p>
            <DocumentsList app={app} editable={app.canEdit} onChanged={setData} />
          </CardContent>
        </Card>
      </div>
      <ApplyDialog open={editOpen} onOpenChange={setEditOpen} app={app} onSaved={(a) => (setData(a), toast.success(t('certificates.app.saved')))} />
      <Card>
        <CardHeader>
          <CardTitle>{t('certificates.app.history')}</CardTitle>
        </CardHeader>
        <CardContent>
          <Timeline app={app} />
        </CardContent>
      </Card>
    </div>
  );
}
