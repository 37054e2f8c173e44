import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Languages } from 'lucide-react';
import { api } from '@/lib/api';
import { setLanguage, type Lang } from '@/lib/i18n';
import { meQueryKey, meQueryOptions, type Me } from '@/lib/auth';
import { cn } from '@/lib/utils';

/** ID / EN switch; persisted in localStorage and, when logged in, on the server. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const current: Lang = i18n.language === 'en' ? 'en' : 'id';

  const choose = async (lang: Lang) => {
    if (lang === current) return;
    await setLanguage(lang);
    const me = qc.getQueryData<Me | null>(meQueryKey);
    if (me && !me.mfaPending) {
      try {
        await api.patch('/api/me/preferences', { locale: lang });
        qc.setQueryData(meQueryOptions.queryKey, (old) => (old ? { ...old, locale: lang } : old));
      } catch {
        /* the local choice still applies */
      }
    }
  };

  const btn = (lang: Lang, text: string, label: string) => (
    <button
      type="button"
      onClick={() => void choose(lang)}
      aria-pressed={current === lang}
      aria-label={label}
      lang={lang}
      className={cn(
        'rounded px-2 py-1 text-xs font-semibold transition-colors cursor-pointer',
        current === lang ? 'bg-primary text-primary-foreground' : 'text-muted-foreground hover:text-foreground',
      )}
    >
      {text}
    </button>
  );

  return (
    <div role="group" aria-label={t('lang.label')} className={cn('flex items-center gap-1 rounded-md border p-0.5', className)}>
      <Languages className="mx-1 size-4 text-muted-foreground" aria-hidden="true" />
      {btn('id', 'ID', 'Bahasa Indonesia')}
      {btn('en', 'EN', 'English')}
    </div>
  );
}
