import * as React from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CheckCircle2, AlertTriangle, XCircle, Upload } from 'lucide-react';
import type { TSignatureReport, TVerifyReport } from '@persada/shared';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { isApiError } from '@/lib/api';
import { verifyApi } from '../api';

function VerdictIcon({ v }: { v: string }) {
  if (v === 'valid') return <CheckCircle2 className="size-6 text-success" aria-hidden />;
  if (v === 'warning' || v === 'unsigned') return <AlertTriangle className="size-6 text-warning" aria-hidden />;
  return <XCircle className="size-6 text-destructive" aria-hidden />;
}

function SignatureCard({ s }: { s: TSignatureReport }) {
  const { t, i18n } = useTranslation();
  const fmt = (x: string | null | undefined) => (x ? new Date(x).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Asia/Jakarta' }) + ' WIB' : '—');
  const yes = (b: boolean) => (b ? t('signing.verify.yes') : t('signing.verify.no'));
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          <VerdictIcon v={s.verdict} />
          {t('signing.verify.signatureN', { n: s.index + 1 })}: {s.signer?.name ?? '—'}
        </CardTitle>
      </CardHeader>
      <CardContent>
        <p className="mb-3 text-sm font-medium">{t(`signing.verify.sigVerdict.${s.verdict}`)}</p>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[16rem_1fr]">
          <dt className="text-muted-foreground">{t('signing.verify.signer')}</dt>
          <dd>{s.signer?.subject ?? '—'}</dd>
          <dt className="text-muted-foreground">{t('signing.verify.claimedTime')}</dt>
          <dd>{fmt(s.claimedSigningTime)}</dd>
          <dt className="text-muted-foreground">{t('signing.verify.timestamp')}</dt>
          <dd>{s.timestamp ? `${fmt(s.timestamp.time)} (${s.timestamp.tsa ?? ''}) — ${s.timestamp.valid ? t('signing.verify.valid') : t('signing.verify.invalid')}` : t('signing.verify.none')}</dd>
          <dt className="text-muted-foreground">{t('signing.verify.integrity')}</dt>
          <dd>{yes(s.integrity)}</dd>
          <dt className="text-muted-foreground">{t('signing.verify.chain')}</dt>
          <dd>{t(`signing.verify.chainStatus.${s.chain.status}`)} {s.chain.path.length ? `(${s.chain.path.join(' → ')})` : ''}</dd>
          <dt className="text-muted-foreground">{t('signing.verify.revAtSigning')}</dt>
          <dd>{t(`signing.verify.rev.${s.revocation.atSigning}`)}</dd>
          <dt className="text-muted-foreground">{t('signing.verify.revNow')}</dt>
          <dd>
            {t(`signing.verify.rev.${s.revocation.now}`)}
            {s.revocation.revokedAt ? ` (${fmt(s.revocation.revokedAt)})` : ''} · {t(`signing.verify.revSource.${s.revocation.source}`)}
          </dd>
          <dt className="text-muted-foreground">{t('signing.verify.changedAfter')}</dt>
          <dd>{s.modifiedAfter ? t('signing.verify.changedYes') : s.laterRevisions ? t('signing.verify.changedOnlySigs') : t('signing.verify.changedNo')}</dd>
        </dl>
      </CardContent>
    </Card>
  );
}

function Report({ r }: { r: TVerifyReport }) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-3" aria-live="polite">
      <div className="flex items-start gap-3 rounded-md border p-4">
        <VerdictIcon v={r.verdict} />
        <div>
          <p className="font-semibold" data-testid="verdict">{t(`signing.verify.verdict.${r.verdict}`)}</p>
          {r.document ? (
            <p className="text-sm text-muted-foreground">
              {t('signing.verify.registered', { title: r.document.title, number: r.document.docNumber ?? '—', tenant: r.document.tenantName })}
            </p>
          ) : null}
          <p className="break-all font-mono text-xs text-muted-foreground">SHA-256 {r.sha256}</p>
        </div>
      </div>
      {r.signatures.map((s) => (
        <SignatureCard key={s.index} s={s} />
      ))}
    </div>
  );
}

/** Public page (no login): upload a signed PDF, or open a stored document from its QR code. */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const params = useParams({ strict: false }) as { id?: string };
  const [file, setFile] = React.useState<File | null>(null);
  const stored = useQuery({ queryKey: ['verify', params.id], queryFn: () => verifyApi.stored(params.id!), enabled: !!params.id, retry: false });
  const upload = useMutation({ mutationFn: (f: File) => verifyApi.upload(f) });
  const err = upload.error ?? stored.error;
  const report = upload.data ?? (params.id ? stored.data : undefined);
  return (
    <div className="mx-auto max-w-3xl p-4 md:p-8">
      <div className="mb-6 flex items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('signing.verify.title')}</h1>
          <p className="text-sm text-muted-foreground">{t('signing.verify.description')}</p>
        </div>
        <LanguageSwitch />
      </div>
      <form
        className="mb-6 flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate(file);
        }}
      >
        <div className="grid flex-1 gap-1">
          <Label htmlFor="verify-file">{t('signing.verify.file')}</Label>
          <Input id="verify-file" type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <Button type="submit" disabled={!file || upload.isPending}>
          <Upload />
          {upload.isPending ? t('signing.verify.checking') : t('signing.verify.submit')}
        </Button>
      </form>
      {err ? (
        <p className="mb-4 rounded-md border border-destructive/40 p-3 text-sm text-destructive" role="alert">
          {isApiError(err) ? err.localizedTitle(i18n.language) : String(err)}
        </p>
      ) : null}
      {report ? <Report r={report} /> : null}
    </div>
  );
}
