import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FileDown, PenLine, ShieldCheck, XCircle } from 'lucide-react';
import { QRCodeSVG } from 'qrcode.react';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { toast, useConfirm } from '@/components/form';
import { isApiError } from '@/lib/api';
import { signingApi } from '../api';
import { b64ToBytes, bytesToB64, listKeys, signWithKey, type StoredKey } from '../lib/keystore';
import { StatusBadge } from './status-badge';

export function SigningDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const req = useQuery({ queryKey: ['signing', 'detail', id], queryFn: () => signingApi.get(id) });
  const keys = useQuery({ queryKey: ['signing', 'keys'], queryFn: listKeys });
  const [serial, setSerial] = React.useState('');
  const [password, setPassword] = React.useState('');
  const [prepared, setPrepared] = React.useState<{ digestHex: string; documentSha256: string } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const fmt = (s: string | null) => (s ? new Date(s).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'medium' }) : '—');
  const signKeys = (keys.data ?? []).filter((k) => k.use !== 'encrypt');
  const chosen: StoredKey | undefined = signKeys.find((k) => k.serial === serial) ?? signKeys[0];

  const sign = useMutation({
    mutationFn: async () => {
      if (!chosen) throw new Error(t('signing.sign.noKey'));
      const p = await signingApi.prepare(id, { certificatePem: chosen.certificatePem, password });
      setPrepared({ digestHex: p.digestHex, documentSha256: p.documentSha256 });
      const sig = await signWithKey(chosen, b64ToBytes(p.toBeSignedB64));
      return signingApi.complete(id, bytesToB64(sig));
    },
    onSuccess: () => {
      setPassword('');
      toast.success(t('signing.sign.done'));
      qc.invalidateQueries({ queryKey: ['signing'] });
    },
    onError: (e) => setError(isApiError(e) ? e.localizedTitle(i18n.language) : (e as Error).message),
  });
  const cancel = useMutation({
    mutationFn: () => signingApi.cancel(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['signing'] }),
    onError: (e) => toast.error(isApiError(e) ? e.localizedTitle(i18n.language) : String(e)),
  });

  const r = req.data;
  if (!r) return <p className="text-muted-foreground">{req.isError ? t('signing.common.notFound') : t('signing.common.loading')}</p>;
  const me = r.signers.find((s) => s.isCurrent);
  return (
    <div className="grid gap-4">
      <PageHeader
        title={r.title}
        description={r.docNumber ?? undefined}
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={signingApi.fileUrl(r.id)} download>
                <FileDown />
                {t('signing.detail.download')}
              </a>
            </Button>
            <Button variant="outline" asChild>
              <Link to="/verifikasi/$id" params={{ id: r.id }}>
                <ShieldCheck />
                {t('signing.detail.verify')}
              </Link>
            </Button>
            {r.status === 'in_progress' ? (
              <Button
                variant="destructive"
                onClick={async () => {
                  if (await confirm({ title: t('signing.detail.cancelTitle'), description: t('signing.detail.cancelText'), confirmLabel: t('signing.detail.cancel') })) cancel.mutate();
                }}
              >
                <XCircle />
                {t('signing.detail.cancel')}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              {t('signing.field.signers')} <StatusBadge status={r.status} />
            </CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-2">
              {r.signers.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 rounded border p-2 text-sm">
                  <div>
                    <div className="font-medium">{s.seq}. {s.displayName}</div>
                    <div className="text-muted-foreground">{[s.nip ? `NIP ${s.nip}` : null, s.position].filter(Boolean).join(' · ')}</div>
                  </div>
                  <div className="text-right">
                    {s.status === 'signed' ? (
                      <span className="text-success">{t('signing.detail.signedAt', { time: fmt(s.signedAt) })}</span>
                    ) : s.isCurrent ? (
                      <span className="text-warning">{t('signing.detail.waiting')}</span>
                    ) : (
                      <span className="text-muted-foreground">{t('signing.detail.queued')}</span>
                    )}
                  </div>
                </li>
              ))}
            </ol>
            <dl className="mt-4 grid gap-1 text-sm">
              <dt className="text-muted-foreground">{t('signing.detail.sha256')}</dt>
              <dd className="break-all font-mono text-xs">{r.sha256}</dd>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('signing.detail.stamp')}</CardTitle>
          </CardHeader>
          <CardContent className="flex gap-3 text-xs">
            <QRCodeSVG value={r.verifyUrl} size={88} aria-label={t('signing.detail.qr')} />
            <div>
              <div>{t('signing.detail.stampLine')}</div>
              <div className="font-semibold">{me?.displayName ?? r.signers[0]?.displayName}</div>
              <div className="break-all text-muted-foreground">{r.verifyUrl}</div>
            </div>
          </CardContent>
        </Card>
      </div>
      {r.myTurn ? (
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <PenLine className="size-5" />
              {t('signing.sign.title')}
            </CardTitle>
          </CardHeader>
          <CardContent>
            <form
              className="grid max-w-xl gap-3"
              onSubmit={(e) => {
                e.preventDefault();
                setError(null);
                sign.mutate();
              }}
            >
              <p className="text-sm text-muted-foreground">{t('signing.sign.explain')}</p>
              <div className="grid gap-1">
                <Label htmlFor="sign-key">{t('signing.sign.key')}</Label>
                {signKeys.length ? (
                  <select id="sign-key" className="h-9 rounded-md border bg-background px-2 text-sm" value={chosen?.serial} onChange={(e) => setSerial(e.target.value)}>
                    {signKeys.map((k) => (
                      <option key={k.serial} value={k.serial}>
                        {k.label ?? k.serial}
                      </option>
                    ))}
                  </select>
                ) : (
                  <p className="text-sm text-destructive">{t('signing.sign.noKey')}</p>
                )}
              </div>
              <div className="text-sm">
                <span className="text-muted-foreground">{t('signing.detail.sha256')}: </span>
                <span className="break-all font-mono text-xs">{prepared?.documentSha256 ?? r.sha256}</span>
              </div>
              {prepared ? (
                <div className="text-sm">
                  <span className="text-muted-foreground">{t('signing.sign.digest')}: </span>
                  <span className="break-all font-mono text-xs">{prepared.digestHex}</span>
                </div>
              ) : null}
              <div className="grid gap-1">
                <Label htmlFor="sign-password">{t('signing.sign.password')}</Label>
                <Input id="sign-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
              </div>
              {error ? (
                <p className="text-sm text-destructive" role="alert">
                  {error}
                </p>
              ) : null}
              <div>
                <Button type="submit" disabled={!password || !chosen || sign.isPending}>
                  <PenLine />
                  {sign.isPending ? t('signing.sign.working') : t('signing.sign.submit')}
                </Button>
              </div>
            </form>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
