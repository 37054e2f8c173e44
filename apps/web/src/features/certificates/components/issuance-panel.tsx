import * as React from 'react';
import { useTranslation } from 'react-i18next';
import { KeyRound } from 'lucide-react';
import { SUBSCRIBER_AGREEMENT_VERSION, subscriberAgreement, type TCertApplicationDetail, type TCertificate } from '@persada/shared';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { toast } from '@/components/form';
import { errorText } from '@/lib/api';
import i18n from 'i18next';
import { certApi } from '../api';
import { buildPkcs12, download, generateKey, storeNonExtractable, type GeneratedKey, type KeyAlgorithm } from '../keys';

/** Issuance in person (K7, K10): agreement, key made here, certificate, one-time PKCS#12 and receipt. */
export function IssuancePanel({ app, onIssued }: { app: TCertApplicationDetail; onIssued: () => void }) {
  const { t } = useTranslation();
  const [accepted, setAccepted] = React.useState(false);
  const [alg, setAlg] = React.useState<KeyAlgorithm>('ECDSA');
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<{
    cert: TCertificate;
    key: GeneratedKey;
    stored: boolean;
  } | null>(null);
  const [pass, setPass] = React.useState('');
  const [pass2, setPass2] = React.useState('');
  const [exported, setExported] = React.useState(false);
  const [csrPem, setCsrPem] = React.useState('');
  const [csrCert, setCsrCert] = React.useState<TCertificate | null>(null);
  /** Electronic systems: the administrator's CSR (its subject is ignored; the approved application decides). */
  const issueFromCsr = async () => {
    setBusy(true);
    try {
      setCsrCert(await certApi.issue(app.id, { agreementVersion: SUBSCRIBER_AGREEMENT_VERSION, acceptAgreement: true, csrPem }));
      toast.success(t('certificates.issue.done'));
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const text = i18n.language === 'en' ? subscriberAgreement.en : subscriberAgreement.id;

  const issue = async () => {
    setBusy(true);
    try {
      const key = await generateKey(alg);
      const cert = await certApi.issue(app.id, {
        agreementVersion: SUBSCRIBER_AGREEMENT_VERSION,
        acceptAgreement: true,
        spki: key.spki,
      });
      const stored = await storeNonExtractable(cert, key, `${app.commonName} (${t('certificates.issue.keyLabel')})`).catch(() => false);
      setResult({ cert, key, stored });
      toast.success(t('certificates.issue.done'));
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const exportP12 = async () => {
    if (!result) return;
    if (pass.length < 8 || pass !== pass2) {
      toast.error(t('certificates.issue.passphraseInvalid'));
      return;
    }
    setBusy(true);
    try {
      const p12 = await buildPkcs12(result.key.keys.privateKey, result.cert.certPem, result.cert.chainPem, pass, app.commonName);
      download(p12 as BlobPart, `sertifikat-${result.cert.serialHex.slice(0, 12)}.p12`, 'application/x-pkcs12');
      setExported(true);
      setPass('');
      setPass2('');
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (csrCert) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>{t('certificates.issue.doneTitle')}</CardTitle>
          <CardDescription>{csrCert.subjectDn}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={() => download(csrCert.certPem + (csrCert.chainPem ? `\n${csrCert.chainPem}` : ''), `sertifikat-${csrCert.serialHex.slice(0, 12)}.pem`, 'application/x-pem-file')}>
            {t('certificates.issue.downloadCert')}
          </Button>
          <Button asChild variant="outline">
            <a href={certApi.receiptUrl(csrCert.id)}>{t('certificates.cert.receipt')}</a>
          </Button>
          <Button variant="ghost" onClick={onIssued}>
            {t('certificates.issue.finish')}
          </Button>
        </CardContent>
      </Card>
    );
  }
  if (result) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>{t('certificates.issue.doneTitle')}</CardTitle>
          <CardDescription>{result.cert.subjectDn}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <p className="text-sm">{result.stored ? t('certificates.issue.storedInBrowser') : t('certificates.issue.notStored')}</p>
          {!exported ? (
            <div className="grid max-w-md gap-2 rounded-md border p-3">
              <p className="text-sm font-medium">{t('certificates.issue.p12Title')}</p>
              <p className="text-xs text-muted-foreground">{t('certificates.issue.p12Help')}</p>
              <Label htmlFor="p12-pass">{t('certificates.issue.passphrase')}</Label>
              <Input id="p12-pass" type="password" autoComplete="new-password" value={pass} onChange={(e) => setPass(e.target.value)} />
              <Label htmlFor="p12-pass2">{t('certificates.issue.passphraseRepeat')}</Label>
              <Input id="p12-pass2" type="password" autoComplete="new-password" value={pass2} onChange={(e) => setPass2(e.target.value)} />
              <Button onClick={() => void exportP12()} disabled={busy}>
                {t('certificates.issue.downloadP12')}
              </Button>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">{t('certificates.issue.p12Done')}</p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button
              variant="outline"
              onClick={() => download(result.cert.certPem, `sertifikat-${result.cert.serialHex.slice(0, 12)}.pem`, 'application/x-pem-file')}
            >
              {t('certificates.issue.downloadCert')}
            </Button>
            <Button asChild variant="outline">
              <a href={certApi.receiptUrl(result.cert.id)}>{t('certificates.cert.receipt')}</a>
            </Button>
            <Button variant="ghost" onClick={onIssued}>
              {t('certificates.issue.finish')}
            </Button>
          </div>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('certificates.issue.title')}</CardTitle>
        <CardDescription>{t('certificates.issue.description')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <div className="max-h-64 overflow-auto rounded-md border bg-muted/40 p-3 text-sm">
          <p className="mb-2 font-medium">
            {t('certificates.issue.agreementTitle')} ({SUBSCRIBER_AGREEMENT_VERSION})
          </p>
          {text.map((p) => (
            <p key={p} className="mb-1">
              {p}
            </p>
          ))}
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} className="mt-1" />
          {t('certificates.issue.accept')}
        </label>
        <label className="flex items-center gap-2 text-sm">
          {t('certificates.issue.algorithm')}
          <select className="h-9 rounded-md border bg-background px-2" value={alg} onChange={(e) => setAlg(e.target.value as KeyAlgorithm)}>
            <option value="ECDSA">ECDSA P-256</option>
            <option value="RSA">RSA 2048</option>
          </select>
        </label>
        <div>
          <Button onClick={() => void issue()} disabled={!accepted || busy}>
            <KeyRound />
            {busy ? t('certificates.issue.working') : t('certificates.issue.generate')}
          </Button>
        </div>
        {app.kind === 'system' ? (
          <div className="grid gap-2 border-t pt-3">
            <Label htmlFor="csr-pem">{t('certificates.issue.csrLabel')}</Label>
            <p className="text-xs text-muted-foreground">{t('certificates.issue.csrHelp')}</p>
            <textarea id="csr-pem" className="min-h-32 rounded-md border bg-background p-2 font-mono text-xs" value={csrPem} onChange={(e) => setCsrPem(e.target.value)} />
            <div>
              <Button variant="outline" onClick={() => void issueFromCsr()} disabled={!accepted || busy || !csrPem.includes('CERTIFICATE REQUEST')}>
                {t('certificates.issue.fromCsr')}
              </Button>
            </div>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
