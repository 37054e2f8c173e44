import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '@/lib/auth';
import { cn } from '@/lib/utils';
import { navGroups } from './nav';

export function Sidebar({ onNavigate, className }: { onNavigate?: () => void; className?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const groups = navGroups
    .map((g) => ({ ...g, items: g.items.filter((i) => hasPermission(me, i.permission)) }))
    .filter((g) => g.items.length > 0);

  return (
    <nav aria-label={t('nav.main')} className={cn('flex flex-col gap-5 p-3', className)}>
      {groups.map((g, gi) => (
        <div key={g.labelKey ?? gi} className="flex flex-col gap-0.5">
          {g.labelKey ? (
            <p className="px-3 pb-1 text-[11px] font-semibold uppercase tracking-wider text-muted-foreground">{t(g.labelKey)}</p>
          ) : null}
          {g.items.map((item) => (
            <Link
              key={item.to}
              to={item.to}
              onClick={onNavigate}
              activeOptions={{ exact: !!item.exact }}
              className="flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground/80 transition-colors hover:bg-sidebar-accent hover:text-sidebar-foreground"
              activeProps={{ className: 'bg-sidebar-accent !text-sidebar-foreground', 'aria-current': 'page' }}
            >
              <item.icon className="size-4 shrink-0" />
              <span>{t(item.labelKey)}</span>
            </Link>
          ))}
        </div>
      ))}
    </nav>
  );
}
