import * as React from 'react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { certKinds, certUses, type TCertApplicationDetail, type TCertApplicationInput } from '@persada/shared';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { useMe } from '@/lib/auth';
import { isApiError } from '@/lib/api';
import { certApi } from '../api';

type Kind = (typeof certKinds)[number];

/** Apply wizard: 1) kind, 2) data; the draft then collects the required documents. */
export function ApplyDialog({
  open,
  onOpenChange,
  app,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  /** Editing an existing draft or rejected application (the kind stays). */
  app?: TCertApplicationDetail;
  onSaved?: (a: TCertApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [step, setStep] = React.useState<1 | 2>(1);
  const [kind, setKind] = React.useState<Kind>('individual');
  const [form, setForm] = React.useState({
    commonName: '',
    email: '',
    nip: '',
    positionTitle: '',
    unitName: '',
    systemName: '',
    dnsNames: '',
    uses: ['signing'] as string[],
  });
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  React.useEffect(() => {
    if (open && app) {
      setStep(2);
      setErrors({});
      setKind(app.kind);
      setForm({
        commonName: app.commonName,
        email: app.email,
        nip: app.nip ?? '',
        positionTitle: app.positionTitle ?? '',
        unitName: app.unitName ?? '',
        systemName: app.systemName ?? '',
        dnsNames: app.dnsNames.join(', '),
        uses: [...app.uses],
      });
    } else if (open) {
      setStep(1);
      setErrors({});
      setForm((f) => ({
        ...f,
        commonName: f.commonName || (me?.displayName ?? ''),
        email: f.email || (me?.email ?? ''),
      }));
    }
  }, [open, me, app]);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const create = useMutation({
    mutationFn: (body: TCertApplicationInput) => (app ? certApi.updateApplication(app.id, body) : certApi.createApplication(body)),
    meta: { silent: true },
    onSuccess: (saved) => {
      onOpenChange(false);
      if (app) return onSaved?.(saved);
      void navigate({
        to: '/sertifikat/permohonan/$id',
        params: { id: saved.id },
      });
    },
    onError: (e) => {
      if (isApiError(e)) setErrors(Object.fromEntries(e.errors.map((x) => [x.field, x.message])));
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate({
      kind,
      commonName: form.commonName,
      email: form.email,
      nip: form.nip || null,
      positionTitle: form.positionTitle || null,
      unitName: form.unitName || null,
      systemName: kind === 'system' ? form.systemName : null,
      dnsNames: kind === 'system' ? form.dnsNames.split(/[\s,]+/).filter(Boolean) : [],
      uses: form.uses as TCertApplicationInput['uses'],
    });
  };
  const err = (k: string) => (errors[k] ? <p className="text-sm text-destructive">{errors[k]}</p> : null);
  const text = (k: keyof typeof form, label: string, required = false) => (
    <div className="grid gap-1">
      <Label htmlFor={`apply-${k}`}>
        {label}
        {required ? ' *' : ''}
      </Label>
      <Input id={`apply-${k}`} value={form[k] as string} onChange={set(k)} aria-invalid={!!errors[k]} />
      {err(k)}
    </div>
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{app ? t('certificates.apply.editTitle') : t('certificates.apply.title')}</DialogTitle>
          <DialogDescription>{step === 1 ? t('certificates.apply.step1') : t('certificates.apply.step2')}</DialogDescription>
        </DialogHeader>
        {step === 1 ? (
          <div className="grid gap-2" role="radiogroup" aria-label={t('certificates.kindLabel')}>
            {certKinds.map((k) => (
              <label key={k} className="flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:checked]:border-primary">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="mt-1" />
                <span>
                  <span className="font-medium">{t(`certificates.kind.${k}`)}</span>
                  <span className="block text-sm text-muted-foreground">{t(`certificates.kindHelp.${k}`)}</span>
                </span>
              </label>
            ))}
            <DialogFooter>
              <Button variant="outline" onClick={() => onOpenChange(false)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => setStep(2)}>{t('certificates.apply.next')}</Button>
            </DialogFooter>
          </div>
        ) : (
          <form className="grid gap-3" onSubmit={submit} noValidate>
            {text('commonName', kind === 'system' ? t('certificates.field.systemOwnerName') : t('certificates.field.commonName'), true)}
            {text('email', t('certificates.field.email'), true)}
            {kind !== 'system' ? text('nip', t('certificates.field.nip'), true) : text('nip', t('certificates.field.nipAdmin'))}
            {kind === 'position' ? text('positionTitle', t('certificates.field.positionTitle'), true) : null}
            {text('unitName', t('certificates.field.unitName'))}
            {kind === 'system' ? text('systemName', t('certificates.field.systemName'), true) : null}
            {kind === 'system' ? text('dnsNames', t('certificates.field.dnsNames'), true) : null}
            <fieldset className="grid gap-1">
              <legend className="text-sm font-medium">{t('certificates.field.uses')} *</legend>
              {certUses.map((u) => (
                <label key={u} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={form.uses.includes(u)}
                    onChange={(e) =>
                      setForm((f) => ({
                        ...f,
                        uses: e.target.checked ? [...f.uses, u] : f.uses.filter((x) => x !== u),
                      }))
                    }
                  />
                  {t(`certificates.use.${u}`)}
                </label>
              ))}
              {err('uses')}
            </fieldset>
            <p className="text-xs text-muted-foreground">{t('certificates.apply.emailHint')}</p>
            <DialogFooter>
              {app ? (
                <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                  {t('common.cancel')}
                </Button>
              ) : (
                <Button type="button" variant="outline" onClick={() => setStep(1)}>
                  {t('certificates.apply.back')}
                </Button>
              )}
              <Button type="submit" disabled={create.isPending}>
                {app ? t('common.save') : t('certificates.apply.create')}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
