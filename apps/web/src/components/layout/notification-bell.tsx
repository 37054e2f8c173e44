import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Bell } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api';

/** Unread-notification count, polled every 60 s. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api.get<{ count: number }>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    meta: { silent: true },
  });
  const count = data?.count ?? 0;
  return (
    <Link
      to="/notifikasi"
      className="relative inline-flex size-9 items-center justify-center rounded-md hover:bg-accent"
      aria-label={count > 0 ? t('header.notificationsUnread', { count }) : t('header.notifications')}
    >
      <Bell className="size-5" />
      {count > 0 ? (
        <span
          className="absolute -right-0.5 -top-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-bold text-destructive-foreground"
          aria-hidden="true"
          data-testid="unread-count"
        >
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
