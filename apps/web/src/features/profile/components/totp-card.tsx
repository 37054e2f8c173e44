import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Download, Loader2, ShieldCheck, ShieldOff } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ConfirmDialog, FormError, toast } from '@/components/form';
import { errorText } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { profileApi } from '../api';

/** Renders the server's QR SVG as an image (scripts inside an <img> SVG never run). */
function QrImage({ svg, alt }: { svg: string; alt: string }) {
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  return <img src={src} alt={alt} className="size-48 rounded-md border bg-white p-2" />;
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const download = () => {
    const blob = new Blob([`Persada — ${t('profile.recoveryCodes')}\n\n${codes.join('\n')}\n`], { type: 'text/plain' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'persada-kode-pemulihan.txt';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <div className="flex flex-col gap-3">
      <div className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">{t('profile.recoveryCodesHelp')}</div>
      <ul className="grid grid-cols-2 gap-2 rounded-md border bg-muted p-3 font-mono text-sm" aria-label={t('profile.recoveryCodes')}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button variant="outline" onClick={download}>
          <Download />
          {t('profile.downloadCodes')}
        </Button>
        <Button onClick={onDone}>{t('profile.savedCodes')}</Button>
      </div>
    </div>
  );
}

export function TotpCard() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const [code, setCode] = React.useState('');
  const [password, setPassword] = React.useState('');
  const [confirmOpen, setConfirmOpen] = React.useState(false);
  const [recoveryCodes, setRecoveryCodes] = React.useState<string[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const setup = useMutation({ mutationFn: profileApi.totpSetup, onSuccess: () => setError(null) });
  const enable = useMutation({
    mutationFn: () => profileApi.totpEnable(code.trim()),
    meta: { silent: true },
    onSuccess: (r) => {
      setRecoveryCodes(r.recoveryCodes);
      setCode('');
      setup.reset();
      toast.success(t('profile.totpEnabled'));
    },
    onError: (e) => setError(errorText(e, i18n.language)),
  });
  const disable = useMutation({
    mutationFn: () => profileApi.totpDisable(password),
    meta: { silent: true },
    onSuccess: () => {
      setPassword('');
      void qc.invalidateQueries({ queryKey: ['me'] });
      toast.success(t('profile.totpDisabled'));
    },
    onError: (e) => setError(errorText(e, i18n.language)),
  });

  const enabled = !!me?.totpEnabled;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {t('profile.totpTitle')}
          {enabled ? <Badge variant="success">{t('profile.totpOn')}</Badge> : <Badge variant="outline">{t('profile.totpOff')}</Badge>}
        </CardTitle>
        <CardDescription>{t('profile.totpHelp')}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <FormError message={error} />
        {recoveryCodes ? (
          <RecoveryCodes
            codes={recoveryCodes}
            onDone={() => {
              setRecoveryCodes(null);
              void qc.invalidateQueries({ queryKey: ['me'] });
            }}
          />
        ) : enabled ? (
          <form
            className="flex max-w-sm flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              if (!password) {
                setError(t('profile.passwordRequired'));
                return;
              }
              setConfirmOpen(true);
            }}
          >
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="totp-disable-password">{t('profile.currentPassword')}</Label>
              <Input id="totp-disable-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </div>
            <Button type="submit" variant="destructive" className="self-start">
              <ShieldOff />
              {t('profile.totpDisable')}
            </Button>
          </form>
        ) : setup.data ? (
          <div className="flex flex-col gap-4 md:flex-row">
            <QrImage svg={setup.data.qrSvg} alt={t('profile.qrAlt')} />
            <div className="flex flex-1 flex-col gap-3 text-sm">
              <ol className="list-decimal space-y-1 pl-5">
                <li>{t('profile.totpStep1')}</li>
                <li>{t('profile.totpStep2')}</li>
              </ol>
              <div>
                <p className="text-xs text-muted-foreground">{t('profile.manualKey')}</p>
                <code className="select-all break-all font-mono text-sm">{setup.data.secret}</code>
              </div>
              <details className="text-xs text-muted-foreground">
                <summary className="cursor-pointer">otpauth URL</summary>
                <code className="select-all break-all">{setup.data.otpauthUrl}</code>
              </details>
              <form
                className="flex flex-col gap-2 sm:flex-row sm:items-end"
                onSubmit={(e) => {
                  e.preventDefault();
                  setError(null);
                  enable.mutate();
                }}
              >
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="totp-enable-code">{t('auth.totpCode')}</Label>
                  <Input id="totp-enable-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} className="w-40" />
                </div>
                <Button type="submit" disabled={enable.isPending || code.trim().length < 6}>
                  {enable.isPending ? <Loader2 className="animate-spin" /> : null}
                  {t('profile.totpConfirm')}
                </Button>
                <Button variant="outline" onClick={() => setup.reset()}>
                  {t('common.cancel')}
                </Button>
              </form>
            </div>
          </div>
        ) : (
          <Button className="self-start" onClick={() => setup.mutate()} disabled={setup.isPending}>
            {setup.isPending ? <Loader2 className="animate-spin" /> : <ShieldCheck />}
            {t('profile.totpSetup')}
          </Button>
        )}
      </CardContent>
      <ConfirmDialog
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        title={t('profile.totpDisableTitle')}
        description={t('profile.totpDisableDescription')}
        confirmLabel={t('profile.totpDisable')}
        onConfirm={() => disable.mutateAsync()}
      />
    </Card>
  );
}
