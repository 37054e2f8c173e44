import * as React from 'react';
import { useTranslation } from 'react-i18next';
import { ShieldHalf } from 'lucide-react';
import { LanguageSwitch } from '@/components/layout/language-switch';

export function AuthLayout({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col bg-muted/40">
      <div className="flex justify-end p-4">
        <LanguageSwitch />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-6 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">
          <div className="mb-6 flex flex-col items-center gap-2 text-center">
            <span className="flex size-12 items-center justify-center rounded-lg bg-primary text-primary-foreground">
              <ShieldHalf className="size-7" />
            </span>
            <div className="text-lg font-bold tracking-wide">PERSADA</div>
            <div className="text-xs text-muted-foreground">{t('app.tagline')}</div>
          </div>
          <div className="rounded-lg border bg-card p-6 shadow-sm">
            <h1 className="text-lg font-semibold">{title}</h1>
            {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
            <div className="mt-5">{children}</div>
          </div>
          <p className="mt-6 text-center text-xs text-muted-foreground">{t('app.footer')}</p>
        </div>
      </main>
    </div>
  );
}
