/**
 * Change-password form with the BSSN password policy shown live. Used on "Profil saya" and on
 * the forced change after logging in with a temporary password.
 */
import * as React from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Check, Circle, Loader2 } from 'lucide-react';
import { z } from 'zod';
import { messages, ZChangePasswordInput } from '@persada/shared';
import { Button } from '@/components/ui/button';
import { Form, TextField } from '@/components/form';
import { api } from '@/lib/api';
import { applyServerErrors } from '@/lib/form-errors';
import { cn } from '@/lib/utils';
import { zr } from '@/lib/zod-i18n';

/** Password policy of Peraturan BSSN 4/2021, checked live while typing. */
const rules = [
  { key: 'password.min_length', test: (v: string) => v.length >= 12 },
  { key: 'password.upper', test: (v: string) => /[A-Z]/.test(v) },
  { key: 'password.lower', test: (v: string) => /[a-z]/.test(v) },
  { key: 'password.digit', test: (v: string) => /[0-9]/.test(v) },
  { key: 'password.symbol', test: (v: string) => /[^A-Za-z0-9]/.test(v) },
] as const;

export function PasswordPolicy({ value }: { value: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <div className="rounded-md border bg-muted/30 p-3">
      <p className="mb-2 text-sm font-medium">{t('profile.policyTitle')}</p>
      <ul className="flex flex-col gap-1 text-sm" aria-live="polite">
        {rules.map((r) => {
          const ok = r.test(value);
          return (
            <li key={r.key} className={cn('flex items-center gap-2', ok ? 'text-success' : 'text-muted-foreground')}>
              {ok ? <Check className="size-4 shrink-0" /> : <Circle className="size-3.5 shrink-0" />}
              <span>{messages[r.key][lang]}</span>
              <span className="sr-only">{ok ? t('profile.ruleMet') : t('profile.ruleNotMet')}</span>
            </li>
          );
        })}
        <li className="flex items-center gap-2 text-muted-foreground">
          <Circle className="size-3.5 shrink-0" />
          <span>{messages['auth.password_reused'][lang]}</span>
        </li>
      </ul>
    </div>
  );
}

export function ChangePasswordForm({
  onDone,
  onCancel,
  cancelLabel,
  layout = 'side',
  currentLabel,
}: {
  onDone: () => void;
  /** Default: clear the form. */
  onCancel?: () => void;
  cancelLabel?: string;
  /** 'side': policy next to the form (wide screens); 'stack': policy under the fields. */
  layout?: 'side' | 'stack';
  currentLabel?: string;
}) {
  const { t, i18n } = useTranslation();
  const schema = React.useMemo(
    () =>
      ZChangePasswordInput.extend({ confirmPassword: z.string() }).refine((v) => v.newPassword === v.confirmPassword, {
        path: ['confirmPassword'],
        message: t('profile.passwordMismatch'),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n.language],
  );
  const form = useForm({ resolver: zr(schema), defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' } });
  const newPassword = (useWatch({ control: form.control, name: 'newPassword' }) as string) ?? '';

  const save = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => api.post<void>('/api/me/password', v),
    onSuccess: () => {
      form.reset();
      onDone();
    },
    onError: (e) => applyServerErrors(e, form.setError, ['currentPassword', 'newPassword', 'confirmPassword']),
  });

  const fields = (
    <Form form={form} onSubmit={(v) => save.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword })}>
      <TextField name="currentPassword" label={currentLabel ?? t('profile.currentPassword')} type="password" autoComplete="current-password" required />
      <TextField name="newPassword" label={t('profile.newPassword')} type="password" autoComplete="new-password" required />
      <TextField name="confirmPassword" label={t('profile.confirmPassword')} type="password" autoComplete="new-password" required />
      {layout === 'stack' ? <PasswordPolicy value={newPassword} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? <Loader2 className="animate-spin" /> : null}
          {t('profile.changePassword')}
        </Button>
        <Button variant="outline" onClick={() => (onCancel ? onCancel() : form.reset())} disabled={save.isPending}>
          {cancelLabel ?? t('common.cancel')}
        </Button>
      </div>
    </Form>
  );

  if (layout === 'stack') return fields;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {fields}
      <PasswordPolicy value={newPassword} />
    </div>
  );
}
