import * as React from 'react';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { Menu, ShieldHalf, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { useMe } from '@/lib/auth';
import { currentLang, hasStoredLanguage, setLanguage } from '@/lib/i18n';
import { Sidebar } from './sidebar';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { UserMenu } from './user-menu';

export function Brand({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="flex items-center gap-2">
      <span className="flex size-8 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <ShieldHalf className="size-5" />
      </span>
      <div className="leading-tight">
        <div className="text-sm font-bold tracking-wide">PERSADA</div>
        {compact ? null : <div className="text-[11px] text-muted-foreground">{t('app.tagline')}</div>}
      </div>
    </div>
  );
}

export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = React.useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  React.useEffect(() => setOpen(false), [pathname]);

  // Adopt the language saved on the server when this browser has no choice yet.
  React.useEffect(() => {
    if (me && !hasStoredLanguage() && me.locale !== currentLang()) void setLanguage(me.locale);
  }, [me]);

  return (
    <div className="min-h-screen bg-muted/30">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2">
        {t('nav.skip')}
      </a>
      {/* Desktop sidebar */}
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 flex-col border-r bg-sidebar lg:flex">
        <div className="flex h-14 items-center border-b px-4">
          <Brand />
        </div>
        <div className="flex-1 overflow-y-auto">
          <Sidebar />
        </div>
      </aside>
      {/* Mobile sidebar */}
      {open ? (
        <div className="fixed inset-0 z-40 lg:hidden">
          <div className="absolute inset-0 bg-black/40" onClick={() => setOpen(false)} aria-hidden="true" />
          <aside className="absolute inset-y-0 left-0 flex w-72 flex-col border-r bg-sidebar shadow-lg">
            <div className="flex h-14 items-center justify-between border-b px-4">
              <Brand />
              <Button variant="ghost" size="icon" onClick={() => setOpen(false)} aria-label={t('common.close')}>
                <X />
              </Button>
            </div>
            <div className="flex-1 overflow-y-auto">
              <Sidebar onNavigate={() => setOpen(false)} />
            </div>
          </aside>
        </div>
      ) : null}

      <div className="lg:pl-64">
        <header className="sticky top-0 z-20 flex h-14 items-center gap-3 border-b bg-background/95 px-4 backdrop-blur">
          <Button variant="ghost" size="icon" className="lg:hidden" onClick={() => setOpen(true)} aria-label={t('nav.open')}>
            <Menu />
          </Button>
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-semibold" data-testid="tenant-name">
              {me?.tenant.name ?? ''}
            </p>
          </div>
          <LanguageSwitch className="hidden sm:flex" />
          <NotificationBell />
          <UserMenu />
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl p-4 md:p-6">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
