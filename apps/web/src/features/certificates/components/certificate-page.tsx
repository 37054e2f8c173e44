import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { revocationReasons } from '@persada/shared';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { toast, useConfirm } from '@/components/form';
import { useMe, usePermission } from '@/lib/auth';
import { certApi, formatDate, uploadFile } from '../api';
import { download } from '../keys';
import { Field, StatusBadge } from './shared';

/** /sertifikat/milik/$id — a certificate: details, receipt, renewal, revocation. */
export function CertificatePage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const me = useMe();
  const canRevoke = usePermission('certificates.revoke');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const q = useQuery({
    queryKey: ['certificates', 'cert', id],
    queryFn: () => certApi.cert(id),
  });
  const [reason, setReason] = React.useState<string>('keyCompromise');
  const [details, setDetails] = React.useState('');
  const [statement, setStatement] = React.useState<File | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['certificates'] });
  const renew = useMutation({
    mutationFn: () => certApi.renew(id),
    onSuccess: (r) =>
      void navigate({
        to: '/sertifikat/permohonan/$id',
        params: { id: r.applicationId },
      }),
  });
  const request = useMutation({
    mutationFn: async () => {
      const statementFileId = statement ? (await uploadFile(statement)).id : null;
      return certApi.requestRevocation(id, {
        reason: reason as any,
        details,
        statementFileId,
      });
    },
    onSuccess: () => (refresh(), setDetails(''), toast.success(t('certificates.cert.requested'))),
  });
  const revoke = useMutation({
    mutationFn: () => certApi.revoke(id, { reason: reason as any, details }),
    onSuccess: () => (refresh(), toast.success(t('certificates.cert.revoked'))),
  });
  const c = q.data;
  if (!c) return null;
  const mine = c.holderUserId === me?.userId;
  const active = c.status === 'active';
  const pending = c.revocations.some((r) => r.status === 'requested');
  const askRevoke = async () => {
    if (
      await confirm({
        title: t('certificates.cert.revokeTitle'),
        description: t('certificates.cert.revokeDescription'),
        confirmLabel: t('certificates.cert.revoke'),
      })
    )
      revoke.mutate();
  };
  const askRequest = async () => {
    if (
      await confirm({
        title: t('certificates.cert.requestTitle'),
        description: t('certificates.cert.requestDescription'),
        confirmLabel: t('certificates.cert.request'),
      })
    )
      request.mutate();
  };
  return (
    <div className="grid gap-5">
      <PageHeader
        title={t('certificates.cert.title')}
        description={<StatusBadge status={c.status} />}
        actions={
          <>
            <Button asChild variant="outline">
              <a href={certApi.receiptUrl(c.id)}>{t('certificates.cert.receipt')}</a>
            </Button>
            <Button
              variant="outline"
              onClick={() =>
                download(c.certPem + (c.chainPem ? `\n${c.chainPem}` : ''), `sertifikat-${c.serialHex.slice(0, 12)}.pem`, 'application/x-pem-file')
              }
            >
              {t('certificates.issue.downloadCert')}
            </Button>
            {mine && c.status !== 'revoked' && !c.renewedById ? (
              <Button onClick={() => renew.mutate()} disabled={renew.isPending}>
                {t('certificates.cert.renew')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <CardContent className="pt-6">
          <dl>
            <Field label={t('certificates.field.subject')}>{c.subjectDn}</Field>
            <Field label={t('certificates.field.holder')}>{c.holderName}</Field>
            <Field label={t('certificates.field.opd')}>{c.opdName}</Field>
            <Field label={t('certificates.field.serial')}>
              <span className="font-mono text-xs">{c.serialHex}</span>
            </Field>
            <Field label={t('certificates.field.validity')}>
              {formatDate(c.notBefore)} – {formatDate(c.notAfter)}
            </Field>
            <Field label={t('certificates.field.sha256')}>
              <span className="font-mono text-xs">{c.sha256}</span>
            </Field>
            <Field label={t('certificates.field.agreement')}>
              {c.agreementVersion} · {formatDate(c.agreementAcceptedAt)}
            </Field>
            <Field label={t('certificates.field.receipt')}>{c.receiptNumber}</Field>
            {c.revokedAt ? (
              <Field label={t('certificates.field.revokedAt')}>
                {formatDate(c.revokedAt)} ({t(`certificates.reason.${c.revocationReason}`)})
              </Field>
            ) : null}
          </dl>
        </CardContent>
      </Card>
      {active && (mine || canRevoke) ? (
        <Card>
          <CardHeader>
            <CardTitle>{mine ? t('certificates.cert.requestTitle') : t('certificates.cert.revokeTitle')}</CardTitle>
          </CardHeader>
          <CardContent className="grid max-w-xl gap-2">
            {pending ? <p className="text-sm text-warning">{t('certificates.cert.pending')}</p> : null}
            <Label htmlFor="rev-reason">{t('certificates.field.reason')}</Label>
            <NativeSelect id="rev-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
              {revocationReasons.map((r) => (
                <option key={r} value={r}>
                  {t(`certificates.reason.${r}`)}
                </option>
              ))}
            </NativeSelect>
            <Label htmlFor="rev-details">{t('certificates.field.details')}</Label>
            <Textarea id="rev-details" value={details} onChange={(e) => setDetails(e.target.value)} rows={3} />
            {mine && reason === 'keyCompromise' ? (
              <>
                <Label htmlFor="rev-statement">{t('certificates.cert.statement')}</Label>
                <Input
                  id="rev-statement"
                  type="file"
                  accept="application/pdf,image/jpeg,image/png"
                  onChange={(e) => setStatement(e.target.files?.[0] ?? null)}
                />
                <p className="text-xs text-muted-foreground">{t('certificates.cert.statementHelp')}</p>
              </>
            ) : null}
            <div className="flex gap-2">
              {mine ? (
                <Button variant="destructive" disabled={!details.trim() || pending || request.isPending} onClick={() => void askRequest()}>
                  {t('certificates.cert.request')}
                </Button>
              ) : null}
              {canRevoke ? (
                <Button variant="destructive" disabled={!details.trim() || revoke.isPending} onClick={() => void askRevoke()}>
                  {t('certificates.cert.revoke')}
                </Button>
              ) : null}
            </div>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
