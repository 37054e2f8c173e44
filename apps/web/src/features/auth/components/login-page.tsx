import * as React from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { KeyRound, Loader2 } from 'lucide-react';
import { ZLoginInput } from '@persada/shared';
import { Button } from '@/components/ui/button';
import { Form, FormError, TextField } from '@/components/form';
import { errorText } from '@/lib/api';
import { applyServerErrors } from '@/lib/form-errors';
import { meQueryKey } from '@/lib/auth';
import { translateMessage, zr } from '@/lib/zod-i18n';
import { authApi, SSO_START_URL } from '../api';
import { safeRedirect } from '../search';
import { AuthLayout } from './auth-layout';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ strict: false }) as { redirect?: string; error?: string };
  const navigate = useNavigate();
  const router = useRouter();
  const qc = useQueryClient();
  const [formError, setFormError] = React.useState<string | null>(
    search.error ? translateMessage(search.error, i18n.language === 'en' ? 'en' : 'id') : null,
  );

  const sso = useQuery({ queryKey: ['auth', 'sso-config'], queryFn: authApi.ssoConfig, staleTime: 300_000, meta: { silent: true }, retry: false });

  const form = useForm({ resolver: zr(ZLoginInput), defaultValues: { email: '', password: '' } });

  const login = useMutation({
    mutationFn: authApi.login,
    meta: { silent: true },
    onSuccess: async (res) => {
      await qc.invalidateQueries({ queryKey: meQueryKey });
      if (res.mfaRequired) {
        await navigate({ to: '/login/verifikasi', search: { redirect: search.redirect } });
      } else {
        router.history.push(safeRedirect(search.redirect));
      }
    },
    onError: (e) => {
      form.setValue('password', '');
      if (!applyServerErrors(e, form.setError, ['email', 'password'])) setFormError(errorText(e, i18n.language));
    },
  });

  return (
    <AuthLayout title={t('auth.loginTitle')} description={t('auth.loginSubtitle')}>
      <Form
        form={form}
        onSubmit={(v) => {
          setFormError(null);
          login.mutate(v);
        }}
      >
        <FormError message={formError} />
        <TextField name="email" label={t('auth.email')} type="email" autoComplete="username" autoFocus required />
        <TextField name="password" label={t('auth.password')} type="password" autoComplete="current-password" required />
        <Button type="submit" className="w-full" disabled={login.isPending}>
          {login.isPending ? <Loader2 className="animate-spin" /> : null}
          {t('auth.submit')}
        </Button>
      </Form>
      {sso.data?.enabled ? (
        <div className="mt-4 flex flex-col gap-3">
          <div className="flex items-center gap-3 text-xs text-muted-foreground">
            <span className="h-px flex-1 bg-border" />
            {t('auth.or')}
            <span className="h-px flex-1 bg-border" />
          </div>
          <Button variant="outline" className="w-full" onClick={() => window.location.assign(SSO_START_URL)}>
            <KeyRound />
            {t('auth.sso')}
          </Button>
          {sso.data.label ? <p className="text-center text-xs text-muted-foreground">{sso.data.label}</p> : null}
        </div>
      ) : null}
    </AuthLayout>
  );
}
