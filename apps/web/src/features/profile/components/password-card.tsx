import { useTranslation } from 'react-i18next';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { toast } from '@/components/form';
import { ChangePasswordForm } from '@/components/password/change-password-form';

export function PasswordCard() {
  const { t } = useTranslation();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('profile.passwordTitle')}</CardTitle>
        <CardDescription>{t('profile.passwordHelp')}</CardDescription>
      </CardHeader>
      <CardContent>
        <ChangePasswordForm onDone={() => toast.success(t('profile.passwordChanged'))} />
      </CardContent>
    </Card>
  );
}
