import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { toast } from '@/components/form';
import { ChangePasswordForm } from '@/components/password/change-password-form';
import { meQueryKey } from '@/lib/auth';
import { authApi } from '../api';
import { safeRedirect } from '../search';
import { AuthLayout } from './auth-layout';

/** After logging in with a temporary password (new account or reset) the user must choose a new one. */
export function ChangeTemporaryPasswordPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const router = useRouter();
  const navigate = useNavigate();
  const qc = useQueryClient();

  return (
    <AuthLayout title={t('auth.mustChangeTitle')} description={t('auth.mustChangeHelp')}>
      <ChangePasswordForm
        layout="stack"
        currentLabel={t('auth.temporaryPassword')}
        cancelLabel={t('header.logout')}
        onCancel={async () => {
          try {
            await authApi.logout();
          } catch {
            /* ignore */
          }
          qc.setQueryData(meQueryKey, null);
          await navigate({ to: '/login' });
        }}
        onDone={async () => {
          toast.success(t('profile.passwordChanged'));
          await qc.invalidateQueries({ queryKey: meQueryKey });
          router.history.push(safeRedirect(search.redirect));
        }}
      />
    </AuthLayout>
  );
}
