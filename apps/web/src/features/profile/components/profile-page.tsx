import { useTranslation } from 'react-i18next';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { PageHeader } from '@/components/layout/page-header';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { useMe } from '@/lib/auth';
import { PasswordCard } from './password-card';
import { TotpCard } from './totp-card';
import { SessionsCard } from './sessions-card';
import { TokensCard } from './tokens-card';

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  if (!me) return null;
  return (
    <div>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>{me.displayName}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-3 text-sm">
          <div>{me.email}</div>
          <div className="flex flex-wrap gap-1">
            {me.roles.map((r) => (
              <Badge key={`${r.code}-${r.opdId ?? ''}`} variant="secondary">
                {i18n.language === 'en' ? r.name_en : r.name}
              </Badge>
            ))}
          </div>
          <div className="flex items-center gap-3">
            <span className="text-muted-foreground">{t('lang.label')}</span>
            <LanguageSwitch />
          </div>
        </CardContent>
      </Card>
      <Tabs defaultValue="password">
        <TabsList>
          <TabsTrigger value="password">{t('profile.tabPassword')}</TabsTrigger>
          <TabsTrigger value="totp">{t('profile.tabTotp')}</TabsTrigger>
          <TabsTrigger value="sessions">{t('profile.tabSessions')}</TabsTrigger>
          <TabsTrigger value="tokens">{t('profile.tabTokens')}</TabsTrigger>
        </TabsList>
        <TabsContent value="password">
          <PasswordCard />
        </TabsContent>
        <TabsContent value="totp">
          <TotpCard />
        </TabsContent>
        <TabsContent value="sessions">
          <SessionsCard />
        </TabsContent>
        <TabsContent value="tokens">
          <TokensCard />
        </TabsContent>
      </Tabs>
    </div>
  );
}
