import * as React from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { KeyRound, Lock, LockOpen, Mail } from 'lucide-react';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { toast } from '@/components/form';
import { isApiError } from '@/lib/api';
import type { TRecipient } from '@persada/shared';
import { signingApi } from '../api';
import { RecipientPicker } from './recipient-picker';
import { decryptEnvelope, encryptForRecipients, pemToDer } from '../lib/cms-envelope';
import { b64ToBytes, bytesToB64, importP12ToBrowser, listKeys, signWithKey } from '../lib/keystore';

function download(name: string, data: Uint8Array | string, type: string) {
  const blob = new Blob([typeof data === 'string' ? data : (data as BlobPart)], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Document protection (K4): encrypt for holders, decrypt with my key, and sign an e-mail (S/MIME). */
export function ProtectPage() {
  const { t, i18n } = useTranslation();
  const keys = useQuery({ queryKey: ['signing', 'keys'], queryFn: listKeys });
  const [recipients, setRecipients] = React.useState<TRecipient[]>([]);
  const [doc, setDoc] = React.useState<File | null>(null);
  const [p7m, setP7m] = React.useState<File | null>(null);
  const [mail, setMail] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const qc = useQueryClient();
  const [p12, setP12] = React.useState<File | null>(null);
  const [p12Password, setP12Password] = React.useState('');
  const [p12Use, setP12Use] = React.useState<'sign' | 'encrypt'>('sign');
  const fail = (e: unknown) => toast.error(isApiError(e) ? e.localizedTitle(i18n.language) : t('signing.protect.failed'));
  const encKeys = (keys.data ?? []).filter((k) => k.use === 'encrypt' || ['ECDH', 'RSA-OAEP'].includes(k.privateKey.algorithm.name));
  const signKeys = (keys.data ?? []).filter((k) => !encKeys.includes(k));

  return (
    <div className="grid gap-4">
      <PageHeader title={t('signing.protect.title')} description={t('signing.protect.description')} />
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2"><KeyRound className="size-5" />{t('signing.keys.title')}</CardTitle>
        </CardHeader>
        <CardContent className="grid max-w-xl gap-3">
          <ul className="text-sm" aria-label={t('signing.keys.title')}>
            {(keys.data ?? []).length ? (keys.data ?? []).map((k) => <li key={k.serial}>{k.label ?? k.serial}</li>) : <li className="text-muted-foreground">{t('signing.keys.none')}</li>}
          </ul>
          <div className="grid gap-1">
            <Label htmlFor="p12-file">{t('signing.keys.p12')}</Label>
            <Input id="p12-file" type="file" accept=".p12,.pfx" onChange={(e) => setP12(e.target.files?.[0] ?? null)} />
          </div>
          <div className="grid gap-1 sm:grid-cols-2 sm:gap-3">
            <div className="grid gap-1">
              <Label htmlFor="p12-password">{t('signing.keys.password')}</Label>
              <Input id="p12-password" type="password" value={p12Password} onChange={(e) => setP12Password(e.target.value)} />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="p12-use">{t('signing.keys.use')}</Label>
              <select id="p12-use" className="h-9 rounded-md border bg-background px-2 text-sm" value={p12Use} onChange={(e) => setP12Use(e.target.value as 'sign' | 'encrypt')}>
                <option value="sign">{t('signing.keys.useSign')}</option>
                <option value="encrypt">{t('signing.keys.useEncrypt')}</option>
              </select>
            </div>
          </div>
          <p className="text-xs text-muted-foreground">{t('signing.keys.explain')}</p>
          <div>
            <Button
              disabled={!p12 || !p12Password || busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await importP12ToBrowser(new Uint8Array(await p12!.arrayBuffer()), p12Password, p12Use);
                  setP12Password('');
                  toast.success(t('signing.keys.imported'));
                  qc.invalidateQueries({ queryKey: ['signing', 'keys'] });
                } catch {
                  toast.error(t('signing.keys.importFailed'));
                } finally {
                  setBusy(false);
                }
              }}
            >
              <KeyRound />
              {t('signing.keys.import')}
            </Button>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2"><Lock className="size-5" />{t('signing.protect.encrypt')}</CardTitle>
        </CardHeader>
        <CardContent className="grid max-w-xl gap-3">
          <RecipientPicker value={recipients} onChange={setRecipients} />
          <div className="grid gap-1">
            <Label htmlFor="enc-doc">{t('signing.protect.document')}</Label>
            <Input id="enc-doc" type="file" onChange={(e) => setDoc(e.target.files?.[0] ?? null)} />
          </div>
          <div>
            <Button
              disabled={!doc || !recipients.length || busy}
              onClick={async () => {
                setBusy(true);
                try {
                  const out = await encryptForRecipients(recipients.map((r) => pemToDer(r.certificatePem)), new Uint8Array(await doc!.arrayBuffer()));
                  download(`${doc!.name}.p7m`, out, 'application/pkcs7-mime');
                  toast.success(t('signing.protect.encrypted'));
                } catch (e) {
                  fail(e);
                } finally {
                  setBusy(false);
                }
              }}
            >
              <Lock />
              {t('signing.protect.encryptButton')}
            </Button>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2"><LockOpen className="size-5" />{t('signing.protect.decrypt')}</CardTitle>
        </CardHeader>
        <CardContent className="grid max-w-xl gap-3">
          <div className="grid gap-1">
            <Label htmlFor="dec-file">{t('signing.protect.p7m')}</Label>
            <Input id="dec-file" type="file" accept=".p7m" onChange={(e) => setP7m(e.target.files?.[0] ?? null)} />
          </div>
          {!encKeys.length ? <p className="text-sm text-muted-foreground">{t('signing.protect.noEncKey')}</p> : null}
          <div>
            <Button
              disabled={!p7m || !encKeys.length || busy}
              onClick={async () => {
                setBusy(true);
                try {
                  const bytes = new Uint8Array(await p7m!.arrayBuffer());
                  let out: Uint8Array | null = null;
                  for (const k of encKeys) {
                    out = await decryptEnvelope(bytes, pemToDer(k.certificatePem), k.privateKey).catch(() => null);
                    if (out) break;
                  }
                  if (!out) throw new Error('not for me');
                  download(p7m!.name.replace(/\.p7m$/i, ''), out, 'application/octet-stream');
                  toast.success(t('signing.protect.decrypted'));
                } catch (e) {
                  fail(e);
                } finally {
                  setBusy(false);
                }
              }}
            >
              <LockOpen />
              {t('signing.protect.decryptButton')}
            </Button>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2"><Mail className="size-5" />{t('signing.protect.smime')}</CardTitle>
        </CardHeader>
        <CardContent className="grid max-w-xl gap-3">
          <Label htmlFor="smime-text">{t('signing.protect.mailText')}</Label>
          <textarea id="smime-text" className="min-h-28 rounded-md border bg-background p-2 text-sm" value={mail} onChange={(e) => setMail(e.target.value)} />
          {!signKeys.length ? <p className="text-sm text-muted-foreground">{t('signing.sign.noKey')}</p> : null}
          <div>
            <Button
              disabled={!mail.trim() || !signKeys.length || busy}
              onClick={async () => {
                setBusy(true);
                try {
                  const k = signKeys[0];
                  const p = await signingApi.smimePrepare({ certificatePem: k.certificatePem, content: mail });
                  const sig = await signWithKey(k, b64ToBytes(p.toBeSignedB64));
                  const done = await signingApi.smimeComplete({ certificatePem: k.certificatePem, content: mail, signingTime: p.signingTime, signatureB64: bytesToB64(sig) });
                  download('surel-bertanda-tangan.eml', done.message, 'message/rfc822');
                } catch (e) {
                  fail(e);
                } finally {
                  setBusy(false);
                }
              }}
            >
              <Mail />
              {t('signing.protect.smimeButton')}
            </Button>
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
