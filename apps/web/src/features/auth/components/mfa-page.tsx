import * as React from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loader2 } from 'lucide-react';
import { ZTotpInput } from '@persada/shared';
import { Button } from '@/components/ui/button';
import { Form, FormError, TextField } from '@/components/form';
import { api, errorText } from '@/lib/api';
import { applyServerErrors } from '@/lib/form-errors';
import { meQueryKey } from '@/lib/auth';
import { zr } from '@/lib/zod-i18n';
import { authApi } from '../api';
import { safeRedirect } from '../search';
import { AuthLayout } from './auth-layout';

/** Second factor: a TOTP code from the authenticator app or a one-time recovery code. */
export function MfaPage() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const router = useRouter();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [recovery, setRecovery] = React.useState(false);
  const [formError, setFormError] = React.useState<string | null>(null);
  const form = useForm({ resolver: zr(ZTotpInput), defaultValues: { code: '' } });

  const verify = useMutation({
    mutationFn: (code: string) => authApi.verifyTotp(code),
    meta: { silent: true },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: meQueryKey });
      router.history.push(safeRedirect(search.redirect));
    },
    onError: (e) => {
      form.setValue('code', '');
      if (!applyServerErrors(e, form.setError, ['code'])) setFormError(errorText(e, i18n.language));
    },
  });

  const cancel = async () => {
    try {
      await api.post('/api/auth/logout', {}, { skipAuthRedirect: true });
    } catch {
      /* ignore */
    }
    qc.setQueryData(meQueryKey, null);
    await navigate({ to: '/login' });
  };

  return (
    <AuthLayout title={t('auth.mfaTitle')} description={recovery ? t('auth.mfaRecoveryHelp') : t('auth.mfaHelp')}>
      <Form
        form={form}
        onSubmit={(v) => {
          setFormError(null);
          verify.mutate(v.code);
        }}
      >
        <FormError message={formError} />
        {recovery ? (
          <TextField key="recovery" name="code" label={t('auth.recoveryCode')} autoComplete="off" autoFocus required />
        ) : (
          <TextField
            key="totp"
            name="code"
            label={t('auth.totpCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            autoFocus
            required
          />
        )}
        <Button type="submit" className="w-full" disabled={verify.isPending}>
          {verify.isPending ? <Loader2 className="animate-spin" /> : null}
          {t('auth.verify')}
        </Button>
      </Form>
      <div className="mt-4 flex flex-col items-center gap-2 text-sm">
        <Button
          variant="link"
          size="sm"
          onClick={() => {
            setRecovery((r) => !r);
            form.reset({ code: '' });
            setFormError(null);
          }}
        >
          {recovery ? t('auth.useTotp') : t('auth.useRecovery')}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => void cancel()}>
          {t('auth.backToLogin')}
        </Button>
      </div>
    </AuthLayout>
  );
}
